"""Vault tables of the peer exchange (schema 2): pairings, outbox rows, shared items.

Plain functions over an open sqlcipher3 connection; callers own the transactions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any, Protocol

from peerjournal.errors import NotFound


class Db(Protocol):
    """What the sync layer needs from the vault: a connection and transactions."""

    @property
    def conn(self) -> Any:
        """The open connection (autocommit mode)."""

    def transaction(self) -> AbstractContextManager[Any]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; rollback on error."""


@dataclass(frozen=True)
class Pairing:
    """One row of ``pairings``."""

    id: str
    name: str
    my_pseudonym: str
    role: str
    state: str
    relay_url: str
    box_secret: bytes | None
    peer_box_pub: bytes | None
    inbox_recipient_id: str
    inbox_sender_id: str
    recipient_seed: bytes | None
    inbox_deleted: int
    peer_sender_id: str | None
    sender_seed: bytes | None
    secured: int
    secret: bytes | None
    invite_code: str | None
    invite_expires: int | None
    safety_code: str | None
    muted: int
    created: str
    ended: str | None
    end_reason: str | None


_COLUMNS = [f.name for f in fields(Pairing)]
_UPDATABLE = frozenset(_COLUMNS) - {"id", "created"}


def utc_now_text() -> str:
    """The current UTC time as ISO 8601 (local bookkeeping only; never sent)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _row_to_pairing(row: Any) -> Pairing:
    values: list[Any] = [bytes(v) if isinstance(v, bytes | memoryview) else v for v in row]
    return Pairing(*values)


def insert_pairing(conn: Any, pairing: Pairing) -> None:
    """Insert a new pairing row."""
    marks = ", ".join("?" for _ in _COLUMNS)
    conn.execute(
        f"INSERT INTO pairings ({', '.join(_COLUMNS)}) VALUES ({marks})",  # noqa: S608
        [getattr(pairing, c) for c in _COLUMNS],
    )


def update_pairing(conn: Any, pairing_id: str, **changes: Any) -> None:
    """Change the given columns of one pairing."""
    unknown = set(changes) - _UPDATABLE
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    sets = ", ".join(f"{name} = ?" for name in changes)
    conn.execute(
        f"UPDATE pairings SET {sets} WHERE id = ?",  # noqa: S608
        [*changes.values(), pairing_id],
    )


def get_pairing(conn: Any, pairing_id: str) -> Pairing:
    """The pairing with that id (NotFound otherwise)."""
    row = conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM pairings WHERE id = ?",  # noqa: S608
        (pairing_id,),
    ).fetchone()
    if row is None:
        raise NotFound("peer.not_found")
    return _row_to_pairing(row)


def list_pairings(conn: Any, *, include_ended: bool = False) -> list[Pairing]:
    """Pairings, oldest first; ended ones only on request."""
    where = "" if include_ended else "WHERE state != 'ended'"
    rows = conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM pairings {where} ORDER BY created, id"  # noqa: S608
    ).fetchall()
    return [_row_to_pairing(r) for r in rows]


def pairings_with_work(conn: Any) -> list[Pairing]:
    """Live pairings plus ended ones whose teardown (bye, mailbox deletion) is unfinished."""
    rows = conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM pairings"  # noqa: S608
        " WHERE state != 'ended' OR recipient_seed IS NOT NULL OR sender_seed IS NOT NULL"
        " ORDER BY created, id"
    ).fetchall()
    return [_row_to_pairing(r) for r in rows]


def find_pairing(conn: Any, name_or_id: str) -> Pairing:
    """A live pairing by exact name (case-insensitive) or unique id prefix (>= 4 chars)."""
    live = list_pairings(conn)
    exact = [p for p in live if p.name.casefold() == name_or_id.casefold()]
    if len(exact) == 1:
        return exact[0]
    if len(name_or_id) >= 4:
        by_id = [p for p in live if p.id.startswith(name_or_id)]
        if len(by_id) == 1:
            return by_id[0]
    raise NotFound("peer.not_found_named", name=name_or_id)


def unique_name(conn: Any, wanted: str, *, exclude_id: str | None = None) -> str:
    """``wanted`` or ``wanted 2``, ``wanted 3``… so live pairing names stay unique."""
    taken = {
        p.name.casefold() for p in list_pairings(conn) if exclude_id is None or p.id != exclude_id
    }
    name, n = wanted, 1
    while name.casefold() in taken:
        n += 1
        name = f"{wanted} {n}"
    return name


# -- outbox rows -----------------------------------------------------------------------


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


def enqueue(conn: Any, pairing_id: str, kind: str, message_id: str, envelope: bytes) -> None:
    """Store a sealed envelope for sending (due at once)."""
    conn.execute(
        "INSERT INTO sync_outbox (message_id, pairing_id, kind, envelope, created, next_attempt)"
        " VALUES (?, ?, ?, ?, ?, 0)",
        (message_id, pairing_id, kind, envelope, utc_now_text()),
    )


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


# -- shared items ---------------------------------------------------------------------


def insert_item(conn: Any, item: dict[str, Any]) -> None:
    """Insert a shared item (either direction)."""
    conn.execute(
        "INSERT INTO shared_items (id, pairing_id, direction, entry_id, day, title, body, tags,"
        " mood, content_warning, received) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            item["id"],
            item["pairing_id"],
            item["direction"],
            item.get("entry_id"),
            item["day"],
            item["title"],
            item["body"],
            json.dumps(list(item["tags"]), ensure_ascii=False),
            item["mood"],
            item["content_warning"],
            utc_now_text(),
        ),
    )


def item_pairing(conn: Any, item_id: str) -> str | None:
    """The pairing a shared item belongs to, or None when unknown."""
    row = conn.execute("SELECT pairing_id FROM shared_items WHERE id = ?", (item_id,)).fetchone()
    return None if row is None else str(row[0])


def resolve_item(conn: Any, prefix: str) -> str:
    """A shared item id from a unique prefix (>= 4 chars)."""
    if len(prefix) < 4:
        raise NotFound("item.id_too_short")
    rows = conn.execute(
        "SELECT id FROM shared_items WHERE id >= ? AND id < ? LIMIT 2",
        (prefix, prefix + "\uffff"),
    ).fetchall()
    if len(rows) != 1:
        raise NotFound("item.not_found", prefix=prefix)
    return str(rows[0][0])


def insert_response(conn: Any, table: str, row: dict[str, Any]) -> None:
    """Insert a reply (``item_replies``) or reaction (``item_reactions``)."""
    column = {"item_replies": "text", "item_reactions": "reaction"}[table]
    conn.execute(
        f"INSERT INTO {table} (id, item_id, pairing_id, direction, day, {column}, received)"  # noqa: S608
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            row["id"],
            row["item_id"],
            row["pairing_id"],
            row["direction"],
            row["day"],
            row[column],
            utc_now_text(),
        ),
    )


def iter_feed_rows(conn: Any, *, limit: int, offset: int) -> Iterator[tuple[Any, ...]]:
    """Received items of unmuted pairings, newest first, joined with the peer's name."""
    yield from conn.execute(
        "SELECT i.id, i.pairing_id, p.name, i.day, i.title, i.body, i.tags, i.mood,"
        " i.content_warning, p.state FROM shared_items i JOIN pairings p ON p.id = i.pairing_id"
        " WHERE i.direction = 'in' AND p.muted = 0 ORDER BY i.day DESC, i.seq DESC"
        " LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
