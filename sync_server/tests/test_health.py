"""Liveness is free, readiness is cached, and every request meets the rate limiter first."""

from __future__ import annotations

import socket
import threading

from relay_helpers import Client, envelope, error_code, message_id, new_key


def test_healthz_does_no_database_work(start_relay, monkeypatch) -> None:
    relay = start_relay()
    calls: list[int] = []

    async def counted() -> bool:
        calls.append(1)
        return True

    monkeypatch.setattr(relay.app.storage, "healthy", counted)
    client = Client(relay.url)
    for _ in range(50):
        assert client.http.get("/healthz").json() == {"status": "ok"}
    assert calls == []
    client.close()


def test_readyz_asks_the_database_at_most_once_a_second(start_relay, monkeypatch) -> None:
    relay = start_relay(readiness_cache_seconds=60.0)
    calls: list[int] = []
    state = {"up": True}

    async def counted() -> bool:
        calls.append(1)
        return state["up"]

    monkeypatch.setattr(relay.app.storage, "healthy", counted)
    clients = [Client(relay.url) for _ in range(8)]
    answers: list[int] = []

    def flood(c: Client) -> None:
        for _ in range(25):
            answers.append(c.http.get("/readyz").status_code)

    threads = [threading.Thread(target=flood, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * 200
    assert len(calls) == 1  # 200 readiness checks, one database check
    for c in clients:
        c.close()


def test_readyz_is_503_while_the_database_is_down(start_relay, monkeypatch) -> None:
    relay = start_relay(readiness_cache_seconds=0.01)

    async def down() -> bool:
        return False

    monkeypatch.setattr(relay.app.storage, "healthy", down)
    client = Client(relay.url)
    answer = client.http.get("/readyz")
    assert answer.status_code == 503 and answer.json() == {"status": "unavailable"}
    assert client.http.get("/healthz").status_code == 200  # alive, just not ready
    client.close()


def _raw_status(port: int, request: bytes) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        reply = sock.recv(65536)
    return int(reply.split(b" ", 2)[1])


def test_every_request_meets_the_limiter_first(start_relay) -> None:
    relay = start_relay(trust_forwarded_for=False, rate_limit_per_second=0.01, rate_limit_burst=3)
    for _ in range(3):
        assert _raw_status(relay.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n") == 200
    hostile = [
        b"GET /v1/mailboxes/\xc3\xa9 HTTP/1.1\r\nHost: x\r\n\r\n",  # non-ASCII path
        b"GET /v1/mailboxes/AAAAAAAAAAAAAAAAAAAAAA HTTP/1.1\r\nHost: x\r\n"
        b"PJ-Nonce: a\r\nPJ-Nonce: b\r\n\r\n",  # repeated signing header
        b"PROPFIND /v1/info HTTP/1.1\r\nHost: x\r\n\r\n",  # a method no route has
        b"GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n",
        b"PUT /v1/mailboxes/AAAAAAAAAAAAAAAAAAAAAA/messages/AAAAAAAAAAAAAAAAAAAAAA HTTP/1.1\r\n"
        b"Host: x\r\nContent-Type: text/plain\r\nContent-Length: 999999\r\n\r\n",
    ]
    for request in hostile:
        assert _raw_status(relay.port, request) == 429, request[:40]


def test_operator_counters(start_relay) -> None:
    relay = start_relay(max_messages_per_mailbox=1)
    client = Client(relay.url)
    box = client.mailbox()
    assert client.send(box, message_id(), envelope()).status_code == 201
    full = client.send(box, message_id(), envelope())
    assert error_code(full) == "mailbox_full"
    wrong = client.signed("GET", f"/v1/mailboxes/{box.recipient_id}", new_key())
    assert error_code(wrong) == "auth_failed"
    text = client.http.get("/metrics").text
    client.close()
    assert 'peerjournal_relay_errors_total{code="mailbox_full"} 1.0' in text
    assert 'peerjournal_relay_errors_total{code="auth_failed"} 1.0' in text
    assert 'peerjournal_relay_errors_total{code="rate_limited"} 0.0' in text
    assert 'peerjournal_relay_connection_events_total{event="refused_at_cap"} 0.0' in text
    assert "peerjournal_relay_connections 1.0" in text
