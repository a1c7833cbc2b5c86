"""Peer exchange for one open session: :class:`PeersService`, reached as ``session.peers``.

It is the pairing (:mod:`peerjournal.app.pairing`), sharing
(:mod:`~peerjournal.app.sharing`) and feed (:mod:`~peerjournal.app.feed`) use cases; each
pairing's relay work gets a client of its own (:mod:`~peerjournal.app.relays`), so no
connection carries two pairings' mailboxes. The UI and the command line reach the sync
layer and the anonymiser only through these modules; the value types they need are
importable from here.
"""

from __future__ import annotations

from peerjournal.app.feed import FeedItem, FeedUseCases, Response, SyncReport
from peerjournal.app.pairing import (
    PAIRED_STATES,
    PairingState,
    PairingUseCases,
    PeerInfo,
    invite_qr_png,
    invite_qr_svg,
    invite_qr_text,
)
from peerjournal.app.sharing import (
    KEEP_PREF,
    MAX_REPLY,
    PEOPLE_PREF,
    PLACES_PREF,
    REACTIONS,
    REDACT_PREF,
    Finding,
    ShareChoices,
    SharePreview,
    SharingUseCases,
)

__all__ = [
    "KEEP_PREF",
    "MAX_REPLY",
    "PAIRED_STATES",
    "PEOPLE_PREF",
    "PLACES_PREF",
    "REACTIONS",
    "REDACT_PREF",
    "FeedItem",
    "Finding",
    "PairingState",
    "PeerInfo",
    "PeersService",
    "Response",
    "ShareChoices",
    "SharePreview",
    "SyncReport",
    "invite_qr_png",
    "invite_qr_svg",
    "invite_qr_text",
]


class PeersService(PairingUseCases, SharingUseCases, FeedUseCases):
    """Pairing, sharing and the feed of one session (not thread-safe, like every service).

    ``session.peers`` is the one the app uses; tests make their own with a fake
    ``relay_for``, ``clock`` or ``today``.
    """
