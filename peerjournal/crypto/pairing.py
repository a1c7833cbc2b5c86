"""Pairing crypto (docs/protocol.md section 6): invite codes, join proof, safety code.

Pure functions; the network steps live in :mod:`peerjournal.sync.pairing`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

import nacl.utils

from peerjournal.crypto.b64 import b64u_decode, b64u_encode

INVITE_PREFIX = "pj1:"
MAX_INVITE_CHARS = 2048
MAX_RELAY_URL_CHARS = 512
SECRET_SIZE = 32
KEY_SIZE = 32
MAILBOX_ID_SIZE = 16
PROOF_LABEL = b"PJ-JOIN-1"
_INVITE_KEYS = frozenset({"r", "s", "k", "x", "e"})


class InviteExpired(ValueError):
    """A well-formed invite whose expiry has passed."""


class BadRelayUrl(ValueError):
    """A relay URL that cannot be used; ``problem`` says which rule it breaks.

    ``problem`` is ``"form"`` (empty, too long, spaces, not http(s) with a host),
    ``"extras"`` (query, fragment or credentials) or ``"port"``.
    """

    def __init__(self, problem: str, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem


@dataclass(frozen=True)
class Invite:
    """The contents of an invite code."""

    relay_url: str
    sender_id: str  # b64u of the inviter's mailbox sender id
    inviter_pub: bytes  # X25519 box public key
    secret: bytes  # one-time 32-byte secret
    expires: int  # unix seconds


def new_secret() -> bytes:
    """A fresh one-time invite secret."""
    return nacl.utils.random(SECRET_SIZE)


def check_relay_url(url: object) -> str:
    """Return ``url`` if it is an acceptable http(s) relay base URL; :class:`BadRelayUrl`
    (a ``ValueError``) otherwise."""
    if not isinstance(url, str):
        raise TypeError("relay URL must be text")
    if not url or len(url) > MAX_RELAY_URL_CHARS or not url.isprintable() or " " in url:
        raise BadRelayUrl("form", "relay URL is empty, too long or has spaces")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadRelayUrl("form", "relay URL must start with http:// or https:// and name a host")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise BadRelayUrl("extras", "relay URL must not carry a query, fragment or credentials")
    try:
        _ = parts.port
    except ValueError as exc:
        raise BadRelayUrl("port", "relay URL has a bad port") from exc
    return url.rstrip("/")


def encode_invite(invite: Invite) -> str:
    """The ``pj1:…`` text of ``invite``."""
    _check_invite_fields(invite)
    doc = {
        "r": invite.relay_url,
        "s": invite.sender_id,
        "k": b64u_encode(invite.inviter_pub),
        "x": b64u_encode(invite.secret),
        "e": invite.expires,
    }
    text = json.dumps(doc, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return INVITE_PREFIX + b64u_encode(text)


def decode_invite(text: object, *, now: int) -> Invite:
    """Parse and strictly validate an invite code; ``ValueError`` names what is wrong.

    Surrounding whitespace is ignored (codes are pasted). An invite whose expiry is not
    after ``now`` raises :class:`InviteExpired`.
    """
    if not isinstance(text, str):
        raise TypeError("invite must be text")
    code = text.strip()
    if len(code) > MAX_INVITE_CHARS:
        raise ValueError("invite is too long")
    if not code.startswith(INVITE_PREFIX):
        raise ValueError("invite does not start with pj1:")
    raw = b64u_decode(code[len(INVITE_PREFIX) :])
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError("invite is not readable") from exc
    if not isinstance(doc, dict) or set(doc) != _INVITE_KEYS:
        raise ValueError("invite has the wrong fields")
    expires = doc["e"]
    if not isinstance(expires, int) or isinstance(expires, bool) or expires <= 0:
        raise ValueError("invite expiry is not a time")
    sender_id = doc["s"]
    if not isinstance(sender_id, str):
        raise ValueError("invite mailbox id is not text")
    b64u_decode(sender_id, length=MAILBOX_ID_SIZE)
    for key in ("k", "x"):
        if not isinstance(doc[key], str):
            raise ValueError("invite key is not text")
    invite = Invite(
        relay_url=check_relay_url(doc["r"]),
        sender_id=sender_id,
        inviter_pub=b64u_decode(doc["k"], length=KEY_SIZE),
        secret=b64u_decode(doc["x"], length=SECRET_SIZE),
        expires=expires,
    )
    if invite.relay_url != doc["r"]:
        raise ValueError("invite relay URL is not canonical")
    if expires <= now:
        raise InviteExpired("invite has expired")
    return invite


def join_proof(secret: bytes, inviter_pub: bytes, joiner_pub: bytes) -> bytes:
    """HMAC-SHA256(secret, "PJ-JOIN-1" || inviter pub || joiner pub)."""
    _check(secret, SECRET_SIZE, "secret")
    _check(inviter_pub, KEY_SIZE, "inviter_pub")
    _check(joiner_pub, KEY_SIZE, "joiner_pub")
    return hmac.new(secret, PROOF_LABEL + inviter_pub + joiner_pub, hashlib.sha256).digest()


def verify_join_proof(secret: bytes, inviter_pub: bytes, joiner_pub: bytes, proof: bytes) -> bool:
    """Constant-time check of a join proof."""
    if not isinstance(proof, bytes):
        raise TypeError("proof must be bytes")
    return hmac.compare_digest(join_proof(secret, inviter_pub, joiner_pub), proof)


def safety_code(secret: bytes, pub_a: bytes, pub_b: bytes) -> str:
    """Five groups of four digits both sides compare out of band (order-independent)."""
    _check(secret, SECRET_SIZE, "secret")
    _check(pub_a, KEY_SIZE, "pub_a")
    _check(pub_b, KEY_SIZE, "pub_b")
    data = b"".join(sorted((pub_a, pub_b)))
    digest = hashlib.blake2b(data, digest_size=32, key=secret).digest()[:10]
    groups = [int.from_bytes(digest[i : i + 2], "big") % 10000 for i in range(0, 10, 2)]
    return " ".join(f"{group:04d}" for group in groups)


def _check(value: object, size: int, name: str) -> None:
    if not isinstance(value, bytes):
        raise TypeError(f"{name} must be bytes")
    if len(value) != size:
        raise ValueError(f"{name} must be {size} bytes")


def _check_invite_fields(invite: Invite) -> None:
    check_relay_url(invite.relay_url)
    b64u_decode(invite.sender_id, length=MAILBOX_ID_SIZE)
    _check(invite.inviter_pub, KEY_SIZE, "inviter_pub")
    _check(invite.secret, SECRET_SIZE, "secret")
    if not isinstance(invite.expires, int) or invite.expires <= 0:
        raise ValueError("expiry must be a positive int")
