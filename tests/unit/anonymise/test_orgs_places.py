"""Schools, clinics, workplaces and towns: found as one span each."""

from __future__ import annotations

import pytest

from peerjournal.anonymise import Anonymiser


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("back from St Bede's Catholic High School today", "back from [school] today"),
        ("crying at Hollins Park High again", "crying at [school] again"),
        ("poster in Ashfield Sixth Form College", "poster in [school]"),
        ("Leeds Beckett University open day", "[school] open day"),
        ("here I come, University of Sheffield", "here I come, [school]"),
        ("waitlisted at Delhi Public School", "waitlisted at [school]"),
        ("notes from IIT Bombay", "notes from [school]"),
        ("dance at Studio 7 Academy", "dance at [school]"),
        ("Das Goethe-Gymnasium hat die Noten", "Das [school] hat die Noten"),
        ("au Lycée Victor Hugo demain", "au [school] demain"),
        ("El Colegio San Ignacio mandó un correo", "El [school] mandó un correo"),
        ("bloods at Riverside Health Centre", "bloods at [clinic]"),
        ("Dr Hargreaves at the Beechwood Medical Centre", "Dr [person] at the [clinic]"),
        ("a letter from Whitmore Royal Infirmary", "a letter from [clinic]"),
        ("in der Praxis am Rosengarten", "in der [clinic]"),
        ("chez le psy à l'Hôpital Saint-Joseph", "chez le psy à l'[clinic]"),
        ("Went to St. Thomas' Hospital for the X-ray", "Went to [clinic] for the X-ray"),
        ("Interview at Halden & Moore Ltd went ok", "Interview at [workplace] went ok"),
        ("bei Brotzeit Bäckerei GmbH", "bei [workplace]"),
        ("Stage chez Vernier Conseil SARL", "Stage chez [workplace]"),
        ("Shift at Greggs ran over", "Shift at [workplace] ran over"),
        ("My shift at the Red Lion pub ran late", "My shift at the [workplace] pub ran late"),
    ],
)
def test_organisations_are_replaced_as_one_span(anon: Anonymiser, text: str, expected: str) -> None:
    assert anon.redact(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we moved to Kettering when i was eight", "we moved to [place] when i was eight"),
        ("i'm from Swindon originally", "i'm from [place] originally"),
        (
            "she lives in Milton Keynes and I live in New York",
            "she lives in [place] and I live in [place]",
        ),
        ("Wir sind nach Göttingen gezogen", "Wir sind nach [place] gezogen"),
        ("On a déménagé à Villeurbanne", "On a déménagé à [place]"),
        ("Estuve en Zaragoza con mis primos", "Estuve en [place] con mis primos"),
        ("Moved from Nagpur to Pune", "Moved from [place] to [place]"),
        ("We drove through Harrogate", "We drove through [place]"),
    ],
)
def test_towns_after_a_place_word_are_replaced(anon: Anonymiser, text: str, expected: str) -> None:
    assert anon.redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "School was hard today.",
        "I hated high school.",
        "Watched High School Musical with my sister.",
        "in Year 11 we do more Maths",
        "I'm in English and then in Physics.",
        "in March it rained every day",
        "Grundschule war schöner.",
    ],
)
def test_generic_words_are_not_organisations_or_places(anon: Anonymiser, text: str) -> None:
    kinds = {"school", "clinic", "workplace", "place"}
    assert [f for f in anon.find(text) if f.kind in kinds] == []


def test_the_users_places_list_comes_first() -> None:
    anon = Anonymiser(places=["Riverside"])
    result = anon.redact("We met at Riverside.")
    assert result.text == "We met at [place]."
    assert [f.priority for f in result.findings] == [1]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("la beca del Instituto Cervantes de Getafe", "Instituto Cervantes de Getafe"),
        ("au Collège Jean de La Fontaine demain", "Collège Jean de La Fontaine"),
        ("offer from University of Leeds", "University of Leeds"),
    ],
)
def test_an_organisation_name_with_particles_inside_is_one_span(text: str, span: str) -> None:
    findings = [f for f in Anonymiser().find(text) if f.kind == "school"]
    assert [f.text for f in findings] == [span]
