"""Property tests (hypothesis) and hostile-input tests for the anonymiser."""

from __future__ import annotations

import os
import random

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerjournal.anonymise import CATEGORY, DEFAULT_REGIONS, Anonymiser, Finding

ANON = Anonymiser(people=["Anna", "Jonas Müller"], places=["Leeds"])
SETTINGS = settings(
    max_examples=int(os.environ.get("PJ_HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# --- generated secrets --------------------------------------------------------------------

_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_label = st.text(alphabet=_ALNUM, min_size=1, max_size=12)
_tld = st.sampled_from(["com", "org", "net", "io", "de", "co.uk", "fr", "info", "social"])
_domain = st.builds(
    lambda labels, tld: ".".join([*labels, tld]), st.lists(_label, min_size=1, max_size=3), _tld
)
emails = st.builds(
    lambda local, domain: f"{local}@{domain}",
    st.text(alphabet=_ALNUM + "._+-", min_size=1, max_size=30).filter(
        lambda s: s[0].isalnum() and s[-1].isalnum()
    ),
    _domain,
)
urls = st.builds(
    lambda scheme, domain, path: f"{scheme}{domain}{path}",
    st.sampled_from(["https://", "http://", "www.", ""]),
    _domain,
    st.sampled_from(["", "/", "/a/b", "/x?y=1&z=2", "/p#frag", "/~me/page.html"]),
)
ipv4 = st.ip_addresses(v=4).map(str)
# short IPv6 forms such as "::" or "::1" say nothing about anyone and are not redacted
ipv6 = st.ip_addresses(v=6).map(str).filter(lambda s: sum(c not in ":." for c in s) >= 3)


def _example_numbers() -> list[str]:
    numbers = []
    for region in DEFAULT_REGIONS:
        for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            for fmt in (
                phonenumbers.PhoneNumberFormat.INTERNATIONAL,
                phonenumbers.PhoneNumberFormat.NATIONAL,
                phonenumbers.PhoneNumberFormat.E164,
            ):
                numbers.append(phonenumbers.format_number(example, fmt))
    return sorted(set(numbers))


phones = st.sampled_from(_example_numbers())
secrets = st.one_of(emails, urls, ipv4, ipv6, phones)
# Filler may be any text; it is joined to the secrets by line breaks so that it cannot
# legitimately change what the secret is (glue "x" onto an email and it is another email).
filler = st.text(max_size=40)


def _check_invariants(text: str, findings: list[Finding]) -> None:
    previous_end = 0
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.start >= previous_end, "findings overlap or are unsorted"
        assert text[finding.start : finding.end] == finding.text
        previous_end = finding.end


# --- properties ----------------------------------------------------------------------------


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_gives_in_bounds_non_overlapping_findings(text: str) -> None:
    result = ANON.redact(text)
    _check_invariants(text, list(result.findings))
    assert set(result.applied) <= set(result.findings)
    assert all(f.auto for f in result.applied)


@SETTINGS
@given(st.text(alphabet=st.sampled_from("aA1:.@/+-# ()[]'s\n0x"), max_size=200))
def test_punctuation_heavy_text_never_breaks_invariants(text: str) -> None:
    _check_invariants(text, ANON.find(text))


@SETTINGS
@given(st.lists(st.tuples(filler, secrets), min_size=1, max_size=4), filler)
def test_embedded_secrets_never_survive(parts: list[tuple[str, str]], tail: str) -> None:
    text = "\n".join([piece for pair in parts for piece in pair] + [tail])
    result = ANON.redact(text)
    for _, secret in parts:
        assert secret not in result.text


# Prose-like filler: letters, spaces and punctuation, no digits (a digit glued to a phone
# number by a space can legitimately make a different, longer number).
prose = st.text(alphabet=st.characters(categories=("L", "Zs", "Po", "Ps", "Pe", "Pd")), max_size=30)


@SETTINGS
@given(st.lists(st.tuples(prose, secrets), min_size=1, max_size=4), prose)
def test_secrets_in_prose_joined_by_spaces_never_survive(
    parts: list[tuple[str, str]], tail: str
) -> None:
    text = " ".join([piece for pair in parts for piece in pair] + [tail])
    result = ANON.redact(text)
    for _, secret in parts:
        assert secret not in result.text


punctuation = st.sampled_from([", ", "; ", " / ", " (", ") ", ": ", " - ", ". ", "\n- ", "! "])


@SETTINGS
@given(st.lists(st.tuples(prose, punctuation, secrets, punctuation), min_size=1, max_size=4))
def test_secrets_between_punctuation_never_survive(
    parts: list[tuple[str, str, str, str]],
) -> None:
    text = "".join(before + left + secret + right for before, left, secret, right in parts)
    result = ANON.redact(text)
    for _, _, secret, _ in parts:
        assert secret not in result.text


@SETTINGS
@given(st.lists(st.tuples(prose, secrets), min_size=1, max_size=4), st.randoms())
def test_any_choice_of_findings_is_applied_exactly(
    parts: list[tuple[str, str]], rnd: random.Random
) -> None:
    text = " ".join(piece for pair in parts for piece in pair)
    chosen = {f for f in ANON.find(text) if rnd.random() < 0.5}
    result = ANON.redact(text, accept=lambda f: f in chosen)
    assert set(result.applied) == chosen
    pieces, position = [], 0
    for finding in sorted(chosen, key=lambda f: f.start):
        pieces += [text[position : finding.start], finding.replacement]
        position = finding.end
    assert result.text == "".join([*pieces, text[position:]])


@SETTINGS
@given(st.text(max_size=300))
def test_declining_everything_returns_the_original(text: str) -> None:
    assert ANON.redact(text, accept=lambda f: False).text == text


@SETTINGS
@given(st.lists(st.tuples(filler, secrets), max_size=4), filler)
def test_redaction_is_idempotent(parts: list[tuple[str, str]], tail: str) -> None:
    text = "\n".join([piece for pair in parts for piece in pair] + [tail])
    once = ANON.redact(text).text
    again = ANON.redact(once)
    assert [f for f in again.findings if f.auto and f.kind in {"email", "phone", "url", "ip"}] == []


@SETTINGS
@given(st.text(max_size=300))
def test_redacting_arbitrary_text_twice_adds_nothing_sensitive(text: str) -> None:
    once = ANON.redact(text).text
    again = ANON.redact(once)
    assert [f for f in again.findings if f.auto and f.kind in {"email", "phone", "url", "ip"}] == []


@SETTINGS
@given(st.lists(st.text(min_size=1, max_size=20), max_size=5), st.text(max_size=200))
def test_any_people_list_is_accepted(people: list[str], text: str) -> None:
    anonymiser = Anonymiser(people=people, regions=["GB"])
    _check_invariants(text, anonymiser.find(text))


@SETTINGS
@given(st.sampled_from(["Anna", "Jonas Müller", "Leeds"]), filler, filler)
def test_listed_names_are_always_redacted(name: str, before: str, after: str) -> None:
    text = f"{before} {name} {after}"
    assert name not in ANON.redact(f"{before}\n{name}\n{after}").text
    assert f" {name} " not in ANON.redact(text).text


# --- hostile input: linear-ish time ---------------------------------------------------------

_N = 100_000
_ADVERSARIAL = {
    "letters": "a" * _N,
    "at-signs": "a@" * (_N // 2),
    "dots": "a." * (_N // 2),
    "spaced digits": "1 " * (_N // 2),
    "hyphen digits": "1-" * (_N // 2),
    "colons": "1:" * (_N // 2),
    "hex colons": "f:" * (_N // 2),
    "plus digits": "+1" * (_N // 2),
    "zeros": "0" * _N,
    "handles": "@a." * (_N // 3),
    "capitals": "Aa " * (_N // 3),
    "schemes": "http://" * (_N // 7),
    "www": "www." * (_N // 4),
    "long domain": "a@" + "b." * (_N // 2),
    "digit groups": "12 " * (_N // 3),
    "names": "anna " * (_N // 5),
    "addresses": "1 Aa Bb " * (_N // 8),
    "street words": "A" + "a" * _N,
    "rue": "12 rue de " * (_N // 10),
    "mixed": "".join(random.Random(7).choice("aA1.@:/ -+#()[]'s\n") for _ in range(_N)),
    "placeholders": "[person] " * (_N // 9),
    "titles": "Mr " * (_N // 3),
    "birth dates": "born on 14/03/2009 " * (_N // 19),
    "id numbers": "NHS 398 259 7919 SSN 171-54-7673 " * (_N // 33),
    "spelt-out emails": "a at b dot " * (_N // 11),
    "platform handles": "snap: a_1 " * (_N // 10),
    "organisations": "Aa Bb Academy " * (_N // 14 + 1),
    "whole names": "Priya Sharma and " * (_N // 17),
}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", sorted(_ADVERSARIAL))
def test_large_adversarial_input_completes(name: str) -> None:
    text = _ADVERSARIAL[name]
    assert len(text) >= _N - 10
    result = ANON.redact(text)
    _check_invariants(text, list(result.findings))


# --- replacement is idempotent, findings never overlap ---------------------------------------

journal_words = st.sampled_from(
    [
        "Priya", "told", "me", "at", "St", "Bede's", "High", "School", "in", "Kettering",
        "Mr", "Okafor", "said", "hannah.b", "gmail", "dot", "com", "born", "on", "14/03/2009",
        "NHS", "398 259 7919", "snap:", "kira.xo22", "Tanaka-san", "with", "Will", "and",
        "Ella", "10000", "steps", "Dr", "Müller", "Frau", "Lycée", "Victor", "Hugo", "😭",
        "lol", "i", "texted", "mark", "Grace", "the", "Rose", "4111 1111 1111 1111",
    ]
)  # fmt: skip
journal_text = st.lists(
    st.tuples(journal_words, st.sampled_from([" ", " ", ", ", ". ", "\n", "! "])),
    max_size=30,
).map(lambda parts: "".join(word + gap for word, gap in parts))


@SETTINGS
@given(st.one_of(journal_text, st.text(max_size=200)))
def test_replacing_again_finds_nothing_new_to_replace(text: str) -> None:
    once = ANON.redact(text).text
    twice = ANON.redact(once).text
    assert twice == once


@SETTINGS
@given(st.one_of(journal_text, st.text(max_size=200)))
def test_findings_never_overlap_and_every_one_has_a_category(text: str) -> None:
    findings = ANON.find(text)
    _check_invariants(text, findings)
    for finding in findings:
        assert finding.kind in CATEGORY
        assert finding.replacement == CATEGORY[finding.kind].placeholder
        assert finding.confidence in {"high", "low"}


@SETTINGS
@given(journal_text)
def test_a_replaced_identifier_never_survives_elsewhere_in_the_text(text: str) -> None:
    """Identifiers recognised by their shape are replaced wherever they occur."""
    result = ANON.redact(text)
    shaped = {"email", "url", "ip", "phone", "id_number", "account"}
    for finding in result.applied:
        if len(finding.text) >= 6 and finding.kind in shaped:
            assert finding.text not in result.text
