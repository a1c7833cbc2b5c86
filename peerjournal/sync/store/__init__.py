"""The vault tables of the peer exchange (schema 2), one module per group of tables.

- :mod:`~peerjournal.sync.store.pairings`: ``pairings`` (one row per pairing, its keys)
- :mod:`~peerjournal.sync.store.outbox`: ``sync_outbox`` (sealed envelopes waiting to go)
- :mod:`~peerjournal.sync.store.inbox`: ``sync_inbox`` (every inbound message once seen)
- :mod:`~peerjournal.sync.store.items`: ``shared_items``, ``item_replies``,
  ``item_reactions``, ``peer_moods`` (what was shared, both ways, and the feed built on it)

Plain functions over an open sqlcipher3 connection; callers own the transactions. No SQL
on these tables lives anywhere else.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Protocol


class Db(Protocol):
    """What the sync layer needs from the vault: a connection and transactions.

    :class:`peerjournal.app.session.Session` is one.
    """

    @property
    def conn(self) -> Any:
        """The open connection (autocommit mode)."""

    def transaction(self) -> AbstractContextManager[Any]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; rollback on error."""


def utc_now_text() -> str:
    """The current UTC time as ISO 8601 (local bookkeeping only; never sent)."""
    return datetime.now(UTC).isoformat(timespec="seconds")
