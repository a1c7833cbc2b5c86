"""Idle, trickling and oversized connections cannot lock clients out (issue: idle sockets).

Each test starts its own relay with a small connection cap and short timeouts, attacks it
with raw sockets from this process, and checks that signed clients keep being served.
"""

from __future__ import annotations

import contextlib
import json
import re
import resource
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from peerjournal_relay.config import Settings
from relay_helpers import Client, RelayThread, envelope, message_id, spawn_relay


@pytest.fixture
def start_relay(tmp_path: Path) -> Iterator[object]:
    """Relays over SQLite (the guard is the same for both backends) with tight settings."""
    started: list[RelayThread] = []

    def start(**overrides: object) -> RelayThread:
        values = {
            "port": 0,
            "data_dir": str(tmp_path / f"relay{len(started)}"),
            "trust_forwarded_for": True,
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


def _connect(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def _closed_within(sock: socket.socket, seconds: float) -> tuple[bool, bytes]:
    """True when the server closed ``sock`` within ``seconds``; what it sent before."""
    sock.settimeout(seconds)
    got = b""
    try:
        while chunk := sock.recv(4096):
            got += chunk
    except TimeoutError:
        return False, got
    except ConnectionResetError:
        return True, got
    return True, got


@contextlib.contextmanager
def _sockets(port: int, count: int) -> Iterator[list[socket.socket]]:
    opened: list[socket.socket] = []
    try:
        for _ in range(count):
            try:
                opened.append(_connect(port))
            except OSError:
                break
        yield opened
    finally:
        for sock in opened:
            sock.close()


def _trickle(port: int, stop: threading.Event, sent: list[int]) -> None:
    """Reconnect and send a request head one byte every 0.2 s, forever (until ``stop``)."""
    head = b"GET /v1/info HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"z" * 200
    while not stop.is_set():
        try:
            sock = _connect(port)
        except OSError:
            time.sleep(0.1)
            continue
        try:
            for byte in head:
                if stop.is_set():
                    break
                sock.send(bytes([byte]))
                sent[0] += 1
                time.sleep(0.2)
        except OSError:
            pass  # closed by the relay: reconnect
        finally:
            sock.close()


def _signed_work(relay: RelayThread, rounds: int) -> list[int]:
    """Create, send, fetch and ack, each with a fresh connection; return every status."""
    statuses: list[int] = []
    for _ in range(rounds):
        client = Client(relay.url)
        try:
            box = client.mailbox()
            mid = message_id()
            statuses.append(client.send(box, mid, envelope()).status_code)
            fetched = client.fetch(box)
            statuses.append(fetched.status_code)
            statuses.append(client.ack(box, [mid]).status_code)
            statuses.append(client.http.get("/healthz").status_code)
        finally:
            client.close()
    return statuses


def test_idle_and_trickling_sockets_do_not_lock_clients_out(start_relay) -> None:
    relay = start_relay(max_connections=60, header_timeout_seconds=1.5)
    stop = threading.Event()
    sent = [0]
    tricklers = [
        threading.Thread(target=_trickle, args=(relay.port, stop, sent), daemon=True)
        for _ in range(20)
    ]
    for thread in tricklers:
        thread.start()
    try:
        # trickling before the clients start, and so all through their work: counted only
        # afterwards, a fast machine's work could end before 50 bytes had trickled
        deadline = time.monotonic() + 30
        while sent[0] <= 50:
            assert time.monotonic() < deadline, "the tricklers never trickled"
            time.sleep(0.05)
        with _sockets(relay.port, 300) as idle:
            assert len(idle) == 300  # far beyond the cap of 60
            started = time.monotonic()
            statuses = _signed_work(relay, 15)
            elapsed = time.monotonic() - started
            # more idle sockets arrive while clients work: still served
            with _sockets(relay.port, 200):
                statuses += _signed_work(relay, 5)
    finally:
        stop.set()
        for thread in tricklers:
            thread.join(timeout=10)
    assert statuses == [201, 200, 200, 200] * 20
    assert elapsed < 30, elapsed
    assert sent[0] > 50  # the tricklers really were trickling
    observer = Client(relay.url)
    metrics = observer.http.get("/metrics").text
    observer.close()
    evicted = re.search(r'connection_events_total\{event="evicted_idle"\} (\d+)', metrics)
    assert evicted and int(evicted.group(1)) >= 240


def test_idle_socket_is_closed_after_the_header_timeout(start_relay) -> None:
    relay = start_relay(header_timeout_seconds=1.0)
    with _connect(relay.port) as silent:
        started = time.monotonic()
        closed, got = _closed_within(silent, 10)
        assert closed and got == b""  # never spoke: closed without an answer
        assert 0.8 < time.monotonic() - started < 5
    with _connect(relay.port) as slow:
        slow.sendall(b"GET /v1/info HTTP/1.1\r\nHost: x\r\n")  # the head never ends
        closed, got = _closed_within(slow, 10)
        assert closed and got.startswith(b"HTTP/1.1 408 ")
        assert json.loads(got.split(b"\r\n\r\n", 1)[1])["error"]["code"] == "request_timeout"


def test_keep_alive_request_head_is_timed_too(start_relay) -> None:
    relay = start_relay(header_timeout_seconds=1.0, keepalive_timeout_seconds=30.0)
    with _connect(relay.port) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        time.sleep(0.3)
        assert sock.recv(4096).startswith(b"HTTP/1.1 200 ")
        sock.sendall(b"GET /healthz HTTP/1.1\r\n")  # the second head trickles
        closed, got = _closed_within(sock, 10)
        assert closed and got.startswith(b"HTTP/1.1 408 ")


def test_slow_body_is_cut_off(start_relay) -> None:
    relay = start_relay(body_timeout_seconds=1.0)
    with _connect(relay.port) as sock:
        sock.sendall(
            b"PUT /v1/mailboxes/AAAAAAAAAAAAAAAAAAAAAA/messages/AAAAAAAAAAAAAAAAAAAAAA HTTP/1.1\r\n"
            b"Host: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 1024\r\n\r\n"
            + b"x"
            * 10
        )
        started = time.monotonic()
        closed, _ = _closed_within(sock, 10)
        assert closed and time.monotonic() - started < 5


def test_oversized_head_is_431(start_relay) -> None:
    relay = start_relay(max_header_bytes=8192)
    with _connect(relay.port) as sock:
        sock.sendall(b"GET /v1/info HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n")
        closed, got = _closed_within(sock, 10)
    assert closed and got.startswith(b"HTTP/1.1 431 ")
    assert json.loads(got.split(b"\r\n\r\n", 1)[1])["error"]["code"] == "bad_request"
    with _connect(relay.port) as sock:  # a head just under the cap is fine
        sock.sendall(b"GET /v1/info HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 7000 + b"\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.1 200 ")


def test_low_open_file_limit(tmp_path: Path) -> None:
    """Under ulimit -n 256 the relay fits its cap to the limit, and 400 idle sockets later
    a signed client and /healthz are still served (before: every client timed out)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 1200:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))

    def low_limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))

    process, base, line = spawn_relay(
        tmp_path / "data",
        env={"PEERJOURNAL_RELAY_HEADER_TIMEOUT_SECONDS": "20"},
        preexec_fn=low_limit,
    )
    try:
        url = re.search(r"(http://127\.0\.0\.1:\d+)", base)
        assert url, line
        port = int(url.group(1).rsplit(":", 1)[1])
        with _sockets(port, 400) as idle:
            assert len(idle) == 400
            time.sleep(0.5)
            client = Client(url.group(1))
            box = client.mailbox()
            assert client.send(box, message_id(), envelope()).status_code == 201
            assert client.http.get("/healthz").status_code == 200
            client.close()
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    assert "max_connections lowered from 1000 to 192" in err


@pytest.mark.parametrize("header", ["PJ-Nonce", "PJ-Timestamp", "Content-Length"])
def test_repeated_header_is_400(start_relay, header: str) -> None:
    relay = start_relay()
    client = Client(relay.url)
    box = client.mailbox()
    client.close()
    with _connect(relay.port) as sock:
        sock.sendall(
            f"GET /v1/mailboxes/{box.recipient_id} HTTP/1.1\r\nHost: x\r\n"
            f"{header}: 1\r\n{header}: 2\r\n\r\n".encode()
        )
        reply = sock.recv(4096)
    assert reply.startswith(b"HTTP/1.1 400 ")
    assert error_code_of(reply) == "bad_request"


def error_code_of(reply: bytes) -> str:
    """The protocol error code in a raw HTTP answer."""
    return str(json.loads(reply.split(b"\r\n\r\n", 1)[1])["error"]["code"])
