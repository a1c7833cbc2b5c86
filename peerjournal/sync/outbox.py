"""The outbox: committed messages are sent until the relay stored them.

Each message moves through :data:`peerjournal.sync.states.OUTBOX`: a QUEUED (due) row is
SENT when the relay stores it (the row is deleted); after a failure it is WAITING
(``attempts`` + 1, ``next_attempt`` = now + backoff) until it is due again. A failure that
may pass (network, 5xx, 429, a full mailbox, a clock the relay distrusts) is HELD_BACK and
holds the rest of the pairing's queue too, keeping its order; a refusal of this message
alone (REFUSED) lets the others go on.

Backoff is exponential with full jitter: ``uniform(0, min(15 min, 1 s * 2**(attempts-1)))``,
and never below a 429's Retry-After. A send that reached the relay but whose answer was
lost is repeated with the same message id and the same bytes, which the relay answers with
200 (idempotent).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol

from peerjournal.errors import RateLimited, RelayRejected, SyncError, Text
from peerjournal.sync.states import (
    HOLDS_THE_QUEUE,
    OUTBOX,
    TRANSIENT_RELAY_CODES,
    OutboxEvent,
    OutboxState,
    step,
)
from peerjournal.sync.store import Db
from peerjournal.sync.store.outbox import OutboxRow, delete_sent, due_rows, postpone
from peerjournal.sync.store.pairings import Pairing, update_pairing

BASE_DELAY = 1.0
MAX_DELAY = 15 * 60.0
COMMIT_BATCH = 100
PAGE = 200
WAVE = 32  # most requests in flight at once for one pairing
SEND_WORKERS = 4  # concurrent sends used by the sync engine and the app
# Kinds that refer to nothing else, so their relative order on the relay does not matter.
PARALLEL_KINDS = frozenset({"entry", "mood"})


class Sender(Protocol):
    """The relay calls the outbox needs."""

    def secure(self, sender_id: str, sender_seed: bytes) -> None:
        """Claim the peer's mailbox with our sender key."""

    def put_message(
        self, sender_id: str, sender_seed: bytes, message_id: str, envelope: bytes
    ) -> bool:
        """Store one envelope."""


def backoff_delay(attempts: int, rand: Callable[[], float]) -> float:
    """Full-jitter delay before attempt ``attempts + 1`` (``attempts`` >= 1 failures)."""
    if attempts < 1:
        raise ValueError("attempts must be >= 1")
    ceiling = min(MAX_DELAY, BASE_DELAY * 2.0 ** min(attempts - 1, 30))
    return rand() * ceiling


@dataclass
class SendResult:
    """What one outbox pass did."""

    sent: int = 0
    failed: int = 0
    errors: list[Text] = field(default_factory=list)


def send_due(
    db: Db,
    relay: Sender,
    pairing: Pairing,
    *,
    now: float,
    rand: Callable[[], float],
    workers: int = 1,
) -> SendResult:
    """Send every due row of ``pairing``; stop at the first network failure.

    With ``workers`` > 1, runs of independent messages (entries, moods) go out as waves of
    concurrent requests; every other kind is sent alone after the wave before it finished,
    so a reply never overtakes the item it refers to.
    """
    result = SendResult()
    if pairing.peer_sender_id is None or pairing.sender_seed is None:
        return result
    rows = due_rows(db.conn, pairing.id, now, PAGE)
    if not rows:
        return result
    if not pairing.secured:
        try:
            relay.secure(pairing.peer_sender_id, pairing.sender_seed)
        except SyncError as exc:
            result.failed = len(rows)
            result.errors.append(exc.text)
            _postpone_rows(db, rows, now, rand, exc)
            return result
        with db.transaction() as conn:
            update_pairing(conn, pairing.id, secured=1)
    target = (pairing.peer_sender_id, pairing.sender_seed)
    pool = ThreadPoolExecutor(max_workers=workers) if workers > 1 else None
    try:
        while rows:
            ctx = _Pass(db, relay, target, now, rand, result, pool)
            if ctx.send(rows) or len(rows) < PAGE:
                break
            rows = due_rows(db.conn, pairing.id, now, PAGE)
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
    return result


class _Pass:
    """Sends one page of rows in waves and books the outcome."""

    def __init__(
        self,
        db: Db,
        relay: Sender,
        target: tuple[str, bytes],
        now: float,
        rand: Callable[[], float],
        result: SendResult,
        pool: ThreadPoolExecutor | None,
    ) -> None:
        self.db, self.relay, self.target = db, relay, target
        self.now, self.rand, self.result, self.pool = now, rand, result, pool

    def _put(self, row: OutboxRow) -> SyncError | None:
        try:
            self.relay.put_message(self.target[0], self.target[1], row.message_id, row.envelope)
        except SyncError as exc:
            return exc
        return None

    def _waves(self, rows: list[OutboxRow]) -> Iterator[list[OutboxRow]]:
        i = 0
        while i < len(rows):
            j = i + 1
            if self.pool is not None and rows[i].kind in PARALLEL_KINDS:
                while j < len(rows) and j - i < WAVE and rows[j].kind in PARALLEL_KINDS:
                    j += 1
            yield rows[i:j]
            i = j

    def send(self, rows: list[OutboxRow]) -> bool:
        """True when a failure means the rest of the outbox should wait."""
        done: list[str] = []
        try:
            for wave in self._waves(rows):
                if self.pool is None or len(wave) == 1:
                    outcomes = [self._put(row) for row in wave]
                else:
                    outcomes = list(self.pool.map(self._put, wave))
                held: list[OutboxRow] = []
                hold: SyncError | None = None
                for row, exc in zip(wave, outcomes, strict=True):
                    event = outcome(exc)
                    state = step(OUTBOX, OutboxState.QUEUED, event)
                    if state == OutboxState.SENT:
                        done.append(row.message_id)
                        self.result.sent += 1
                    elif exc is not None and event in HOLDS_THE_QUEUE:
                        hold = hold or exc
                        held.append(row)
                    elif exc is not None:
                        self.result.failed += 1
                        self.result.errors.append(exc.text)
                        _postpone_rows(self.db, [row], self.now, self.rand, exc)
                if hold is not None:
                    last = wave[-1].seq
                    rest = held + [r for r in rows if r.seq > last]
                    self.result.failed += len(rest)
                    self.result.errors.append(hold.text)
                    _postpone_rows(self.db, rest, self.now, self.rand, hold)
                    return True
                if len(done) >= COMMIT_BATCH:
                    _delete(self.db, done)
                    done = []
        finally:
            _delete(self.db, done)
        return False


def outcome(exc: SyncError | None) -> OutboxEvent:
    """The outbox event of one send attempt: stored, held back, or refused."""
    if exc is None:
        return OutboxEvent.STORED
    if isinstance(exc, RelayRejected) and exc.relay_code not in TRANSIENT_RELAY_CODES:
        return OutboxEvent.REFUSED
    return OutboxEvent.HELD_BACK


def _postpone_rows(
    db: Db, rows: list[OutboxRow], now: float, rand: Callable[[], float], exc: SyncError
) -> None:
    # The relay's own code (or the error class) is kept for the teardown rules, never shown.
    reason = (exc.relay_code if isinstance(exc, RelayRejected) else "") or type(exc).__name__
    floor = exc.retry_after if isinstance(exc, RateLimited) else 0.0
    plans = [(r, now + max(floor, backoff_delay(r.attempts + 1, rand))) for r in rows]
    with db.transaction() as conn:
        postpone(conn, plans, reason)


def _delete(db: Db, message_ids: list[str]) -> None:
    if not message_ids:
        return
    with db.transaction() as conn:
        delete_sent(conn, message_ids)
