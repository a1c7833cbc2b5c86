"""Background sync: a round every few minutes while the vault is open and peers exist.

- Runs through the database worker like every other job, never on the GUI thread.
- The interval is a setting (default 5 minutes); when the relay cannot be reached the
  wait doubles each time (with a little jitter) up to an hour, and returns to normal after
  a round that worked.
- Stops when the vault locks (nothing runs against a closed vault; a round under way
  stops before its next pairing, see :class:`~peerjournal.ui.peers.sync_job.RoundGate`)
  and starts again on unlock; :meth:`BackgroundSync.run_now` is "Check for messages" by hand.
- :attr:`BackgroundSync.state` says in words what it is doing ("Checked at 10:42. Next
  check in about 5 minutes." / "Offline. Trying again in about 20 minutes." / "Paused
  while the journal is locked.").
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QLocale, QObject, QTime, QTimer, Signal

from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit.worker import DbWorker, weak
from peerjournal.ui.peers.sync_job import (
    LIVE_STATES,
    SyncOutcome,
    gate_for,
    live_states,
    sync_round,
)

MAX_BACKOFF_MS = 60 * 60_000
FIRST_ROUND_MS = 3_000  # soon after unlocking, once the window is on screen


class BackgroundSync(QObject):
    """Schedules sync rounds; emits each outcome and its state in words."""

    outcome = Signal(object)  # SyncOutcome of a background round
    state_changed = Signal(str)

    def __init__(self, worker: DbWorker, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._gate = gate_for(worker)
        self.interval_ms = max(60_000, interval_ms) if interval_ms else 0
        self.delay_ms = self.interval_ms
        self.failures = 0
        self.running = False
        self._in_round = False
        self.state = ""
        self.clock: Callable[[], datetime] = datetime.now
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.run_now)

    # -- control ------------------------------------------------------------------------
    def set_interval_ms(self, interval_ms: int) -> None:
        """Every this long (0 = off); tests use short intervals."""
        self.interval_ms = max(0, interval_ms)
        self.delay_ms = self.interval_ms
        if self.running:
            self._schedule(self.delay_ms)

    def start(self) -> None:
        """The vault opened: run rounds if any pairing has something to sync."""
        self.running = True
        self._gate.open()
        self.failures = 0
        self.delay_ms = self.interval_ms
        self._worker.submit(live_states, weak(self._pairings_known), weak(self._failed))

    def pairings_changed(self, states: list[str]) -> None:
        """The list of pairings changed (an invite made, a pairing ended): rounds start
        when the first pairing appears and stop when the last one ends, and the words say
        what waits (without this an invite made after unlocking was never checked for)."""
        if not self.running:
            return
        live = [state for state in states if state in LIVE_STATES]
        if not live:
            self._timer.stop()
            self._pairings_known([])
        elif not self._in_round and not self._timer.isActive():
            self._pairings_known(live)
        elif set(live) == {"invited"}:
            self._say(self._invite_waiting())

    def stop(self) -> None:
        """The vault locked: no more rounds until :meth:`start` (one under way stops)."""
        self.running = False
        self._gate.close()
        self._timer.stop()
        self._say(self.tr("Paused while the journal is locked."))

    def stop_read_only(self) -> None:
        """The vault opened read-only: a round would write what it fetches, so none runs."""
        self.running = False
        self._gate.close()
        self._timer.stop()
        self._say(self.tr("Paused: the vault is read-only."))

    @property
    def scheduled(self) -> bool:
        """Whether a round is due later."""
        return self._timer.isActive()

    def run_now(self) -> None:
        """One round in the worker (also when the timer fires)."""
        if not self.running:
            return
        self._timer.stop()
        self._in_round = True
        self._say(self.tr("Checking for messages…"))
        stop = self._gate.closed
        self._worker.submit(
            lambda session: sync_round(session, stop),
            weak(self._done),
            weak(self._failed),
            on_bug=weak(self._bugged),
            key="peers-sync",
        )

    # -- results ------------------------------------------------------------------------
    def _pairings_known(self, live: list[str]) -> None:
        if not self.running:
            return
        if live and self.interval_ms:
            self._schedule(min(FIRST_ROUND_MS, self.interval_ms))
            if set(live) == {"invited"}:
                self._say(self._invite_waiting())
            else:
                self._say(
                    self.tr("Checks for messages every %1.").replace(
                        "%1", self._minutes(self.interval_ms)
                    )
                )
        elif not live:
            self._say(self.tr("No peers yet: nothing to check."))
        else:
            self._say(self.tr("Checking in the background is off."))

    def _done(self, outcome: SyncOutcome) -> None:
        self._in_round = False
        report = outcome.report
        offline = bool(report.errors) and not (report.sent or report.received)
        if offline:
            self.failures += 1
            base = self.interval_ms * (2**self.failures)
            self.delay_ms = int(min(MAX_BACKOFF_MS, base) * random.uniform(0.9, 1.1))
            text = self.tr("Offline. Trying again in about %1.")
        else:
            self.failures = 0
            self.delay_ms = self.interval_ms
            text = self.tr("Checked at %2. Next check in about %1.").replace(
                "%2", QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
            )
        if self.running and self.interval_ms:
            self._schedule(self.delay_ms)
            self._say(text.replace("%1", self._minutes(self.delay_ms)))
        self.outcome.emit(outcome)

    def _failed(self, error: PeerJournalError) -> None:
        from peerjournal.ui.kit.error_text import error_text

        self._in_round = False
        self.failures += 1
        self.delay_ms = int(min(MAX_BACKOFF_MS, max(60_000, self.interval_ms) * 2**self.failures))
        self._say(error_text(error))
        if self.running and self.interval_ms:
            self._schedule(self.delay_ms)

    def _bugged(self) -> None:
        self._in_round = False
        if self.running and self.interval_ms:
            self._schedule(MAX_BACKOFF_MS)

    # -- helpers ------------------------------------------------------------------------
    def _schedule(self, delay_ms: int) -> None:
        self._timer.start(max(10, delay_ms))

    def _say(self, text: str) -> None:
        self.state = text
        self.state_changed.emit(text)

    def _invite_waiting(self) -> str:
        if not self.interval_ms:
            return self.tr(
                "Your invite is waiting for them to accept it. Press “Check for messages” "
                "once they have; “Cancel the invite…” on its card takes it back."
            )
        return self.tr(
            "Your invite is waiting for them to accept it; PeerJournal looks for their "
            "answer every %1. Changed your mind? “Cancel the invite…” on its card takes it "
            "back."
        ).replace("%1", self._minutes(self.interval_ms))

    def _minutes(self, ms: int) -> str:
        minutes = max(1, round(ms / 60_000))
        return self.tr("%n minute(s)", "", minutes).replace("(s)", "" if minutes == 1 else "s")
