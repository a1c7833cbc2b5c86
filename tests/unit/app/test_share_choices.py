"""Choosing what a share replaces: finding numbers, words, and the vault's "always" lists."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from peerjournal.app.peers import KEEP_PREF, REDACT_PREF, PeersService, ShareChoices
from peerjournal.app.session import Session
from peerjournal.errors import InvalidInput
from tests.helpers.relay import FakeRelay
from tests.helpers.vault import make_session

BODY = "Walked with Tom Baxter to Leeds, watched Inception, Sam called after."


@pytest.fixture
def alice(tmp_path: Path) -> Iterator[tuple[Session, PeersService, str]]:
    relay = FakeRelay()
    a, b = make_session(tmp_path, "alice"), make_session(tmp_path, "bob")
    svc_a = PeersService(a, relay_for=lambda _u: relay, today=lambda: date(2026, 11, 24))
    svc_b = PeersService(b, relay_for=lambda _u: relay, today=lambda: date(2026, 11, 24))
    _info, code = svc_a.invite("http://relay.test", pseudonym="Alice")
    svc_b.accept(code, pseudonym="Bob")
    svc_a.sync()
    svc_b.sync()
    entry = a.journal.add(BODY, title="Again with Tom")
    yield a, svc_a, entry.id
    a.lock()
    b.lock()


def _preview(svc: PeersService, entry_id: str, **choices: object):  # type: ignore[no-untyped-def]
    return svc.share_preview(entry_id, "Bob", choices=ShareChoices(**choices))  # type: ignore[arg-type]


def test_findings_are_numbered_title_first_and_numbers_change_them(
    alice: tuple[Session, PeersService, str],
) -> None:
    _session, svc, entry_id = alice
    plain = _preview(svc, entry_id)
    texts = [f.text for f in plain.findings]
    assert texts[0] == "Tom" and plain.title_count == 1
    assert plain.title == "Again with [person]" and "Sam" not in plain.body
    sam = texts.index("Sam") + 1
    kept = _preview(svc, entry_id, keep=(sam,))
    assert "Sam called" in kept.body and sam - 1 not in kept.redacted
    assert kept.title == plain.title  # nothing else changed
    # a low-confidence finding can be redacted by number
    unsure = [n + 1 for n, f in enumerate(plain.findings) if not f.auto]
    for number in unsure:
        redacted = _preview(svc, entry_id, redact=(number,))
        assert plain.findings[number - 1].text not in redacted.body


@pytest.mark.parametrize(
    ("choices", "code"),
    [
        ({"redact": (99,)}, "share.no_such_finding"),
        ({"keep": (0,)}, "share.no_such_finding"),
        ({"keep": (2,), "redact": (2,)}, "share.kept_and_redacted"),
        ({"redact_words": ("Nobody",)}, "share.word_not_found"),
        ({"keep_words": ("Nobody",)}, "share.word_not_found"),
        (
            {"redact_words": ("inception",), "keep_words": ("Inception",)},
            "share.word_kept_and_redacted",
        ),
        ({"redact_words": ("  ",)}, "share.word_empty"),
        ({"redact_words": ("x" * 61,)}, "share.word_too_long"),
        ({"keep_words": ("Baxter",)}, "share.word_inside_finding"),
        ({"redact_words": ("Walk",)}, "share.word_not_found"),  # whole words only
    ],
)
def test_hostile_choices_are_refused_with_their_own_message(
    alice: tuple[Session, PeersService, str], choices: dict[str, object], code: str
) -> None:
    _session, svc, entry_id = alice
    with pytest.raises(InvalidInput) as caught:
        _preview(svc, entry_id, **choices)
    assert caught.value.code == code
    assert "\n" not in caught.value.message


def test_words_for_one_share_and_the_always_lists(
    alice: tuple[Session, PeersService, str],
) -> None:
    session, svc, entry_id = alice
    once = _preview(svc, entry_id, redact_words=("Inception",), keep_words=("Leeds",))
    assert "Inception" not in once.body and "[redacted]" in once.body and "Leeds" in once.body
    assert "Inception" in _preview(svc, entry_id).body  # only that once
    assert svc.word_lists() == ([], [])

    svc.remember_word("inception", keep=False)
    svc.remember_word("  Leeds ", keep=True)
    assert svc.word_lists() == (["Leeds"], ["inception"])
    later = _preview(svc, entry_id)
    assert "Inception" not in later.body and "Leeds" in later.body
    # kept in the vault's prefs table (encrypted), and moving a word moves it
    assert session.prefs.get(KEEP_PREF) == ["Leeds"]
    svc.remember_word("Leeds", keep=False)
    assert svc.word_lists() == ([], ["inception", "Leeds"])
    assert "Leeds" not in _preview(svc, entry_id).body
    # this share's own words win over the stored lists
    assert "Leeds" in _preview(svc, entry_id, keep_words=("Leeds",)).body
    assert session.prefs.get(REDACT_PREF) == ["inception", "Leeds"]


def test_stored_lists_that_are_malformed_are_ignored_not_trusted(
    alice: tuple[Session, PeersService, str],
) -> None:
    session, svc, entry_id = alice
    session.prefs.set(KEEP_PREF, {"not": "a list"})
    session.prefs.set(REDACT_PREF, ["Inception", 7, None, "", "inception"])
    assert svc.word_lists() == ([], ["Inception"])
    assert "Inception" not in _preview(svc, entry_id).body


def test_with_text_refuses_empty_and_too_long_text(
    alice: tuple[Session, PeersService, str],
) -> None:
    _session, svc, entry_id = alice
    preview = _preview(svc, entry_id)
    assert svc.with_text(preview, "  mine \n").body == "mine"
    for bad in ("", " \n\t"):
        with pytest.raises(InvalidInput) as caught:
            svc.with_text(preview, bad)
        assert caught.value.code == "share.text_empty"
    with pytest.raises(InvalidInput) as caught:
        svc.with_text(preview, "x" * 1_000_000)
    assert caught.value.code == "share.too_long"
