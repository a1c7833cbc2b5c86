"""What every peer use case shares: the session, a fresh relay client per pairing, the clock.

:class:`PeerUseCase` is the base of the pairing, sharing and feed use cases
(:mod:`peerjournal.app.pairing`, :mod:`~peerjournal.app.sharing`,
:mod:`~peerjournal.app.feed`), which :class:`peerjournal.app.peers.PeersService` puts
together. Tests give ``relay_for`` (a fake relay), ``clock``, ``today`` and the sync round's
``order`` (randomness) and ``pause``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from peerjournal.errors import InvalidInput, SyncError
from peerjournal.sync import engine
from peerjournal.sync.outbox import SEND_WORKERS, send_due
from peerjournal.sync.relay_client import RelayClient
from peerjournal.sync.states import PAIRED
from peerjournal.sync.store.pairings import Pairing, find_pairing, get_pairing

if TYPE_CHECKING:
    from peerjournal.app.session import Session

RelayFor = Callable[[str], engine.Relay]


def new_client(url: str) -> engine.Relay:
    """A fresh relay client, with connections of its own, for one pairing's work.

    Never shared between pairings: a keep-alive connection that carried the mailboxes of
    two pairings would show the relay that they belong to one user.
    """
    return RelayClient(url.rstrip("/"))


class PeerUseCase:
    """The state shared by the peer use cases of one session (not thread-safe)."""

    def __init__(
        self,
        session: Session,
        *,
        relay_for: RelayFor | None = None,
        clock: Callable[[], float] = time.time,
        today: Callable[[], date] = date.today,
        order: random.Random | None = None,
        pause: Callable[[float], None] | None = None,
    ) -> None:
        self._session = session
        self._order = order
        self._pause = pause
        self._relay_for: RelayFor = relay_for or new_client
        self._clock = clock
        self._today = today

    def close(self) -> None:
        """Nothing to close: each pairing's work closes its own client when done."""

    def _relay(self, url: str) -> engine.Relay:
        """A client for one pairing's work; the caller closes it (see :func:`new_client`)."""
        return self._relay_for(url.rstrip("/"))

    def _paired(self, name: str) -> Pairing:
        """A pairing by name that may carry content, or InvalidInput saying it is not yet."""
        p = find_pairing(self._session.conn, name)
        if p.state not in PAIRED:
            raise InvalidInput("peer.not_active", name=p.name)
        return p

    def _round(self, *, wait: int = 0, stop: Callable[[], bool] | None = None) -> engine.SyncReport:
        """One sync round: send the outbox, fetch, apply, acknowledge, tidy up."""
        return engine.sync_once(
            self._session,
            self._relay,
            today=self._today(),
            now=self._clock,
            wait=wait,
            order=self._order,
            pause=self._pause,
            stop=stop,
        )

    def _try_send(self, pairing_id: str) -> None:
        """Send a pairing's outbox now; on failure it waits for the next sync."""
        p = get_pairing(self._session.conn, pairing_id)
        relay = self._relay(p.relay_url)
        try:
            send_due(
                self._session, relay, p, now=self._clock(), rand=random.random, workers=SEND_WORKERS
            )
        except SyncError:
            return  # stays in the outbox; the next sync sends it
        finally:
            engine.close_client(relay)
