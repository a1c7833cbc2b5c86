"""One client address cannot take every connection, not even with busy ones.

The connection cap only ever closes *idle* connections, so before the per-client cap one
address held the whole relay with busy ones: a request head plus one byte of a body (no
mailbox needed, the signature is checked after the body) keeps a connection busy for
``body_timeout_seconds``, and renewing 1000 of them every 30 s costs 33 requests a second,
under the default rate limit. Every other client then got 503. Now an address holds at most
``max_connections_per_client``: beyond it its own oldest idle connection is closed, else its
oldest one waiting on its client (a slow body, a long-poll: see test_lockout.py), or, when
the relay is working on all of them, the newcomer gets 503; other addresses are not touched.
"""

from __future__ import annotations

import secrets
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from peerjournal_relay.config import Settings
from relay_helpers import RelayThread, b64u, closed_by_server, new_key, read_answers, signed_bytes

PER_CLIENT = 6
ATTACKER = "127.0.0.1"
VICTIM = "127.0.0.2"  # the whole of 127.0.0.0/8 is loopback


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayThread]:
    settings = Settings().with_overrides(
        {
            "port": 0,
            "data_dir": str(tmp_path),
            "min_free_disk_bytes": 0,
            "max_connections": 40,
            "max_connections_per_client": PER_CLIENT,
        }
    )
    server = RelayThread(settings.validate()).start()
    yield server
    server.stop()


def _connect(relay: RelayThread, source: str) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((source, 0))
    sock.settimeout(10)
    sock.connect(("127.0.0.1", relay.port))
    return sock


def _busy_connections(relay: RelayThread) -> int:
    async def count() -> int:
        return sum(not c.idle() for c in relay.server.relay_guard.open)

    return relay.call(count())


def _wait_for(condition, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


def _body_trickle(relay: RelayThread) -> socket.socket:
    """A signed PUT whose body stops after its first byte: busy until body_timeout."""
    sock = _connect(relay, ATTACKER)
    body = b"\x01" * 1024
    path = f"/v1/mailboxes/{b64u(secrets.token_bytes(16))}/messages/{b64u(secrets.token_bytes(16))}"
    raw = signed_bytes("PUT", path, new_key(), body, content_type="application/octet-stream")
    sock.sendall(raw[: len(raw) - len(body) + 1])
    return sock


def _healthz(sock: socket.socket) -> int:
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    answers = read_answers(sock, 1)
    return answers[0].status if answers else 0


def test_busy_connections_of_one_address_leave_room_for_others(relay: RelayThread) -> None:
    busy = [_body_trickle(relay) for _ in range(PER_CLIENT)]
    _wait_for(lambda: _busy_connections(relay) == PER_CLIENT, "the trickles were not busy")
    try:
        with _connect(relay, ATTACKER) as one_more:
            # the address's own oldest trickle makes room (test_lockout.py: a slow body
            # waits on its client), so its connections stay at the cap
            assert closed_by_server(busy[0], 10)
            assert _healthz(one_more) == 200
            assert len(relay.server.relay_guard.by_client[ATTACKER]) == PER_CLIENT
        with _connect(relay, VICTIM) as victim:
            assert _healthz(victim) == 200
    finally:
        for sock in busy:
            sock.close()
    text = relay.call(_metrics_text(relay))
    assert 'connection_events_total{event="evicted_slow_body"} 1.0' in text


async def _metrics_text(relay: RelayThread) -> str:
    from prometheus_client import generate_latest

    return generate_latest(relay.app.metrics.registry).decode()


def test_idle_connections_of_one_address_push_out_only_each_other(relay: RelayThread) -> None:
    victims = [_connect(relay, VICTIM) for _ in range(3)]
    for sock in victims:
        assert _healthz(sock) == 200  # served, now idle on keep-alive
    attackers = [_connect(relay, ATTACKER) for _ in range(PER_CLIENT + 4)]
    try:
        # the attacker's four oldest are closed to make room for its newest
        for sock in attackers[:4]:
            assert closed_by_server(sock, 10)
        for sock in attackers[4:]:
            assert _healthz(sock) == 200
        for sock in victims:
            assert _healthz(sock) == 200  # untouched
    finally:
        for sock in victims + attackers:
            sock.close()


def test_behind_a_trusted_proxy_the_proxy_is_not_capped(tmp_path: Path) -> None:
    # every connection comes from the proxy there: its own limit (nginx.conf: limit_conn)
    settings = Settings().with_overrides(
        {
            "port": 0,
            "data_dir": str(tmp_path),
            "min_free_disk_bytes": 0,
            "max_connections_per_client": 2,
            "trust_forwarded_for": True,
        }
    )
    relay = RelayThread(settings.validate()).start()
    try:
        socks = [_connect(relay, ATTACKER) for _ in range(5)]
        try:
            assert [_healthz(sock) for sock in socks] == [200] * 5
        finally:
            for sock in socks:
                sock.close()
    finally:
        relay.stop()
