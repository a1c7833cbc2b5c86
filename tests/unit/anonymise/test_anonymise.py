"""Example tests for each anonymiser detector, including false positives to avoid."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from peerjournal.anonymise import (
    CATEGORY,
    PLACEHOLDERS,
    Anonymiser,
    Finding,
    apply_findings,
    coarsen_datetime,
    resolve_overlaps,
)


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(
        people=["Anna", "Jonas Müller", "प्रिया", "田中", "María José"],
        places=["Leeds", "Café Lumen", "Kreuzberg"],
    )


def kinds(anon: Anonymiser, text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in anon.find(text)]


def redacted(anon: Anonymiser, text: str) -> str:
    return anon.redact(text).text


# --- emails, links, handles, addresses ------------------------------------------------


@pytest.mark.parametrize(
    "email",
    ["anna.b@example.co.uk", "x+tag@mail.example.org", "jürgen@müller.de", "a_b-c@sub.host.io"],
)
def test_emails_are_redacted(anon: Anonymiser, email: str) -> None:
    assert redacted(anon, f"Write to {email}. Thanks") == "Write to [email]. Thanks"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See https://example.com/a?b=1#c.", "See [link]."),
        ("(see http://example.org/wiki/Foo_(bar))", "(see [link])"),
        ("go to www.beispiel.de/seite, then", "go to [link], then"),
        ("try bit.ly/abc123 now", "try [link] now"),
        ("my blog is anna.example.org!", "my blog is [link]!"),
        ("deep a.b.c.d.e.f.g.h.i.j.example.com/x ok", "deep [link] ok"),
    ],
)
def test_links_with_and_without_scheme(anon: Anonymiser, text: str, expected: str) -> None:
    assert redacted(anon, text) == expected


@pytest.mark.parametrize(
    "text",
    ["e.g. this, i.e. that", "file.txt and notes.md", "it was 3.5 km", "U.S. and a.m."],
)
def test_ordinary_dotted_words_are_not_links(anon: Anonymiser, text: str) -> None:
    assert [k for k, _ in kinds(anon, text) if k == "url"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("follow @priya_k on there", "follow [handle] on there"),
        ("I'm @anna@mastodon.social now", "I'm [handle] now"),
        ("ask u/throwaway_42 about it", "ask [handle] about it"),
        ("add me: sunny.day#1234", "add me: [handle]"),
    ],
)
def test_social_handles(anon: Anonymiser, text: str, expected: str) -> None:
    assert redacted(anon, text) == expected


def test_ipv6_before_a_colon(anon: Anonymiser) -> None:
    assert redacted(anon, "see 64:ff9b::: and fe80::1ff:fe23:4567:890a: ok") == (
        "see [IP address]: and [IP address]: ok"
    )


def test_an_ipv6_address_of_digits_only_is_found(anon: Anonymiser) -> None:
    # found by hypothesis: eight groups of digits passed as "a time"
    assert redacted(anon, ", 0:1:0:1:0:1:0:1, ") == ", [IP address], "
    assert redacted(anon, "at 10:30:00") == "at [time]"


def test_ipv4_and_ipv6(anon: Anonymiser) -> None:
    text = "from 192.168.1.20 and 2001:db8::8a2e:370:7334, not 999.1.1.1 or 10:30:00"
    assert redacted(anon, text) == "from [IP address] and [IP address], not 999.1.1.1 or [time]"


# --- phone numbers --------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "020 7946 0958",  # GB national
        "+44 20 7946 0958",
        "(415) 555-2671",  # US
        "+1 415 555 2671",
        "0151 23456789",  # DE mobile
        "+49 30 901820",
        "06 12 34 56 78",  # FR
        "090-1234-5678",  # JP mobile
        "+91 98765 43210",  # IN
        "+61 2 9374 4000",  # AU
        "+55 11 91234-5678",  # BR
        "+34 612 34 56 78",  # ES
    ],
)
def test_phone_numbers_of_many_regions(anon: Anonymiser, number: str) -> None:
    assert redacted(anon, f"call {number} soon") == "call [phone] soon"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("電話番号：０９０－１２３４－５６７８", "電話番号：[phone]"),
        ("＋８１　９０　１２３４　５６７８です", "[phone]です"),
        ("call +1-415-555-2671x23", "call [phone]x23"),
        ("ring 07700 900123 or 07700 900456", "ring [phone] or [phone]"),
        ("(11) 2345-6789 0.0.0.0", "[phone] [IP address]"),
        ("(02) 1234 5678  01 23 45 67 89", "[phone]  [phone]"),
    ],
)
def test_full_width_numbers_extensions_and_neighbours(
    anon: Anonymiser, text: str, expected: str
) -> None:
    assert redacted(anon, text) == expected


def test_international_number_in_a_region_not_listed_is_found() -> None:
    only_gb = Anonymiser(regions=["GB"])
    assert only_gb.redact("ring +81 90 1234 5678 now").text == "ring [phone] now"
    assert only_gb.redact("ring +99 123 456 789 now").text == "ring [phone] now"


@pytest.mark.parametrize(
    "text",
    [
        "On 2026-11-24 we met",
        "in 2026 and 1999",
        "from 2019-2026",
        "on 24.11.2026 and 11/24/2026 and 2026/11/24",
        "ran 3.5 km, then 12.75 km",
        "pi is 3.14159",
        "I slept badly",
        "scores 10, 20 and 30; 7 of 10",
        "2026-11-24 2026-11-25 2026-11-26",
        "24.11.2026 25.11.2026",
        "v1.2 3.4 5.6 7.8 9.1",
        "from 2019-2026 and 1999-2005",
    ],
)
def test_dates_years_and_decimals_are_left_alone(anon: Anonymiser, text: str) -> None:
    assert anon.redact(text).text == text


def test_times_are_not_phone_numbers(anon: Anonymiser) -> None:
    assert kinds(anon, "between 10:30-11:45 today") == [("time", "10:30"), ("time", "11:45")]


# --- digits -----------------------------------------------------------------------------


def test_long_digit_runs_but_not_years(anon: Anonymiser) -> None:
    text = "student number 20481234, in 2026, room 1234, code 12345"
    assert redacted(anon, text) == "student number [ID number], in 2026, room 1234, code [number]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IBAN DE89 3704 0044 0532 0130 00 ok", "IBAN [account number] ok"),
        ("pay GB82WEST12345698765432.", "pay [account number]."),
        ("NI number AB 12 34 56 C here", "NI number [ID number] here"),
    ],
)
def test_bank_and_national_insurance_numbers(anon: Anonymiser, text: str, expected: str) -> None:
    assert redacted(anon, text) == expected


def test_iban_checksum() -> None:
    from peerjournal.anonymise.patterns import iban_is_valid

    assert iban_is_valid("GB82 WEST 1234 5698 7654 32")
    assert not iban_is_valid("GB82 WEST 1234 5698 7654 31")
    assert not iban_is_valid("GB82")


def test_grouped_card_numbers(anon: Anonymiser) -> None:
    assert redacted(anon, "card 4111 1111 1111 1111 ok") == "card [account number] ok"


# --- times ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("met at 14:30.", "met at [time]."),
        ("woke at 3pm. Then", "woke at [time]. Then"),
        ("at 11 a.m. sharp", "at [time] sharp"),
        ("at half past two", "at [time]"),
        ("um 14 Uhr", "um [time]"),
        ("um halb drei", "um [time]"),
        ("14時30分に会った", "[time]に会った"),
        ("at 9:05:12 pm", "at [time]"),
    ],
)
def test_exact_times_become_placeholders(anon: Anonymiser, text: str, expected: str) -> None:
    assert redacted(anon, text) == expected


def test_am_as_a_word_is_not_a_time(anon: Anonymiser) -> None:
    assert redacted(anon, "I am 15 and I am tired") == "I am 15 and I am tired"


# --- people and places ------------------------------------------------------------------


def test_people_and_places_case_insensitive_whole_word(anon: Anonymiser) -> None:
    text = "ANNA and anna met in leeds; Annapurna did not."
    result = anon.redact(text)
    assert result.text == "[person] and [person] met in [place]; Annapurna did not."
    listed = [f.text for f in result.findings if f.priority == 1]
    assert listed == ["ANNA", "anna", "leeds"]  # the user's lists, not the detectors' guesses


def test_possessives_keep_their_grammar(anon: Anonymiser) -> None:
    assert redacted(anon, "Anna's dog and Anna’s cat") == "[person]'s dog and [person]’s cat"
    assert redacted(anon, "Annas Buch liegt in Kreuzberg") == "[person] Buch liegt in [place]"


def test_multi_word_names_and_their_parts(anon: Anonymiser) -> None:
    text = "Jonas  Müller came; later Jonas left Café Lumen"
    assert redacted(anon, text) == "[person] came; later [person] left [place]"


def test_non_english_texts(anon: Anonymiser) -> None:
    german = "Heute habe ich Jonas in Kreuzberg getroffen, Handy 0151 23456789."
    assert redacted(anon, german) == "Heute habe ich [person] in [place] getroffen, Handy [phone]."
    spanish = "Hoy vi a María José a las 3pm; su correo es mj@ejemplo.es."
    assert redacted(anon, spanish) == "Hoy vi a [person] a las [time]; su correo es [email]."
    japanese = "今日は田中さんと14時30分に会いました。電話は090-1234-5678です。"
    assert redacted(anon, japanese) == "今日は[person]さんと[time]に会いました。電話は[phone]です。"
    hindi = "आज प्रिया से मिला, उसका नंबर +91 98765 43210 है।"
    assert redacted(anon, hindi) == "आज [person] से मिला, उसका नंबर [phone] है।"


def test_placeholder_words_in_the_people_list_do_not_match_placeholders() -> None:
    odd = Anonymiser(people=["person", "Link"])
    assert odd.redact("[person] and [link]").text == "[person] and [link]"


def test_uk_and_canadian_postcodes(anon: Anonymiser) -> None:
    text = "We live at SW1A 1AA, then LS1 4AP and K1A 0B1; not at A1 or OK 2DAY."
    assert (
        redacted(anon, text)
        == "We live at [postcode], then [postcode] and [postcode]; not at A1 or OK 2DAY."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lindenstraße 14, 10115 Berlin", "[address], [postcode] Berlin"),
        ("75011 Paris est loin", "[postcode] Paris est loin"),
        ("〒100-0001 東京都", "[postcode] 東京都"),
        ("our PIN code is 560001", "our PIN code is [postcode]"),
    ],
)
def test_other_postcodes(anon: Anonymiser, text: str, expected: str) -> None:
    assert redacted(anon, text) == expected


def test_five_digits_before_a_noun_are_not_a_postcode(anon: Anonymiser) -> None:
    assert redacted(anon, "Heute 12000 Schritte und 10000 Kalorien") == (
        "Heute 12000 Schritte und 10000 Kalorien"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I live at 221B Baker Street, London.", "I live at [address], London."),
        ("moved to 12 Rose Hill Road last year", "moved to [address] last year"),
        ("Wir wohnen in der Hauptstraße 5.", "Wir wohnen in der [address]."),
        ("Vivo en la Calle Mayor 12, Madrid", "Vivo en la [address], Madrid"),
        ("au 12 rue de Rivoli à Paris", "au [address] à [place]"),
        ("abito in via Roma 3", "abito in [address]"),
    ],
)
def test_street_addresses(anon: Anonymiser, text: str, expected: str) -> None:
    assert redacted(anon, text) == expected


@pytest.mark.parametrize(
    "text",
    ["I walked 5 Km on a street", "We had 3 Big Macs", "sent via Email today", "a nice place"],
)
def test_ordinary_phrases_are_not_addresses(anon: Anonymiser, text: str) -> None:
    assert [f for f in anon.find(text) if f.kind in {"place", "address"}] == []


# --- confidence -------------------------------------------------------------------------


def test_unknown_capitalised_words_are_flagged_not_replaced(anon: Anonymiser) -> None:
    text = "Today I think Zorblax is great. Zorblax is kind. Monday will be better."
    result = anon.redact(text)
    assert result.text == text  # low-confidence findings are not applied by default
    flagged = [(f.text, f.start, f.confidence) for f in result.findings]
    assert flagged == [("Zorblax", 14, "low"), ("Zorblax", 32, "low")]


def test_a_name_confirmed_once_is_replaced_everywhere(anon: Anonymiser) -> None:
    text = "Today I saw Bob at the park. Bob was kind."
    assert redacted(anon, text) == "Today I saw [person] at the park. [person] was kind."


def test_stop_words_and_sentence_starts_are_not_flagged(anon: Anonymiser) -> None:
    text = "Yesterday I felt low. Then in December I'm going to see Mum on Friday. OK?"
    assert kinds(anon, text) == []


def test_title_case_headings_replace_only_sure_names() -> None:
    anon = Anonymiser()
    found = [(f.text, f.auto) for f in anon.find("Hard Talk With Mum About Bob")]
    assert found == [("Bob", False)]  # "Bob" is also a word; capitals say little in a heading
    found = [(f.text, f.auto) for f in anon.find("Hard Talk With Mum About Priya")]
    assert found == [("Priya", True)]  # a first name that is nothing else


def test_possessive_is_kept_outside_the_placeholder(anon: Anonymiser) -> None:
    result = anon.redact("I borrowed Carla's book")
    assert result.text == "I borrowed [person]'s book"


def test_accept_decides_per_finding(anon: Anonymiser) -> None:
    text = "Today Zorblax waved. Anna met me at 14:30"
    assert [f.confidence for f in anon.find(text)] == ["low", "high", "high"]
    only_names = anon.redact(text, accept=lambda f: f.kind == "person")
    assert only_names.text == "Today [person] waved. [person] met me at 14:30"
    assert [f.kind for f in only_names.applied] == ["person", "person"]
    assert anon.redact(text, accept=lambda f: False).text == text


# --- overlaps and application -------------------------------------------------------------


def test_most_specific_wins_on_overlap(anon: Anonymiser) -> None:
    # the email contains a person's name and a domain; the link contains a handle
    assert kinds(anon, "anna@leeds.example.com") == [("email", "anna@leeds.example.com")]
    assert kinds(anon, "https://reddit.com/u/someone") == [("url", "https://reddit.com/u/someone")]


def test_resolve_overlaps_prefers_automatic_then_longer() -> None:
    text = "Anna Smith"
    review = Finding(0, 10, text, "person", "[person]", False)
    person = Finding(0, 4, "Anna", "person", "[person]", True)
    longer = Finding(0, 10, text, "place", "[place]", True)
    assert resolve_overlaps([review, person]) == [person]
    assert resolve_overlaps([person, longer]) == [longer]


def test_apply_findings_skips_overlapping_and_out_of_range() -> None:
    text = "abcdef"
    findings = [
        Finding(0, 2, "ab", "digits", "[number]", True),
        Finding(1, 3, "bc", "digits", "[number]", True),
        Finding(4, 9, "ef", "digits", "[number]", True),
    ]
    new_text, applied = apply_findings(text, findings)
    assert new_text == "[number]cdef"
    assert applied == (findings[0],)


def test_every_category_is_found_with_its_placeholder_and_description(anon: Anonymiser) -> None:
    text = (
        "Anna in Leeds, a@b.io, +44 20 7946 0958, x.org/a, @h, 1.2.3.4, 123456, 14:30, "
        "NHS number 943 476 5919, IBAN GB82 WEST 1234 5698 7654 32, born on 3 May 2009, "
        "turned 16, 14 Larkspur Road, LS6 2QT, Riverside Academy, Beechwood Clinic, "
        "Halden Ltd, moved to Kettering"
    )
    found = {f.kind: f for f in anon.find(text)}
    found.update({f.kind: f for f in Anonymiser(redact=["Biscuit"]).find("Biscuit")})
    assert set(found) == set(PLACEHOLDERS)
    for kind, finding in found.items():
        assert finding.replacement == PLACEHOLDERS[kind]
        assert finding.description == CATEGORY[kind].description
        assert finding.description.startswith(("a ", "an "))


# --- robustness and API ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", "\x00\ud800\U0010ffff", "\u202e\u200d🙂👩‍👩‍👧", "‏עברית", "\r\n\t"]
)
def test_odd_unicode_is_handled(anon: Anonymiser, text: str) -> None:
    result = anon.redact(text)
    assert result.original == text
    assert all(text[f.start : f.end] == f.text for f in result.findings)


def test_bad_arguments_raise_clear_errors() -> None:
    with pytest.raises(ValueError, match="unknown phone region"):
        Anonymiser(regions=["XX"])
    with pytest.raises(TypeError):
        Anonymiser().find(b"bytes")  # type: ignore[arg-type]


def test_regions_are_normalised() -> None:
    assert Anonymiser(regions=["gb", "GB", "jp"]).regions == ("GB", "JP")


def test_coarsen_datetime_keeps_only_the_local_day() -> None:
    late = datetime(2026, 11, 24, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert coarsen_datetime(late) == date(2026, 11, 24)
    assert coarsen_datetime(late, UTC) == date(2026, 11, 25)
    assert coarsen_datetime(datetime(2026, 1, 2, 8, 15)) == date(2026, 1, 2)
    assert type(coarsen_datetime(late)) is date
    with pytest.raises(TypeError):
        coarsen_datetime(date(2026, 1, 2))  # type: ignore[arg-type]


# --- the user's "always" choices ----------------------------------------------------------


def test_words_on_the_keep_list_are_not_reported() -> None:
    anon = Anonymiser(keep=["Zorblax", "  priya  "])
    text = "Today I think Zorblax is great and Priya agrees."
    assert anon.find(text) == []
    assert Anonymiser().find(text) != []


def test_words_on_the_redact_list_are_always_replaced() -> None:
    anon = Anonymiser(redact=["the blue house", "Biscuit"])
    result = anon.redact("We walked past The Blue House with biscuit, our dog.")
    assert result.text == "We walked past [redacted] with [redacted], our dog."
    assert {f.kind for f in result.findings} == {"custom"}
    assert all(f.description == "a word you chose to redact" for f in result.findings)
    # a phrase is matched whole, never by its parts
    assert anon.redact("a blue sky").text == "a blue sky"
