"""The relay's ASGI application: the rate limiter first, then Starlette routing and handlers.

Every HTTP request passes the rate limiter before anything else looks at it (path, headers
or body). The path Starlette routes on is the raw path as sent, never percent-decoded, so
the route parameters are exactly the text the client signed. Logs carry route templates and
statuses only: never ids, keys, envelope bytes, client addresses or client-chosen text.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

from .addresses import client_group
from .config import Settings
from .errors import RelayError, StorageUnavailable
from .handlers import Endpoints
from .metrics import RelayMetrics
from .openapi import openapi_schema
from .ratelimit import Limiter, RateLimiter, SharedRateLimiter, TokenStore, rate_limited
from .routes import HotRoutes, operations, starlette_routes
from .storage import make_storage
from .storage.base import Storage, SweepResult
from .web import (
    EXCEPTION_HANDLERS,
    bug_summary,
    error_response,
    header_values,
    log_bug,
    method_label,
    route_template,
)

log = logging.getLogger("peerjournal_relay")
access_log = logging.getLogger("peerjournal_relay.access")
DAY = 86400


NO_STORE = (b"cache-control", b"no-store")  # on every answer: nothing here may be cached


async def send_whole(send: Send, response: Response, scope: Scope) -> int:
    """Send an answer the relay built (body in hand, no background task) with
    ``Cache-Control: no-store``: in one piece through the relay's server when it serves the
    request (``server.AnswerWriter``), else as the two ASGI messages ``response(...)`` would
    send without its layers. Two of them per delivered message. Return its status; a 499
    (the client is gone) sends nothing, and a connection that failed meanwhile is left
    alone."""
    status = response.status_code
    if status != 499:
        whole = scope.get("pj.answer")
        if whole is not None and whole(status, response.raw_headers, response.body):
            return status
        headers = [*response.raw_headers, NO_STORE]
        # not contextlib.suppress: it makes an object and two calls per answer
        try:
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": response.body})
        except OSError:
            pass
    return status


class Relay:
    """The ASGI callable: ``uvicorn.run(Relay(settings))``."""

    def __init__(
        self,
        settings: Settings,
        storage: Storage | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.storage = storage if storage is not None else make_storage(settings)
        self.metrics = RelayMetrics()
        key = bytes.fromhex(settings.rate_limit_key) if settings.rate_limit_key else None
        per_hour = settings.mailbox_creations_per_hour
        self.local_limiter = RateLimiter(
            settings.rate_limit_per_second, settings.rate_limit_burst, key
        )
        self.limiter: Limiter = self.local_limiter
        self.creation_limiter: Limiter = RateLimiter(per_hour / 3600.0, per_hour, key)
        take_tokens = getattr(self.storage, "take_tokens", None)
        if take_tokens is not None:  # PostgreSQL: the buckets are shared by every instance
            store: TokenStore = self.storage  # type: ignore[assignment]
            self.limiter = SharedRateLimiter(
                store, settings.rate_limit_per_second, settings.rate_limit_burst, key, b"r"
            )
            self.creation_limiter = SharedRateLimiter(store, per_hour / 3600.0, per_hour, key, b"c")
        self.endpoints = Endpoints(
            settings, self.storage, self.metrics, self.creation_limiter, clock
        )
        self.clock = clock
        self.loop: asyncio.AbstractEventLoop | None = None
        self._sweeper: asyncio.Task[None] | None = None
        self.operations = operations(self.endpoints, self._openapi)
        self._schema = json.dumps(
            openapi_schema(self.operations, settings), separators=(",", ":")
        ).encode()
        self.web = Starlette(
            routes=starlette_routes(self.operations), exception_handlers=EXCEPTION_HANDLERS
        )
        self.web.router.redirect_slashes = False
        self._hot = HotRoutes(self.endpoints, self.web.router.routes)

    # -- lifecycle -------------------------------------------------------------------------
    async def startup(self) -> None:
        """Open the storage and start the sweep task."""
        self.loop = asyncio.get_running_loop()
        await self.storage.open()
        self._sweeper = asyncio.create_task(self._sweep_forever(), name="relay-sweep")

    async def shutdown(self) -> None:
        """Stop the sweep and close the storage."""
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
            self._sweeper = None
        await self.storage.close()

    async def sweep_once(self, now: int | None = None) -> SweepResult:
        """Delete expired messages, idle mailboxes and nonces; refresh the disk check."""
        now = int(self.clock()) if now is None else now
        s = self.settings
        result = await self.storage.sweep(
            now, int(s.ttl_days * DAY), int(s.idle_mailbox_days * DAY)
        )
        self.metrics.sweep(result)
        self.limiter.prune()
        self.creation_limiter.prune()
        if self.storage.name == "sqlite":
            self.endpoints.disk_full = await asyncio.to_thread(self._disk_low)
        if result.mailboxes:
            # Cached keys of swept mailboxes must not outlive them.
            self.endpoints.forget_keys()
        return result

    def _disk_low(self) -> bool:
        try:
            free = shutil.disk_usage(Path(self.settings.data_dir)).free
        except OSError:
            return False
        low = free < self.settings.min_free_disk_bytes
        if low:
            log.warning("free disk space below min_free_disk_bytes: refusing new messages")
        return low

    async def _sweep_forever(self) -> None:
        while True:
            try:
                result = await self.sweep_once()
                if result.messages or result.mailboxes:
                    log.info(
                        "sweep removed %d messages and %d idle mailboxes",
                        result.messages,
                        result.mailboxes,
                    )
            except StorageUnavailable:
                log.warning("sweep skipped: storage unavailable")
            except Exception as exc:
                log.error("bug in the sweep task: %s", bug_summary(exc))
            await asyncio.sleep(self.settings.sweep_interval_seconds)

    # -- ASGI --------------------------------------------------------------------------------
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """ASGI entry point."""
        kind = scope["type"]
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    await self.startup()
                except Exception as exc:
                    log.error("relay failed to start: %s", exc)
                    await send({"type": "lifespan.startup.failed", "message": str(exc)})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.shutdown()
                await send({"type": "lifespan.shutdown.complete"})
                return

    def client_address(self, scope: Scope) -> str:
        """Who the request counts as: the peer address, or the last X-Forwarded-For entry when
        the proxy is trusted, an IPv6 address grouped by its /64 (see addresses.py)."""
        if self.settings.trust_forwarded_for:
            # the request's header map, which the handler needs anyway (web.header_values)
            forwarded = header_values(scope, b"x-forwarded-for")
            if forwarded and forwarded[-1]:
                return client_group(forwarded[-1].rsplit(b",", 1)[-1].strip().decode("latin-1"))
        client = scope.get("client")
        return client_group(str(client[0])) if client else ""

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        status = 0

        async def send_answer(message: Message) -> None:
            """Starlette's answers: each message on its way, with the status noted."""
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                if status == 499:  # the client is gone: nothing to send
                    return
                message["headers"] = [*message.get("headers", ()), NO_STORE]
            elif status == 499:
                return
            with contextlib.suppress(OSError):
                await send(message)

        client = self.client_address(scope)
        scope["pj.client"] = client
        wait = await self.limiter.check(client)
        try:
            if wait:
                scope["pj.error"] = "rate_limited"
                status = await send_whole(send, error_response(rate_limited(wait)), scope)
            else:
                raw_path: bytes = scope.get("raw_path") or scope["path"].encode("utf-8")
                try:
                    scope["path"] = raw_path.decode("ascii")
                except UnicodeDecodeError:
                    error = RelayError(400, "bad_request", "malformed path")
                    status = await send_whole(send, error_response(error), scope)
                else:
                    hot = self._hot.match(scope)
                    if hot is not None:
                        answer = await self._hot.serve(hot, scope, receive)
                        status = await send_whole(send, answer, scope)
                    else:
                        await self.web(scope, receive, send_answer)
        except Exception as exc:
            # Starlette answered 500 through EXCEPTION_HANDLERS (which logged it), then
            # re-raised; anything else escaping is logged here.
            log_bug(scope, exc)
        # the writer refers to uvicorn's cycle, which refers to the scope: without this the
        # three would be garbage only the cyclic collector finds
        scope.pop("pj.answer", None)
        self._record(scope, status, started)

    def _record(self, scope: Scope, status: int, started: float) -> None:
        template = route_template(scope)
        method = method_label(scope["method"])
        elapsed = time.perf_counter() - started
        self.metrics.observe(template, method, status, elapsed)
        code = scope.get("pj.error")
        if code is not None:
            self.metrics.error(code)
        if self.settings.access_log:
            access_log.info("%s %s %d %.1fms", method, template, status, elapsed * 1000)

    async def _openapi(self, request: Request) -> Response:
        return Response(self._schema, 200, media_type="application/json")


def create_app(settings: Settings) -> Relay:
    """The relay application for ``settings`` (storage opened at ASGI lifespan startup)."""
    return Relay(settings)
