"""The kindness check: never crashes, flags the documented phrases, leaves kind text alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerjournal.app.kindness import REASONS, KindnessNote, check_reply

HARSH = {
    "You're such an idiot.": "insult",
    "shut up already": "insult",
    "You are so lazy, honestly": "insult",
    "you are useless": "insult",
    "Du bist so dumm.": "insult",
    "Halt die Klappe!": "insult",
    "Was für ein Versager": "insult",
    "Just get over it.": "dismissive",
    "man up": "dismissive",
    "Stop whining about it": "dismissive",
    "it's not that bad": "dismissive",
    "Stell dich nicht so an.": "dismissive",
    "Reiß dich zusammen": "dismissive",
    "Selbst schuld.": "dismissive",
    "You always make it about you": "absolute",
    "you never listen": "absolute",
    "Du bist immer so": "absolute",
    "Du hast nie Zeit": "absolute",
    "WHY WOULD ANYONE DO THAT TO THEMSELVES": "shouting",
    "I CANNOT BELIEVE YOU DID THIS AGAIN": "shouting",
}

KIND = [
    "That sounds really hard. I'm here if you want to talk.",
    "Thank you for sharing this with me.",
    "I felt useless after exams too, and it passed.",
    "You are not useless. You are doing your best.",
    "You're always welcome to message me.",
    "You never know, tomorrow might feel lighter.",
    "OK, ADHD makes this harder, and that's real.",
    "Danke, dass du das teilst. Ich denke an dich.",
    "Das klingt schwer. Ich bin für dich da.",
    "Proud of you 💪",
    "",
    "   ",
]


@pytest.mark.parametrize(("text", "reason"), sorted(HARSH.items()))
def test_known_phrases_are_flagged(text: str, reason: str) -> None:
    note = check_reply(text)
    assert isinstance(note, KindnessNote)
    assert note.reason == reason
    assert note.reason in REASONS
    assert note.matched


@pytest.mark.parametrize("text", KIND)
def test_kind_text_is_not_flagged(text: str) -> None:
    assert check_reply(text) is None


def test_curly_apostrophes_and_case_do_not_hide_harsh_words() -> None:
    assert check_reply("It\u2019s not that bad") is not None
    assert check_reply("JUST GET OVER IT") is not None


def test_non_strings_are_a_type_error() -> None:
    with pytest.raises(TypeError):
        check_reply(None)  # type: ignore[arg-type]


@given(st.text())
def test_never_crashes_on_any_text(text: str) -> None:
    note = check_reply(text)
    assert note is None or note.reason in REASONS


@given(st.sampled_from(sorted(HARSH)), st.text(alphabet="abc .,\n", max_size=30))
def test_harsh_phrases_are_found_inside_longer_text(phrase: str, noise: str) -> None:
    assert check_reply(f"{noise.lower()} {phrase} {noise.lower()}") is not None


@given(st.sampled_from(KIND), st.sampled_from(KIND))
def test_kind_sentences_together_stay_unflagged(first: str, second: str) -> None:
    assert check_reply(f"{first} {second}") is None
