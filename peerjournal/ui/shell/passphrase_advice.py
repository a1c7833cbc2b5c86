"""zxcvbn's advice sentences, translatable.

zxcvbn writes its feedback in English only. Its sentences are a short fixed list, repeated
here so lupdate extracts them into the catalogues; :func:`translated_advice` shows a known
sentence in the UI language and an unknown one (a newer zxcvbn) as it came.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "PassphraseAdvice"

# (QT_TRANSLATE_NOOP returns its text, typed as object in the stubs)
_KNOWN: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Add another word or two. Uncommon words are better."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Capitalization doesn't help very much."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Reversed words aren't much harder to guess."),
    QT_TRANSLATE_NOOP(
        "PassphraseAdvice",
        "Predictable substitutions like '@' instead of 'a' don't help very much.",
    ),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Use a few words, avoid common phrases."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "No need for symbols, digits, or uppercase letters."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Straight rows of keys are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Short keyboard patterns are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "This is a top-10 common password."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "This is similar to a commonly used password."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "A word by itself is easy to guess."),
    QT_TRANSLATE_NOOP(
        "PassphraseAdvice", "All-uppercase is almost as easy to guess as all-lowercase."
    ),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Use a longer keyboard pattern with more turns."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", 'Repeats like "aaa" are easy to guess.'),
    QT_TRANSLATE_NOOP(
        "PassphraseAdvice",
        'Repeats like "abcabcabc" are only slightly harder to guess than "abc".',
    ),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "This is a top-100 common password."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "This is a very common password."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Names and surnames by themselves are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Common names and surnames are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Avoid repeated words and characters."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", 'Sequences like "abc" or "6543" are easy to guess.'),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Avoid sequences."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Recent years are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Dates are often easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Avoid recent years."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Avoid years that are associated with you."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Avoid dates and years that are associated with you."),
)


def translated_advice(sentence: str) -> str:
    """One zxcvbn sentence in the UI language (unknown ones unchanged)."""
    if sentence in _KNOWN:
        return QCoreApplication.translate(_CONTEXT, sentence)
    return sentence
