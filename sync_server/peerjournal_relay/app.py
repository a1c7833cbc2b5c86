"""The relay's ASGI application: routing, limits, metrics, errors and the periodic sweep.

Built on raw ASGI with a few Starlette-sized helpers (``http.py``) because every request is
small and the relay must sustain over a thousand signed sends per second on two cores.
Nothing here logs ids, keys, envelope bytes or client addresses: logs carry route templates
and statuses only.
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
from typing import Any

from .config import Settings
from .errors import RelayError, StorageUnavailable
from .handlers import Endpoints
from .http import (
    ASGIReceive,
    ASGISend,
    ClientGone,
    Request,
    Response,
    Route,
    Router,
    error_response,
    json_response,
    parse_headers,
    read_body,
)
from .metrics import RelayMetrics
from .openapi import openapi_schema
from .ratelimit import RateLimiter, retry_after_header
from .storage import make_storage
from .storage.base import Storage, SweepResult

log = logging.getLogger("peerjournal_relay")
access_log = logging.getLogger("peerjournal_relay.access")
UNMATCHED = "unmatched"
UNLIMITED_ROUTES = frozenset({"/healthz", "/metrics"})
DAY = 86400


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
        self.endpoints = Endpoints(settings, self.storage, self.metrics, clock, key)
        self.limiter = RateLimiter(settings.rate_limit_per_second, settings.rate_limit_burst, key)
        self.clock = clock
        self.loop: asyncio.AbstractEventLoop | None = None
        self._sweeper: asyncio.Task[None] | None = None
        self._schema = json.dumps(openapi_schema(settings), separators=(",", ":")).encode()
        e = self.endpoints
        self.router = Router(
            [
                Route.make("/v1/mailboxes", {"POST": e.create_mailbox}),
                Route.make("/v1/mailboxes/{sender_id}/secure", {"POST": e.secure}),
                Route.make(
                    "/v1/mailboxes/{sender_id}/messages/{message_id}", {"PUT": e.put_message}
                ),
                Route.make("/v1/mailboxes/{recipient_id}/messages", {"GET": e.fetch}),
                Route.make("/v1/mailboxes/{recipient_id}/ack", {"POST": e.ack}),
                Route.make("/v1/mailboxes/{recipient_id}", {"GET": e.status, "DELETE": e.delete}),
                Route.make("/v1/info", {"GET": e.info}),
                Route.make("/healthz", {"GET": e.healthz}),
                Route.make("/metrics", {"GET": e.metrics_text}),
                Route.make("/openapi.json", {"GET": self._openapi}),
            ]
        )

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
        self.endpoints.creation_limiter.prune()
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
            except Exception:
                log.exception("bug in the sweep task")
            await asyncio.sleep(self.settings.sweep_interval_seconds)

    # -- ASGI --------------------------------------------------------------------------------
    async def __call__(self, scope: dict[str, Any], receive: ASGIReceive, send: ASGISend) -> None:
        """ASGI entry point."""
        kind = scope["type"]
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)

    async def _lifespan(self, receive: ASGIReceive, send: ASGISend) -> None:
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

    def _client_address(self, scope: dict[str, Any], headers: dict[str, str]) -> str:
        if self.settings.trust_forwarded_for:
            forwarded = headers.get("x-forwarded-for")
            if forwarded:
                return forwarded.split(",")[-1].strip()
        client = scope.get("client")
        return str(client[0]) if client else ""

    async def _http(self, scope: dict[str, Any], receive: ASGIReceive, send: ASGISend) -> None:
        started = time.perf_counter()
        method = str(scope.get("method", ""))
        template = UNMATCHED
        try:
            template, response = await self._handle(scope, receive, method)
        except ClientGone:
            return
        self.metrics.observe(template, method, response.status, time.perf_counter() - started)
        if self.settings.access_log:
            access_log.info(
                "%s %s %d %.1fms",
                method if method.isalpha() and len(method) < 10 else "OTHER",
                template,
                response.status,
                (time.perf_counter() - started) * 1000,
            )
        with contextlib.suppress(OSError):
            await response.send(send)

    async def _handle(
        self, scope: dict[str, Any], receive: ASGIReceive, method: str
    ) -> tuple[str, Response]:
        template = UNMATCHED
        try:
            raw_path_bytes = scope.get("raw_path") or scope["path"].encode("utf-8")
            raw_path = raw_path_bytes.decode("ascii").partition("?")[0]
            headers = parse_headers(scope.get("headers", []))
            found = self.router.find(raw_path)
            if found is not None:
                template = found[0].template
            client = self._client_address(scope, headers)
            if template not in UNLIMITED_ROUTES:
                wait = self.limiter.check(client)
                if wait:
                    raise RelayError(
                        429,
                        "rate_limited",
                        "too many requests",
                        headers={"Retry-After": retry_after_header(wait)},
                    )
            if found is None:
                raise RelayError(404, "not_found", "no such route")
            route, params = found
            handler = route.methods.get(method)
            if handler is None:
                raise RelayError(
                    405,
                    "method_not_allowed",
                    "method not allowed on this route",
                    headers={"Allow": ", ".join(sorted(route.methods))},
                )
            body = await read_body(receive, headers, self.settings.max_body_bytes)
            request = Request(
                method=method,
                raw_path=raw_path,
                raw_query=scope.get("query_string", b""),
                headers=headers,
                client=client,
                params=params,
                body=body,
            )
            response = await handler(request)
        except ClientGone:
            raise
        except RelayError as exc:
            response = error_response(exc)
        except UnicodeDecodeError:
            response = error_response(RelayError(400, "bad_request", "malformed path"))
        except StorageUnavailable:
            response = json_response(
                503,
                {"error": {"code": "unavailable", "message": "storage unavailable, retry later"}},
                {"Retry-After": "5"},
            )
        except Exception:
            log.exception("bug while handling %s %s", method[:10], template)
            response = json_response(
                500, {"error": {"code": "internal_error", "message": "internal error (a bug)"}}
            )
        return template, response

    async def _openapi(self, request: Request) -> Response:
        return Response(200, self._schema, "application/json")


def create_app(settings: Settings) -> Relay:
    """The relay application for ``settings`` (storage opened at ASGI lifespan startup)."""
    return Relay(settings)
