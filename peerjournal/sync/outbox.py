"""The outbox state machine: committed rows are sent until the relay stored them.

States of one row::

    queued --send ok (201/200)--> gone (row deleted)
    queued --transient failure--> waiting (attempts+1, next_attempt = now + jitter)
    waiting --next_attempt due--> queued

Backoff is exponential with full jitter: ``uniform(0, min(15 min, 1 s * 2**(attempts-1)))``.
A send that reached the relay but whose answer was lost is repeated with the same message id
and the same bytes, which the relay answers with 200 (idempotent).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from peerjournal.errors import ProtocolError, RelayRejected, RelayUnreachable, SyncError
from peerjournal.sync.store import Db, OutboxRow, Pairing, due_rows, update_pairing

BASE_DELAY = 1.0
MAX_DELAY = 15 * 60.0
COMMIT_BATCH = 100
PAGE = 200
# Relay answers after which the same request later may well succeed; the rest are about
# this message or this pairing and also wait (they cannot crash or loop the client).
TRANSIENT = frozenset(
    {"mailbox_full", "rate_limited", "relay_full", "stale_request", "replayed_request"}
)


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
    errors: list[str] = field(default_factory=list)


def send_due(
    db: Db,
    relay: Sender,
    pairing: Pairing,
    *,
    now: float,
    rand: Callable[[], float],
) -> SendResult:
    """Send every due row of ``pairing`` in order; stop at the first network failure."""
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
            result.errors.append(exc.message)
            _postpone_rows(db, rows, now, rand, exc)
            return result
        with db.transaction() as conn:
            update_pairing(conn, pairing.id, secured=1)
    while rows:
        target = (pairing.peer_sender_id, pairing.sender_seed)
        if _send_rows(db, relay, target, rows, now, rand, result) or len(rows) < PAGE:
            break
        rows = due_rows(db.conn, pairing.id, now, PAGE)
    return result


def _send_rows(
    db: Db,
    relay: Sender,
    target: tuple[str, bytes],
    rows: list[OutboxRow],
    now: float,
    rand: Callable[[], float],
    result: SendResult,
) -> bool:
    """Send one page of rows; True when a failure means the rest should wait."""
    done: list[str] = []
    try:
        for row in rows:
            try:
                relay.put_message(target[0], target[1], row.message_id, row.envelope)
            except (RelayUnreachable, ProtocolError) as exc:
                _fail_rest(db, rows, row.seq, now, rand, exc, result)
                return True
            except RelayRejected as exc:
                if exc.code in TRANSIENT:
                    _fail_rest(db, rows, row.seq, now, rand, exc, result)
                    return True
                result.failed += 1
                result.errors.append(exc.message)
                _postpone_rows(db, [row], now, rand, exc)
                continue
            done.append(row.message_id)
            result.sent += 1
            if len(done) >= COMMIT_BATCH:
                _delete(db, done)
                done = []
    finally:
        _delete(db, done)
    return False


def _fail_rest(
    db: Db,
    rows: list[OutboxRow],
    from_seq: int,
    now: float,
    rand: Callable[[], float],
    exc: SyncError,
    result: SendResult,
) -> None:
    rest = [r for r in rows if r.seq >= from_seq]
    result.failed += len(rest)
    result.errors.append(exc.message)
    _postpone_rows(db, rest, now, rand, exc)


def _postpone_rows(
    db: Db, rows: list[OutboxRow], now: float, rand: Callable[[], float], exc: SyncError
) -> None:
    reason = getattr(exc, "code", "") or type(exc).__name__
    with db.transaction() as conn:
        conn.executemany(
            "UPDATE sync_outbox SET attempts = ?, next_attempt = ?, last_error = ?"
            " WHERE message_id = ?",
            [
                (r.attempts + 1, now + backoff_delay(r.attempts + 1, rand), reason, r.message_id)
                for r in rows
            ],
        )


def _delete(db: Db, message_ids: list[str]) -> None:
    if not message_ids:
        return
    with db.transaction() as conn:
        conn.executemany(
            "DELETE FROM sync_outbox WHERE message_id = ?", [(m,) for m in message_ids]
        )
