"""The ``sync_outbox`` table: sealed envelopes waiting until the relay stored them.

A row's bytes never change after :func:`enqueue`, so a resend after a crash or a lost
answer is the same request, which the relay answers idempotently. What a row's columns
mean for its state is :class:`peerjournal.sync.states.OutboxState`.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from peerjournal.crypto.b64 import b64u_encode
from peerjournal.sync.store import utc_now_text


@dataclass(frozen=True)
class OutboxRow:
    """One sealed envelope waiting for the relay."""

    seq: int
    message_id: str
    pairing_id: str
    kind: str
    envelope: bytes
    attempts: int
    next_attempt: float


def enqueue(conn: Any, pairing_id: str, kind: str, envelope: bytes) -> str:
    """Store a sealed envelope for sending (due at once); returns its relay message id."""
    message_id = b64u_encode(secrets.token_bytes(16))
    conn.execute(
        "INSERT INTO sync_outbox (message_id, pairing_id, kind, envelope, created, next_attempt)"
        " VALUES (?, ?, ?, ?, ?, 0)",
        (message_id, pairing_id, kind, envelope, utc_now_text()),
    )
    return message_id


def due_rows(conn: Any, pairing_id: str, now: float, limit: int = 200) -> list[OutboxRow]:
    """Rows of a pairing whose next attempt is due, in the order they were written."""
    rows = conn.execute(
        "SELECT seq, message_id, pairing_id, kind, envelope, attempts, next_attempt"
        " FROM sync_outbox WHERE pairing_id = ? AND next_attempt <= ? ORDER BY seq LIMIT ?",
        (pairing_id, now, limit),
    ).fetchall()
    return [OutboxRow(r[0], r[1], r[2], r[3], bytes(r[4]), r[5], r[6]) for r in rows]


def outbox_count(conn: Any, pairing_id: str | None = None) -> int:
    """Rows still waiting (for one pairing or all)."""
    if pairing_id is None:
        return int(conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0])
    return int(
        conn.execute(
            "SELECT count(*) FROM sync_outbox WHERE pairing_id = ?", (pairing_id,)
        ).fetchone()[0]
    )


def postpone(conn: Any, plans: Iterable[tuple[OutboxRow, float]], reason: str) -> None:
    """Count a failed attempt for each row and set its next attempt time.

    ``reason`` is a code for the program (the relay's error code or the error class),
    never shown.
    """
    conn.executemany(
        "UPDATE sync_outbox SET attempts = ?, next_attempt = ?, last_error = ?"
        " WHERE message_id = ?",
        [(row.attempts + 1, at, reason, row.message_id) for row, at in plans],
    )


def delete_sent(conn: Any, message_ids: Iterable[str]) -> None:
    """Forget rows the relay has stored."""
    conn.executemany("DELETE FROM sync_outbox WHERE message_id = ?", [(m,) for m in message_ids])


def drop_pairing(conn: Any, pairing_id: str) -> None:
    """Forget every row of a pairing (its peer ended it: nobody reads them any more)."""
    conn.execute("DELETE FROM sync_outbox WHERE pairing_id = ?", (pairing_id,))


def drop_undeliverable(
    conn: Any, pairing_id: str, *, max_attempts: int, hopeless: Iterable[str]
) -> None:
    """Forget rows of an ended pairing that were tried ``max_attempts`` times or last
    failed with one of the ``hopeless`` relay codes (the peer's mailbox is gone)."""
    codes = list(hopeless)
    marks = ", ".join("?" for _ in codes) or "NULL"
    conn.execute(
        "DELETE FROM sync_outbox WHERE pairing_id = ?"  # noqa: S608 (marks are only "?")
        f" AND (attempts >= ? OR last_error IN ({marks}))",
        (pairing_id, max_attempts, *codes),
    )
