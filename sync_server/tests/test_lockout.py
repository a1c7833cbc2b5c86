"""A few addresses cannot lock everyone else out with long-polls or slow bodies.

The connection cap only closed *idle* connections; a long-poll (``wait=30``) or a request
whose body stops after one byte (30 s of ``body_timeout_seconds``) counted as busy. So
``max_connections / max_connections_per_client`` addresses (16 with the defaults; 2 here,
with a cap of 40) held every connection and each newcomer got 503 until they let go: 0 of
10 ``/healthz`` from another address were served. Now, with no idle connection, a newcomer
ends the oldest connection that waits on its client: a long-poll is answered at once with
what there is (``{"messages": []}``, as when its wait runs out) and closed, a slow body is
closed. Only requests the relay itself is working on are never cut; when those fill it, a
newcomer still gets ``503`` with ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from peerjournal_relay.config import Settings
from prometheus_client import generate_latest
from relay_helpers import Client, Mailbox, RelayThread, read_answers, signed_bytes

CAP = 40
PER_CLIENT = 20
ATTACKERS = ("127.0.0.2", "127.0.0.3")  # the whole of 127.0.0.0/8 is loopback
NEWCOMER = "127.0.0.9"


def _relay(tmp_path: Path, **overrides: object) -> RelayThread:
    values = {
        "port": 0,
        "data_dir": str(tmp_path),
        "min_free_disk_bytes": 0,
        "mailbox_creations_per_hour": 100000,
        "max_connections": CAP,
        "max_connections_per_client": PER_CLIENT,
        **overrides,
    }
    return RelayThread(Settings().with_overrides(values).validate())


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayThread]:
    server = _relay(tmp_path).start()
    yield server
    server.stop()


def _connect(relay: RelayThread, source: str) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((source, 0))
    sock.settimeout(10)
    sock.connect(("127.0.0.1", relay.port))
    return sock


def _metric(relay: RelayThread, event: str) -> float:
    async def text() -> str:
        return generate_latest(relay.app.metrics.registry).decode()

    name = f'peerjournal_relay_connection_events_total{{event="{event}"}}'
    for line in relay.call(text()).splitlines():
        if line.startswith(name + " "):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(event)


def _busy(relay: RelayThread) -> int:
    async def count() -> int:
        return sum(not c.idle() for c in relay.server.relay_guard.open)

    return relay.call(count())


def _fill(relay: RelayThread, request: Callable[[], bytes]) -> list[socket.socket]:
    """Every connection the relay allows, from two addresses, each sending a ``request()``."""
    held = []
    try:
        for source in ATTACKERS:
            for _ in range(PER_CLIENT):
                sock = _connect(relay, source)
                sock.sendall(request())
                held.append(sock)
        deadline = time.monotonic() + 10
        while _busy(relay) < CAP:
            assert time.monotonic() < deadline, (
                "the attack never held every connection",
                _busy(relay),
                len(relay.server.relay_guard.open),
            )
            time.sleep(0.02)
    except BaseException:
        for sock in held:
            sock.close()
        raise
    return held


def _newcomers_served(relay: RelayThread, count: int = 10) -> int:
    """Newcomers from another address, each kept open: each needs a connection of its own
    (once served, a newcomer is idle, and the next one may close it to make room)."""
    served = 0
    newcomers = []
    try:
        for _ in range(count):
            sock = _connect(relay, NEWCOMER)
            newcomers.append(sock)
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n")
            answers = read_answers(sock, 1, timeout=5)
            served += bool(answers) and answers[0].status == 200
    finally:
        for sock in newcomers:
            sock.close()
    return served


def _mailbox(relay: RelayThread) -> Mailbox:
    client = Client(relay.url)
    client.http.headers.pop("X-Forwarded-For")  # not trusted here: it would be client text
    box = client.mailbox()
    client.close()
    return box


def test_long_polls_from_two_addresses_cannot_lock_newcomers_out(relay: RelayThread) -> None:
    box = _mailbox(relay)
    path = f"/v1/mailboxes/{box.recipient_id}/messages"
    polls = _fill(
        relay, lambda: signed_bytes("GET", path, box.recipient_key, query="limit=100&wait=30")
    )
    try:
        assert _newcomers_served(relay) == 10
        assert _metric(relay, "ended_long_poll") >= 1
        assert _metric(relay, "refused_at_cap") == 0
        # the oldest long-poll made room: it got the answer its wait would have ended with,
        # then the connection closed (the client simply polls again)
        for sock in polls[:1]:
            (answer,) = read_answers(sock, 1, timeout=5)
            assert answer.status == 200
            assert json.loads(answer.body) == {"messages": []}
            assert answer.headers["connection"] == "close"
            assert sock.recv(1) == b""
    finally:
        for sock in polls:
            sock.close()


def test_acks_carrying_long_polls_are_long_polls_at_the_cap(relay: RelayThread) -> None:
    """An ack with ``wait`` is a long-poll to the connection guard: at the cap the oldest
    is answered at once (its ids acknowledged, no messages) and closed."""
    box = _mailbox(relay)
    path = f"/v1/mailboxes/{box.recipient_id}/ack"
    body = b'{"ids":[]}'
    polls = _fill(
        relay,
        lambda: signed_bytes(
            "POST", path, box.recipient_key, body, "wait=30", content_type="application/json"
        ),
    )
    try:
        assert _newcomers_served(relay) == 10
        assert _metric(relay, "ended_long_poll") >= 1
        assert _metric(relay, "refused_at_cap") == 0
        (answer,) = read_answers(polls[0], 1, timeout=5)
        assert answer.status == 200
        assert json.loads(answer.body) == {"acknowledged": 0, "messages": []}
        assert answer.headers["connection"] == "close"
        assert polls[0].recv(1) == b""
    finally:
        for sock in polls:
            sock.close()


def test_slow_bodies_from_two_addresses_cannot_lock_newcomers_out(relay: RelayThread) -> None:
    head = (
        b"PUT /v1/mailboxes/AAAAAAAAAAAAAAAAAAAAAA/messages/AAAAAAAAAAAAAAAAAAAAAA HTTP/1.1\r\n"
        b"Host: relay\r\nContent-Type: application/octet-stream\r\nContent-Length: 1024\r\n\r\n"
    )
    trickles = _fill(relay, lambda: head + b"\x01")  # one byte of the body, then nothing
    try:
        assert _newcomers_served(relay) == 10
        assert _metric(relay, "evicted_slow_body") >= 1
        assert _metric(relay, "refused_at_cap") == 0
        assert trickles[0].recv(1) == b""  # the oldest was closed to make room
    finally:
        for sock in trickles:
            sock.close()


def test_when_the_relay_itself_is_busy_a_newcomer_gets_503(tmp_path: Path) -> None:
    """Requests the relay is working on are never cut: here every /readyz waits for a
    database that does not answer (held back in the test), so a newcomer is refused."""
    server = _relay(tmp_path, max_connections=6, max_connections_per_client=4)
    storage = server.app.storage
    healthy = storage.healthy
    database_back = threading.Event()

    async def stalled() -> bool:
        while not database_back.is_set():
            await asyncio.sleep(0.01)
        return await healthy()

    storage.healthy = stalled  # type: ignore[method-assign]
    server.start()
    held: list[socket.socket] = []
    try:
        for source in ("127.0.0.2",) * 4 + ("127.0.0.3",) * 2:
            sock = _connect(server, source)
            sock.sendall(b"GET /readyz HTTP/1.1\r\nHost: relay\r\n\r\n")
            held.append(sock)

        async def busy() -> int:
            return sum(not c.idle() for c in server.server.relay_guard.open)

        deadline = time.monotonic() + 10
        while server.call(busy()) < 6:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        for source, event in (("127.0.0.2", "refused_client_cap"), (NEWCOMER, "refused_at_cap")):
            with _connect(server, source) as sock:
                (refused,) = read_answers(sock, 1, timeout=5)
            assert refused.status == 503
            assert refused.headers["retry-after"] == "2"
            assert json.loads(refused.body)["error"]["code"] == "unavailable"
            assert _metric(server, event) == 1
        database_back.set()
        for sock in held:  # and nothing was cut: every waiting request is answered
            (answer,) = read_answers(sock, 1, timeout=10)
            assert answer.status == 200
    finally:
        database_back.set()
        for sock in held:
            sock.close()
        server.stop()
