"""Mood level names as the screens show them (the mood page, the check-in, the settings).

The core stores English defaults (``DEFAULT_MOOD_LABELS``) until the user edits them;
shown untouched they would stay English in a translated UI, so unchanged defaults are
translated here.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from peerjournal.domain.models import DEFAULT_MOOD_LABELS


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
