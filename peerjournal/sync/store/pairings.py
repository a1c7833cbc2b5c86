"""The ``pairings`` table: one row per pairing with its state, keys and mailbox ids."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from peerjournal.errors import NotFound


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
    unverified_share_ok: int = 0  # the user agreed once to share before verifying
    peer_version: int = 1  # the protocol version the peer has shown it speaks
    v2_announced: int = 0  # 1 once this side queued its version-2 hello


_COLUMNS = [f.name for f in fields(Pairing)]
_UPDATABLE = frozenset(_COLUMNS) - {"id", "created"}


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
