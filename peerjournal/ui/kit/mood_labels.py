"""Mood level names as the screens show them (the mood page, the check-in, the settings).

The core stores English defaults (``DEFAULT_MOOD_LABELS``) until the user edits them;
shown untouched they would stay English in a translated UI, so unchanged defaults are
translated here. The same holds for the default emotions and activities: a default name
is shown (and, once picked, saved) in the UI language; the user's own names stay as typed.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from peerjournal.domain.models import DEFAULT_ACTIVITIES, DEFAULT_EMOTIONS, DEFAULT_MOOD_LABELS


def display_labels(labels: Mapping[int, str]) -> dict[int, str]:
    """The labels to show: the user's own, or the defaults in the UI language."""
    merged = {**DEFAULT_MOOD_LABELS, **labels}
    if merged != DEFAULT_MOOD_LABELS:
        return merged
    return {
        1: QCoreApplication.translate("MoodLabels", "Awful"),
        2: QCoreApplication.translate("MoodLabels", "Bad"),
        3: QCoreApplication.translate("MoodLabels", "Okay"),
        4: QCoreApplication.translate("MoodLabels", "Good"),
        5: QCoreApplication.translate("MoodLabels", "Great"),
    }


# The defaults of peerjournal.domain.models, repeated for lupdate (a test keeps them equal).
_DEFAULT_CHIPS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("MoodChips", "happy"),
    QT_TRANSLATE_NOOP("MoodChips", "calm"),
    QT_TRANSLATE_NOOP("MoodChips", "grateful"),
    QT_TRANSLATE_NOOP("MoodChips", "hopeful"),
    QT_TRANSLATE_NOOP("MoodChips", "proud"),
    QT_TRANSLATE_NOOP("MoodChips", "tired"),
    QT_TRANSLATE_NOOP("MoodChips", "anxious"),
    QT_TRANSLATE_NOOP("MoodChips", "stressed"),
    QT_TRANSLATE_NOOP("MoodChips", "sad"),
    QT_TRANSLATE_NOOP("MoodChips", "lonely"),
    QT_TRANSLATE_NOOP("MoodChips", "angry"),
    QT_TRANSLATE_NOOP("MoodChips", "overwhelmed"),
    QT_TRANSLATE_NOOP("MoodChips", "sleep well"),
    QT_TRANSLATE_NOOP("MoodChips", "walk"),
    QT_TRANSLATE_NOOP("MoodChips", "exercise"),
    QT_TRANSLATE_NOOP("MoodChips", "friends"),
    QT_TRANSLATE_NOOP("MoodChips", "family"),
    QT_TRANSLATE_NOOP("MoodChips", "study"),
    QT_TRANSLATE_NOOP("MoodChips", "work"),
    QT_TRANSLATE_NOOP("MoodChips", "reading"),
    QT_TRANSLATE_NOOP("MoodChips", "music"),
    QT_TRANSLATE_NOOP("MoodChips", "outdoors"),
    QT_TRANSLATE_NOOP("MoodChips", "screen time"),
    QT_TRANSLATE_NOOP("MoodChips", "cooking"),
)
_DEFAULT_NAMES = frozenset((*DEFAULT_EMOTIONS, *DEFAULT_ACTIVITIES))


def display_chip_names(names: list[str]) -> list[str]:
    """Emotion or activity names to show: defaults in the UI language, the user's own as
    they are (without a duplicate where a translation equals a name already there)."""
    out: list[str] = []
    for name in names:
        shown = QCoreApplication.translate("MoodChips", name) if name in _DEFAULT_NAMES else name
        if shown not in out:
            out.append(shown)
    return out
