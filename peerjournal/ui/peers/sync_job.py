"""One sync round as the desktop app runs it, and what it brought in plain terms.

A relay round's report counts every message applied, pairing hellos and goodbyes
included; telling the user "something new arrived" from that count alone promised items
that were not in the feed. :func:`sync_round` looks at the feed before and after, so the
app can say exactly what is new (items in the feed, replies or reactions) or nothing.
Runs on the database worker, never on the GUI thread.

A round pauses a few seconds between pairings (unlinkability at the relay), so locking
must not wait for a whole round: each worker has a :class:`RoundGate` that the GUI thread
closes when the vault locks (a running round then stops before its next pairing or
during its pause; a queued one does nothing) and opens again after unlock.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peerjournal.app.peers import PeersService, SyncReport

#: How many of the newest items are compared before and after a round.
WINDOW = 50
#: Pairing states that have something to send or fetch.
LIVE_STATES = ("invited", "joining", "active", "verified")


@dataclass(frozen=True)
class SyncOutcome:
    """A round's report and what it changed for the user."""

    report: SyncReport
    new_items: int  # items that appeared in the feed
    new_responses: int  # replies and reactions from peers that appeared


def _seen(service: Any) -> tuple[set[str], set[str]]:
    received = service.feed(limit=WINDOW)
    shared = service.shared(limit=WINDOW)
    items = {item.id for item in received}
    responses = {
        response.id
        for item in (*received, *shared)
        for response in (*item.replies, *item.reactions)
        if response.direction == "in"
    }
    return items, responses


class RoundGate:
    """Whether rounds may run on one worker; closed from the GUI thread when it locks."""

    def __init__(self) -> None:
        self._closed = threading.Event()

    def close(self) -> None:
        """Stop the running round at its next pairing; queued rounds do nothing."""
        self._closed.set()

    def open(self) -> None:
        """Rounds may run again (the vault is open)."""
        self._closed.clear()

    def closed(self) -> bool:
        """Whether the gate is closed (safe to ask from any thread)."""
        return self._closed.is_set()


_GATES: weakref.WeakKeyDictionary[object, RoundGate] = weakref.WeakKeyDictionary()


def gate_for(worker: object) -> RoundGate:
    """The round gate of ``worker`` (one per worker, shared by the page and background)."""
    gate = _GATES.get(worker)
    if gate is None:
        gate = _GATES[worker] = RoundGate()
    return gate


def sync_round(session: Any, stop: Callable[[], bool] | None = None) -> SyncOutcome:
    """Worker job: one round (send, fetch, apply, acknowledge) and what it brought."""
    service: PeersService = session.peers
    items_before, responses_before = _seen(service)
    report = service.sync(stop=stop)
    items_after, responses_after = _seen(service)
    return SyncOutcome(
        report,
        new_items=len(items_after - items_before),
        new_responses=len(responses_after - responses_before),
    )


def live_states(session: Any) -> list[str]:
    """Worker job: the states of the pairings that have something to sync (background
    sync runs while there is one)."""
    service: PeersService = session.peers
    return [peer.state for peer in service.list() if peer.state in LIVE_STATES]
