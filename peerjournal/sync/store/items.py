"""What was shared, both ways: ``shared_items``, ``item_replies``, ``item_reactions`` and
``peer_moods``, and the feed built from them (:class:`FeedItem` is made here only)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from peerjournal.errors import NotFound
from peerjournal.sync.store import utc_now_text

#: The table and text column of each kind of response.
_RESPONSES = {"reply": ("item_replies", "text"), "reaction": ("item_reactions", "reaction")}


@dataclass(frozen=True)
class Response:
    """A reply or reaction on a shared item."""

    id: str
    direction: str  # "in" from the peer, "out" from me
    day: str
    text: str  # reply text or reaction kind


@dataclass(frozen=True)
class FeedItem:
    """A shared item (received or sent) with the responses on it (no counters)."""

    id: str
    peer: str
    peer_state: str
    day: str
    title: str
    body: str
    tags: tuple[str, ...]
    mood: int | None
    content_warning: str
    replies: list[Response] = field(default_factory=list)
    reactions: list[Response] = field(default_factory=list)


def insert_item(
    conn: Any,
    item_id: str,
    pairing_id: str,
    direction: str,
    day: str,
    content: Mapping[str, Any],
    *,
    entry_id: str | None = None,
) -> None:
    """Insert a shared item (either direction). ``content`` is an ``entry`` payload's body
    (title, body, tags, mood, content_warning; docs/protocol.md section 5); ``entry_id`` is
    the journal entry a sent item came from."""
    conn.execute(
        "INSERT INTO shared_items (id, pairing_id, direction, entry_id, day, title, body, tags,"
        " mood, content_warning, received) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            item_id,
            pairing_id,
            direction,
            entry_id,
            day,
            content["title"],
            content["body"],
            json.dumps(list(content["tags"]), ensure_ascii=False),
            content["mood"],
            content["content_warning"],
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


def response_exists(conn: Any, kind: str, response_id: str) -> bool:
    """Whether a reply or reaction with this id is already stored."""
    table, _column = _RESPONSES[kind]
    sql = f"SELECT 1 FROM {table} WHERE id = ?"  # noqa: S608 (a fixed table name)
    return conn.execute(sql, (response_id,)).fetchone() is not None


def insert_response(
    conn: Any,
    kind: str,
    *,
    response_id: str,
    item_id: str,
    pairing_id: str,
    direction: str,
    day: str,
    text: str,
) -> None:
    """Insert a reply (``kind="reply"``, ``text`` the reply) or a reaction (``text`` its
    name)."""
    table, column = _RESPONSES[kind]
    conn.execute(
        f"INSERT INTO {table} (id, item_id, pairing_id, direction, day, {column}, received)"  # noqa: S608
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (response_id, item_id, pairing_id, direction, day, text, utc_now_text()),
    )


def insert_peer_mood(conn: Any, mood_id: str, pairing_id: str, day: str, level: int) -> None:
    """Keep a mood level a peer shared (a repeated id is ignored)."""
    conn.execute(
        "INSERT OR IGNORE INTO peer_moods (id, pairing_id, day, level, received)"
        " VALUES (?, ?, ?, ?, ?)",
        (mood_id, pairing_id, day, level, utc_now_text()),
    )


def peer_moods(conn: Any, pairing_id: str) -> list[tuple[str, int]]:
    """(day, level) of the mood check-ins a peer shared, newest first."""
    rows = conn.execute(
        "SELECT day, level FROM peer_moods WHERE pairing_id = ? ORDER BY day DESC, received DESC",
        (pairing_id,),
    ).fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]


_ITEM_COLUMNS = "i.id, p.name, p.state, i.day, i.title, i.body, i.tags, i.mood, i.content_warning"


def feed(conn: Any, *, limit: int, offset: int) -> list[FeedItem]:
    """Items received from peers that are not muted, newest first."""
    rows = conn.execute(
        f"SELECT {_ITEM_COLUMNS} FROM shared_items i JOIN pairings p ON p.id = i.pairing_id"  # noqa: S608
        " WHERE i.direction = 'in' AND p.muted = 0 ORDER BY i.day DESC, i.seq DESC"
        " LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    return _with_responses(conn, rows)


def shared(conn: Any, *, limit: int, offset: int) -> list[FeedItem]:
    """Items this vault shared, newest first."""
    rows = conn.execute(
        f"SELECT {_ITEM_COLUMNS} FROM shared_items i JOIN pairings p ON p.id = i.pairing_id"  # noqa: S608
        " WHERE i.direction = 'out' ORDER BY i.day DESC, i.seq DESC LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    return _with_responses(conn, rows)


def _with_responses(conn: Any, rows: list[Any]) -> list[FeedItem]:
    ids = [str(r[0]) for r in rows]
    replies = _responses(conn, "reply", ids)
    reactions = _responses(conn, "reaction", ids)
    return [
        FeedItem(
            id=r[0],
            peer=r[1],
            peer_state=r[2],
            day=r[3],
            title=r[4],
            body=r[5],
            tags=tuple(json.loads(r[6])),
            mood=r[7],
            content_warning=r[8],
            replies=replies.get(r[0], []),
            reactions=reactions.get(r[0], []),
        )
        for r in rows
    ]


def _responses(conn: Any, kind: str, item_ids: Iterable[str]) -> dict[str, list[Response]]:
    """The responses of each item, in the order they were stored."""
    table, column = _RESPONSES[kind]
    ids = list(item_ids)
    found: dict[str, list[Response]] = {}
    if not ids:
        return found
    marks = ", ".join("?" for _ in ids)
    rows = conn.execute(
        f"SELECT item_id, id, direction, day, {column} FROM {table}"  # noqa: S608
        f" WHERE item_id IN ({marks}) ORDER BY seq",
        ids,
    ).fetchall()
    for item_id, *rest in rows:
        found.setdefault(str(item_id), []).append(Response(*rest))
    return found
