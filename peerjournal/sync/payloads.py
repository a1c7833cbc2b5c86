"""Envelope payloads (docs/protocol.md section 5): building and strict validation.

Whatever arrives from a peer passes :func:`parse_payload` before anything touches the
vault: exact field sets, types, lengths, known kinds and reactions, a real calendar day.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from peerjournal.crypto.b64 import b64u_decode

VERSIONS = (1, 2)  # payload "v": 1 in type 0x01 and join envelopes, 2 in type 0x03
KINDS = frozenset({"join", "hello", "entry", "reply", "reaction", "mood", "bye"})
REACTIONS = ("heart", "hug", "strength", "same", "thanks")
MAX_TITLE = 200
MAX_BODY = 20_000
MAX_TAGS = 20
MAX_TAG = 50
MAX_CW = 200
MAX_REPLY = 2_000
MAX_PSEUDONYM = 40

_BODY_FIELDS: dict[str, frozenset[str]] = {
    "join": frozenset({"pseudonym", "reply_sender_id", "proof"}),
    "hello": frozenset({"pseudonym"}),
    "entry": frozenset({"title", "body", "tags", "mood", "content_warning"}),
    "reply": frozenset({"ref", "text"}),
    "reaction": frozenset({"ref", "reaction"}),
    "mood": frozenset({"level"}),
    "bye": frozenset(),
}


class PayloadError(ValueError):
    """A payload that does not follow the protocol."""


@dataclass(frozen=True)
class Payload:
    """A validated payload."""

    id: str
    kind: str
    day: str
    body: dict[str, Any]
    version: int = 2  # the payload's "v" (1 or 2)


def new_id() -> str:
    """A fresh payload id (UUID4 text)."""
    return str(uuid.uuid4())


def encode_payload(
    kind: str, day: str, body: dict[str, Any], *, payload_id: str, version: int = 2
) -> bytes:
    """Canonical UTF-8 JSON of a payload; validated the same way a receiver would."""
    doc = {"v": version, "id": payload_id, "kind": kind, "day": day, "body": body}
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    raw = data.encode("utf-8")
    parse_payload(raw)
    return raw


def parse_payload(raw: bytes) -> Payload:
    """Validate ``raw``; raise :class:`PayloadError` saying what is wrong."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise PayloadError("payload is not JSON") from exc
    if not isinstance(doc, dict) or set(doc) != {"v", "id", "kind", "day", "body"}:
        raise PayloadError("payload has the wrong fields")
    version = doc["v"]
    if type(version) is not int or version not in VERSIONS:
        raise PayloadError("unknown payload version")
    kind = doc["kind"]
    if not isinstance(kind, str) or kind not in KINDS:
        raise PayloadError("unknown kind")
    body = doc["body"]
    if not isinstance(body, dict) or set(body) != _BODY_FIELDS[kind]:
        raise PayloadError("body has the wrong fields")
    _check_body(kind, body)
    return Payload(_uuid(doc["id"]), kind, _day(doc["day"]), body, version)


def _check_body(kind: str, body: dict[str, Any]) -> None:
    if kind in ("join", "hello"):
        _pseudonym(body["pseudonym"])
    if kind == "join":
        _b64(body["reply_sender_id"], 16)
        _b64(body["proof"], 32)
    elif kind == "entry":
        _text(body["title"], MAX_TITLE, "title")
        _text(body["body"], MAX_BODY, "body", multiline=True)
        _text(body["content_warning"], MAX_CW, "content warning")
        tags = body["tags"]
        if not isinstance(tags, list) or len(tags) > MAX_TAGS:
            raise PayloadError("tags must be a short list")
        for tag in tags:
            _text(tag, MAX_TAG, "tag")
            if not tag.strip():
                raise PayloadError("empty tag")
        if body["mood"] is not None:
            _level(body["mood"])
    elif kind == "reply":
        _uuid(body["ref"])
        _text(body["text"], MAX_REPLY, "reply", multiline=True)
        if not body["text"].strip():
            raise PayloadError("empty reply")
    elif kind == "reaction":
        _uuid(body["ref"])
        if body["reaction"] not in REACTIONS:
            raise PayloadError("unknown reaction")
    elif kind == "mood":
        _level(body["level"])


def _text(value: object, limit: int, what: str, *, multiline: bool = False) -> str:
    if not isinstance(value, str):
        raise PayloadError(f"{what} is not text")
    if len(value) > limit:
        raise PayloadError(f"{what} is too long")
    if has_control(value, multiline=multiline):
        raise PayloadError(f"{what} has control characters")
    return value


def has_control(text: str, *, multiline: bool = False) -> bool:
    """Whether ``text`` holds a code point the protocol refuses: C0, DEL, C1 (newline and
    tab allowed when ``multiline``) or a lone surrogate. Everything else is allowed, so the
    rule does not depend on the Unicode version (docs/protocol.md section 5)."""
    allowed = "\n\t" if multiline else ""
    for ch in text:
        code = ord(ch)
        if (code < 0x20 or 0x7F <= code <= 0x9F) and ch not in allowed:
            return True
        if 0xD800 <= code <= 0xDFFF:
            return True
    return False


def _pseudonym(value: object) -> str:
    text = _text(value, MAX_PSEUDONYM, "pseudonym")
    if not text.strip() or text != text.strip():
        raise PayloadError("pseudonym is blank or padded")
    return text


def _level(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
        raise PayloadError("mood level must be 1 to 5")
    return value


def _uuid(value: object) -> str:
    if not isinstance(value, str) or len(value) != 36:
        raise PayloadError("id is not a UUID")
    try:
        parsed = uuid.UUID(value)
    except ValueError as exc:
        raise PayloadError("id is not a UUID") from exc
    if str(parsed) != value:
        raise PayloadError("id is not a canonical UUID")
    return value


def _day(value: object) -> str:
    if not isinstance(value, str) or len(value) != 10:
        raise PayloadError("day is not a date")
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise PayloadError("day is not a date") from exc
    return value


def _b64(value: object, size: int) -> bytes:
    if not isinstance(value, str):
        raise PayloadError("not base64url text")
    try:
        return b64u_decode(value, length=size)
    except ValueError as exc:
        raise PayloadError("bad base64url value") from exc
