"""One sync round as the desktop app runs it, and what it brought in plain terms.

A relay round's report counts every message applied, pairing hellos and goodbyes
included; telling the user "something new arrived" from that count alone promised items
that were not in the feed. :func:`sync_round` looks at the feed before and after, so the
app can say exactly what is new (items in the feed, replies or reactions) or nothing.
Runs on the database worker, never on the GUI thread.
"""

from __future__ import annotations

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


def sync_round(session: Any) -> SyncOutcome:
    """Worker job: one round (send, fetch, apply, acknowledge) and what it brought."""
    service: PeersService = session.peers
    items_before, responses_before = _seen(service)
    report = service.sync()
    items_after, responses_after = _seen(service)
    return SyncOutcome(
        report,
        new_items=len(items_after - items_before),
        new_responses=len(responses_after - responses_before),
    )


def has_live_pairings(session: Any) -> bool:
    """Worker job: whether any pairing has something to sync (background sync runs then)."""
    service: PeersService = session.peers
    return any(peer.state in LIVE_STATES for peer in service.list())
