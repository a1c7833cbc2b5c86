"""Hostile input never produces a 5xx: hypothesis-generated requests and raw garbage bytes."""

from __future__ import annotations

import socket
import string

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from relay_helpers import Client, RelayThread, b64u

SEGMENTS = st.one_of(
    st.sampled_from(
        ["v1", "mailboxes", "messages", "ack", "secure", "info", "healthz", "metrics", "", ".."]
    ),
    st.text(alphabet=string.ascii_letters + string.digits + "-_%.~", max_size=30),
    st.binary(min_size=16, max_size=16).map(b64u),
)
HEADER_NAMES = st.sampled_from(
    [
        "PJ-Timestamp",
        "PJ-Nonce",
        "PJ-Signature",
        "PJ-Key",
        "Content-Type",
        "X-Forwarded-For",
        "Content-Encoding",
        "Transfer-Encoding-X",
    ]
)
HEADER_VALUES = st.one_of(
    st.text(alphabet=string.printable.strip("\r\n\x0b\x0c"), max_size=80),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.binary(min_size=0, max_size=70).map(b64u),
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=20).map(
        lambda text: text.encode("latin-1")
    ),
)
QUERY = st.lists(
    st.tuples(
        st.sampled_from(["limit", "wait", "x", "%ff", "a+b"]),
        st.text(alphabet=string.ascii_letters + string.digits + "%+-&=", max_size=12),
    ),
    max_size=4,
)
BODIES = st.one_of(
    st.binary(max_size=2048),
    st.sampled_from([b"", b"{}", b'{"ids":[]}', b'{"ids":null}', b"[" * 5000, b"\x01" * 1024]),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
        max_leaves=10,
    ).map(lambda value: __import__("json").dumps({"ids": value}).encode()),
)


@settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]),
    segments=st.lists(SEGMENTS, min_size=0, max_size=6),
    query=QUERY,
    headers=st.dictionaries(HEADER_NAMES, HEADER_VALUES, max_size=5),
    body=BODIES,
)
def test_random_requests_never_5xx(
    client: Client,
    method: str,
    segments: list[str],
    query: list[tuple[str, str]],
    headers: dict[str, str | bytes],
    body: bytes,
) -> None:
    path = "/" + "/".join(segments)
    raw_query = "&".join(f"{k}={v}" for k, v in query)
    url = path + ("?" + raw_query if raw_query else "")
    try:
        answer = client.http.request(method, url, headers=headers, content=body)
    except (httpx.InvalidURL, httpx.LocalProtocolError, UnicodeEncodeError):
        return  # the client library refused to send it; nothing reached the relay
    assert answer.status_code < 500, (method, url, answer.status_code, answer.text)
    if answer.status_code >= 400 and method != "HEAD" and answer.content:
        assert answer.headers["content-type"] == "application/json", (method, url, answer)
        assert "error" in answer.json()


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.binary(min_size=1, max_size=600))
def test_raw_garbage_bytes(relay: RelayThread, data: bytes) -> None:
    with socket.create_connection(("127.0.0.1", relay.port), timeout=10) as sock:
        sock.sendall(data + b"\r\n\r\n")
        sock.shutdown(socket.SHUT_WR)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    if reply:
        status_line = reply.split(b"\r\n", 1)[0]
        parts = status_line.split(b" ")
        assert len(parts) >= 2 and parts[0].startswith(b"HTTP/")
        assert not parts[1].startswith(b"5"), reply[:200]


def test_signed_but_hostile_requests(client: Client) -> None:
    box = client.mailbox()
    cases = [
        ("GET", f"/v1/mailboxes/{box.recipient_id}/messages", [("limit", "-99999999999")]),
        ("GET", f"/v1/mailboxes/{box.recipient_id}/messages", [("wait", "1" * 30 + "x")]),
        ("GET", f"/v1/mailboxes/{box.recipient_id}/messages", [("limit", "é")]),
        ("POST", f"/v1/mailboxes/{box.recipient_id}/ack", []),
    ]
    for method, path, params in cases:
        answer = client.signed(method, path, box.recipient_key, params=params)
        assert 400 <= answer.status_code < 500, (path, params, answer.status_code)
    assert client.status(box).status_code == 200


def test_a_bug_is_a_logged_500_without_ids(
    client: Client, relay: RelayThread, monkeypatch, caplog
) -> None:
    box = client.mailbox()

    async def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(relay.app.storage, "status", broken)
    with caplog.at_level("ERROR", logger="peerjournal_relay"):
        answer = client.status(box)
    assert answer.status_code == 500 and answer.json()["error"]["code"] == "internal_error"
    assert "bug while handling GET /v1/mailboxes/{recipient_id}" in caplog.text
    assert box.recipient_id not in caplog.text and client.address not in caplog.text
    monkeypatch.undo()
    assert client.status(box).status_code == 200


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    body=BODIES,
    params=st.lists(
        st.tuples(
            st.sampled_from(["limit", "wait", "other"]),
            st.text(alphabet=string.digits + "-+ .e", max_size=6),
        ),
        max_size=3,
    ),
)
def test_correctly_signed_hostile_requests(
    client: Client, body: bytes, params: list[tuple[str, str]]
) -> None:
    """Past the signature check, odd bodies and parameters are still 4xx, never 5xx."""
    box = client.mailbox()
    ack = client.signed(
        "POST",
        f"/v1/mailboxes/{box.recipient_id}/ack",
        box.recipient_key,
        body,
        headers={"Content-Type": "application/json"},
    )
    assert ack.status_code in (200, 400), ack.text
    fetch = client.signed(
        "GET",
        f"/v1/mailboxes/{box.recipient_id}/messages",
        box.recipient_key,
        params=[(k, v) for k, v in params if k != "wait"],
    )
    assert fetch.status_code in (200, 400), fetch.text
    put = client.signed(
        "PUT",
        f"/v1/mailboxes/{box.sender_id}/messages/{b64u(body[:16].ljust(16, b'x'))}",
        box.sender_key,
        body,
        headers={"Content-Type": "application/octet-stream"},
    )
    assert put.status_code in (201, 400), put.text
    if put.status_code == 400:
        assert put.json()["error"]["code"] == "bad_envelope_size"


def test_unicode_digits_are_bad_requests(client: Client) -> None:
    """str.isdigit() accepts '²' and '١', which int() may refuse: such input must be a 400."""
    box = client.mailbox()
    path = f"/v1/mailboxes/{box.recipient_id}"
    weird = client.http.get(
        path,
        headers={
            "PJ-Timestamp": "\u00b2\u00b3".encode("latin-1"),
            "PJ-Nonce": b64u(b"n" * 16),
            "PJ-Signature": b64u(b"s" * 64),
        },
    )
    assert weird.status_code == 400 and weird.json()["error"]["code"] == "bad_request"
    for value in ("\u00b2", "\u0661\u0662", "\u2460"):
        answer = client.signed(
            "GET", f"{path}/messages", box.recipient_key, params=[("limit", value)]
        )
        assert answer.status_code == 400, value
    with socket.create_connection(("127.0.0.1", int(client.http.base_url.port or 0))) as sock:
        sock.sendall(b"PUT /v1/info HTTP/1.1\r\nHost: x\r\nContent-Length: \xb2\r\n\r\n")
        reply = sock.recv(4096)
    assert not reply.split(b" ")[1].startswith(b"5")
