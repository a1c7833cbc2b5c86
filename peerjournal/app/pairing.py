"""Pairing use cases: invite, accept, list, unpair and mute peers.

The flows and their states are :mod:`peerjournal.sync.pairing`; this module gives them to
the UI and the command line as :class:`PeerInfo` values.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass

from peerjournal.app.relays import PeerUseCase
from peerjournal.errors import InvalidInput, RelayUnreachable
from peerjournal.sync import engine, pairing
from peerjournal.sync.qr import invite_qr_png, invite_qr_svg, invite_qr_text
from peerjournal.sync.states import PAIRED, NotAllowed, PairingState
from peerjournal.sync.store.outbox import outbox_count
from peerjournal.sync.store.pairings import (
    Pairing,
    find_pairing,
    get_pairing,
    list_pairings,
    update_pairing,
)

__all__ = [
    "PAIRED_STATES",
    "PairingState",
    "PairingUseCases",
    "PeerInfo",
    "invite_qr_png",
    "invite_qr_svg",
    "invite_qr_text",
]


#: The pairing states (as stored text) in which content flows: active and verified.
PAIRED_STATES = frozenset(str(state) for state in PAIRED)


@dataclass(frozen=True)
class PeerInfo:
    """A pairing as the user sees it."""

    id: str
    name: str
    my_pseudonym: str
    state: str  # a PairingState: invited, joining, active, verified, ended
    role: str
    relay_url: str
    safety_code: str | None
    muted: bool
    waiting: int  # messages not yet on the relay
    invite_code: str | None
    verified: bool = False  # this user confirmed comparing the safety code
    unverified_share_ok: bool = False  # agreed once to share before verifying

    @property
    def paired(self) -> bool:
        """Whether content may flow (active or verified)."""
        return self.state in PAIRED

    @property
    def ask_before_share(self) -> bool:
        """Sharing with this peer should ask first: paired, not verified, never agreed."""
        return self.paired and not self.verified and not self.unverified_share_ok


class PairingUseCases(PeerUseCase):
    """Pairing for one open session."""

    def invite(self, relay_url: str, *, pseudonym: str | None = None) -> tuple[PeerInfo, str]:
        """Create a one-time invite on ``relay_url``; returns the pending peer and the code."""
        relay = self._relay(relay_url)
        try:
            created = pairing.create_invite(
                self._session, relay, relay_url, pseudonym=pseudonym, now=int(self._clock())
            )
        except RelayUnreachable as exc:
            if exc.code != "relay.unreachable":
                raise
            raise RelayUnreachable("relay.unreachable_invite", url=relay_url) from exc
        finally:
            engine.close_client(relay)
        return self._info(created.pairing), created.code

    def accept(self, code: str, *, pseudonym: str | None = None) -> PeerInfo:
        """Join with an invite code; the join message goes out at once when the relay answers.

        The handshake has a client of its own (closed after), so its connections carry no
        other pairing's mailboxes.
        """
        try:
            p = pairing.accept_invite(
                self._session,
                self._relay,
                code,
                pseudonym=pseudonym,
                now=int(self._clock()),
                today=self._today(),
            )
        except RelayUnreachable as exc:
            if exc.code != "relay.unreachable":
                raise
            raise RelayUnreachable("relay.unreachable_accept") from exc
        self._try_send(p.id)
        return self._info(get_pairing(self._session.conn, p.id))

    def list(self, *, include_ended: bool = False) -> builtins.list[PeerInfo]:
        """Pairings, oldest first."""
        rows = list_pairings(self._session.conn, include_ended=include_ended)
        return [self._info(p) for p in rows]

    def get(self, name: str) -> PeerInfo:
        """A live pairing by name or id prefix."""
        return self._info(find_pairing(self._session.conn, name))

    def remove(self, name: str) -> PeerInfo:
        """Unpair: queue a bye, mark ended, forget keys; the relay side is tidied at once if
        reachable, otherwise by the next sync."""
        p = find_pairing(self._session.conn, name)
        pairing.unpair(self._session, p.id, today=self._today())
        self._round()
        return self._info(get_pairing(self._session.conn, p.id))

    def verify(self, name: str) -> PeerInfo:
        """Mark a paired peer verified: the user says both compared the safety code."""
        p = find_pairing(self._session.conn, name)
        try:
            return self._info(pairing.verify(self._session, p.id))
        except NotAllowed:
            raise InvalidInput("peer.not_verifiable", name=p.name) from None

    def share_unverified_ok(self, name: str) -> PeerInfo:
        """Remember that the user agreed to share with this peer before verifying it (the
        question is then not asked again for this pairing)."""
        p = find_pairing(self._session.conn, name)
        with self._session.transaction() as conn:
            update_pairing(conn, p.id, unverified_share_ok=1)
        return self._info(get_pairing(self._session.conn, p.id))

    def mute(self, name: str, muted: bool = True) -> PeerInfo:
        """Hide (or show again) a peer's items in the feed; nothing is sent."""
        p = find_pairing(self._session.conn, name)
        with self._session.transaction() as conn:
            update_pairing(conn, p.id, muted=int(muted))
        return self._info(get_pairing(self._session.conn, p.id))

    def _info(self, p: Pairing) -> PeerInfo:
        return PeerInfo(
            id=p.id,
            name=p.name,
            my_pseudonym=p.my_pseudonym,
            state=p.state,
            role=p.role,
            relay_url=p.relay_url,
            safety_code=p.safety_code,
            muted=bool(p.muted),
            waiting=outbox_count(self._session.conn, p.id),
            invite_code=p.invite_code,
            verified=p.state == PairingState.VERIFIED,
            unverified_share_ok=bool(p.unverified_share_ok),
        )
