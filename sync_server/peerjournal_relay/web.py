"""Starlette glue: bounded body reads, content types, JSON answers and the exception handlers.

Everything the relay answers is ``{"error": {"code", "message"}}`` for errors
(docs/protocol.md section 4), also for Starlette's own 404 and 405.
"""

from __future__ import annotations

import asyncio
import json
import logging
import traceback
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Scope

from .errors import RelayError, StorageUnavailable, bad_request
from .metrics import KNOWN_METHODS

log = logging.getLogger("peerjournal_relay")
JSON = "application/json"
OCTETS = "application/octet-stream"
UNMATCHED = "unmatched"
# One encoder for every answer: json.dumps with options builds a new encoder on every call.
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
_JSON_TYPE = (b"content-type", JSON.encode("latin-1"))


class ClientGone(Exception):
    """The client went away before its request was read; nothing is answered."""


class Hangup:
    """One connection's end of input: the client half-closed it (EOF), so nothing more will
    arrive on it, or the server ends its long-poll to make room for a new connection. The
    server fires it; long-polls on the connection stop waiting."""

    __slots__ = ("_waiters", "done")

    def __init__(self) -> None:
        self.done = False
        self._waiters: list[asyncio.Future[Any]] = []

    @property
    def waiting(self) -> bool:
        """A long-poll on the connection is waiting."""
        return bool(self._waiters)

    def add(self, future: asyncio.Future[Any]) -> None:
        """Resolve ``future`` (with None) at the EOF."""
        self._waiters.append(future)

    def discard(self, future: asyncio.Future[Any]) -> None:
        """No longer interested."""
        if future in self._waiters:
            self._waiters.remove(future)

    def fire(self) -> None:
        """The client's EOF arrived."""
        self.done = True
        waiters, self._waiters = self._waiters, []
        for future in waiters:
            if not future.done():
                future.set_result(None)


class JSONAnswer(Response):
    """A JSON answer from its encoded body.

    What ``Response(body, status, headers, JSON)`` makes (the same headers in the same
    order) without its rendering and header handling for the answers without headers of
    their own, which are nearly all of them: two per delivered message."""

    media_type = JSON

    def __init__(
        self, body: bytes, status_code: int = 200, headers: dict[str, str] | None = None
    ) -> None:
        self.status_code = status_code
        self.background = None
        self.body = body
        if headers is None:
            self.raw_headers = [(b"content-length", b"%d" % len(body)), _JSON_TYPE]
        else:
            self.init_headers(headers)


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None) -> Response:
    """A compact UTF-8 JSON answer."""
    return JSONAnswer(_ENCODER.encode(payload).encode("utf-8"), status, headers)


def error_response(error: RelayError) -> Response:
    """The protocol's error body for ``error``."""
    return json_response(
        error.status, {"error": {"code": error.code, "message": error.message}}, error.headers
    )


def header_values(scope: Scope, name: bytes) -> list[bytes]:
    """Every value of header ``name`` (lower case), from a map made once per request."""
    headers: dict[bytes, list[bytes]] | None = scope.get("pj.headers")
    if headers is None:
        headers = {}
        for key, value in scope["headers"]:
            if key in headers:
                headers[key].append(value)
            else:
                headers[key] = [value]
        scope["pj.headers"] = headers
    return headers.get(name, [])


def single_header(scope: Scope, name: bytes) -> str | None:
    """The value of a header that must appear at most once (repeated: 400 bad_request)."""
    values = header_values(scope, name)
    if not values:
        return None
    if len(values) > 1:
        raise bad_request(f"repeated header {name.decode()}")
    return values[0].decode("latin-1").strip()


def require_content_type(request: Request, expected: str) -> None:
    """415 unsupported_media_type unless the body is declared as ``expected``."""
    declared = header_values(request.scope, b"content-type")
    media = (
        declared[0].decode("latin-1").split(";", 1)[0].strip().lower() if len(declared) == 1 else ""
    )
    if media != expected:
        raise RelayError(415, "unsupported_media_type", f"Content-Type must be {expected}")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body; 413 as soon as it is known to exceed ``limit``.

    A body that does not arrive in time is cut off by the server (``server.py``): the
    connection closes and this raises :class:`ClientGone`.
    """
    text = single_header(request.scope, b"content-length")
    if text is not None:
        if not (text.isascii() and text.isdigit()) or len(text) > 18:
            raise bad_request("bad Content-Length")
        if int(text) > limit:
            raise too_large(limit)
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            raise ClientGone()
        chunk = message.get("body", b"")
        if chunk:
            size += len(chunk)
            if size > limit:
                raise too_large(limit)
            chunks.append(chunk)
        if not message.get("more_body", False):
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def too_large(limit: int) -> RelayError:
    """413 payload_too_large."""
    return RelayError(413, "payload_too_large", f"body over {limit} bytes")


# -- exception handlers (Starlette calls them with the request and the exception) ----------
async def on_relay_error(request: Request, exc: Exception) -> Response:
    """A protocol error."""
    assert isinstance(exc, RelayError)
    request.scope["pj.error"] = exc.code
    return error_response(exc)


async def on_http_exception(request: Request, exc: Exception) -> Response:
    """Starlette's routing answers (404, 405) in the protocol's error form."""
    assert isinstance(exc, HTTPException)
    request.scope["pj.error"] = {404: "not_found", 405: "method_not_allowed"}.get(
        exc.status_code, "bad_request"
    )
    if exc.status_code == 405:
        allow = (exc.headers or {}).get("Allow", "")
        methods = ", ".join(sorted(m.strip() for m in allow.split(",") if m.strip()))
        return error_response(
            RelayError(
                405,
                "method_not_allowed",
                "method not allowed on this route",
                headers={"Allow": methods},
            )
        )
    if exc.status_code == 404:
        return error_response(RelayError(404, "not_found", "no such route"))
    return error_response(RelayError(exc.status_code, "bad_request", "malformed request"))


async def on_storage_unavailable(request: Request, exc: Exception) -> Response:
    """503 unavailable with Retry-After: the database cannot be reached now."""
    request.scope["pj.error"] = "unavailable"
    return json_response(
        503,
        {"error": {"code": "unavailable", "message": "storage unavailable, retry later"}},
        {"Retry-After": "5"},
    )


async def on_client_gone(request: Request, exc: Exception) -> Response:
    """Nobody is listening; the outer layer counts it as status 499 and sends nothing."""
    return Response(b"", 499)


async def on_bug(request: Request, exc: Exception) -> Response:
    """500 internal_error, logged before answering (types and frames, never content)."""
    request.scope["pj.error"] = "internal_error"
    log_bug(request.scope, exc)
    return json_response(
        500, {"error": {"code": "internal_error", "message": "internal error (a bug)"}}
    )


def method_label(method: str) -> str:
    """The method as logs and metrics show it: a known method, else OTHER (client text)."""
    return method if method in KNOWN_METHODS else "OTHER"


def route_template(scope: Scope) -> str:
    """The matched route's template (never the path itself), or ``unmatched``."""
    route = scope.get("route")
    return str(route.path) if route is not None else UNMATCHED


def bug_summary(exc: BaseException) -> str:
    """Exception types and code locations only: never messages, which may carry content."""
    parts = []
    for frame in traceback.extract_tb(exc.__traceback__):
        parts.append(f"{Path(frame.filename).name}:{frame.lineno} {frame.name}")
    return f"{type(exc).__name__} at " + " < ".join(reversed(parts[-8:]))


def log_bug(scope: Scope, exc: BaseException) -> None:
    """Record a bug once per request: method label, route template, types and frames."""
    if scope.get("pj.bug_logged"):
        return
    scope["pj.bug_logged"] = True
    log.error(
        "bug while handling %s %s: %s",
        method_label(str(scope.get("method", ""))),
        route_template(scope),
        bug_summary(exc),
    )


EXCEPTION_HANDLERS: dict[Any, Any] = {
    RelayError: on_relay_error,
    HTTPException: on_http_exception,
    StorageUnavailable: on_storage_unavailable,
    ClientGone: on_client_gone,
    Exception: on_bug,
}
