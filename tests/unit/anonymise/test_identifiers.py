"""ID numbers (check digits), dates of birth, ages, obfuscated emails, handles and quantities."""

from __future__ import annotations

import pytest

from peerjournal.anonymise import Anonymiser


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser()


def replaced(anon: Anonymiser, text: str) -> str:
    return anon.redact(text).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SSN 171-54-7673 on the form", "SSN [ID number] on the form"),
        ("my social is 092 42 5287", "my social is [ID number]"),
        ("NHS number 398 259 7919", "NHS number [ID number]"),
        ("NHS no. 6786981984", "NHS no. [ID number]"),
        ("National insurance: AB 12 34 56 C", "National insurance: [ID number]"),
        ("My NI number is QQ 12 34 56 C", "My NI number is [ID number]"),
        ("Steuer-ID: 84 159 263 274", "Steuer-ID: [ID number]"),
        ("sécu 1 60 12 80 638 402 41", "sécu [ID number]"),
        ("Mi DNI es 44266901C", "Mi DNI es [ID number]"),
        ("NIE Y1142759H", "NIE [ID number]"),
        ("Aadhaar 4547 0681 1707", "Aadhaar [ID number]"),
        ("PAN card XVZPK0801F", "PAN card [ID number]"),
        ("マイナンバー 4620 4527 5632", "マイナンバー [ID number]"),
        ("my passport number is 533380006", "my passport number is [ID number]"),
        ("Student ID 20481234", "Student ID [ID number]"),
        (
            "account number 31926819, sort code 60-16-13",
            "account number [account number], sort code [account number]",
        ),
    ],
)
def test_id_numbers(anon: Anonymiser, text: str, expected: str) -> None:
    assert replaced(anon, text) == expected


def test_ssn_is_not_a_date_and_nhs_is_not_a_phone(anon: Anonymiser) -> None:
    kinds = [(f.kind, f.text) for f in anon.find("SSN 171-54-7673, NHS 943 476 5919")]
    assert kinds == [("id_number", "171-54-7673"), ("id_number", "943 476 5919")]


def test_a_bad_check_digit_is_not_an_id(anon: Anonymiser) -> None:
    assert [f.kind for f in anon.find("ref 943 476 5918")] != ["id_number"]


def test_a_card_number_is_not_cut_into_ids(anon: Anonymiser) -> None:
    assert replaced(anon, "card 4111 1111 1111 1111 ok") == "card [account number] ok"


def test_a_phone_number_that_passes_a_check_digit_stays_a_phone(anon: Anonymiser) -> None:
    assert replaced(anon, "call +1 415 555 2671 soon") == "call [phone] soon"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was born on 14/03/2009 which", "I was born on [date of birth] which"),
        ("DOB: March 3rd, 2008. Typing", "DOB: [date of birth]. Typing"),
        ("dob 2009-11-04. fair", "dob [date of birth]. fair"),
        ("born 2 June 2007, which", "born [date of birth], which"),
        ("my birthday is 3 May and", "my birthday is [date of birth] and"),
        ("My birthday's 21st of June.", "My birthday's [date of birth]."),
        ("born in 2008, so", "born in [date of birth], so"),
        ("b. 12.04.2006", "b. [date of birth]"),
        ("Geboren am 3. März 2009 –", "Geboren am [date of birth] –"),
        ("Geburtsdatum: 14.05.2008", "Geburtsdatum: [date of birth]"),
        ("Je suis née le 12 avril 2008, donc", "Je suis née le [date of birth], donc"),
        ("Mi cumpleaños es el 14 de marzo y", "Mi cumpleaños es el [date of birth] y"),
        ("Fecha de nacimiento: 3 de marzo de 2007", "Fecha de nacimiento: [date of birth]"),
        ("生年月日 2008年3月3日", "生年月日 [date of birth]"),
        (
            "date of birth so I wrote 9 October 2008 and",
            "date of birth so I wrote [date of birth] and",
        ),
        ("born, if you must know, on 3/4/2009.", "born, if you must know, on [date of birth]."),
    ],
)
def test_dates_of_birth(anon: Anonymiser, text: str, expected: str) -> None:
    assert replaced(anon, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my sister turned 16 today", "my sister turned [age] today"),
        ("Turning 15 tomorrow", "Turning [age] tomorrow"),
        ("my 18th birthday is next week", "my [age]th birthday is next week"),
        ("bday coming up, I'll be 17 and", "bday coming up, I'll be [age] and"),
    ],
)
def test_ages_next_to_birth_words(anon: Anonymiser, text: str, expected: str) -> None:
    assert replaced(anon, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it's hannah.b at gmail dot com, so", "it's [email], so"),
        ("inès.moreau [at] outlook [dot] fr pour", "[email] pour"),
        ("c'est hugo.petit(at)free(dot)fr si", "c'est [email] si"),
        ("poppy.wilde at hotmail dot co dot uk for", "[email] for"),
        ("my email is maya dot r at yahoo dot com", "my email is [email]"),
        ("Email: jane_doe99 [at] gmail [dot] com", "Email: [email]"),
        ("kenji[at]docomo[dot]ne[dot]jp", "[email]"),
        ("priya.k at gmail", "[email]"),
    ],
)
def test_obfuscated_emails(anon: Anonymiser, text: str, expected: str) -> None:
    assert replaced(anon, text) == expected


@pytest.mark.parametrize(
    "text",
    ["look at me dot dot dot", "we laughed at him. Dot com bubble", "meet at home, dot the i"],
)
def test_ordinary_at_and_dot_are_not_emails(anon: Anonymiser, text: str) -> None:
    assert [f for f in anon.find(text) if f.kind == "email"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Snapchat: kira.xo22 — in my bio", "Snapchat: [handle] — in my bio"),
        ("my snap is lil.moonbeam_07 dont", "my snap is [handle] dont"),
        ("insta @bookish.bee if you", "insta [handle] if you"),
        ("tiktok - lilbean.exe", "tiktok - [handle]"),
        ("find me on discord: nightowl_42", "find me on discord: [handle]"),
        ("Line: hiro_0412. ok", "Line: [handle]. ok"),
    ],
)
def test_handles_after_platform_names(anon: Anonymiser, text: str, expected: str) -> None:
    assert replaced(anon, text) == expected


def test_a_plain_word_after_a_platform_is_only_flagged(anon: Anonymiser) -> None:
    result = anon.redact("my insta is priyanka")
    assert result.text == "my insta is priyanka" or "[person]" in result.text
    assert not any(f.kind == "handle" and f.auto for f in result.findings)
    assert anon.find("my snap streak died") == []


@pytest.mark.parametrize(
    "text",
    [
        "walked 10000 steps today",
        "Heute 12000 Schritte gelaufen",
        "weighed 52.5 kg, ran 5 km",
        "25000 words and 52000 views",
        "I paid ₹45000 and £12000 and $10000",
        "scored 3-1, then 45/50",
        "It's 2026 and in 2019 I moved",
    ],
)
def test_quantities_scores_and_years_stay(anon: Anonymiser, text: str) -> None:
    assert anon.find(text) == []
