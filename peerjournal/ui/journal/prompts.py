"""Optional writing prompts: a small, translatable set, off by default (Settings → General).

A prompt is a gentle question shown in the empty body of an entry (as its placeholder, so it
never becomes part of the text and disappears at the first keystroke). The prompt of a day
stays the same all day, so the page does not flicker between questions.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "WritingPrompts"

PROMPTS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("WritingPrompts", "What is one small thing that went well today?"),
    QT_TRANSLATE_NOOP("WritingPrompts", "What is taking up most of your thoughts right now?"),
    QT_TRANSLATE_NOOP("WritingPrompts", "Who or what helped you today, even a little?"),
    QT_TRANSLATE_NOOP("WritingPrompts", "What would you like to let go of before you sleep?"),
    QT_TRANSLATE_NOOP("WritingPrompts", "How does your body feel right now?"),
    QT_TRANSLATE_NOOP("WritingPrompts", "What is one kind thing you could do for yourself?"),
    QT_TRANSLATE_NOOP("WritingPrompts", "What are you looking forward to?"),
    QT_TRANSLATE_NOOP("WritingPrompts", "What did you notice today that you usually miss?"),
)


def prompt_for(day: date) -> str:
    """The prompt of a day, in the UI language."""
    return QCoreApplication.translate(_CONTEXT, str(PROMPTS[day.toordinal() % len(PROMPTS)]))
