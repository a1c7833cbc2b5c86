"""Pairing flows (docs/protocol.md section 6): every change of a pairing's state is here.

The states and the events that move them are :class:`~peerjournal.sync.states.PairingState`
and :data:`~peerjournal.sync.states.PAIRING`; each function below is one event:

- :func:`create_invite` (INVITE_CREATED) and :func:`accept_invite` (INVITE_ACCEPTED) make
  the pairing, as the inviter and the joiner;
- :func:`accept_join` (JOIN_ACCEPTED) and :func:`accept_hello` (HELLO_RECEIVED) finish
  it, when the inbox applies the peer's ``join`` or ``hello``;
- :func:`unpair` (UNPAIRED), :func:`accept_bye` (BYE_RECEIVED) and :func:`lapse`
  (INVITE_LAPSED) end it;
- :func:`verify` (CODE_COMPARED) records that the user compared the safety code.

The invite's one-time secret is needed only until the join is done: the inviter forgets
it when it accepts the join, the joiner when the inviter's hello arrives (the safety code,
derived from it, is kept).

Accepting an invite whose first mailbox was already secured (``already_secured``) stores
nothing: it is refused as :class:`InvalidInvite` and the joiner's own new mailbox is
deleted.
"""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from peerjournal.crypto import envelope as env
from peerjournal.crypto.b64 import b64u_decode, b64u_encode
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
    verify_join_proof,
)
from peerjournal.crypto.signing import new_signing_seed
from peerjournal.errors import InvalidInput, InvalidInvite, RelayRejected, SyncError
from peerjournal.sync.payloads import MAX_PSEUDONYM, Payload, encode_payload, has_control, new_id
from peerjournal.sync.relay_client import Mailbox
from peerjournal.sync.sealing import queue_for
from peerjournal.sync.states import PAIRING, NotAllowed, PairingEvent, PairingState, step
from peerjournal.sync.store import Db, utc_now_text
from peerjournal.sync.store.held import drop_pairing_held
from peerjournal.sync.store.outbox import drop_pairing, enqueue
from peerjournal.sync.store.pairings import (
    Pairing,
    get_pairing,
    insert_pairing,
    list_pairings,
    unique_name,
    update_pairing,
)

INVITE_TTL = 7 * 24 * 3600
INVITE_GRACE = 86_400  # joins are still accepted this long after an invite expired
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


def moved(pairing: Pairing, event: PairingEvent) -> PairingState:
    """The state ``event`` moves ``pairing`` to (:class:`NotAllowed` if it may not)."""
    return step(PAIRING, PairingState(pairing.state), event)


def check_pseudonym(name: str | None) -> str:
    """A usable pseudonym (a random friendly one when none is given)."""
    if name is None or not name.strip():
        return f"friend-{secrets.token_hex(2)}"
    name = name.strip()
    if len(name) > MAX_PSEUDONYM or has_control(name):
        raise InvalidInput("pairing.pseudonym", limit=MAX_PSEUDONYM)
    return name


def _relay_url(relay_url: str) -> str:
    try:
        return check_relay_url(relay_url)
    except BadRelayUrl as exc:
        raise InvalidInput(_RELAY_URL_PROBLEMS[exc.problem]) from exc
    except TypeError as exc:
        raise InvalidInput("pairing.relay_url") from exc


def _new_row(**values: Any) -> Pairing:
    defaults: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "inbox_deleted": 0,
        "peer_box_pub": None,
        "peer_sender_id": None,
        "sender_seed": None,
        "secured": 0,
        "invite_code": None,
        "safety_code": None,
        "muted": 0,
        "created": utc_now_text(),
        "ended": None,
        "end_reason": None,
    }
    return Pairing(**{**defaults, **values})


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
    url = _relay_url(relay_url)
    me = check_pseudonym(pseudonym)
    box_secret = env.new_box_secret()
    recipient_seed = new_signing_seed()
    mailbox = relay.create_mailbox(recipient_seed)
    secret = new_secret()
    invite = Invite(url, mailbox.sender_id, env.box_public(box_secret), secret, now + ttl)
    code = encode_invite(invite)
    with db.transaction() as conn:
        pairing = _new_row(
            name=unique_name(conn, f"invite-{secrets.token_hex(2)}"),
            my_pseudonym=me,
            role="inviter",
            state=step(PAIRING, None, PairingEvent.INVITE_CREATED),
            relay_url=url,
            box_secret=box_secret,
            inbox_recipient_id=mailbox.recipient_id,
            inbox_sender_id=mailbox.sender_id,
            recipient_seed=recipient_seed,
            secret=secret,
            invite_code=code,
            invite_expires=invite.expires,
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
    for existing in list_pairings(db.conn):
        if existing.peer_sender_id == invite.sender_id and existing.relay_url == invite.relay_url:
            raise InvalidInvite("invite.already_accepted")
    relay = relay_for(invite.relay_url)
    try:
        return _join(db, relay, invite, me, today)
    finally:
        close = getattr(relay, "close", None)
        if callable(close):
            close()  # the handshake's connections carry no other pairing's mailboxes


def _join(db: Db, relay: PairingRelay, invite: Invite, me: str, today: date) -> Pairing:
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
    # The join keeps the protocol-1 layout and payload version, so an inviter of either
    # version reads it; the versions are settled once the pairing is active (sealing.py).
    payload = encode_payload("join", today.isoformat(), body, payload_id=new_id(), version=1)
    sealed = env.seal_join(payload, invite.inviter_pub, box_secret)
    with db.transaction() as conn:
        pairing = _new_row(
            name=unique_name(conn, f"pending-{secrets.token_hex(2)}"),
            my_pseudonym=me,
            role="joiner",
            state=step(PAIRING, None, PairingEvent.INVITE_ACCEPTED),
            relay_url=invite.relay_url,
            box_secret=box_secret,
            peer_box_pub=invite.inviter_pub,
            inbox_recipient_id=mailbox.recipient_id,
            inbox_sender_id=mailbox.sender_id,
            recipient_seed=recipient_seed,
            peer_sender_id=invite.sender_id,
            sender_seed=sender_seed,
            secured=1,
            secret=invite.secret,
            invite_expires=invite.expires,
            safety_code=safety_code(invite.secret, invite.inviter_pub, my_pub),
        )
        insert_pairing(conn, pairing)
        enqueue(conn, pairing.id, "join", sealed)
    return pairing


class JoinRefused(ValueError):
    """A join the inviter does not accept; the reason is recorded, never shown."""


def accept_join(
    conn: Any, p: Pairing, payload: Payload, joiner_pub: bytes, *, day: str | None
) -> None:
    """The inviter received a join: check its proof and expiry, keep the joiner's keys,
    queue a hello; the pairing becomes ``active``."""
    state = moved(p, PairingEvent.JOIN_ACCEPTED)
    if p.secret is None or p.box_secret is None:
        raise JoinRefused("join without keys")
    my_pub = env.box_public(p.box_secret)
    proof = b64u_decode(payload.body["proof"])
    if not verify_join_proof(p.secret, my_pub, joiner_pub, proof):
        raise JoinRefused("bad join proof")
    if p.invite_expires is not None and p.invite_expires < int(time.time()) - INVITE_GRACE:
        raise JoinRefused("join for an expired invite")
    update_pairing(
        conn,
        p.id,
        name=unique_name(conn, payload.body["pseudonym"], exclude_id=p.id),
        state=state,
        peer_box_pub=joiner_pub,
        peer_sender_id=payload.body["reply_sender_id"],
        sender_seed=new_signing_seed(),
        secured=0,
        safety_code=safety_code(p.secret, my_pub, joiner_pub),
        invite_code=None,
        secret=None,  # the join is done: the invite's secret has no use left
    )
    body = {"pseudonym": p.my_pseudonym}
    queue_for(conn, get_pairing(conn, p.id), "hello", day or payload.day, body, payload_id=new_id())


def accept_hello(conn: Any, p: Pairing, payload: Payload) -> None:
    """The joiner received the inviter's hello: the pairing becomes ``active`` under the
    inviter's pseudonym (a repeated hello changes nothing)."""
    state = moved(p, PairingEvent.HELLO_RECEIVED)
    if state != p.state:
        name = unique_name(conn, payload.body["pseudonym"], exclude_id=p.id)
        # The join is done: the invite's secret has no use left.
        update_pairing(conn, p.id, name=name, state=state, secret=None)


def verify(db: Db, pairing_id: str) -> Pairing:
    """The user says both sides compared the safety code: the pairing becomes VERIFIED.

    Only a pairing with a safety code (ACTIVE or already VERIFIED) can be verified; nothing
    is sent (each side verifies for itself).
    """
    with db.transaction() as conn:
        p = get_pairing(conn, pairing_id)
        state = moved(p, PairingEvent.CODE_COMPARED)
        if state != p.state:
            update_pairing(conn, p.id, state=state)
        return get_pairing(conn, pairing_id)


def accept_bye(conn: Any, p: Pairing) -> None:
    """The peer ended the pairing: drop what was not sent and forget the keys."""
    moved(p, PairingEvent.BYE_RECEIVED)
    _end(conn, p.id, reason="peer")


def lapse(conn: Any, p: Pairing) -> None:
    """End an invite nobody answered (its mailbox is deleted by the next teardown)."""
    moved(p, PairingEvent.INVITE_LAPSED)
    _end(conn, p.id, reason="expired")


def invite_lapsed(pairing: Pairing, now: float) -> bool:
    """An unanswered invite a day past its expiry: its mailbox is no longer worth keeping."""
    return (
        pairing.state == PairingState.INVITED
        and pairing.invite_expires is not None
        and now > pairing.invite_expires + INVITE_GRACE
    )


def unpair(db: Db, pairing_id: str, *, today: date) -> Pairing:
    """End a pairing locally: queue a bye (if the peer can be reached) and forget box keys.

    The bye is sent and the own mailbox deleted by the next sync round
    (:func:`peerjournal.sync.engine.sync_once`), which then forgets the signing keys too.
    Unpairing an ended pairing changes nothing.
    """
    with db.transaction() as conn:
        pairing = get_pairing(conn, pairing_id)
        try:
            moved(pairing, PairingEvent.UNPAIRED)
        except NotAllowed:
            return pairing  # already ended
        if (
            pairing.peer_box_pub is not None
            and pairing.box_secret is not None
            and pairing.peer_sender_id is not None
        ):
            queue_for(conn, pairing, "bye", today.isoformat(), {}, payload_id=new_id())
        _end(conn, pairing.id, reason="me")
        return get_pairing(conn, pairing_id)


def _end(conn: Any, pairing_id: str, *, reason: str) -> None:
    """Mark a pairing ended and forget its box keys and secret.

    The Ed25519 seeds stay until the engine has sent what is left (a bye) and deleted the
    own mailbox; a peer-ended pairing drops its unsent messages at once.
    """
    changes: dict[str, Any] = {
        "state": PairingState.ENDED,
        "ended": utc_now_text(),
        "end_reason": reason,
        "box_secret": None,
        "secret": None,
        "invite_code": None,
    }
    drop_pairing_held(conn, pairing_id)
    if reason == "peer":
        drop_pairing(conn, pairing_id)
        changes["sender_seed"] = None
    update_pairing(conn, pairing_id, **changes)


def _try_delete(relay: PairingRelay, mailbox: Mailbox, seed: bytes) -> None:
    try:
        relay.delete_mailbox(mailbox.recipient_id, seed)
    except SyncError:
        return  # an unused mailbox expires on the relay by itself
