"""Worker jobs of the feed: a page of received items, or of the items the user shared."""

from __future__ import annotations

from typing import Any

from peerjournal.app.peers import FeedItem, peers_service

PAGE_SIZE = 10


def load_page(session: Any, *, mine: bool, page: int) -> tuple[list[FeedItem], bool]:
    """One page of the feed and whether an older page exists."""
    offset = page * PAGE_SIZE
    with peers_service(session) as service:
        page_of = service.shared if mine else service.feed
        items = page_of(limit=PAGE_SIZE + 1, offset=offset)
    return items[:PAGE_SIZE], len(items) > PAGE_SIZE
