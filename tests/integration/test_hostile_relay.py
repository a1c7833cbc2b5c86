"""A hostile relay (a tiny HTTP server on 127.0.0.1) never crashes the client or corrupts
the vault: garbage, truncated, oversized, wrong-shape JSON, bogus, replayed and reordered
envelopes."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from peerjournal.app.peers import PeersService
from peerjournal.app.session import Session
from peerjournal.crypto.b64 import b64u_encode
from peerjournal.errors import ProtocolError, RelayRejected, RelayUnreachable
from peerjournal.sync.relay_client import RelayClient
from tests.helpers.relay import FakeRelay
from tests.helpers.vault import make_session

Answer = tuple[int, dict[str, str], bytes]


class Hostile:
    """Serves whatever ``fetch_answer`` says for fetches; records acks and other calls."""

    def __init__(self) -> None:
        self.fetch_answers: list[Answer] = []
        self.acked: list[str] = []
        self.calls: list[str] = []
        self.other: Answer = (201, {}, b"")
        self.ack_override: Answer | None = None
        hostile = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return

            def _answer(self, answer: Answer) -> None:
                status, headers, body = answer
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    return

            def do_GET(self) -> None:
                hostile.calls.append("GET " + self.path.split("?")[0])
                if self.path.endswith("/healthz"):
                    return self._answer((200, {}, b'{"status":"ok"}'))
                answer = hostile.fetch_answers.pop(0) if hostile.fetch_answers else _ok([])
                self._answer(answer)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                hostile.calls.append("POST " + self.path)
                route = self.path.split("?", 1)[0]  # a relay routes on the path alone
                if route.endswith("/ack") and hostile.ack_override is not None:
                    return self._answer(hostile.ack_override)
                if route.endswith("/ack"):
                    ids = json.loads(body)["ids"]
                    hostile.acked.extend(ids)
                    return self._answer((200, {}, json.dumps({"acknowledged": len(ids)}).encode()))
                self._answer(hostile.other)

            def do_PUT(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                hostile.calls.append("PUT")
                self._answer(hostile.other)

            def do_DELETE(self) -> None:
                hostile.calls.append("DELETE")
                self._answer((204, {}, b""))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def _ok(items: list[dict[str, Any]]) -> Answer:
    return (200, {"Content-Type": "application/json"}, json.dumps({"messages": items}).encode())


def _rid(n: int) -> str:
    return b64u_encode(n.to_bytes(16, "big"))


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    server = Hostile()
    yield server
    server.close()


@pytest.fixture
def paired(tmp_path: Path, hostile: Hostile) -> Iterator[tuple[Session, Session, FakeRelay]]:
    """Alice and Bob paired through the in-memory fake under the hostile relay's URL."""
    alice, bob = make_session(tmp_path, "alice"), make_session(tmp_path, "bob")
    fake = FakeRelay()
    a = PeersService(alice, relay_for=lambda _u: fake)
    b = PeersService(bob, relay_for=lambda _u: fake)
    _info, code = a.invite(hostile.url, pseudonym="Alice")
    b.accept(code, pseudonym="Bob")
    a.sync()
    b.sync()
    yield alice, bob, fake
    alice.lock()
    bob.lock()


def _bob_inbox(bob: Session, fake: FakeRelay) -> list[bytes]:
    rid = bob.conn.execute("SELECT inbox_recipient_id FROM pairings").fetchone()[0]
    return list(fake.boxes[rid].messages.values())


def _share(alice: Session, a: PeersService, text: str) -> str:
    entry = alice.journal.add(text)
    return a.share_send(a.share_preview(entry.id, "Bob"))


def _integrity(session: Session) -> None:
    assert session.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


GARBAGE: list[tuple[str, Answer]] = [
    ("not json", (200, {}, b"\x00\xffgarbage")),
    ("json list", (200, {}, b"[1, 2, 3]")),
    ("messages not a list", (200, {}, b'{"messages": "lots"}')),
    ("deep nesting", (200, {}, b"[" * 100_000 + b"]" * 100_000)),
    ("items of wrong types", _ok([{"id": 5}, {"envelope": "AA"}, "x", None])),  # type: ignore[list-item]
    ("html error page", (502, {"Content-Type": "text/html"}, b"<h1>Bad gateway</h1>")),
    ("4xx without json", (418, {}, b"teapot")),
    ("unknown error code", (400, {}, b'{"error": {"code": "weird", "message": "no"}}')),
    ("truncated", (200, {"Content-Length": "5000"}, b'{"messages": [')),
    ("oversized", (200, {}, b'{"messages": [' + b" " * (13 * 1024 * 1024) + b"]}")),
]


@pytest.mark.parametrize(("why", "answer"), GARBAGE, ids=[g[0] for g in GARBAGE])
def test_garbage_answers_are_reported_not_crashes(
    why: str, answer: Answer, hostile: Hostile, paired: tuple[Session, Session, FakeRelay]
) -> None:
    _alice, bob, _fake = paired
    before = bob.conn.execute("SELECT count(*) FROM sync_inbox").fetchone()[0]
    hostile.fetch_answers = [answer]
    report = PeersService(bob).sync()
    if why == "items of wrong types":
        assert report.errors == [] and report.rejected == 0
    else:
        assert report.errors, why
    assert report.received == 0
    assert bob.conn.execute("SELECT count(*) FROM sync_inbox").fetchone()[0] == before
    _integrity(bob)


def test_bogus_replayed_and_reordered_envelopes(
    hostile: Hostile, paired: tuple[Session, Session, FakeRelay]
) -> None:
    alice, bob, fake = paired
    a = PeersService(alice, relay_for=lambda _u: fake)
    item = _share(alice, a, "first")
    b_fake = PeersService(bob, relay_for=lambda _u: fake)
    entry_env = _bob_inbox(bob, fake)[-1]
    b_fake_item = item
    # A reply from Alice to her own item, sealed for Bob, to be delivered out of order.
    a.reply(b_fake_item, "follow-up")
    reply_env = _bob_inbox(bob, fake)[-1]
    hostile.fetch_answers = [
        _ok(
            [
                {"id": _rid(1), "envelope": b64u_encode(reply_env)},  # reordered: held
                {"id": _rid(2), "envelope": b64u_encode(entry_env)},
                {"id": _rid(3), "envelope": b64u_encode(entry_env)},  # replayed, new relay id
                {"id": _rid(2), "envelope": b64u_encode(entry_env)},  # same relay id again
                {"id": _rid(4), "envelope": b64u_encode(b"\x01" + bytes(1023))},  # bogus
                {"id": _rid(5), "envelope": b64u_encode(b"short")},  # wrong size
                {"id": _rid(6), "envelope": "!!not base64!!"},
                {"id": _rid(7), "envelope": b64u_encode(b"\x02" + bytes(1023))},  # join now?
            ]
        ),
        _ok([{"id": _rid(2), "envelope": b64u_encode(entry_env)}]),  # replay in a later page
    ]
    report = PeersService(bob).sync()
    assert report.errors == []
    assert report.received == 1
    assert report.rejected == 4
    assert report.duplicates == 1
    # every id is acknowledged (so nothing loops), and the replayed one again later
    assert sorted(set(hostile.acked)) == sorted({_rid(i) for i in range(1, 8)})
    feed = PeersService(bob).feed()
    # the reply that came before its item was held and applied when the item arrived
    assert [(f.id, f.body, [r.text for r in f.replies]) for f in feed] == [
        (item, "first", ["follow-up"])
    ]
    statuses = dict(bob.conn.execute("SELECT status, count(*) FROM sync_inbox GROUP BY status"))
    assert statuses["rejected"] == 4
    _integrity(bob)
    assert b_fake.list()[0].state == "active"


def test_relay_client_error_mapping(hostile: Hostile) -> None:
    client = RelayClient(hostile.url)
    seed = bytes(32)
    hostile.other = (409, {}, b'{"error": {"code": "already_secured", "message": "x"}}')
    with pytest.raises(RelayRejected) as info:
        client.secure(_rid(1), seed)
    assert (info.value.relay_code, info.value.status) == ("already_secured", 409)
    assert "already been used" in info.value.message
    hostile.other = (201, {}, b'{"recipient_id": "short", "sender_id": "x"}')
    with pytest.raises(ProtocolError):
        client.create_mailbox(seed)
    hostile.ack_override = (200, {}, b'{"acknowledged": "many"}')
    with pytest.raises(ProtocolError):
        client.ack(_rid(1), seed, [_rid(2)])
    hostile.other = (503, {}, b"")
    with pytest.raises(RelayUnreachable):
        client.secure(_rid(1), seed)
    client.close()
    closed = RelayClient("http://127.0.0.1:9")  # nothing listens on the discard port
    with pytest.raises(RelayUnreachable):
        closed.info()
    closed.close()


def test_hostile_send_answers_keep_messages_queued(
    hostile: Hostile, paired: tuple[Session, Session, FakeRelay]
) -> None:
    alice, _bob, _fake = paired
    a = PeersService(alice)  # the real client, against the hostile relay
    hostile.other = (200, {}, b"")  # a 200 is success for PUT: the message is gone
    assert a.sync().errors == []
    answers: list[Callable[[], Answer]] = [
        lambda: (500, {}, b"<html>"),
        lambda: (409, {}, b'{"error":{"code":"mailbox_full","message":"full"}}'),
        lambda: (200, {"Content-Length": "10"}, b"x"),
    ]
    for make in answers:
        hostile.other = make()
        entry = alice.journal.add("queued")
        a.share_send(a.share_preview(entry.id, "Bob"))
    peer = a.get("Bob")
    assert peer.waiting >= 2
    _integrity(alice)
    assert date.today().isoformat() in {
        r[0] for r in alice.conn.execute("SELECT day FROM shared_items")
    }


def test_rate_limited_send_waits_at_least_retry_after(
    hostile: Hostile, paired: tuple[Session, Session, FakeRelay]
) -> None:
    alice, _bob, _fake = paired
    a = PeersService(alice)
    hostile.other = (
        429,
        {"Retry-After": "120"},
        b'{"error": {"code": "rate_limited", "message": "slow down"}}',
    )
    before = time.time()
    entry = alice.journal.add("later please")
    a.share_send(a.share_preview(entry.id, "Bob"))
    (next_attempt, error), *_ = alice.conn.execute(
        "SELECT next_attempt, last_error FROM sync_outbox"
    ).fetchall()
    assert error == "rate_limited" and next_attempt >= before + 120


def test_a_relay_that_ignores_ack_and_fetch_gets_a_plain_fetch(
    hostile: Hostile, paired: tuple[Session, Session, FakeRelay]
) -> None:
    """A relay of the old behaviour (this server) ignores the ack's fetch parameters and
    answers ``{"acknowledged": n}`` only: the client fetches the next page itself and loses
    nothing, and it still acknowledges only after the commit."""
    alice, bob, fake = paired
    a = PeersService(alice, relay_for=lambda _u: fake)
    _share(alice, a, "first")
    entry_env = _bob_inbox(bob, fake)[-1]
    full = [{"id": _rid(i), "envelope": b64u_encode(b"\x01" + bytes(1023))} for i in range(100)]
    hostile.fetch_answers = [
        _ok(full),  # a full page of bogus envelopes: more may be waiting
        _ok([{"id": _rid(100), "envelope": b64u_encode(entry_env)}]),
    ]
    report = PeersService(bob).sync()
    assert report.errors == []
    assert (report.received, report.rejected) == (1, 100)
    inbox = bob.conn.execute("SELECT inbox_recipient_id FROM pairings").fetchone()[0]
    messages = f"GET /v1/mailboxes/{inbox}/messages"
    ack = f"POST /v1/mailboxes/{inbox}/ack"
    receiving = [c for c in hostile.calls if c.startswith((messages, ack))]
    assert receiving == [messages, f"{ack}?limit=100&wait=0", messages, ack]
    assert hostile.acked == [_rid(i) for i in range(101)]
    assert [f.body for f in PeersService(bob).feed()] == ["first"]
    _integrity(bob)
