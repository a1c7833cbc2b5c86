"""Insights in plain, kind words, with their counts.

The wording follows :meth:`peerjournal.domain.stats.Insights.sentences` (same threshold,
same order, same careful phrasing), but is built here with ``tr`` so it can be translated;
the core's sentences are English only. Nothing claims a cause: the caption says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

MIN_DAYS = 3
MAX_SENTENCES = 6


def _plural(text: str, n: int) -> str:
    """English plural when no catalogue is installed ("%n day(s)" shows up untranslated)."""
    return text.replace("(s)", "" if n == 1 else "s")


def _num(value: float) -> str:
    return QLocale().toString(float(value), "f", 1)


class InsightWords(QObject):
    """The translatable wording of the insights.

    Each text is a literal ``self.tr(text, "", count)`` with a plain variable as the count:
    that is the form pyside6-lupdate recognises as a plural ("numerus") message.
    """

    def overview(self, days: int, mean: float) -> str:
        """The opening sentence: how many days, what average."""
        text = self.tr("Over %Ln day(s) with check-ins your average mood was %1.", "", days)
        return _plural(text, days).replace("%1", _num(mean))

    def days(self, count: int) -> str:
        """A count of days ("12 days") for the comparisons."""
        return _plural(self.tr("%Ln day(s)", "", count), count)

    def other_days(self, count: int) -> str:
        """A count of other days ("40 other days") for emotion comparisons."""
        return _plural(self.tr("%Ln other day(s)", "", count), count)

    def comparison(self, association: Any) -> str:
        """One "with vs. without" sentence for an activity or emotion."""
        a = association
        with_days = self.days(a.days_with)
        if a.kind == "emotion":
            without_days = self.other_days(a.days_without)
            text = self.tr("On %1 when you noted feeling “%2” your average mood was %3; on %4, %5.")
        else:
            without_days = self.days(a.days_without)
            text = self.tr("On %1 with “%2” your average mood was %3; on %4 without it, %5.")
        # Replace the name last so a name containing "%3" cannot disturb the numbers.
        return (
            text.replace("%1", with_days)
            .replace("%3", _num(a.mean_with))
            .replace("%4", without_days)
            .replace("%5", _num(a.mean_without))
            .replace("%2", a.name)
        )


def insight_sentences(insights: Any, min_days: int = MIN_DAYS) -> list[str]:
    """Translated sentences for an ``Insights`` value: an overview, then comparisons.

    A comparison is only made when there are at least ``min_days`` days on each side.
    """
    words = InsightWords()
    out: list[str] = []
    days = getattr(insights, "days", 0) or len(insights.daily)
    mean = getattr(insights, "mean", None)
    if mean is None and insights.daily:
        mean = sum(p.mean for p in insights.daily) / len(insights.daily)
    if days and mean is not None:
        out.append(words.overview(days, mean))
    comparable = [
        a
        for a in [*insights.activities, *insights.emotions]
        if a.days_with >= min_days and a.days_without >= min_days and a.mean_without is not None
    ]
    comparable.sort(key=lambda a: (-abs(a.mean_with - a.mean_without), a.kind, a.name.casefold()))
    out.extend(words.comparison(a) for a in comparable[:MAX_SENTENCES])
    return out


class InsightsView(QWidget):
    """A short list of insight sentences with a gentle caption."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Insights"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self._labels: list[QLabel] = []
        self.caption = QLabel(
            self.tr(
                "These are patterns in what you logged, not causes. "
                "They get more reliable with more check-ins."
            )
        )
        self.caption.setWordWrap(True)
        self.caption.setObjectName("hint")
        self._layout.addStretch(1)
        self._layout.addWidget(self.caption)

    def set_insights(self, insights: Any) -> None:
        """Show the sentences for new insights."""
        self.set_sentences(insight_sentences(insights))

    def set_sentences(self, sentences: list[str]) -> None:
        """Replace the shown sentences."""
        for label in self._labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self._labels = []
        if not sentences:
            sentences = [
                self.tr(
                    "After a few more check-ins with activities or emotions, "
                    "gentle comparisons will appear here."
                )
            ]
        for i, sentence in enumerate(sentences):
            label = QLabel(sentence)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # names are user text, not markup
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._layout.insertWidget(i, label)
            self._labels.append(label)

    def texts(self) -> list[str]:
        """The sentences currently shown."""
        return [label.text() for label in self._labels]
