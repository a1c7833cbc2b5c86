"""The local check for words that worry us in the user's own writing (app/care.py)."""

from __future__ import annotations

import pytest

from peerjournal.app.care import mentions_risk


@pytest.mark.parametrize(
    "text",
    [
        "Some days I just want to die.",
        "I keep thinking about killing myself",
        "everyone would be better without me",
        "I don’t want to be here anymore",
        "I hurt myself again last night",
        "thinking about self-harm",
        "Ich will nicht mehr leben.",
        "ich denke an Selbstmord",
        "もう死にたい",
        "消えたいと思う",
    ],
)
def test_high_risk_phrases_are_noticed(text: str) -> None:
    assert mentions_risk(text)


@pytest.mark.parametrize(
    "text",
    [
        "I could kill for a coffee",
        "the battery died on the bus",
        "a killer workout, dead tired",
        "we talked about a film where someone dies",
        "Das Konzert war zum Sterben schön",  # an idiom, not the writer's wish
        "",
    ],
)
def test_ordinary_words_are_left_alone(text: str) -> None:
    assert not mentions_risk(text)


def test_only_strings() -> None:
    with pytest.raises(TypeError):
        mentions_risk(None)  # type: ignore[arg-type]
