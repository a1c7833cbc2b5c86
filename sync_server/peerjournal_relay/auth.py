"""Request authentication (docs/protocol.md section 2): signing headers, keys and timing.

The three answers an attacker could compare — unknown mailbox, known mailbox with a wrong key,
known mailbox with a bad signature — are one ``auth_failed`` body and cost the same work: one
key lookup in the database and one Ed25519 verification. Keys of mailboxes that authenticated
are cached so genuine requests skip the lookup, but a signature that fails against a cached
key is followed by the same lookup an unknown id costs (see :meth:`KeyCache.authenticate`).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import NamedTuple

from nacl.signing import SigningKey
from starlette.types import Scope

from .errors import RelayError, auth_failed, bad_request, stale_request
from .signing import b64u_decode, signed_message, verify_signature
from .storage.base import NonceUse
from .web import single_header

# A fixed throwaway key: signatures for unknown mailboxes are checked against it, so an
# unknown id costs one verification like a wrong key, and both answer auth_failed.
DUMMY_KEY = bytes(SigningKey(b"\x01" * 32).verify_key)
KEY_CACHE_LIMIT = 100_000
SIGNING_HEADERS = (b"pj-timestamp", b"pj-nonce", b"pj-signature")
# Canonical decimal: "0" or no leading zero, at most 12 digits (docs/protocol.md section 2).
_TIMESTAMP = re.compile(r"(?:0|[1-9][0-9]{0,11})\Z", re.ASCII)


class SignedHeaders(NamedTuple):
    """The three signing headers, parsed."""

    timestamp: int
    nonce_text: str
    nonce: bytes
    signature: bytes


def parse_signed_headers(scope: Scope) -> SignedHeaders:
    """Any of the three missing: 401 auth_failed; present but malformed: 400 bad_request."""
    ts = single_header(scope, b"pj-timestamp")  # the names of SIGNING_HEADERS, in order
    nonce = single_header(scope, b"pj-nonce")
    sig = single_header(scope, b"pj-signature")
    if ts is None or nonce is None or sig is None:
        raise auth_failed()
    if not _TIMESTAMP.match(ts):
        raise bad_request("bad PJ-Timestamp")
    try:
        nonce_bytes = b64u_decode(nonce, length=16)
        signature = b64u_decode(sig, length=64)
    except ValueError as exc:
        raise bad_request("bad PJ-Nonce or PJ-Signature") from exc
    return SignedHeaders(int(ts), nonce, nonce_bytes, signature)


def new_key_header(scope: Scope) -> bytes:
    """The ``PJ-Key`` of create and secure: missing or malformed is 400 bad_request."""
    raw = single_header(scope, b"pj-key")
    if raw is None:
        raise bad_request("missing PJ-Key")
    try:
        return b64u_decode(raw, length=32)
    except ValueError as exc:
        raise bad_request("bad PJ-Key") from exc


class SignedRequest(NamedTuple):
    """What a signature covers, taken from the request as received."""

    method: str
    path: str
    query: str
    body: bytes
    headers: SignedHeaders


class Verifier:
    """Checks the time window and the signature, and makes the nonce record."""

    def __init__(
        self, clock: Callable[[], float], window_seconds: int, nonce_ttl_seconds: int
    ) -> None:
        self.clock = clock
        self.window = window_seconds
        self.nonce_ttl = nonce_ttl_seconds

    def check_window(self, signed: SignedHeaders) -> None:
        """401 stale_request outside the accepted clock difference."""
        if abs(signed.timestamp - int(self.clock())) > self.window:
            raise stale_request()

    def valid(self, request: SignedRequest, key: bytes) -> bool:
        """True when the request's signature verifies with ``key``."""
        h = request.headers
        message = signed_message(
            request.method, request.path, request.query, h.timestamp, h.nonce_text, request.body
        )
        return verify_signature(key, message, h.signature)

    def nonce_use(self, request: SignedRequest, key: bytes) -> NonceUse:
        """The replay record the storage keeps in the request's transaction."""
        expires = int(self.clock()) + self.nonce_ttl
        return NonceUse(key, request.headers.nonce, expires)

    def self_signed(self, request: SignedRequest, key: bytes) -> NonceUse:
        """Create and secure: the request is signed by the key it brings (``PJ-Key``)."""
        self.check_window(request.headers)
        if not self.valid(request, key):
            raise auth_failed()
        return self.nonce_use(request, key)


class KeyCache:
    """Keys of one id kind (recipient or sender) by mailbox id, looked up in constant work."""

    def __init__(self, lookup: Callable[[bytes], Awaitable[bytes | None]]) -> None:
        self._lookup = lookup
        self._keys: dict[bytes, bytes] = {}

    def forget(self, mailbox_id: bytes | None = None) -> None:
        """Drop one cached key, or all of them."""
        if mailbox_id is None:
            self._keys.clear()
        else:
            self._keys.pop(mailbox_id, None)

    async def authenticate(
        self, verifier: Verifier, mailbox_id: bytes, request: SignedRequest
    ) -> NonceUse:
        """The nonce record of a request signed by the key of ``mailbox_id``, else 401.

        Every failing path does exactly one database lookup and one verification: a cached
        key that does not verify is looked up again (as an unknown id would be) before the
        answer, and an unknown id is verified against :data:`DUMMY_KEY`.
        """
        verifier.check_window(request.headers)
        cached = self._keys.get(mailbox_id)
        if cached is not None:
            if verifier.valid(request, cached):
                return verifier.nonce_use(request, cached)
            await self._fetch(mailbox_id)
            raise auth_failed()
        key = await self._fetch(mailbox_id)
        valid = verifier.valid(request, key if key is not None else DUMMY_KEY)
        if key is None or not valid:
            raise auth_failed()
        return verifier.nonce_use(request, key)

    async def _fetch(self, mailbox_id: bytes) -> bytes | None:
        key = await self._lookup(mailbox_id)
        if key is None:
            self._keys.pop(mailbox_id, None)
            return None
        if len(self._keys) >= KEY_CACHE_LIMIT:
            self._keys.clear()
        self._keys[mailbox_id] = key
        return key


def rejected(error: RelayError, cache: KeyCache, mailbox_id: bytes) -> RelayError:
    """Forget the cached key when the storage says the mailbox is gone; return ``error``."""
    if error.code == "auth_failed":
        cache.forget(mailbox_id)
    return error
