"""Pipelined HTTP/1.1 requests (several sent before the first answer) on raw sockets.

Every complete request is answered, in order; a client that half-closes after sending
(``printf … | nc -N``) still gets every answer, the last with ``connection: close``; the
head clock and the connection cap treat pipelined requests like any other.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from peerjournal_relay.config import Settings
from relay_helpers import (
    Client,
    Mailbox,
    RelayThread,
    closed_by_server,
    envelope,
    message_id,
    read_answers,
    signed_bytes,
    wait_for_long_polls,
)


@pytest.fixture
def start_relay(tmp_path: Path) -> Iterator[object]:
    """Relays over SQLite (the server layer is the same for both backends)."""
    started: list[RelayThread] = []

    def start(**overrides: object) -> RelayThread:
        values = {
            "port": 0,
            "data_dir": str(tmp_path / f"relay{len(started)}"),
            "rate_limit_per_second": 1000.0,
            "rate_limit_burst": 5000,
            "mailbox_creations_per_hour": 100000,
            "min_free_disk_bytes": 0,
            **overrides,
        }
        server = RelayThread(Settings().with_overrides(values).validate()).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def _mailbox(relay: RelayThread) -> Mailbox:
    client = Client(relay.url)
    try:
        return client.mailbox()
    finally:
        client.close()


def _connect(relay: RelayThread) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", relay.port), timeout=10)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def _put(box: Mailbox, mid: str, body: bytes) -> bytes:
    path = f"/v1/mailboxes/{box.sender_id}/messages/{mid}"
    return signed_bytes("PUT", path, box.sender_key, body, content_type="application/octet-stream")


def _fetch(box: Mailbox, wait: int = 0) -> bytes:
    path = f"/v1/mailboxes/{box.recipient_id}/messages"
    return signed_bytes("GET", path, box.recipient_key, query=f"limit=100&wait={wait}")


def _status(box: Mailbox) -> bytes:
    return signed_bytes("GET", f"/v1/mailboxes/{box.recipient_id}", box.recipient_key)


HEALTH = b"GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n"


def test_three_pipelined_signed_requests_are_answered_in_order(start_relay) -> None:
    relay = start_relay()
    box = _mailbox(relay)
    mid = message_id()
    with _connect(relay) as sock:
        sock.sendall(_put(box, mid, envelope()) + _status(box) + _fetch(box))
        answers = read_answers(sock, 3)
        assert [a.status for a in answers] == [201, 200, 200]
        assert json.loads(answers[0].body) == {"stored": True}
        assert json.loads(answers[1].body)["messages"] == 1  # the status saw the put
        assert [m["id"] for m in json.loads(answers[2].body)["messages"]] == [mid]
        assert all("close" not in a.headers.get("connection", "") for a in answers)
        sock.sendall(HEALTH)  # the connection stays usable
        assert [a.status for a in read_answers(sock, 1)] == [200]


def test_pipelined_requests_then_half_close_get_every_answer(start_relay) -> None:
    """What ``printf 'GET …' | nc -N`` does: send, then EOF. Before, only the first request
    (or none) was answered: the EOF closed the connection under the others."""
    relay = start_relay()
    box = _mailbox(relay)
    mids = [message_id() for _ in range(3)]
    with _connect(relay) as sock:
        sock.sendall(b"".join(_put(box, mid, envelope()) for mid in mids))
        sock.shutdown(socket.SHUT_WR)
        answers = read_answers(sock, 3)
        assert [a.status for a in answers] == [201, 201, 201]
        assert answers[-1].headers.get("connection") == "close"
        assert closed_by_server(sock, 5)
    with _connect(relay) as sock:
        sock.sendall(HEALTH * 3)
        sock.shutdown(socket.SHUT_WR)
        assert [a.status for a in read_answers(sock, 3)] == [200, 200, 200]
        assert closed_by_server(sock, 5)
    client = Client(relay.url)
    fetched = client.fetch(box).json()["messages"]
    client.close()
    assert sorted(m["id"] for m in fetched) == sorted(mids)


def test_half_closed_long_poll_answers_at_once(start_relay) -> None:
    relay = start_relay()
    box = _mailbox(relay)
    with _connect(relay) as sock:
        sock.sendall(HEALTH + _fetch(box, wait=20))
        sock.shutdown(socket.SHUT_WR)
        started = time.monotonic()
        answers = read_answers(sock, 2)
        assert [a.status for a in answers] == [200, 200]
        assert json.loads(answers[1].body) == {"messages": []}
        assert time.monotonic() - started < 5  # not the 20 s the poll asked for
        assert closed_by_server(sock, 5)


def test_half_closed_ack_with_wait_acknowledges_and_answers_at_once(start_relay) -> None:
    relay = start_relay()
    box = _mailbox(relay)
    mid = message_id()
    path = f"/v1/mailboxes/{box.recipient_id}/ack"
    ack = json.dumps({"ids": [mid]}).encode()
    with _connect(relay) as sock:
        sock.sendall(
            _put(box, mid, envelope())
            + signed_bytes(
                "POST", path, box.recipient_key, ack, "wait=20", content_type="application/json"
            )
        )
        sock.shutdown(socket.SHUT_WR)
        started = time.monotonic()
        answers = read_answers(sock, 2)
        assert [a.status for a in answers] == [201, 200]
        assert json.loads(answers[1].body) == {"acknowledged": 1, "messages": []}
        assert time.monotonic() - started < 5  # not the 20 s the poll asked for
        assert closed_by_server(sock, 5)


def test_half_close_inside_a_body_answers_the_complete_requests_only(start_relay) -> None:
    relay = start_relay()
    box = _mailbox(relay)
    unfinished = _put(box, message_id(), envelope())[:-500]  # 500 body bytes never come
    with _connect(relay) as sock:
        sock.sendall(HEALTH + _status(box) + unfinished)
        sock.shutdown(socket.SHUT_WR)
        started = time.monotonic()
        assert [a.status for a in read_answers(sock, 3)] == [200, 200]
        assert closed_by_server(sock, 5)
        assert time.monotonic() - started < 5  # not the 30 s body timeout
    client = Client(relay.url)
    assert client.status(box).json()["messages"] == 0  # the cut-off PUT stored nothing
    client.close()


def test_connection_close_request_ends_the_pipeline_cleanly(start_relay) -> None:
    relay = start_relay()
    with _connect(relay) as sock:
        sock.sendall(
            HEALTH.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n") + HEALTH + HEALTH
        )
        answers = read_answers(sock, 3)
        assert [a.status for a in answers] == [200]
        assert answers[0].headers.get("connection") == "close"
        assert closed_by_server(sock, 5)


def test_a_pipelined_head_that_never_ends_gets_408_after_the_answers(start_relay) -> None:
    relay = start_relay(header_timeout_seconds=1.0, keepalive_timeout_seconds=30.0)
    with _connect(relay) as sock:
        sock.sendall(HEALTH + HEALTH + b"GET /healthz HTTP/1.1\r\nHost: relay\r\n")
        started = time.monotonic()
        answers = read_answers(sock, 3)
        assert [a.status for a in answers] == [200, 200, 408]
        assert json.loads(answers[2].body)["error"]["code"] == "request_timeout"
        assert closed_by_server(sock, 5)
        assert 0.8 < time.monotonic() - started < 5  # the head clock, not the 30 s keep-alive


def test_a_head_pipelined_behind_a_long_poll_is_timed_from_its_first_byte(start_relay) -> None:
    """The unfinished head's clock runs while the long-poll before it is handled: once the
    poll is answered the connection gets 408 at once, instead of waiting for keep-alive."""
    relay = start_relay(header_timeout_seconds=1.0, keepalive_timeout_seconds=30.0)
    box = _mailbox(relay)
    with _connect(relay) as sock:
        sock.sendall(_fetch(box, wait=3) + b"GET /healthz HTTP/1.1\r\nHost: relay\r\nX-A: 1")
        started = time.monotonic()
        answers = read_answers(sock, 2)
        elapsed = time.monotonic() - started
        assert [a.status for a in answers] == [200, 408]
        assert json.loads(answers[0].body) == {"messages": []}
        assert 2.5 < elapsed < 6  # the poll's 3 s, then the 408 with no further wait
        assert closed_by_server(sock, 5)


def test_pipelined_heads_trickling_after_an_answer_are_timed(start_relay) -> None:
    relay = start_relay(header_timeout_seconds=1.0, keepalive_timeout_seconds=30.0)
    with _connect(relay) as sock:
        sock.sendall(HEALTH + b"GET /hea")
        assert [a.status for a in read_answers(sock, 1)] == [200]
        started = time.monotonic()
        for byte in b"lthz HTTP/1.1\r\n":  # one byte every 0.2 s: never finishes in time
            try:
                sock.send(bytes([byte]))
            except OSError:
                break
            time.sleep(0.2)
        answers = read_answers(sock, 1)
        assert [a.status for a in answers] == [408]
        assert time.monotonic() - started < 4


def test_a_pipelining_connection_is_busy_at_the_cap_and_keeps_its_answers(start_relay) -> None:
    """At the connection cap, idle sockets are evicted to make room; a connection with
    pipelined requests still queued behind a long-poll is busy, so it is never the victim."""
    relay = start_relay(max_connections=8, header_timeout_seconds=20.0)
    box = _mailbox(relay)
    mid = message_id()
    with _connect(relay) as piped:
        # a wait far longer than the test needs: the message must reach the poll while it
        # waits (with 2 s, a slow machine's connects and send could outlast it)
        piped.sendall(_fetch(box, wait=20) + _status(box) + HEALTH)
        wait_for_long_polls(relay)  # the two behind it are queued
        idle = [_connect(relay) for _ in range(20)]  # far beyond the cap of 8
        try:
            time.sleep(0.3)
            client = Client(relay.url)
            assert client.send(box, mid, envelope()).status_code == 201
            client.close()
            answers = read_answers(piped, 3)
        finally:
            for sock in idle:
                sock.close()
    assert [a.status for a in answers] == [200, 200, 200]
    assert [m["id"] for m in json.loads(answers[0].body)["messages"]] == [mid]
    assert json.loads(answers[1].body)["messages"] == 1


def test_a_flood_of_pipelined_requests_is_cut_at_the_pipeline_bound(start_relay) -> None:
    """One read of 2,000 tiny pipelined requests used to queue every one of them (about
    2 MB of memory per connection before the rate limiter saw any); now at most 16 wait
    behind the one being handled: those are answered in order, then the connection closes."""
    relay = start_relay()
    with _connect(relay) as sock:
        sock.sendall(HEALTH * 2000)
        answers = read_answers(sock, 2000, timeout=10)
        assert 2 <= len(answers) <= 17, len(answers)
        assert all(a.status == 200 for a in answers)
        assert answers[-1].headers.get("connection") == "close"
        assert closed_by_server(sock, 5)
    with _connect(relay) as sock:  # sixteen ahead is within the bound: all answered
        sock.sendall(HEALTH * 17)
        assert [a.status for a in read_answers(sock, 17)] == [200] * 17
    client = Client(relay.url)
    metrics = client.http.get("/metrics").text
    client.close()
    assert 'connection_events_total{event="pipeline_too_deep"} 1.0' in metrics
