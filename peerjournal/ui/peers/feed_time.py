"""Time-on-feed awareness, kept local: a gentle nudge, quiet hours, a weekly summary.

:class:`FeedTimeTracker` counts only the time the feed is visible *and* its window is
active (a :class:`QElapsedTimer` runs in those stretches). After the nudge interval it
emits ``nudge`` once; dismissing starts the next interval. The minutes of the current
ISO week are kept in memory and saved inside the encrypted vault (VaultPrefs, through the
worker) — never in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

FEED_MINUTES_PREF = "peers.feed_minutes"  # {"week": "2026-W48", "ms": int} in the vault
SUMMARY_HIDDEN_PREF = "peers.feed_summary_hidden"  # bool in the vault


def week_key(day: date) -> str:
    """The ISO week of ``day`` as "YYYY-Www"."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_quiet_hours(spec: str) -> tuple[time, time] | None:
    """``"22:00-08:00"`` → (start, end); empty or malformed → None (no quiet hours)."""
    try:
        first, second = spec.strip().split("-")
        start = datetime.strptime(first.strip(), "%H:%M").time()
        end = datetime.strptime(second.strip(), "%H:%M").time()
    except ValueError:
        return None
    return (start, end) if start != end else None


def in_quiet_hours(spec: str, now: time) -> bool:
    """Whether ``now`` falls in the quiet hours ``spec`` (which may span midnight)."""
    hours = parse_quiet_hours(spec)
    if hours is None:
        return False
    start, end = hours
    if start < end:
        return start <= now < end
    return now >= start or now < end


class FeedTimeTracker(QObject):
    """Counts feed time while ``is_active()`` is true; emits ``nudge`` after the interval."""

    nudge = Signal()
    minutes_changed = Signal(int)  # whole minutes this week
    save_requested = Signal(object)  # the value to store under FEED_MINUTES_PREF

    TICK_MS = 1000
    SAVE_EVERY_MS = 60_000

    def __init__(
        self,
        is_active: Callable[[], bool],
        nudge_after_ms: int,
        parent: QObject | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._is_active = is_active
        self._today = today
        self.nudge_after_ms = max(0, nudge_after_ms)
        self._timer = QElapsedTimer()
        self._since_nudge = 0
        self._unsaved = 0
        self._nudged = False
        self.week = week_key(today())
        self.week_ms = 0
        self._tick = QTimer(self)
        self._tick.setInterval(self.TICK_MS)
        self._tick.timeout.connect(self.update)
        self._tick.start()

    def set_tick_ms(self, interval_ms: int) -> None:
        """How often visibility is checked (tests use a short tick)."""
        self._tick.setInterval(max(10, interval_ms))

    def load(self, stored: object) -> None:
        """Take the week's minutes saved in the vault (ignored when from another week)."""
        if isinstance(stored, dict) and stored.get("week") == self.week:
            value = stored.get("ms")
            if isinstance(value, int) and value >= 0:
                self.week_ms = max(self.week_ms, value)
                self.minutes_changed.emit(self.minutes)

    @property
    def minutes(self) -> int:
        """Whole minutes in the feed this week."""
        return self.week_ms // 60_000

    def update(self) -> None:
        """Account for the time since the last call; start or stop the stopwatch."""
        active = self._is_active()
        if self._timer.isValid():
            self._add(self._timer.restart())
        if active and not self._timer.isValid():
            self._timer.start()
        elif not active and self._timer.isValid():
            self._timer.invalidate()

    def _add(self, elapsed: int) -> None:
        week = week_key(self._today())
        if week != self.week:
            self.week, self.week_ms = week, 0
        before = self.minutes
        self.week_ms += elapsed
        self._since_nudge += elapsed
        self._unsaved += elapsed
        if self.minutes != before:
            self.minutes_changed.emit(self.minutes)
        if self._unsaved >= self.SAVE_EVERY_MS:
            self.flush()
        if self.nudge_after_ms and not self._nudged and self._since_nudge >= self.nudge_after_ms:
            self._nudged = True
            self.nudge.emit()

    def dismissed(self) -> None:
        """The nudge was dismissed: the next one comes after another full interval."""
        self._nudged = False
        self._since_nudge = 0

    def flush(self) -> None:
        """Ask for the week's count to be saved in the vault."""
        self._unsaved = 0
        self.save_requested.emit({"week": self.week, "ms": int(self.week_ms)})

    def pause(self) -> None:
        """Stop counting and forget the count (on lock); :meth:`resume` starts again."""
        self.update()
        self._timer.invalidate()
        self._tick.stop()
        self.week_ms = self._since_nudge = self._unsaved = 0
        self._nudged = False

    def resume(self) -> None:
        """Count again (after unlock; the stored count comes back through :meth:`load`)."""
        self.week = week_key(self._today())
        if not self._tick.isActive():
            self._tick.start()
        self.update()

    def stop(self) -> None:
        """Stop counting for good; the count so far is offered for saving."""
        self.update()
        self._timer.invalidate()
        self._tick.stop()
        self.flush()
