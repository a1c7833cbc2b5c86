"""Feed use cases: sync with the relays, read what peers shared and what you shared.

:class:`FeedItem` values come from one place, :mod:`peerjournal.sync.store.items`.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable

from peerjournal.app.relays import PeerUseCase
from peerjournal.sync.engine import SyncReport
from peerjournal.sync.store import items
from peerjournal.sync.store.items import FeedItem, Response
from peerjournal.sync.store.pairings import find_pairing

__all__ = ["FeedItem", "FeedUseCases", "Response", "SyncReport"]


class FeedUseCases(PeerUseCase):
    """Sync and the feed for one open session."""

    def sync(self, *, wait: int = 0, stop: Callable[[], bool] | None = None) -> SyncReport:
        """One round: send the outbox, fetch, apply, acknowledge; errors are in the report.

        Once ``stop()`` is true (it may be set from another thread) the round visits no
        further pairing; those left wait for the next round.
        """
        return self._round(wait=wait, stop=stop)

    def feed(self, *, limit: int = 50, offset: int = 0) -> builtins.list[FeedItem]:
        """Items received from peers (muted peers left out), newest first."""
        return items.feed(self._session.conn, limit=limit, offset=offset)

    def shared(self, *, limit: int = 50, offset: int = 0) -> builtins.list[FeedItem]:
        """Items the user shared, newest first, with the replies and reactions they got."""
        return items.shared(self._session.conn, limit=limit, offset=offset)

    def peer_moods(self, peer: str) -> builtins.list[tuple[str, int]]:
        """(day, level) of the mood check-ins a peer shared, newest first."""
        return items.peer_moods(self._session.conn, find_pairing(self._session.conn, peer).id)
