"""The direct routing of the three hot requests answers exactly as Starlette's routing does."""

from __future__ import annotations

import asyncio
import base64
import secrets
from pathlib import Path
from typing import Any

import pytest
from peerjournal_relay.app import Relay
from peerjournal_relay.config import Settings
from starlette.types import Message


def _id() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(16)).rstrip(b"=").decode()


BOX, MID = _id(), _id()
# (method, path, headers, body): the hot routes themselves and their near misses
REQUESTS = [
    ("PUT", f"/v1/mailboxes/{BOX}/messages/{MID}", [], b""),
    ("PUT", f"/v1/mailboxes/{BOX}/messages/{MID}", [(b"content-type", b"text/plain")], b"x"),
    (
        "PUT",
        f"/v1/mailboxes/{BOX}/messages/{MID}",
        [(b"content-type", b"application/octet-stream"), (b"pj-timestamp", b"01")],
        b"x",
    ),
    ("PUT", "/v1/mailboxes/not-an-id/messages/x", [(b"pj-nonce", b"a"), (b"pj-nonce", b"b")], b""),
    ("PATCH", f"/v1/mailboxes/{BOX}/messages/{MID}", [], b""),
    ("PUT", f"/v1/mailboxes/{BOX}/messages/", [], b""),
    ("PUT", f"/v1/mailboxes/{BOX}/messages/{MID}/", [], b""),
    ("PUT", f"/v1/mailboxes//messages/{MID}", [], b""),
    ("GET", f"/v1/mailboxes/{BOX}/messages", [], b""),
    ("GET", f"/v1/mailboxes/{BOX}/messages?limit=0", [], b""),
    ("HEAD", f"/v1/mailboxes/{BOX}/messages", [], b""),
    ("DELETE", f"/v1/mailboxes/{BOX}/messages", [], b""),
    ("GET", "/v1/mailboxes//messages", [], b""),
    ("GET", f"/v2/mailboxes/{BOX}/messages", [], b""),
    ("POST", f"/v1/mailboxes/{BOX}/ack", [(b"content-type", b"application/json")], b"{"),
    ("POST", f"/v1/mailboxes/{BOX}/ack", [(b"content-type", b"application/json")], b"{}"),
    ("POST", f"/v1/mailboxes/{BOX}/ack", [], b'{"ids": []}'),
    ("GET", f"/v1/mailboxes/{BOX}/ack", [], b""),
    ("POST", f"/v1/mailboxes/{BOX}/acks", [], b""),
    ("POST", f"/v1/boxes/{BOX}/ack", [], b""),
]


async def _answer(app: Any, method: str, target: str, headers: Any, body: bytes) -> Any:
    path, _, query = target.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"relay"), *headers],
        "client": ("203.0.113.5", 40000),
        "server": ("127.0.0.1", 80),
    }
    sent: list[Message] = []
    received = False

    async def receive() -> Message:
        nonlocal received
        if received:
            await asyncio.Event().wait()
        received = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    start = sent[0]
    return (
        start["status"],
        sorted(start.get("headers", [])),
        b"".join(m.get("body", b"") for m in sent[1:]),
        scope.get("route").path if scope.get("route") is not None else None,
        scope.get("pj.error"),
    )


@pytest.mark.parametrize(("method", "path", "headers", "body"), REQUESTS)
def test_hot_routes_answer_as_starlette_routing_does(
    tmp_path: Path, method: str, path: str, headers: Any, body: bytes
) -> None:
    async def both() -> tuple[Any, Any]:
        relay = Relay(Settings().with_overrides({"data_dir": str(tmp_path)}).validate())
        await relay.startup()
        try:
            hot = await _answer(relay, method, path, headers, body)
            # the same request with the direct routing out of the way
            relay._hot.match = lambda scope: None  # type: ignore[method-assign]
            routed = await _answer(relay, method, path, headers, body)
        finally:
            await relay.shutdown()
        return hot, routed

    hot, routed = asyncio.run(both())
    assert hot == routed
    assert hot[0] >= 400  # none of these requests is valid: each is refused the same way


def test_only_the_three_hot_requests_skip_starlette_routing(tmp_path: Path) -> None:
    relay = Relay(Settings().with_overrides({"data_dir": str(tmp_path)}).validate())
    matched = {
        (method, path)
        for method, path, _headers, _body in REQUESTS
        if relay._hot.match({"method": method, "path": path.partition("?")[0]}) is not None
    }
    assert matched == {
        ("PUT", f"/v1/mailboxes/{BOX}/messages/{MID}"),
        ("PUT", "/v1/mailboxes/not-an-id/messages/x"),
        ("GET", f"/v1/mailboxes/{BOX}/messages"),
        ("GET", f"/v1/mailboxes/{BOX}/messages?limit=0"),
        ("POST", f"/v1/mailboxes/{BOX}/ack"),
    }
