"""Worker jobs of the feed: a page of received items, or of the items the user shared.

``PeersService.feed`` lists what peers shared; what the user shared (with the replies and
reactions it received) is read here from the same tables until the service offers it.
"""

from __future__ import annotations

import json
from typing import Any

from peerjournal.app.peers import FeedItem, Response, peers_service

PAGE_SIZE = 10


def _responses(conn: Any, table: str, column: str, item_id: str) -> list[Response]:
    rows = conn.execute(
        f"SELECT id, direction, day, {column} FROM {table} WHERE item_id = ? ORDER BY seq",  # noqa: S608
        (item_id,),
    ).fetchall()
    return [Response(r[0], r[1], r[2], r[3]) for r in rows]


def shared_by_me(session: Any, *, limit: int, offset: int) -> list[FeedItem]:
    """Items the user shared, newest first, with the responses on them."""
    conn = session.connection
    rows = conn.execute(
        "SELECT i.id, p.name, p.state, i.day, i.title, i.body, i.tags, i.mood,"
        " i.content_warning FROM shared_items i JOIN pairings p ON p.id = i.pairing_id"
        " WHERE i.direction = 'out' ORDER BY i.day DESC, i.seq DESC LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
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
            replies=_responses(conn, "item_replies", "text", r[0]),
            reactions=_responses(conn, "item_reactions", "reaction", r[0]),
        )
        for r in rows
    ]


def load_page(session: Any, *, mine: bool, page: int) -> tuple[list[FeedItem], bool]:
    """One page of the feed and whether an older page exists."""
    offset = page * PAGE_SIZE
    if mine:
        items = shared_by_me(session, limit=PAGE_SIZE + 1, offset=offset)
    else:
        with peers_service(session) as service:
            items = service.feed(limit=PAGE_SIZE + 1, offset=offset)
    return items[:PAGE_SIZE], len(items) > PAGE_SIZE
