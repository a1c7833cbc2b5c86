"""The route table, declared once: Starlette routes and the OpenAPI document come from it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope

from .handlers import Endpoints
from .web import EXCEPTION_HANDLERS, JSON, OCTETS

Handler = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Query:
    """A query parameter: a decimal integer with a lower bound (larger values are clamped)."""

    name: str
    minimum: int
    description: str


@dataclass(frozen=True)
class Operation:
    """One method on one path, with everything the OpenAPI document says about it."""

    method: str
    path: str
    handler: Handler
    summary: str
    success: dict[int, str]
    signed: bool = False
    new_key: bool = False
    body: str | None = None
    query: tuple[Query, ...] = ()
    errors: dict[int, str] = field(default_factory=dict)
    uses_storage: bool = True


SIGNED_ERRORS = {
    400: "bad_request (malformed id, query or header)",
    401: "auth_failed, stale_request or replayed_request",
}
BODY_ERRORS = {
    413: "payload_too_large",
    415: "unsupported_media_type",
}


FETCH_QUERY = (
    Query("limit", 1, "at most this many messages (default 100; above 500 is 500)"),
    Query("wait", 0, "seconds to hold an empty answer (default 0; above 30 is 30)"),
)
FETCH_UNAVAILABLE = (
    "unavailable: storage cannot be reached, or the answers waiting to be sent fill the "
    "relay's memory budget; retry later (Retry-After header)"
)


def operations(e: Endpoints, openapi: Handler) -> list[Operation]:
    """Every operation of the relay (docs/protocol.md section 3)."""
    return [
        Operation(
            "POST",
            "/v1/mailboxes",
            e.create_mailbox,
            "Create a mailbox (signed by the new recipient key in PJ-Key)",
            {201: "Created"},
            signed=True,
            new_key=True,
            errors={507: "relay_full"},
        ),
        Operation(
            "POST",
            "/v1/mailboxes/{sender_id}/secure",
            e.secure,
            "Set the sender key once (signed by that key, in PJ-Key)",
            {204: ""},
            signed=True,
            new_key=True,
            errors={409: "already_secured"},
        ),
        Operation(
            "PUT",
            "/v1/mailboxes/{sender_id}/messages/{message_id}",
            e.put_message,
            "Store an envelope (idempotent by message id)",
            {201: "Stored", 200: "Stored"},
            signed=True,
            body=OCTETS,
            errors={
                400: "bad_request or bad_envelope_size",
                409: "message_conflict or mailbox_full",
                507: "relay_full",
            },
        ),
        Operation(
            "GET",
            "/v1/mailboxes/{recipient_id}/messages",
            e.fetch,
            "Fetch the oldest messages, long-polling up to `wait` seconds",
            {200: "Messages"},
            signed=True,
            query=FETCH_QUERY,
            errors={503: FETCH_UNAVAILABLE},
        ),
        Operation(
            "POST",
            "/v1/mailboxes/{recipient_id}/ack",
            e.ack,
            "Acknowledge (delete) messages by id; with `limit` or `wait`, then fetch as GET "
            "…/messages does (the answer adds `messages`)",
            {200: "Acknowledged"},
            signed=True,
            body=JSON,
            query=FETCH_QUERY,
            errors={503: FETCH_UNAVAILABLE},
        ),
        Operation(
            "GET",
            "/v1/mailboxes/{recipient_id}",
            e.status,
            "Mailbox status",
            {200: "Status"},
            signed=True,
        ),
        Operation(
            "DELETE",
            "/v1/mailboxes/{recipient_id}",
            e.delete,
            "Delete the mailbox and its messages",
            {204: ""},
            signed=True,
        ),
        Operation(
            "GET", "/v1/info", e.info, "Version and limits", {200: "Info"}, uses_storage=False
        ),
        Operation(
            "GET",
            "/healthz",
            e.healthz,
            "Liveness: the process answers (no database work)",
            {200: "Health"},
            uses_storage=False,
        ),
        Operation(
            "GET",
            "/readyz",
            e.readyz,
            "Readiness: the database answers (checked at most once a second)",
            {200: "Health"},
            errors={503: "the database does not answer"},
            uses_storage=False,
        ),
        Operation(
            "GET",
            "/metrics",
            e.metrics_text,
            "Prometheus metrics (aggregate counters only)",
            {200: "text"},
        ),
        Operation(
            "GET",
            "/openapi.json",
            openapi,
            "This document",
            {200: "OpenAPI"},
            uses_storage=False,
        ),
    ]


def starlette_routes(ops: list[Operation]) -> list[Route]:
    """One Starlette route per path, with the methods its operations declare."""
    by_path: dict[str, dict[str, Handler]] = {}
    for op in ops:
        by_path.setdefault(op.path, {})[op.method] = op.handler
    routes = []
    for path, methods in by_path.items():
        routes.append(Route(path, _dispatch(methods), methods=list(methods)))
    return routes


def _dispatch(methods: dict[str, Handler]) -> Handler:
    if len(methods) == 1:
        return next(iter(methods.values()))

    async def by_method(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await methods[method](request)

    return by_method


MESSAGE_PATH = "/v1/mailboxes/{sender_id}/messages/{message_id}"
MESSAGES_PATH = "/v1/mailboxes/{recipient_id}/messages"
ACK_PATH = "/v1/mailboxes/{recipient_id}/ack"


class HotRoutes:
    """The three requests of every delivered message (send, fetch, ack), routed without
    Starlette's router and middleware, which cost about as much as the handler's own work.

    The same handlers, the same Starlette requests and responses, and the same exception
    handlers: only the routing differs. Whatever else arrives (another method on these
    paths, a path that is not quite one of them) goes through Starlette as before.
    """

    def __init__(self, endpoints: Endpoints, routes: Sequence[BaseRoute]) -> None:
        by_path = {route.path: route for route in routes if isinstance(route, Route)}
        self._put = (by_path[MESSAGE_PATH], endpoints.put_message)
        self._fetch = (by_path[MESSAGES_PATH], endpoints.fetch)
        self._ack = (by_path[ACK_PATH], endpoints.ack)

    def match(self, scope: Scope) -> tuple[Route, Handler, dict[str, str]] | None:
        """The route, handler and path parameters when the request is one of the three.

        Equal to Starlette's match of these templates: each parameter is one non-empty
        path segment.
        """
        parts = scope["path"].split("/")
        count = len(parts)
        if count < 5 or count > 6 or parts[1] != "v1" or parts[2] != "mailboxes":
            return None
        mailbox = parts[3]
        if not mailbox:
            return None
        method = scope["method"]
        if count == 6:
            if method == "PUT" and parts[4] == "messages" and parts[5]:
                route, handler = self._put
                return route, handler, {"sender_id": mailbox, "message_id": parts[5]}
            return None
        if method == "GET" and parts[4] == "messages":
            route, handler = self._fetch
        elif method == "POST" and parts[4] == "ack":
            route, handler = self._ack
        else:
            return None
        return route, handler, {"recipient_id": mailbox}

    @staticmethod
    async def serve(
        hot: tuple[Route, Handler, dict[str, str]], scope: Scope, receive: Receive
    ) -> Response:
        """Run the handler; its answer, or for an error the answer of the relay's
        exception handlers, looked up as Starlette does (the exception's classes in
        order). The caller sends it (``app.send_whole``)."""
        route, handler, params = hot
        scope["route"] = route
        scope["path_params"] = params
        request = Request(scope, receive)
        try:
            return await handler(request)
        except Exception as exc:
            return await _handled(request, exc)


async def _handled(request: Request, exc: Exception) -> Response:
    on_error: Any = None
    for kind in type(exc).__mro__:
        on_error = EXCEPTION_HANDLERS.get(kind)
        if on_error is not None:
            break
    response: Response = await on_error(request, exc)
    return response
