"""Endpoint handlers of docs/protocol.md section 3 (Starlette requests in, responses out)."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response

from . import __version__
from .answers import (
    ONE_MESSAGE_ANSWER,
    RETRY_AFTER_SECONDS,
    AnswerBudget,
    AnswerLease,
    answer_bytes_bound,
    envelope_bytes_within,
    fetch_answer_body,
)
from .auth import KeyCache, SignedRequest, Verifier, new_key_header, parse_signed_headers
from .config import BUCKETS, Settings
from .errors import RelayError, bad_request
from .metrics import RelayMetrics
from .ratelimit import Limiter, rate_limited
from .signing import ParsedQuery, QueryParser, b64u_decode, b64u_encode
from .storage.base import ID_BYTES, NonceUse, Storage, StoredMessage
from .web import (
    JSON,
    OCTETS,
    Hangup,
    JSONAnswer,
    json_response,
    read_body,
    require_content_type,
)

MAX_ACK_IDS = 500
MAX_FETCH = 500
DEFAULT_FETCH = 100
FETCH_MAX_BYTES = 4 * 1024 * 1024
PROTOCOL = 1  # the relay API of docs/protocol.md sections 2-4 (unchanged in protocol 2)
# The exchange protocol versions whose envelopes this relay carries (it opens none: the
# types 0x01, 0x02 and 0x03 are all just bucket-sized bytes to it).
PROTOCOLS = (1, 2)
_DIGITS = re.compile(r"[0-9]+\Z", re.ASCII)
STORED = b'{"stored":true}'  # a send's answers
REPEATED = b'{"stored":false}'
# the same two answers every time (answers are only read once made)
STORED_ANSWER = JSONAnswer(STORED, 201)
REPEATED_ANSWER = JSONAnswer(REPEATED, 200)


def _resolve_empty(future: asyncio.Future[StoredMessage | None]) -> None:
    if not future.done():
        future.set_result(None)


def decode_id(text: str, what: str) -> bytes:
    """A 16-byte id from its b64u text, or 400 bad_request."""
    try:
        return b64u_decode(text, length=ID_BYTES)
    except ValueError as exc:
        raise bad_request(f"malformed {what}") from exc


class AnswersBusy(Exception):
    """No room in the fetch answers' memory budget (answered 503 with Retry-After)."""


def clamped(query: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    """A decimal parameter of any length: below ``low`` is 400, above ``high`` is ``high``."""
    raw = query.get(name)
    if raw is None:
        return default
    if not _DIGITS.match(raw):
        raise bad_request(f"bad {name}")
    digits = raw.lstrip("0") or "0"
    value = high + 1 if len(digits) > 9 else int(digits)
    if value < low:
        raise bad_request(f"bad {name}")
    return min(value, high)


class Endpoints:
    """The relay's handlers, sharing settings, storage, metrics, keys and the wait registry."""

    def __init__(
        self,
        settings: Settings,
        storage: Storage,
        metrics: RelayMetrics,
        creation_limiter: Limiter,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.storage = storage
        self.metrics = metrics
        self.clock = clock
        self.disk_full = False
        self.creation_limiter = creation_limiter
        self.verifier = Verifier(clock, settings.time_window_seconds, settings.nonce_ttl_seconds)
        self.recipient_keys = KeyCache(storage.recipient_key)
        self.sender_keys = KeyCache(storage.sender_key)
        self._parse_query = QueryParser()
        # long-polls waiting per recipient id, each with the number it registered under; a
        # send in this process hands its message to those that were waiting before it began
        self._waiters: dict[bytes, list[tuple[int, asyncio.Future[StoredMessage | None]]]] = {}
        self._registrations = 0
        self._ready: tuple[float, bool] = (float("-inf"), False)
        self._ready_check: asyncio.Task[bool] | None = None
        self.answers = AnswerBudget(settings.max_answer_bytes_per_client, settings.max_answer_bytes)
        storage.set_message_listener(self._wake)

    def forget_keys(self) -> None:
        """Drop every cached key (after mailboxes were deleted behind the cache's back)."""
        self.recipient_keys.forget()
        self.sender_keys.forget()

    # -- request parts -------------------------------------------------------------------
    def _now(self) -> int:
        return int(self.clock())

    def _query(self, request: Request) -> ParsedQuery:
        try:
            return self._parse_query(request.scope.get("query_string", b""))
        except (ValueError, UnicodeDecodeError) as exc:
            raise bad_request("malformed query") from exc

    async def _read(self, request: Request, content_type: str | None = None) -> bytes:
        """Content type (415), then the bounded body (413, 408)."""
        if content_type is not None:
            require_content_type(request, content_type)
        return await read_body(request, self.settings.max_body_bytes)

    @staticmethod
    def _signed(request: Request, body: bytes, query: ParsedQuery) -> SignedRequest:
        """The signing headers (401 missing, 400 malformed) with what they cover."""
        headers = parse_signed_headers(request.scope)
        return SignedRequest(request.method, request.scope["path"], query.canonical, body, headers)

    def _path_id(self, request: Request, name: str) -> bytes:
        return decode_id(request.path_params[name], name.replace("_", " "))

    async def _as_recipient(self, request: Request) -> tuple[bytes, NonceUse]:
        body = await self._read(request)
        recipient_id = self._path_id(request, "recipient_id")
        signed = self._signed(request, body, self._query(request))
        nonce = await self.recipient_keys.authenticate(self.verifier, recipient_id, signed)
        return recipient_id, nonce

    def _forget_if_gone(self, cache: KeyCache, mailbox_id: bytes, error: RelayError) -> None:
        if error.code == "auth_failed":
            cache.forget(mailbox_id)

    # -- mailbox endpoints ----------------------------------------------------------------
    async def create_mailbox(self, request: Request) -> Response:
        """POST /v1/mailboxes."""
        body = await self._read(request)
        query = self._query(request)
        key = new_key_header(request.scope)
        nonce = self.verifier.self_signed(self._signed(request, body, query), key)
        wait = await self.creation_limiter.check(request.scope["pj.client"])
        if wait:
            raise rate_limited(wait, "too many new mailboxes from this client")
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
        body = await self._read(request)
        sender_id = self._path_id(request, "sender_id")
        query = self._query(request)
        key = new_key_header(request.scope)
        nonce = self.verifier.self_signed(self._signed(request, body, query), key)
        await self.storage.secure(sender_id, key, nonce)
        return Response(status_code=204)

    async def put_message(self, request: Request) -> Response:
        """PUT /v1/mailboxes/{sender_id}/messages/{message_id}."""
        body = await self._read(request, OCTETS)
        sender_id = self._path_id(request, "sender_id")
        message_id = self._path_id(request, "message_id")
        signed = self._signed(request, body, self._query(request))
        nonce = await self.sender_keys.authenticate(self.verifier, sender_id, signed)
        size = len(signed.body)
        if size not in BUCKETS:
            raise RelayError(
                400, "bad_envelope_size", f"envelope length must be one of {list(BUCKETS)}"
            )
        if self.disk_full:
            raise RelayError(507, "relay_full", "the relay's storage cap is reached")
        now = self._now()
        began = self._registrations
        try:
            stored, recipient_id = await self.storage.put_message(
                sender_id, message_id, signed.body, now, nonce
            )
        except RelayError as exc:
            self._forget_if_gone(self.sender_keys, sender_id, exc)
            raise
        if not stored:
            return REPEATED_ANSWER
        self.metrics.stored(size)
        # A long-poll that was waiting before this send began saw the mailbox empty: this is
        # now its oldest message, so it answers with it without reading it back. One that
        # started later may already have fetched it (the commit was visible before this
        # line ran) and had it acknowledged: it reads the mailbox again instead.
        if recipient_id in self._waiters:
            self._wake(recipient_id, StoredMessage(message_id, signed.body, now), began)
        return STORED_ANSWER

    async def fetch(self, request: Request) -> Response:
        """GET /v1/mailboxes/{recipient_id}/messages?limit=N&wait=S (long-poll)."""
        body = await self._read(request)
        recipient_id = self._path_id(request, "recipient_id")
        query = self._query(request)
        limit, wait = self._fetch_parameters(query.pairs)
        signed = self._signed(request, body, query)
        nonce = await self.recipient_keys.authenticate(self.verifier, recipient_id, signed)
        return await self._answer_fetch(request, recipient_id, limit, wait, nonce)

    def _fetch_parameters(self, pairs: tuple[tuple[str, str], ...]) -> tuple[int, int]:
        """A fetch's ``limit`` and ``wait``, clamped (400 when malformed or repeated)."""
        query = dict(pairs)
        if len(query) != len(pairs):
            raise bad_request("repeated query parameter")
        limit = clamped(query, "limit", DEFAULT_FETCH, 1, MAX_FETCH)
        wait = clamped(query, "wait", 0, 0, self.settings.max_wait_seconds)
        return limit, wait

    async def _answer_fetch(
        self,
        request: Request,
        recipient_id: bytes,
        limit: int,
        wait: int,
        nonce: NonceUse | None,
        acknowledged: list[bytes] | None = None,
    ) -> Response:
        """The fetch's answer (a long-poll when ``wait`` and nothing is waiting).

        With ``acknowledged`` (an ack that carries the next fetch) these ids are deleted
        in the first read's transaction, once the answer has room in the answer budget: an
        ack refused 503 for want of room, or failing in that read, has acknowledged
        nothing. Its count leads the answer."""
        lease: AnswerLease | None = None
        try:
            client = str(request.scope.get("pj.client", ""))
            lease = await self._lease(client, ONE_MESSAGE_ANSWER)
            count: int | None = None
            if acknowledged is None:
                messages = await self._fetch_once(recipient_id, limit, nonce, lease)
            else:
                assert nonce is not None  # the ack's
                count, messages = await self._ack_and_fetch_once(
                    recipient_id, acknowledged, limit, nonce, lease
                )
            hangup: Hangup | None = request.scope.get("pj.hangup")
            if not messages and wait and not (hangup is not None and hangup.done):
                lease.release()  # a waiting fetch holds nothing
                lease = None
                messages, lease = await self._long_poll(recipient_id, limit, wait, hangup, client)
            response = JSONAnswer(fetch_answer_body(messages, count))
        except AnswersBusy:
            if lease is not None:
                lease.release()
            self.metrics.answers_refused.inc()
            return json_response(
                503,
                {"error": {"code": "unavailable", "message": "too many answers waiting, retry"}},
                {"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        except BaseException:
            if lease is not None:
                lease.release()
            raise
        if lease is not None:
            self._hold(request, lease, len(response.body))
        return response

    async def _lease(self, client: str, wanted: int) -> AnswerLease:
        if self.answers.available(client) >= wanted:  # the usual case: room, no await
            return AnswerLease(self.answers, client, self.answers.grant(client, wanted))
        lease = await self.answers.reserve(client, wanted)
        if lease is None:
            raise AnswersBusy()
        return lease

    def _hold(self, request: Request, lease: AnswerLease, size: int) -> None:
        """Keep ``size`` bytes reserved until the server has sent the answer (without the
        relay's server, as in-process tests run it, only until the answer is built)."""
        lease.resize(size)
        hold = request.scope.get("pj.hold_answer")
        if hold is None or not size:
            lease.release()
        else:
            hold(lease)

    async def _long_poll(
        self, recipient_id: bytes, limit: int, wait: int, hangup: Hangup | None, client: str
    ) -> tuple[list[StoredMessage], AnswerLease | None]:
        """Wait for a message until ``wait`` ends, or the client half-closed the connection
        (it can send nothing more: answer at once with what there is). Each look at the
        mailbox reserves room for its answer first."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            remaining = deadline - loop.time()
            if remaining <= 0:
                return [], None
            recheck = self.storage.recheck_interval(self.settings.poll_interval_seconds)
            if recheck is not None:
                remaining = min(remaining, recheck)
            handed = await self._wait_for(recipient_id, remaining, hangup)
            if handed is not None:
                size = answer_bytes_bound(len(handed.envelope))
                return [handed], await self._lease(client, size)
            lease = await self._lease(client, ONE_MESSAGE_ANSWER)
            try:
                messages = await self._fetch_once(recipient_id, limit, None, lease)
            except BaseException:
                lease.release()
                raise
            if messages or (hangup is not None and hangup.done):
                return messages, lease
            lease.release()

    async def _fetch_once(
        self, recipient_id: bytes, limit: int, nonce: NonceUse | None, lease: AnswerLease
    ) -> list[StoredMessage]:
        """Read the mailbox's oldest messages into ``lease``.

        The lease holds room for one message's answer while the statement runs (so a fetch
        that gets a 503 for want of room has recorded nothing, not even its nonce); the page
        is read up to what the budget has room for now, and the lease then grows to the
        answer's size, keeping the oldest messages that fit if others' answers took the room
        meanwhile. Reserving a full page (about 5.7 MB) for every statement in flight made
        43 queued fetches fill the relay's 256 MiB with room for answers that were mostly a
        single 1 KiB message, and the rest waited and got 503.
        """
        max_bytes = await self._page_bytes(lease)
        try:
            messages = await self.storage.fetch(recipient_id, limit, max_bytes, self._now(), nonce)
        except RelayError as exc:
            self._forget_if_gone(self.recipient_keys, recipient_id, exc)
            raise
        return _fit(lease, messages)

    async def _ack_and_fetch_once(
        self,
        recipient_id: bytes,
        message_ids: list[bytes],
        limit: int,
        nonce: NonceUse,
        lease: AnswerLease,
    ) -> tuple[int, list[StoredMessage]]:
        """:meth:`_fetch_once` with the ack before it in the same transaction (the read
        comes after the ids are gone)."""
        max_bytes = await self._page_bytes(lease)
        try:
            count, messages = await self.storage.ack_and_fetch(
                recipient_id, message_ids, nonce, limit, max_bytes, self._now()
            )
        except RelayError as exc:
            self._forget_if_gone(self.recipient_keys, recipient_id, exc)
            raise
        return count, _fit(lease, messages)

    async def _page_bytes(self, lease: AnswerLease) -> int:
        """The most envelope bytes a page may carry now (``lease`` holds one message's
        answer; answers read too slowly give way to a full page first, answers.py)."""
        await self.answers.make_room(lease, answer_bytes_bound(FETCH_MAX_BYTES))
        room = lease.amount + self.answers.available(lease.client)
        return min(FETCH_MAX_BYTES, envelope_bytes_within(room))

    async def _wait_for(
        self, recipient_id: bytes, timeout: float, hangup: Hangup | None
    ) -> StoredMessage | None:
        """Wait for a wake-up; return the message a send in this process handed over, if any.

        The timeout resolves the future with None, like a wake-up without a message (one
        timer, where ``asyncio.wait_for`` adds a second future and callbacks)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[StoredMessage | None] = loop.create_future()
        waiter = (self._registrations, future)
        self._registrations += 1
        waiters = self._waiters.setdefault(recipient_id, [])
        waiters.append(waiter)
        if hangup is not None:
            hangup.add(future)
        timer = loop.call_later(timeout, _resolve_empty, future)
        try:
            return await future
        finally:
            timer.cancel()
            if hangup is not None:
                hangup.discard(future)
            current = self._waiters.get(recipient_id)
            if current is not None:
                if waiter in current:
                    current.remove(waiter)
                if not current:
                    del self._waiters[recipient_id]

    def _wake(
        self, recipient_id: bytes, message: StoredMessage | None = None, before: int = 0
    ) -> None:
        """Wake the long-polls of ``recipient_id``: those registered under a number below
        ``before`` get ``message``, the others (and all, without a message) read the mailbox
        again."""
        for number, future in self._waiters.pop(recipient_id, []):
            if not future.done():
                future.set_result(message if number < before else None)

    async def ack(self, request: Request) -> Response:
        """POST /v1/mailboxes/{recipient_id}/ack with {"ids": [...]}; with ``limit`` or
        ``wait`` in the query it carries the next fetch (docs/protocol.md section 3, Ack)."""
        body = await self._read(request, JSON)
        recipient_id = self._path_id(request, "recipient_id")
        try:
            payload = json.loads(body.decode("utf-8"))  # UTF-8 only: bytes would be sniffed
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise bad_request("body is not JSON") from exc
        ids = payload.get("ids") if isinstance(payload, dict) else None
        if not isinstance(ids, list) or len(ids) > MAX_ACK_IDS:
            raise bad_request(f'body must be {{"ids": [...]}} with at most {MAX_ACK_IDS} ids')
        if not all(isinstance(item, str) for item in ids):
            raise bad_request("ids must be strings")
        message_ids = [decode_id(item, "message id") for item in ids]
        query = self._query(request)
        # Everything is checked before anything is done: a bad limit or wait acknowledges
        # nothing.
        fetching = any(name == "limit" or name == "wait" for name, _ in query.pairs)
        limit, wait = self._fetch_parameters(query.pairs) if fetching else (0, 0)
        signed = self._signed(request, body, query)
        nonce = await self.recipient_keys.authenticate(self.verifier, recipient_id, signed)
        if not fetching:
            count = await self.storage.ack(recipient_id, message_ids, nonce)
            return json_response(200, {"acknowledged": count})
        self.metrics.acks_with_fetch.inc()
        return await self._answer_fetch(request, recipient_id, limit, wait, nonce, message_ids)

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
        self.recipient_keys.forget(recipient_id)
        self.sender_keys.forget()
        self._wake(recipient_id)
        return Response(status_code=204)

    # -- public endpoints -----------------------------------------------------------------
    async def info(self, request: Request) -> Response:
        """GET /v1/info."""
        s = self.settings
        return json_response(
            200,
            {
                "protocol": PROTOCOL,
                "protocols": list(PROTOCOLS),
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
                "max_fetch": MAX_FETCH,
                "expires_idle_days": s.idle_mailbox_days,
            },
        )

    async def healthz(self, request: Request) -> Response:
        """GET /healthz: liveness. The process answers; no database work at all."""
        return json_response(200, {"status": "ok"})

    async def readyz(self, request: Request) -> Response:
        """GET /readyz: readiness. The database answered within the last second (one check at
        a time, whatever the number of callers), else 503."""
        if await self.ready():
            return json_response(200, {"status": "ready"})
        return json_response(503, {"status": "unavailable"}, {"Retry-After": "5"})

    async def ready(self) -> bool:
        """The cached result of the last database check, refreshed at most once a second."""
        loop = asyncio.get_running_loop()
        checked_at, ok = self._ready
        if loop.time() - checked_at < self.settings.readiness_cache_seconds:
            return ok
        if self._ready_check is None or self._ready_check.done():
            self._ready_check = asyncio.create_task(self._check_ready())
        return await asyncio.shield(self._ready_check)

    async def _check_ready(self) -> bool:
        ok = await self.storage.healthy()
        self._ready = (asyncio.get_running_loop().time(), ok)
        return ok

    async def metrics_text(self, request: Request) -> Response:
        """GET /metrics in the Prometheus text format."""
        totals = await self.storage.totals()
        self.metrics.answer_bytes.set(self.answers.held_total)
        body = self.metrics.render(totals)
        return Response(body, 200, media_type="text/plain; version=0.0.4; charset=utf-8")


def _fit(lease: AnswerLease, messages: list[StoredMessage]) -> list[StoredMessage]:
    """Grow ``lease`` to the answer of ``messages``, or of the oldest of them that fit.

    The lease already holds one message's answer, so at least one always fits."""
    room = lease.amount + lease.budget.available(lease.client)
    kept = 0
    total = 0
    for message in messages:
        if kept and answer_bytes_bound(total + len(message.envelope)) > room:
            break
        total += len(message.envelope)
        kept += 1
    lease.resize(answer_bytes_bound(total) if kept else 0)
    return messages if kept == len(messages) else messages[:kept]
