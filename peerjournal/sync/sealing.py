"""Sealing a message for a pairing in the protocol version its peer speaks.

Protocol 2 (docs/protocol.md section 5) seals with the sender's own direction key
(type 0x03), so a reflected envelope does not open; a peer not yet known to speak it gets
protocol 1 (type 0x01). Every payload id sent is remembered (``sync_sent``) so that a
protocol-1 message of one's own coming back is refused too. A side that has not yet told
its peer it speaks protocol 2 does so once with a protocol-2 ``hello`` (an older peer
refuses it unread and changes nothing).
"""

from __future__ import annotations

from typing import Any

from peerjournal.crypto import envelope as env
from peerjournal.sync.payloads import encode_payload, new_id
from peerjournal.sync.states import PAIRED
from peerjournal.sync.store import Db
from peerjournal.sync.store.outbox import enqueue
from peerjournal.sync.store.pairings import Pairing, get_pairing, update_pairing
from peerjournal.sync.store.sent import remember_sent

PROTOCOL_VERSIONS = (1, 2)


def direction_keys(p: Pairing) -> tuple[bytes, bytes]:
    """This side's (receive, transmit) keys of a pairing whose peer key is known."""
    if p.box_secret is None or p.peer_box_pub is None:
        raise ValueError("pairing has no keys")
    return env.direction_keys(p.box_secret, p.peer_box_pub, inviter=p.role == "inviter")


def seal_for(
    conn: Any, p: Pairing, kind: str, day: str, body: dict[str, Any], *, payload_id: str
) -> bytes:
    """Encode and seal one message for ``p``'s peer, remembering its id as sent."""
    if p.box_secret is None or p.peer_box_pub is None:
        raise ValueError("pairing has no keys")
    version = 2 if p.peer_version >= 2 else 1
    raw = encode_payload(kind, day, body, payload_id=payload_id, version=version)
    if version == 2:
        sealed = env.seal_box2(raw, direction_keys(p)[1])
    else:
        sealed = env.seal_box(raw, p.peer_box_pub, p.box_secret)
    remember_sent(conn, p.id, payload_id)
    return sealed


def queue_for(
    conn: Any, p: Pairing, kind: str, day: str, body: dict[str, Any], *, payload_id: str
) -> str:
    """Seal a message for ``p`` and put it in the outbox; returns the relay message id."""
    return enqueue(conn, p.id, kind, seal_for(conn, p, kind, day, body, payload_id=payload_id))


def announce_version(db: Db, pairing_id: str, *, day: str) -> bool:
    """Queue the once-per-pairing protocol-2 hello if it is due; whether one was queued."""
    if get_pairing(db.conn, pairing_id).v2_announced:
        return False  # the common case: no write transaction for it
    with db.transaction() as conn:
        p = get_pairing(conn, pairing_id)
        if p.v2_announced or p.state not in PAIRED or p.box_secret is None:
            return False
        if p.peer_box_pub is None:
            return False
        hello_id = new_id()
        raw = encode_payload("hello", day, {"pseudonym": p.my_pseudonym}, payload_id=hello_id)
        enqueue(conn, p.id, "hello", env.seal_box2(raw, direction_keys(p)[1]))
        remember_sent(conn, p.id, hello_id)
        update_pairing(conn, p.id, v2_announced=1)
        return True
