"""Request signing (docs/protocol.md section 2): canonical message and Ed25519 headers."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from urllib.parse import quote

import nacl.utils
from nacl.signing import SigningKey

from peerjournal.crypto.b64 import b64u_encode

SIGNING_PREFIX = "PJ-REQ-1"
SEED_SIZE = 32


def percent_encode(value: str) -> str:
    """RFC 3986 percent-encoding of UTF-8 text; unreserved characters are kept."""
    if not isinstance(value, str):
        raise TypeError("query values must be text")
    return quote(value, safe="~", encoding="utf-8", errors="strict")


def canonical_query(params: Iterable[tuple[str, str]]) -> str:
    """Encoded ``name=value`` pairs sorted by name then value, joined by ``&``."""
    encoded = sorted((percent_encode(name), percent_encode(value)) for name, value in params)
    return "&".join(f"{name}={value}" for name, value in encoded)


def signed_message(
    method: str, path: str, query: str, timestamp: int, nonce: str, body: bytes
) -> bytes:
    """The exact bytes an Ed25519 request signature covers."""
    if not isinstance(body, bytes):
        raise TypeError("body must be bytes")
    if not isinstance(timestamp, int) or isinstance(timestamp, bool):
        raise TypeError("timestamp must be an int")
    lines = [
        SIGNING_PREFIX,
        method.upper(),
        path,
        query,
        str(timestamp),
        nonce,
        hashlib.sha256(body).hexdigest(),
    ]
    return "\n".join(lines).encode("utf-8")


def new_signing_seed() -> bytes:
    """A fresh Ed25519 seed (32 bytes); the vault stores seeds, never derived forms."""
    return nacl.utils.random(SEED_SIZE)


def verify_key(seed: bytes) -> bytes:
    """The Ed25519 public key for ``seed``."""
    return bytes(_signing_key(seed).verify_key)


def sign_request(
    seed: bytes,
    method: str,
    path: str,
    params: Iterable[tuple[str, str]] = (),
    body: bytes = b"",
    *,
    timestamp: int | None = None,
    nonce: bytes | None = None,
) -> dict[str, str]:
    """The ``PJ-Timestamp``/``PJ-Nonce``/``PJ-Signature`` headers for one request."""
    ts = int(time.time()) if timestamp is None else timestamp
    raw_nonce = nacl.utils.random(16) if nonce is None else nonce
    if not isinstance(raw_nonce, bytes) or len(raw_nonce) != 16:
        raise ValueError("nonce must be 16 bytes")
    nonce_text = b64u_encode(raw_nonce)
    message = signed_message(method, path, canonical_query(params), ts, nonce_text, body)
    signature = _signing_key(seed).sign(message).signature
    return {
        "PJ-Timestamp": str(ts),
        "PJ-Nonce": nonce_text,
        "PJ-Signature": b64u_encode(signature),
    }


def _signing_key(seed: bytes) -> SigningKey:
    if not isinstance(seed, bytes):
        raise TypeError("seed must be bytes")
    if len(seed) != SEED_SIZE:
        raise ValueError("seed must be 32 bytes")
    return SigningKey(seed)
