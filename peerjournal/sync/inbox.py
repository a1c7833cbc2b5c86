"""The inbox state machine: decrypt, validate, apply and record in one transaction.

For each fetched message::

    fetched --unreadable/invalid/not allowed now--> rejected (recorded, acked)
    fetched --payload id already recorded-------> duplicate (acked)
    fetched --valid---------------------------> applied (recorded, acked)

Everything of one batch is committed together, and only then does the caller
acknowledge the relay ids, so a crash between commit and ack leads to a re-fetch that is
recognised as duplicate. Nothing a peer or relay sends raises out of :func:`apply_batch`
except database errors.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlcipher3

from peerjournal.crypto import envelope as env
from peerjournal.crypto.b64 import b64u_decode, b64u_encode
from peerjournal.crypto.pairing import safety_code, verify_join_proof
from peerjournal.crypto.signing import new_signing_seed
from peerjournal.sync.payloads import Payload, PayloadError, encode_payload, new_id, parse_payload
from peerjournal.sync.relay_client import Fetched
from peerjournal.sync.store import (
    Db,
    Pairing,
    enqueue,
    get_pairing,
    insert_item,
    insert_response,
    item_pairing,
    unique_name,
    update_pairing,
    utc_now_text,
)


class Rejected(Exception):
    """Internal: this message is refused (the reason is recorded, never shown raw)."""


@dataclass
class InboxResult:
    """What one batch did, and which relay ids may now be acknowledged."""

    applied: int = 0
    duplicates: int = 0
    rejected: int = 0
    ack_ids: list[str] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)
    ended: bool = False


def apply_batch(
    db: Db, pairing_id: str, messages: Sequence[Fetched], *, day: str | None = None
) -> InboxResult:
    """Apply a fetched batch for one pairing in a single transaction."""
    result = InboxResult()
    with db.transaction() as conn:
        for message in messages:
            pairing = get_pairing(conn, pairing_id)
            if pairing.state == "ended":
                result.ack_ids.append(message.id)
                result.ended = True
                continue
            conn.execute("SAVEPOINT msg")
            try:
                try:
                    status = _apply_one(conn, pairing, message, day)
                except sqlcipher3.IntegrityError as exc:
                    raise Rejected("conflicts with stored data") from exc
            except Rejected as exc:
                conn.execute("ROLLBACK TO msg")
                _record(conn, pairing_id, f"relay:{message.id}", None, "rejected", str(exc))
                result.rejected += 1
            else:
                if status == "duplicate":
                    result.duplicates += 1
                else:
                    result.applied += 1
                    result.kinds[status] = result.kinds.get(status, 0) + 1
            conn.execute("RELEASE msg")
            result.ack_ids.append(message.id)
        result.ended = result.ended or get_pairing(conn, pairing_id).state == "ended"
    return result


def _apply_one(conn: Any, pairing: Pairing, message: Fetched, day: str | None) -> str:
    seen = conn.execute(
        "SELECT 1 FROM sync_inbox WHERE pairing_id = ? AND key = ?",
        (pairing.id, f"relay:{message.id}"),
    ).fetchone()
    if seen:
        return "duplicate"
    payload, joiner_pub = _open(pairing, message.envelope)
    if conn.execute(
        "SELECT 1 FROM sync_inbox WHERE pairing_id = ? AND key = ?", (pairing.id, payload.id)
    ).fetchone():
        return "duplicate"
    handler = _HANDLERS[payload.kind]
    handler(conn, pairing, payload, joiner_pub, day)
    _record(conn, pairing.id, payload.id, payload.kind, "applied", None)
    return payload.kind


def _open(pairing: Pairing, envelope: bytes) -> tuple[Payload, bytes | None]:
    if pairing.box_secret is None:
        raise Rejected("no keys")
    try:
        kind = env.envelope_type(envelope)
        if kind == env.TYPE_JOIN:
            if pairing.state != "invited":
                raise Rejected("join not expected")
            joiner_pub, raw = env.open_join(envelope, pairing.box_secret)
        else:
            if pairing.peer_box_pub is None:
                raise Rejected("box before join")
            joiner_pub = None
            raw = env.open_box(envelope, pairing.peer_box_pub, pairing.box_secret)
        payload = parse_payload(raw)
    except (ValueError, PayloadError) as exc:
        raise Rejected(str(exc)[:120]) from exc
    if (payload.kind == "join") != (kind == env.TYPE_JOIN):
        raise Rejected("join kind and envelope type disagree")
    return payload, joiner_pub


def _record(
    conn: Any, pairing_id: str, key: str, kind: str | None, status: str, reason: str | None
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO sync_inbox (pairing_id, key, kind, status, reason, received)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (pairing_id, key, kind, status, reason, utc_now_text()),
    )


# -- handlers: one per kind ---------------------------------------------------------------


def _on_join(
    conn: Any, p: Pairing, payload: Payload, joiner_pub: bytes | None, day: str | None
) -> None:
    if joiner_pub is None or p.secret is None or p.box_secret is None:
        raise Rejected("join without keys")
    my_pub = env.box_public(p.box_secret)
    proof = b64u_decode(payload.body["proof"])
    if not verify_join_proof(p.secret, my_pub, joiner_pub, proof):
        raise Rejected("bad join proof")
    if p.invite_expires is not None and p.invite_expires < int(time.time()) - 86_400:
        raise Rejected("join for an expired invite")
    name = unique_name(conn, payload.body["pseudonym"], exclude_id=p.id)
    sender_seed = new_signing_seed()
    update_pairing(
        conn,
        p.id,
        name=name,
        state="active",
        peer_box_pub=joiner_pub,
        peer_sender_id=payload.body["reply_sender_id"],
        sender_seed=sender_seed,
        secured=0,
        safety_code=safety_code(p.secret, my_pub, joiner_pub),
        invite_code=None,
    )
    hello = encode_payload(
        "hello", day or payload.day, {"pseudonym": p.my_pseudonym}, payload_id=new_id()
    )
    enqueue(conn, p.id, "hello", new_relay_id(), env.seal_box(hello, joiner_pub, p.box_secret))


def _on_hello(conn: Any, p: Pairing, payload: Payload, _pub: bytes | None, _d: str | None) -> None:
    if p.state == "joining":
        name = unique_name(conn, payload.body["pseudonym"], exclude_id=p.id)
        update_pairing(conn, p.id, name=name, state="active")
    elif p.state != "active":
        raise Rejected("hello not expected")


def _require_active(p: Pairing) -> None:
    if p.state != "active":
        raise Rejected(f"not active ({p.state})")


def _on_entry(conn: Any, p: Pairing, payload: Payload, _pub: bytes | None, _d: str | None) -> None:
    _require_active(p)
    if item_pairing(conn, payload.id) is not None:
        raise Rejected("item id already used")
    body = payload.body
    insert_item(
        conn,
        {
            "id": payload.id,
            "pairing_id": p.id,
            "direction": "in",
            "day": payload.day,
            "title": body["title"],
            "body": body["body"],
            "tags": body["tags"],
            "mood": body["mood"],
            "content_warning": body["content_warning"],
        },
    )


def _on_response(
    conn: Any, p: Pairing, payload: Payload, _pub: bytes | None, _d: str | None
) -> None:
    _require_active(p)
    ref = payload.body["ref"]
    if item_pairing(conn, ref) != p.id:
        raise Rejected("reference to an unknown item")
    table = "item_replies" if payload.kind == "reply" else "item_reactions"
    if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (payload.id,)).fetchone():  # noqa: S608
        raise Rejected("response id already used")
    row = {
        "id": payload.id,
        "item_id": ref,
        "pairing_id": p.id,
        "direction": "in",
        "day": payload.day,
        "text": payload.body.get("text", ""),
        "reaction": payload.body.get("reaction", ""),
    }
    insert_response(conn, table, row)


def _on_mood(conn: Any, p: Pairing, payload: Payload, _pub: bytes | None, _d: str | None) -> None:
    _require_active(p)
    conn.execute(
        "INSERT OR IGNORE INTO peer_moods (id, pairing_id, day, level, received)"
        " VALUES (?, ?, ?, ?, ?)",
        (payload.id, p.id, payload.day, payload.body["level"], utc_now_text()),
    )


def _on_bye(conn: Any, p: Pairing, _payload: Payload, _pub: bytes | None, _d: str | None) -> None:
    if p.state not in ("active", "joining"):
        raise Rejected("bye not expected")
    end_pairing(conn, p.id, reason="peer")


_HANDLERS = {
    "join": _on_join,
    "hello": _on_hello,
    "entry": _on_entry,
    "reply": _on_response,
    "reaction": _on_response,
    "mood": _on_mood,
    "bye": _on_bye,
}


def end_pairing(conn: Any, pairing_id: str, *, reason: str) -> None:
    """Mark a pairing ended and forget its box keys and secret.

    The Ed25519 seeds stay until the engine has sent what is left (a bye) and deleted the
    own mailbox; a peer-ended pairing drops its unsent messages at once.
    """
    changes: dict[str, Any] = {
        "state": "ended",
        "ended": utc_now_text(),
        "end_reason": reason,
        "box_secret": None,
        "secret": None,
        "invite_code": None,
    }
    if reason == "peer":
        conn.execute("DELETE FROM sync_outbox WHERE pairing_id = ?", (pairing_id,))
        changes["sender_seed"] = None
    update_pairing(conn, pairing_id, **changes)


def new_relay_id() -> str:
    """A random relay message id (b64u of 16 bytes)."""
    return b64u_encode(secrets.token_bytes(16))
