"""Thin HTTP plumbing on raw ASGI: routing by template, bounded body reading, JSON answers."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import RelayError, bad_request

ASGIReceive = Callable[[], Awaitable[dict[str, Any]]]
ASGISend = Callable[[dict[str, Any]], Awaitable[None]]


class ClientGone(Exception):
    """The client disconnected before sending the whole body."""


@dataclass
class Request:
    """What a handler sees: raw path as sent, parsed query, headers, body and path parameters."""

    method: str
    raw_path: str
    raw_query: bytes
    headers: dict[str, str]
    client: str = ""
    params: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass
class Response:
    """A complete answer."""

    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    async def send(self, send: ASGISend) -> None:
        """Write the answer to the ASGI ``send`` channel."""
        raw_headers = [(b"content-length", str(len(self.body)).encode("ascii"))]
        if self.body or self.status not in (204, 304):
            raw_headers.append((b"content-type", self.content_type.encode("ascii")))
        raw_headers.append((b"cache-control", b"no-store"))
        for name, value in self.headers.items():
            raw_headers.append((name.lower().encode("ascii"), value.encode("latin-1")))
        await send({"type": "http.response.start", "status": self.status, "headers": raw_headers})
        await send({"type": "http.response.body", "body": self.body})


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None) -> Response:
    """A compact UTF-8 JSON answer."""
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return Response(status, body, "application/json", headers or {})


def error_response(error: RelayError) -> Response:
    """The protocol's error body for ``error``."""
    return json_response(
        error.status, {"error": {"code": error.code, "message": error.message}}, error.headers
    )


def parse_headers(raw: list[tuple[bytes, bytes]]) -> dict[str, str]:
    """Lower-cased header names to values; a repeated ``pj-*`` header is malformed."""
    headers: dict[str, str] = {}
    for name_raw, value_raw in raw:
        name = name_raw.decode("latin-1").lower()
        value = value_raw.decode("latin-1")
        if name in headers:
            if name.startswith("pj-") or name == "content-length":
                raise bad_request(f"repeated header {name}")
            headers[name] = headers[name] + "," + value
        else:
            headers[name] = value
    return headers


async def read_body(receive: ASGIReceive, headers: dict[str, str], limit: int) -> bytes:
    """Read the request body; 413 as soon as it is known to exceed ``limit``."""
    declared = headers.get("content-length")
    if declared is not None:
        text = declared.strip()
        if not (text.isascii() and text.isdigit()) or len(text) > 18:
            raise bad_request("bad Content-Length")
        if int(text) > limit:
            raise RelayError(413, "payload_too_large", f"body over {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone()
        chunk = message.get("body", b"")
        if chunk:
            size += len(chunk)
            if size > limit:
                raise RelayError(413, "payload_too_large", f"body over {limit} bytes")
            chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


Handler = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Route:
    """A path template such as ``/v1/mailboxes/{recipient_id}`` and its handlers by method."""

    template: str
    methods: dict[str, Handler]
    parts: tuple[str, ...] = ()

    @classmethod
    def make(cls, template: str, methods: dict[str, Handler]) -> Route:
        """Build a route, splitting its template once."""
        return cls(template, methods, tuple(template.strip("/").split("/")))

    def match(self, segments: list[str]) -> dict[str, str] | None:
        """Path parameters when ``segments`` fit this template, else None."""
        if len(segments) != len(self.parts):
            return None
        params: dict[str, str] = {}
        for part, segment in zip(self.parts, segments, strict=True):
            if part.startswith("{"):
                if not segment:
                    return None
                params[part[1:-1]] = segment
            elif part != segment:
                return None
        return params


class Router:
    """Finds the route for a path; answers with the template for metrics and logs."""

    def __init__(self, routes: list[Route]) -> None:
        self.routes = routes

    def find(self, path: str) -> tuple[Route, dict[str, str]] | None:
        """The first route matching ``path`` and its parameters."""
        segments = path.strip("/").split("/") if path.startswith("/") else []
        if not segments or (path.endswith("/") and path != "/"):
            return None
        for route in self.routes:
            params = route.match(segments)
            if params is not None:
                return route, params
        return None
