"""Pairing flows (docs/protocol.md section 6) over a relay and the vault.

Inviter::

    invite() --> invited --join with good proof--> active (hello queued)
                  |                                 (a second join is rejected)
                  +--unpair--> ended
Joiner::

    accept() --secure A ok, join queued--> joining --hello--> active
    accept() --already_secured--> InvalidInvite (nothing stored, own mailbox deleted)

Any side: active --unpair--> ended (bye queued, own mailbox deleted later)
          active --bye from peer--> ended
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from peerjournal.crypto import envelope as env
from peerjournal.crypto.b64 import b64u_encode
from peerjournal.crypto.pairing import (
    BadRelayUrl,
    Invite,
    InviteExpired,
    check_relay_url,
    decode_invite,
    encode_invite,
    join_proof,
    new_secret,
    safety_code,
)
from peerjournal.crypto.signing import new_signing_seed
from peerjournal.errors import InvalidInput, InvalidInvite, RelayRejected, SyncError
from peerjournal.sync.inbox import end_pairing, new_relay_id
from peerjournal.sync.payloads import MAX_PSEUDONYM, encode_payload, new_id
from peerjournal.sync.relay_client import Mailbox
from peerjournal.sync.store import (
    Db,
    Pairing,
    enqueue,
    get_pairing,
    insert_pairing,
    list_pairings,
    unique_name,
    utc_now_text,
)

INVITE_TTL = 7 * 24 * 3600
_RELAY_URL_PROBLEMS = {
    "form": "pairing.relay_url",
    "extras": "pairing.relay_url_extras",
    "port": "pairing.relay_url_port",
}


class PairingRelay(Protocol):
    """The relay calls pairing needs."""

    def create_mailbox(self, recipient_seed: bytes) -> Mailbox:
        """Create a mailbox owned by ``recipient_seed``."""

    def secure(self, sender_id: str, sender_seed: bytes) -> None:
        """Claim a mailbox's sending side."""

    def delete_mailbox(self, recipient_id: str, recipient_seed: bytes) -> None:
        """Delete an own mailbox."""


@dataclass(frozen=True)
class CreatedInvite:
    """A new invite: the pairing row and the code to hand over."""

    pairing: Pairing
    code: str


def check_pseudonym(name: str | None) -> str:
    """A usable pseudonym (a random friendly one when none is given)."""
    if name is None or not name.strip():
        return f"friend-{secrets.token_hex(2)}"
    name = name.strip()
    if len(name) > MAX_PSEUDONYM or not name.isprintable():
        raise InvalidInput("pairing.pseudonym", limit=MAX_PSEUDONYM)
    return name


def create_invite(
    db: Db,
    relay: PairingRelay,
    relay_url: str,
    *,
    pseudonym: str | None,
    now: int,
    ttl: int = INVITE_TTL,
) -> CreatedInvite:
    """Create mailbox A and a one-time invite; the pairing waits in state ``invited``."""
    try:
        url = check_relay_url(relay_url)
    except BadRelayUrl as exc:
        raise InvalidInput(_RELAY_URL_PROBLEMS[exc.problem]) from exc
    except TypeError as exc:
        raise InvalidInput("pairing.relay_url") from exc
    me = check_pseudonym(pseudonym)
    box_secret = env.new_box_secret()
    recipient_seed = new_signing_seed()
    mailbox = relay.create_mailbox(recipient_seed)
    secret = new_secret()
    invite = Invite(url, mailbox.sender_id, env.box_public(box_secret), secret, now + ttl)
    code = encode_invite(invite)
    with db.transaction() as conn:
        pairing = Pairing(
            id=str(uuid.uuid4()),
            name=unique_name(conn, f"invite-{secrets.token_hex(2)}"),
            my_pseudonym=me,
            role="inviter",
            state="invited",
            relay_url=url,
            box_secret=box_secret,
            peer_box_pub=None,
            inbox_recipient_id=mailbox.recipient_id,
            inbox_sender_id=mailbox.sender_id,
            recipient_seed=recipient_seed,
            inbox_deleted=0,
            peer_sender_id=None,
            sender_seed=None,
            secured=0,
            secret=secret,
            invite_code=code,
            invite_expires=invite.expires,
            safety_code=None,
            muted=0,
            created=utc_now_text(),
            ended=None,
            end_reason=None,
        )
        insert_pairing(conn, pairing)
    return CreatedInvite(pairing, code)


def parse_invite(code: str, *, now: int) -> Invite:
    """Decode an invite code, mapping every defect to :class:`InvalidInvite`."""
    try:
        return decode_invite(code, now=now)
    except InviteExpired as exc:
        raise InvalidInvite("invite.expired") from exc
    except (TypeError, ValueError) as exc:
        raise InvalidInvite("invite.invalid") from exc


def accept_invite(
    db: Db,
    relay_for: Callable[[str], PairingRelay],
    code: str,
    *,
    pseudonym: str | None,
    now: int,
    today: date,
) -> Pairing:
    """Join: create mailbox B, secure A, queue the join envelope; state ``joining``."""
    invite = parse_invite(code, now=now)
    me = check_pseudonym(pseudonym)
    for existing in _live(db):
        if existing.peer_sender_id == invite.sender_id and existing.relay_url == invite.relay_url:
            raise InvalidInvite("invite.already_accepted")
    relay = relay_for(invite.relay_url)
    box_secret = env.new_box_secret()
    recipient_seed = new_signing_seed()
    sender_seed = new_signing_seed()
    mailbox = relay.create_mailbox(recipient_seed)
    try:
        relay.secure(invite.sender_id, sender_seed)
    except RelayRejected as exc:
        _try_delete(relay, mailbox, recipient_seed)
        if exc.relay_code in ("already_secured", "auth_failed"):
            raise InvalidInvite("invite.used") from exc
        raise
    except SyncError:
        _try_delete(relay, mailbox, recipient_seed)
        raise
    my_pub = env.box_public(box_secret)
    body = {
        "pseudonym": me,
        "reply_sender_id": mailbox.sender_id,
        "proof": b64u_encode(join_proof(invite.secret, invite.inviter_pub, my_pub)),
    }
    payload = encode_payload("join", today.isoformat(), body, payload_id=new_id())
    sealed = env.seal_join(payload, invite.inviter_pub, box_secret)
    with db.transaction() as conn:
        pairing = Pairing(
            id=str(uuid.uuid4()),
            name=unique_name(conn, f"pending-{secrets.token_hex(2)}"),
            my_pseudonym=me,
            role="joiner",
            state="joining",
            relay_url=invite.relay_url,
            box_secret=box_secret,
            peer_box_pub=invite.inviter_pub,
            inbox_recipient_id=mailbox.recipient_id,
            inbox_sender_id=mailbox.sender_id,
            recipient_seed=recipient_seed,
            inbox_deleted=0,
            peer_sender_id=invite.sender_id,
            sender_seed=sender_seed,
            secured=1,
            secret=invite.secret,
            invite_code=None,
            invite_expires=invite.expires,
            safety_code=safety_code(invite.secret, invite.inviter_pub, my_pub),
            muted=0,
            created=utc_now_text(),
            ended=None,
            end_reason=None,
        )
        insert_pairing(conn, pairing)
        enqueue(conn, pairing.id, "join", new_relay_id(), sealed)
    return pairing


def unpair(db: Db, pairing_id: str, *, today: date) -> Pairing:
    """End a pairing locally: queue a bye (if the peer can be reached) and forget box keys.

    The bye is sent and the own mailbox deleted by the next sync round
    (:func:`peerjournal.sync.engine.sync_once`), which then forgets the signing keys too.
    """
    with db.transaction() as conn:
        pairing = get_pairing(conn, pairing_id)
        if pairing.state == "ended":
            return pairing
        if (
            pairing.peer_box_pub is not None
            and pairing.box_secret is not None
            and pairing.peer_sender_id is not None
        ):
            bye = encode_payload("bye", today.isoformat(), {}, payload_id=new_id())
            sealed = env.seal_box(bye, pairing.peer_box_pub, pairing.box_secret)
            enqueue(conn, pairing.id, "bye", new_relay_id(), sealed)
        end_pairing(conn, pairing.id, reason="me")
        return get_pairing(conn, pairing_id)


def _live(db: Db) -> list[Pairing]:
    return list_pairings(db.conn)


def _try_delete(relay: PairingRelay, mailbox: Mailbox, seed: bytes) -> None:
    try:
        relay.delete_mailbox(mailbox.recipient_id, seed)
    except SyncError:
        return  # an unused mailbox expires on the relay by itself
