"""People's names: first names, context cues, whole names, and words that only look like names."""

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
        # known first names of many cultures, capitalised anywhere in a sentence
        ("Priya didnt even look at me", "[person] didnt even look at me"),
        ("then Jake laughed at me", "then [person] laughed at me"),
        ("Kwame told me his dad is sick", "[person] told me his dad is sick"),
        ("Siobhan and I walked home", "[person] and I walked home"),
        ("Hoy vi a Lucía en el recreo", "Hoy vi a [person] en el recreo"),
        ("Heute war Lena so gemein zu mir", "Heute war [person] so gemein zu mir"),
        ("Aujourd'hui Camille m'a dit que", "Aujourd'hui [person] m'a dit que"),
        # whole names in one piece, family name first too
        ("meeting Tom Whitaker for coffee", "meeting [person] for coffee"),
        ("Sato Kenji from the next desk", "[person] from the next desk"),
        ("Rahul Verma and Neha Gupta got married", "[person] and [person] got married"),
        ("Ayer hablé con Carmen López de mi trabajo", "Ayer hablé con [person] de mi trabajo"),
        # titles before and after, in the UI languages
        ("Mr Okafor said", "Mr [person] said"),
        ("asked mrs patel if i could leave", "asked mrs [person] if i could leave"),
        ("Termin bei Frau Dr. Kessler", "Termin bei Frau Dr. [person]"),
        ("Herr Brandauer hat gesagt", "Herr [person] hat gesagt"),
        ("avec Mme Lefèvre au lycée", "avec Mme [person] au lycée"),
        ("La Sra. Ortega me dio", "La Sra. [person] me dio"),
        ("Tanaka-san covered for me", "[person]-san covered for me"),
        ("Hiro-kun's line ID", "[person]-kun's line ID"),
        ("Suzuki sensei said", "[person] sensei said"),
        ("Sharma sir shouted again", "[person] sir shouted again"),
        ("call Rohit bhaiya tonight", "call [person] bhaiya tonight"),
        ("Mrs. D'Souza is strict", "Mrs. [person] is strict"),
        # verbs, greetings, relations, possessives, coordination
        ("texted Zainab again", "texted [person] again"),
        ("Hey Olivia, I'm sorry", "Hey [person], I'm sorry"),
        ("My friend Siddharth is moving", "My friend [person] is moving"),
        ("Aisha's party was a lot", "[person]'s party was a lot"),
        ("Had ramen with Yuki and Haruto", "Had ramen with [person] and [person]"),
        ("Javier me dijo que me llamaría", "[person] me dijo que me llamaría"),
        # lower case, as people write when upset
        ("ok so connor asked me out", "ok so [person] asked me out"),
        ("i blocked ethan on everything", "i blocked [person] on everything"),
        ("my friend chloe is moving", "my friend [person] is moving"),
        ("priya sharma is in my class", "[person] is in my class"),
        # a name that is also a word, capitalised mid-sentence, is a name
        ("I watched a film with Will and Ella", "I watched a film with [person] and [person]"),
        ("Me and Grace went bowling", "Me and [person] went bowling"),
        # confirmed once, replaced everywhere
        ("I saw Bob at the park. Bob was kind.", "I saw [person] at the park. [person] was kind."),
        # Japanese names written in Japanese
        ("今日は田中さんと会いました", "今日は[person]さんと会いました"),
    ],
)
def test_names_are_replaced_by_default(anon: Anonymiser, text: str, expected: str) -> None:
    assert replaced(anon, text) == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Mark my words, this will pass.", "Mark"),  # a name that is also a word, at the start
        ("Hope is a strange thing.", "Hope"),
        ("Paris was beautiful but expensive.", "Paris"),  # the city, or a friend called Paris
        ("grace texted me at midnight", "grace"),  # lower case and also a word: ask
        ("Today I think Zorblax is great.", "Zorblax"),  # unknown, capitalised, no context
        ("i texted zorblax again", "zorblax"),  # unknown, lower case, after a person word
    ],
)
def test_uncertain_names_are_flagged_not_replaced(anon: Anonymiser, text: str, word: str) -> None:
    result = anon.redact(text)
    assert result.text == text
    assert [(f.text, f.kind, f.confidence) for f in result.findings] == [(word, "person", "low")]


@pytest.mark.parametrize(
    "text",
    [
        "Will I ever feel normal again?",
        "I got a bad mark in chemistry and will retake it.",
        "The Rose garden was beautiful.",
        "Watched Inception with dad. Reading about Stoicism and Marcus Aurelius.",
        "Studied Kant and Hegel for philosophy, my brain hurts.",
        "Watching Harry Potter again. Then Taylor Swift on repeat.",
        "Christmas at church with Gran. The Bible verse was comforting.",
        "May has been long. June has to be better. It's Sunday.",
        "Heute habe ich Kuchen gebacken und mit Freunden gegessen.",
        "Ich war mit Mama beim Arzt und dann bei Oma.",
        "J'ai dormi seulement cinq heures.",
        "la pierre était froide",
        "La prof était contente. Ce soir je me sens plus calme.",
        "Hoy me siento un poco mejor. Salí a caminar 30 minutos.",
        "My PIN code is wrong and the GCSE results are out.",
        "Walked 3 miles with the dog.",
        "Thank you Lord for this day. Sorry Mum.",
    ],
)
def test_words_that_merely_look_like_names_stay(anon: Anonymiser, text: str) -> None:
    assert [f for f in anon.find(text) if f.kind == "person" and f.auto] == []


def test_the_users_people_list_comes_first() -> None:
    anon = Anonymiser(people=["Hope", "Bo"])
    result = anon.redact("Hope is coming. Bo too.")
    assert result.text == "[person] is coming. [person] too."
    assert all(f.priority == 1 for f in result.findings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a popular first name that is also a town, at the start of a sentence: it goes
        # either way (a town is redacted too)
        ("Florence texted me at lunch.", "[person] texted me at lunch."),
        ("Victoria hat mir nicht geantwortet.", "[person] hat mir nicht geantwortet."),
        # a lower-case first name that is also a word, after a verb one does to people
        ("asked jasmine for the notes", "asked [person] for the notes"),
        ("messaged amber about tonight", "messaged [person] about tonight"),
        # a surname alone, explained by what follows it
        ("Okafor, our new coach, is strict.", "[person], our new coach, is strict."),
        ("Brennan, my therapist, says it takes time", "[person], my therapist, says it takes time"),
        # family name first
        ("Kim Minji from class lent me a charger", "[person] from class lent me a charger"),
        ("Suzuki sensei was absent", "[person] sensei was absent"),
    ],
)
def test_general_cues_of_the_second_round(anon: Anonymiser, text: str, expected: str) -> None:
    assert replaced(anon, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "watched Frozen with grace",  # "with" is not enough for a word that is also a word
        "told hope about it",  # a rare name that is mostly a word
        "Geburtstag und ich, was für ein Tag.",  # German capitalises every noun
        "Paris was beautiful in the rain",  # a rare first name, a big town: only flagged
    ],
)
def test_weak_evidence_still_only_flags(anon: Anonymiser, text: str) -> None:
    assert replaced(anon, text) == text
