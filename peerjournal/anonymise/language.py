"""A cheap guess of a text's language from its function words (English, German, French, Spanish).

Used only to decide which dictionary says that a name is also an ordinary word ("Lisa" is
"smooth" in Spanish, not in German). Texts with too few clues count as English.
"""

from __future__ import annotations

from collections.abc import Iterable

from peerjournal.anonymise.wordlists import word_set

_CLUES: dict[str, frozenset[str]] = {
    "en": (
        word_set(
            """
the and is was i you it to of my me that this with for but not have
"""
        )
    ),
    "de": (
        word_set(
            """
der die das und ist ich nicht mit ein eine mir mich zu auf war hat
"""
        )
    ),
    "fr": (
        word_set(
            """
le la les et est je pas avec un une des du mon ma que qui suis
"""
        )
    ),
    "es": (
        word_set(
            """
el la los las y es yo no con un una del mi que por para muy
"""
        )
    ),
}


def guess_language(words: Iterable[str]) -> str:
    """``"en"``, ``"de"``, ``"fr"`` or ``"es"`` for casefolded ``words``."""
    counts = dict.fromkeys(_CLUES, 0)
    for word in words:
        for language, clues in _CLUES.items():
            if word in clues:
                counts[language] += 1
    best = max(counts, key=lambda language: (counts[language], language == "en"))
    return best if counts[best] >= 2 else "en"
