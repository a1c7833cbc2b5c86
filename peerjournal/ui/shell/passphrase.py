"""Passphrase widgets shared by first run and recovery: two fields and a strength meter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerjournal.ui.shell.passphrase_advice import translated_advice

#: Scores from zxcvbn are 0..4; below this a passphrase is refused.
MIN_SCORE = 3
MIN_LENGTH = 10
ADVICE_LINES = 5
CARD_TOP = 56  # pixels above the first-run and unlock cards
# zxcvbn gets slow on very long inputs and learns nothing more from them.
_ZXCVBN_MAX_CHARS = 100


def strength(passphrase: str) -> dict[str, Any]:
    """The zxcvbn verdict for a passphrase (score 0..4, feedback, crack times)."""
    if not passphrase:
        return {"score": 0, "feedback": {}}
    # imported on the first keystroke, not at start-up: its word lists take tens of ms to load
    from zxcvbn import zxcvbn

    return zxcvbn(passphrase[:_ZXCVBN_MAX_CHARS])  # type: ignore[no-any-return]


def _line_height(label: QLabel, sample: str) -> int:
    """One line of ``label`` in the UI language's script (CJK fallback fonts are taller)."""
    metrics = label.fontMetrics()
    return max(metrics.lineSpacing(), metrics.boundingRect("Ag" + sample).height())


def centered_card(content: QWidget, max_width: int = 480) -> QWidget:
    """Wrap ``content`` in a card, centred across and near the top of a scrolling page.

    The card keeps its place while its content grows (hints appear below, never above),
    and a window too short for it scrolls instead of cutting it off.
    """
    page = QWidget()
    outer = QVBoxLayout(page)
    outer.addSpacing(CARD_TOP)
    card = QFrame()
    card.setObjectName("card")
    card.setFixedWidth(max_width)
    card.setFrameShape(QFrame.Shape.StyledPanel)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(28, 24, 28, 24)
    inner.addWidget(content)
    # centred by stretches, not by an alignment flag: an aligned item is asked for its
    # height at the full row width, so wrapped labels come out too short and squeeze fields
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(page)
    return scroll


def heading(text: str, level: int = 1) -> QLabel:
    """A bold heading label."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * (1.6 if level == 1 else 1.2))
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setObjectName("heading")
    return label


class GuessTime(QObject):
    """How long guessing would take, in translated words (zxcvbn's own are English only)."""

    def sentence(self, seconds: float) -> str:
        """'Someone who stole your vault file would need about 3 days to guess it.'"""
        if seconds < 1:
            return self.tr("Someone who stole your vault file could guess it in under a second.")
        if seconds >= 100 * YEAR:
            return self.tr("Someone who stole your vault file would need centuries to guess it.")
        return self.tr(
            "Someone who stole your vault file would need about %1 to guess it."
        ).replace("%1", self.duration(seconds))

    def duration(self, seconds: float) -> str:
        """A rounded duration between one second and a hundred years."""
        for unit, size in (("year", YEAR), ("month", MONTH), ("day", DAY), ("hour", HOUR)):
            if seconds >= size:
                return self._unit(unit, round(seconds / size))
        if seconds >= 60:
            return self._unit("minute", round(seconds / 60))
        return self._unit("second", round(seconds))

    def _unit(self, unit: str, n: int) -> str:
        # literal tr() calls with a plain count variable, so lupdate sees plural messages
        if unit == "year":
            text = self.tr("%n year(s)", "", n)
        elif unit == "month":
            text = self.tr("%n month(s)", "", n)
        elif unit == "day":
            text = self.tr("%n day(s)", "", n)
        elif unit == "hour":
            text = self.tr("%n hour(s)", "", n)
        elif unit == "minute":
            text = self.tr("%n minute(s)", "", n)
        else:
            text = self.tr("%n second(s)", "", n)
        return text.replace("(s)", "" if n == 1 else "s")


HOUR = 3600
DAY = 24 * HOUR
MONTH = 31 * DAY
YEAR = 365 * DAY


class NewPassphraseFields(QWidget):
    """Passphrase entered twice with a zxcvbn strength meter and honest advice.

    The page that holds the fields decides what Return does (see ``first_run.py``).
    """

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New passphrase"))
        # short: the field is narrow in the recovery form, and a hint cut off says nothing
        self.first.setPlaceholderText(self.tr("Several unusual words"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter.setMinimumWidth(120)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.verdict = QLabel()
        self.verdict.setObjectName("strengthVerdict")
        # as tall empty as with a verdict in any script, so the first keystroke moves nothing
        self.verdict.setMinimumHeight(_line_height(self.verdict, self.tr("Very strong")))
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setObjectName("hint")
        self.advice.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # room for the longest advice, so the form below does not jump while typing; a line
        # is as tall as the UI language's script needs (CJK fallback fonts are taller)
        line = _line_height(self.advice, self.tr("Passphrase"))
        self.advice.setMinimumHeight(line * ADVICE_LINES)
        # the advice spans the full width below the fields: wrapped labels inside a form
        # row get squeezed and clipped
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        # a grid, not a QFormLayout: the form's height-for-width squeezes the fields
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Passphrase")), 0, 0)
        grid.addWidget(self.first, 0, 1)
        grid.addWidget(QLabel(self.tr("Repeat")), 1, 0)
        grid.addWidget(self.second, 1, 1)
        box.addLayout(grid)
        strength_row = QHBoxLayout()
        strength_row.addWidget(self.meter, 1)
        strength_row.addWidget(self.verdict)
        box.addLayout(strength_row)
        box.addWidget(self.advice)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._valid = False
        self._update()

    @property
    def valid(self) -> bool:
        """Both fields match and the passphrase is strong enough."""
        return self._valid

    def passphrase(self) -> str:
        """The chosen passphrase (only meaningful when :attr:`valid`)."""
        return self.first.text()

    def clear(self) -> None:
        """Forget what was typed."""
        self.first.clear()
        self.second.clear()

    def _update(self) -> None:
        text = self.first.text()
        result = strength(text)
        score = int(result.get("score", 0)) if text else 0
        self.meter.setValue(score if text else 0)
        names = [
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Strong"),
            self.tr("Very strong"),
        ]
        advice: list[str] = []
        if text:
            feedback = result.get("feedback") or {}
            if feedback.get("warning"):
                advice.append(translated_advice(str(feedback["warning"])))
            advice.extend(translated_advice(str(s)) for s in feedback.get("suggestions") or [])
            times = result.get("crack_times_seconds") or {}
            slow = times.get("offline_slow_hashing_1e4_per_second")
            if slow is not None:
                advice.append(GuessTime().sentence(float(slow)))
            if len(text) < MIN_LENGTH:
                advice.insert(0, self.tr("Use at least {0} characters.").format(MIN_LENGTH))
            self.verdict.setText(names[score])
        else:
            self.verdict.setText("")
            advice.append(
                self.tr(
                    "Nobody can reset this passphrase for you, not even us. Pick something "
                    "long you can remember, like four or five unrelated words."
                )
            )
        self.meter.setProperty("score", score)
        self.advice.setText("\n".join(advice))
        strong = score >= MIN_SCORE and len(text) >= MIN_LENGTH
        matches = bool(text) and text == self.second.text()
        if self.second.text() and not matches:
            self.advice.setText(
                self.advice.text() + "\n" + self.tr("The two passphrases are not the same yet.")
            )
        valid = strong and matches
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
