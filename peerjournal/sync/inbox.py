"""The inbox: decrypt, validate, apply and record each fetched message in one transaction.

Each message moves through :data:`peerjournal.sync.states.INBOX`: from FETCHED to
DUPLICATE (seen before), IGNORED (its pairing has ended), REJECTED (unreadable, invalid or not
allowed in the pairing's state; recorded) or APPLIED (recorded), and every one of them to
ACKED. Everything of one batch is committed together, and only then does the caller
acknowledge the relay ids, so a crash between commit and ack leads to a re-fetch that is
recognised as a duplicate. Nothing a peer or relay sends raises out of :func:`apply_batch`
except database errors.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlcipher3

from peerjournal.crypto import envelope as env
from peerjournal.sync import pairing as pairings
from peerjournal.sync.payloads import Payload, PayloadError, parse_payload
from peerjournal.sync.relay_client import Fetched
from peerjournal.sync.sealing import direction_keys
from peerjournal.sync.states import (
    INBOX,
    PAIRED,
    PAIRING,
    InboxEvent,
    InboxState,
    NotAllowed,
    PairingEvent,
    PairingState,
    allows,
    step,
)
from peerjournal.sync.store import Db, held
from peerjournal.sync.store import inbox as ledger
from peerjournal.sync.store.items import (
    insert_item,
    insert_peer_mood,
    insert_response,
    item_pairing,
    response_exists,
)
from peerjournal.sync.store.pairings import Pairing, get_pairing, update_pairing
from peerjournal.sync.store.sent import was_sent

log = logging.getLogger(__name__)


class Rejected(Exception):
    """Internal: this message is refused (the reason is recorded, never shown raw)."""


@dataclass
class InboxResult:
    """What one batch did, and which relay ids may now be acknowledged."""

    applied: int = 0
    duplicates: int = 0
    rejected: int = 0
    held: int = 0
    ack_ids: list[str] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)
    ended: bool = False

    def count(self, state: InboxState, kind: str | None) -> None:
        """Book one message that reached ``state``."""
        if state == InboxState.APPLIED:
            self.applied += 1
            if kind is not None:
                self.kinds[kind] = self.kinds.get(kind, 0) + 1
        elif state == InboxState.DUPLICATE:
            self.duplicates += 1
        elif state == InboxState.REJECTED:
            self.rejected += 1
        elif state == InboxState.HELD:
            self.held += 1


def apply_batch(
    db: Db, pairing_id: str, messages: Sequence[Fetched], *, day: str | None = None
) -> InboxResult:
    """Apply a fetched batch for one pairing in a single transaction."""
    result = InboxResult()
    with db.transaction() as conn:
        for message in messages:
            pairing = get_pairing(conn, pairing_id)
            state, kind = _settle(conn, pairing, message, day)
            result.count(state, kind)
            result.ended = result.ended or pairing.state == PairingState.ENDED
            if allows(INBOX, state, InboxEvent.ACKNOWLEDGED):
                result.ack_ids.append(message.id)
        result.ended = result.ended or get_pairing(conn, pairing_id).state == PairingState.ENDED
    return result


def _settle(
    conn: Any, pairing: Pairing, message: Fetched, day: str | None
) -> tuple[InboxState, str | None]:
    """Apply one message inside a savepoint; its final state and payload kind."""
    if pairing.state == PairingState.ENDED:
        return step(INBOX, InboxState.FETCHED, InboxEvent.PAIRING_ENDED), None  # IGNORED
    conn.execute("SAVEPOINT msg")
    try:
        try:
            event, kind = _apply_one(conn, pairing, message, day)
        except (sqlcipher3.IntegrityError, NotAllowed, pairings.JoinRefused) as exc:
            raise Rejected(str(exc)[:120]) from exc
    except Rejected as exc:
        conn.execute("ROLLBACK TO msg")
        key = ledger.relay_key(message.id)
        ledger.record(conn, pairing.id, key, None, InboxState.REJECTED, str(exc))
        event, kind = InboxEvent.REFUSED, None
    conn.execute("RELEASE msg")
    return step(INBOX, InboxState.FETCHED, event), kind


def _apply_one(
    conn: Any, pairing: Pairing, message: Fetched, day: str | None
) -> tuple[InboxEvent, str | None]:
    if ledger.seen(conn, pairing.id, ledger.relay_key(message.id)):
        return InboxEvent.SEEN_BEFORE, None
    payload, joiner_pub = _open(pairing, message.envelope)
    if ledger.seen(conn, pairing.id, payload.id) or held.is_held(conn, pairing.id, payload.id):
        return InboxEvent.SEEN_BEFORE, payload.kind
    if was_sent(conn, pairing.id, payload.id):
        raise Rejected("own message id: reflected")  # a protocol-1 envelope sent back to us
    if payload.version >= 2 and pairing.peer_version < payload.version:
        update_pairing(conn, pairing.id, peer_version=payload.version)
        pairing = get_pairing(conn, pairing.id)
    if payload.kind == "join":
        if joiner_pub is None:
            raise Rejected("join without the joiner's key")
        pairings.accept_join(conn, pairing, payload, joiner_pub, day=day)
    elif payload.kind in ("reply", "reaction") and item_pairing(conn, payload.body["ref"]) is None:
        _hold(conn, pairing, payload)
        return InboxEvent.REF_UNKNOWN, payload.kind
    else:
        _HANDLERS[payload.kind](conn, pairing, payload)
    ledger.record(conn, pairing.id, payload.id, payload.kind, InboxState.APPLIED, None)
    return InboxEvent.VALID, payload.kind


def _open(pairing: Pairing, envelope: bytes) -> tuple[Payload, bytes | None]:
    if pairing.box_secret is None:
        raise Rejected("no keys")
    state = PairingState(pairing.state)
    try:
        kind = env.envelope_type(envelope)
        if kind == env.TYPE_JOIN:
            if not allows(PAIRING, state, PairingEvent.JOIN_ACCEPTED):
                raise Rejected("join not expected")
            joiner_pub, raw = env.open_join(envelope, pairing.box_secret)
        else:
            if pairing.peer_box_pub is None:
                raise Rejected("box before join")
            joiner_pub = None
            if kind == env.TYPE_BOX2:  # the peer's direction key: our own never opens here
                raw = env.open_box2(envelope, direction_keys(pairing)[0])
            else:
                raw = env.open_box(envelope, pairing.peer_box_pub, pairing.box_secret)
        payload = parse_payload(raw)
    except (ValueError, PayloadError) as exc:
        raise Rejected(str(exc)[:120]) from exc
    if (payload.kind == "join") != (kind == env.TYPE_JOIN):
        raise Rejected("join kind and envelope type disagree")
    if payload.version != (2 if kind == env.TYPE_BOX2 else 1):
        raise Rejected("payload version and envelope type disagree")
    return payload, joiner_pub


# -- the other kinds: one handler each ------------------------------------------------------


def _require_paired(p: Pairing) -> None:
    if p.state not in PAIRED:
        raise Rejected(f"not paired ({p.state})")


def _on_hello(conn: Any, p: Pairing, payload: Payload) -> None:
    pairings.accept_hello(conn, p, payload)


def _on_entry(conn: Any, p: Pairing, payload: Payload) -> None:
    _require_paired(p)
    if item_pairing(conn, payload.id) is not None:
        raise Rejected("item id already used")
    insert_item(conn, payload.id, p.id, "in", payload.day, payload.body)
    _release_held(conn, p, payload.id)


def _on_response(conn: Any, p: Pairing, payload: Payload) -> None:
    _require_paired(p)
    ref = payload.body["ref"]
    if item_pairing(conn, ref) != p.id:
        raise Rejected("reference to another pairing's item")
    if response_exists(conn, payload.kind, payload.id):
        raise Rejected("response id already used")
    text = payload.body["text"] if payload.kind == "reply" else payload.body["reaction"]
    _insert_response(
        conn, p.id, held.HeldResponse(p.id, payload.id, ref, payload.kind, payload.day, text)
    )


def _insert_response(conn: Any, pairing_id: str, r: held.HeldResponse) -> None:
    insert_response(
        conn,
        r.kind,
        response_id=r.payload_id,
        item_id=r.ref,
        pairing_id=pairing_id,
        direction="in",
        day=r.day,
        text=r.text,
    )


def _hold(conn: Any, p: Pairing, payload: Payload) -> None:
    """Keep a reply or reaction whose item has not arrived (bounded per pairing)."""
    _require_paired(p)
    if held.held_count(conn, p.id) >= held.MAX_HELD_PER_PAIRING:
        raise Rejected("too many responses held for unknown items")
    text = payload.body["text"] if payload.kind == "reply" else payload.body["reaction"]
    response = held.HeldResponse(
        p.id, payload.id, payload.body["ref"], payload.kind, payload.day, text
    )
    held.hold(conn, response, now=time.time())


def _release_held(conn: Any, p: Pairing, item_id: str) -> None:
    """Apply what was held for an item that has just arrived."""
    for r in held.take_for_item(conn, p.id, item_id):
        if not response_exists(conn, r.kind, r.payload_id):
            _insert_response(conn, p.id, r)
        ledger.record(conn, p.id, r.payload_id, r.kind, InboxState.APPLIED, None)


def expire_held(db: Db, *, now: float) -> int:
    """Drop responses held too long (recorded as rejected, so a re-delivery is a duplicate);
    logs how many, never what."""
    with db.transaction() as conn:
        expired = held.take_expired(conn, now=now)
        for pairing_id, payload_id in expired:
            ledger.record(conn, pairing_id, payload_id, None, InboxState.REJECTED, "held too long")
    if expired:
        log.info("dropped %d held replies or reactions whose item never arrived", len(expired))
    return len(expired)


def _on_mood(conn: Any, p: Pairing, payload: Payload) -> None:
    _require_paired(p)
    insert_peer_mood(conn, payload.id, p.id, payload.day, payload.body["level"])


def _on_bye(conn: Any, p: Pairing, _payload: Payload) -> None:
    pairings.accept_bye(conn, p)


_HANDLERS: dict[str, Callable[[Any, Pairing, Payload], None]] = {
    "hello": _on_hello,
    "entry": _on_entry,
    "reply": _on_response,
    "reaction": _on_response,
    "mood": _on_mood,
    "bye": _on_bye,
}
