"""Endpoint handlers of docs/protocol.md section 3, with request-signature checks."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from nacl.signing import SigningKey

from . import __version__
from .config import BUCKETS, Settings
from .errors import RelayError, auth_failed, bad_request, stale_request
from .http import Request, Response, json_response
from .metrics import RelayMetrics
from .ratelimit import RateLimiter, retry_after_header
from .signing import b64u_decode, b64u_encode, canonical_query, parse_query, signed_message
from .signing import verify_signature as _verify
from .storage.base import ID_BYTES, NonceUse, Storage, StoredMessage

MAX_ACK_IDS = 500
MAX_FETCH = 500
DEFAULT_FETCH = 100
FETCH_MAX_BYTES = 4 * 1024 * 1024
KEY_CACHE_LIMIT = 100_000
# A fixed throwaway key: signatures for unknown mailboxes are checked against it, so an
# unknown id costs the same time as a wrong key and both answer auth_failed.
_DUMMY_KEY = bytes(SigningKey(b"\x01" * 32).verify_key)


@dataclass(frozen=True)
class SignedHeaders:
    """The three signing headers, parsed."""

    timestamp: int
    nonce_text: str
    nonce: bytes
    signature: bytes


def parse_signed_headers(headers: dict[str, str]) -> SignedHeaders:
    """Missing headers answer auth_failed; present but malformed ones answer bad_request."""
    ts = headers.get("pj-timestamp")
    nonce = headers.get("pj-nonce")
    sig = headers.get("pj-signature")
    if ts is None or nonce is None or sig is None:
        raise auth_failed()
    ts = ts.strip()
    if not (ts.isascii() and ts.isdigit()) or len(ts) > 12:
        raise bad_request("bad PJ-Timestamp")
    try:
        nonce_bytes = b64u_decode(nonce.strip(), length=16)
        signature = b64u_decode(sig.strip(), length=64)
    except ValueError as exc:
        raise bad_request("bad PJ-Nonce or PJ-Signature") from exc
    return SignedHeaders(int(ts), nonce.strip(), nonce_bytes, signature)


def decode_id(text: str, what: str) -> bytes:
    """A 16-byte id from its b64u text, or 400 bad_request."""
    try:
        return b64u_decode(text, length=ID_BYTES)
    except ValueError as exc:
        raise bad_request(f"malformed {what}") from exc


def _int_param(query: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9:
        raise bad_request(f"bad {name}")
    value = int(raw)
    if value < low:
        raise bad_request(f"bad {name}")
    return min(value, high)


class Endpoints:
    """The relay's handlers, sharing settings, storage, metrics and the wait registry."""

    def __init__(
        self,
        settings: Settings,
        storage: Storage,
        metrics: RelayMetrics,
        clock: Callable[[], float] = time.time,
        limiter_key: bytes | None = None,
    ) -> None:
        self.settings = settings
        self.storage = storage
        self.metrics = metrics
        self.clock = clock
        self.disk_full = False
        per_hour = settings.mailbox_creations_per_hour
        self.creation_limiter = RateLimiter(per_hour / 3600.0, per_hour, limiter_key)
        self._recipient_keys: dict[bytes, bytes] = {}
        self._sender_keys: dict[bytes, bytes] = {}
        self._waiters: dict[bytes, list[asyncio.Future[None]]] = {}
        storage.set_message_listener(self._wake)

    def forget_keys(self) -> None:
        """Drop every cached key (after mailboxes were deleted behind the cache's back)."""
        self._recipient_keys.clear()
        self._sender_keys.clear()

    # -- authentication -------------------------------------------------------------------
    def _now(self) -> int:
        return int(self.clock())

    def _query(self, request: Request) -> list[tuple[str, str]]:
        try:
            return parse_query(request.raw_query)
        except (ValueError, UnicodeDecodeError) as exc:
            raise bad_request("malformed query") from exc

    def authenticate(self, request: Request, key: bytes | None) -> NonceUse:
        """Check time window and signature against ``key`` (None: unknown mailbox)."""
        signed = parse_signed_headers(request.headers)
        now = self._now()
        if abs(signed.timestamp - now) > self.settings.time_window_seconds:
            raise stale_request()
        message = signed_message(
            request.method,
            request.raw_path,
            canonical_query(self._query(request)),
            signed.timestamp,
            signed.nonce_text,
            request.body,
        )
        valid = _verify(key if key is not None else _DUMMY_KEY, message, signed.signature)
        if key is None or not valid:
            raise auth_failed()
        return NonceUse(key, signed.nonce, now + self.settings.nonce_ttl_seconds)

    def _new_key(self, request: Request) -> bytes:
        raw = request.headers.get("pj-key")
        if raw is None:
            raise bad_request("missing PJ-Key")
        try:
            return b64u_decode(raw.strip(), length=32)
        except ValueError as exc:
            raise bad_request("bad PJ-Key") from exc

    async def _recipient_key(self, recipient_id: bytes) -> bytes | None:
        key = self._recipient_keys.get(recipient_id)
        if key is None:
            key = await self.storage.recipient_key(recipient_id)
            if key is not None:
                if len(self._recipient_keys) >= KEY_CACHE_LIMIT:
                    self._recipient_keys.clear()
                self._recipient_keys[recipient_id] = key
        return key

    async def _sender_key(self, sender_id: bytes) -> bytes | None:
        key = self._sender_keys.get(sender_id)
        if key is None:
            key = await self.storage.sender_key(sender_id)
            if key is not None:
                if len(self._sender_keys) >= KEY_CACHE_LIMIT:
                    self._sender_keys.clear()
                self._sender_keys[sender_id] = key
        return key

    async def _as_recipient(self, request: Request) -> tuple[bytes, NonceUse]:
        recipient_id = decode_id(request.params["recipient_id"], "recipient id")
        key = await self._recipient_key(recipient_id)
        return recipient_id, self.authenticate(request, key)

    # -- mailbox endpoints ----------------------------------------------------------------
    async def create_mailbox(self, request: Request) -> Response:
        """POST /v1/mailboxes."""
        key = self._new_key(request)
        nonce = self.authenticate(request, key)
        wait = self.creation_limiter.check(request.client)
        if wait:
            raise RelayError(
                429,
                "rate_limited",
                "too many new mailboxes from this client",
                headers={"Retry-After": retry_after_header(wait)},
            )
        recipient_id, sender_id = await self.storage.create_mailbox(key, self._now(), nonce)
        return json_response(
            201,
            {
                "recipient_id": b64u_encode(recipient_id),
                "sender_id": b64u_encode(sender_id),
                "expires_idle_days": self.settings.idle_mailbox_days,
            },
        )

    async def secure(self, request: Request) -> Response:
        """POST /v1/mailboxes/{sender_id}/secure."""
        sender_id = decode_id(request.params["sender_id"], "sender id")
        key = self._new_key(request)
        nonce = self.authenticate(request, key)
        await self.storage.secure(sender_id, key, nonce)
        return Response(204)

    async def put_message(self, request: Request) -> Response:
        """PUT /v1/mailboxes/{sender_id}/messages/{message_id}."""
        sender_id = decode_id(request.params["sender_id"], "sender id")
        message_id = decode_id(request.params["message_id"], "message id")
        nonce = self.authenticate(request, await self._sender_key(sender_id))
        size = len(request.body)
        if size not in BUCKETS:
            raise RelayError(
                400, "bad_envelope_size", f"envelope length must be one of {list(BUCKETS)}"
            )
        if self.disk_full:
            raise RelayError(507, "relay_full", "the relay's storage cap is reached")
        try:
            stored, recipient_id = await self.storage.put_message(
                sender_id, message_id, request.body, self._now(), nonce
            )
        except RelayError as exc:
            if exc.code == "auth_failed":
                self._sender_keys.pop(sender_id, None)
            raise
        if not stored:
            return json_response(200, {"stored": False})
        self.metrics.stored(size)
        self._wake(recipient_id)
        return json_response(201, {"stored": True})

    async def fetch(self, request: Request) -> Response:
        """GET /v1/mailboxes/{recipient_id}/messages?limit=N&wait=S (long-poll)."""
        recipient_id = decode_id(request.params["recipient_id"], "recipient id")
        pairs = self._query(request)
        query = dict(pairs)
        if len(query) != len(pairs):
            raise bad_request("repeated query parameter")
        limit = _int_param(query, "limit", DEFAULT_FETCH, 1, MAX_FETCH)
        wait = _int_param(query, "wait", 0, 0, self.settings.max_wait_seconds)
        nonce = self.authenticate(request, await self._recipient_key(recipient_id))
        messages = await self._fetch_once(recipient_id, limit, nonce)
        if not messages and wait:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + wait
            while not messages:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                recheck = self.storage.recheck_interval(self.settings.poll_interval_seconds)
                if recheck is not None:
                    remaining = min(remaining, recheck)
                await self._wait_for(recipient_id, remaining)
                messages = await self._fetch_once(recipient_id, limit, None)
        return json_response(
            200,
            {
                "messages": [
                    {
                        "id": b64u_encode(m.message_id),
                        "envelope": b64u_encode(m.envelope),
                        "received_at": m.received_at,
                    }
                    for m in messages
                ]
            },
        )

    async def _fetch_once(
        self, recipient_id: bytes, limit: int, nonce: NonceUse | None
    ) -> list[StoredMessage]:
        try:
            return await self.storage.fetch(
                recipient_id, limit, FETCH_MAX_BYTES, self._now(), nonce
            )
        except RelayError as exc:
            if exc.code == "auth_failed":
                self._recipient_keys.pop(recipient_id, None)
            raise

    async def _wait_for(self, recipient_id: bytes, timeout: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        waiters = self._waiters.setdefault(recipient_id, [])
        waiters.append(future)
        try:
            await asyncio.wait_for(future, timeout)
        except TimeoutError:
            pass
        finally:
            current = self._waiters.get(recipient_id)
            if current is not None:
                if future in current:
                    current.remove(future)
                if not current:
                    del self._waiters[recipient_id]

    def _wake(self, recipient_id: bytes) -> None:
        for future in self._waiters.pop(recipient_id, []):
            if not future.done():
                future.set_result(None)

    async def ack(self, request: Request) -> Response:
        """POST /v1/mailboxes/{recipient_id}/ack with {"ids": [...]}."""
        recipient_id = decode_id(request.params["recipient_id"], "recipient id")
        try:
            payload = json.loads(request.body)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise bad_request("body is not JSON") from exc
        ids = payload.get("ids") if isinstance(payload, dict) else None
        if not isinstance(ids, list) or len(ids) > MAX_ACK_IDS:
            raise bad_request(f'body must be {{"ids": [...]}} with at most {MAX_ACK_IDS} ids')
        if not all(isinstance(item, str) for item in ids):
            raise bad_request("ids must be strings")
        message_ids = [decode_id(item, "message id") for item in ids]
        recipient_id, nonce = await self._as_recipient(request)
        count = await self.storage.ack(recipient_id, message_ids, nonce)
        return json_response(200, {"acknowledged": count})

    async def status(self, request: Request) -> Response:
        """GET /v1/mailboxes/{recipient_id}."""
        recipient_id, nonce = await self._as_recipient(request)
        state = await self.storage.status(recipient_id, nonce)
        return json_response(
            200,
            {
                "messages": state.messages,
                "bytes": state.bytes,
                "max_messages": self.settings.max_messages_per_mailbox,
                "max_bytes": self.settings.max_bytes_per_mailbox,
            },
        )

    async def delete(self, request: Request) -> Response:
        """DELETE /v1/mailboxes/{recipient_id}."""
        recipient_id, nonce = await self._as_recipient(request)
        await self.storage.delete_mailbox(recipient_id, nonce)
        self._recipient_keys.pop(recipient_id, None)
        self._sender_keys.clear()
        self._wake(recipient_id)
        return Response(204)

    # -- public endpoints -----------------------------------------------------------------
    async def info(self, request: Request) -> Response:
        """GET /v1/info."""
        s = self.settings
        return json_response(
            200,
            {
                "protocol": 1,
                "version": __version__,
                "buckets": list(BUCKETS),
                "max_messages": s.max_messages_per_mailbox,
                "max_bytes": s.max_bytes_per_mailbox,
                "ttl_days": s.ttl_days,
                "time": self._now(),
                "time_window": s.time_window_seconds,
                "max_wait": s.max_wait_seconds,
                "max_body_bytes": s.max_body_bytes,
                "max_ack_ids": MAX_ACK_IDS,
                "expires_idle_days": s.idle_mailbox_days,
            },
        )

    async def healthz(self, request: Request) -> Response:
        """GET /healthz: 200 when the database answers, else 503."""
        if await self.storage.healthy():
            return json_response(200, {"status": "ok"})
        return json_response(503, {"status": "unavailable"})

    async def metrics_text(self, request: Request) -> Response:
        """GET /metrics in the Prometheus text format."""
        body = self.metrics.render(await self.storage.totals())
        return Response(200, body, "text/plain; version=0.0.4; charset=utf-8")
