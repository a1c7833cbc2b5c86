"""Faults with the REAL relay: it stops and restarts mid-sync, and the client "dies" between
applying and acknowledging. Every item is applied exactly once in the end."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peerjournal.app.peers import PeersService
from peerjournal.app.session import Session
from peerjournal.sync import engine
from peerjournal.sync.relay_client import RelayClient
from tests.helpers.relay import RelayProcess, running_relay
from tests.helpers.vault import make_session

N = 30


class StoppingClient(RelayClient):
    """A real client that stops the relay process right after the n-th stored message.

    Sends run concurrently, so later calls wait until the relay is down (they then fail).
    """

    def __init__(self, url: str, relay: RelayProcess, stop_after: int) -> None:
        super().__init__(url, connect_timeout=2, read_timeout=5)
        self.relay, self.stop_after, self.puts = relay, stop_after, 0
        self.lock, self.stopped = threading.Lock(), threading.Event()

    def put_message(self, *args: Any, **kwargs: Any) -> bool:
        with self.lock:
            self.puts += 1
            n = self.puts
        if n > self.stop_after:
            self.stopped.wait(30)
        stored = super().put_message(*args, **kwargs)
        if n == self.stop_after:
            self.relay.stop()
            self.stopped.set()
        return stored


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayProcess]:
    with running_relay(tmp_path / "relay-data") as proc:
        yield proc


@pytest.fixture
def pair(tmp_path: Path, relay: RelayProcess) -> Iterator[tuple[Session, Session]]:
    alice, bob = make_session(tmp_path, "alice"), make_session(tmp_path, "bob")
    a, b = PeersService(alice), PeersService(bob)
    _info, code = a.invite(relay.url, pseudonym="Alice")
    b.accept(code, pseudonym="Bob")
    a.sync()
    b.sync()
    a.close()
    b.close()
    yield alice, bob
    alice.lock()
    bob.lock()


def _queue_entries(alice: Session, n: int) -> list[str]:
    offline = PeersService(alice, relay_for=lambda _u: RelayClient("http://127.0.0.1:9"))
    ids = []
    for i in range(n):
        entry = alice.journal.add(f"entry number {i}")
        ids.append(offline.share_send(offline.share_preview(entry.id, "Bob")))
    assert offline.get("Bob").waiting == n
    return ids


def _applied(bob: Session) -> int:
    return int(
        bob.conn.execute(
            "SELECT count(*) FROM sync_inbox WHERE status = 'applied' AND kind = 'entry'"
        ).fetchone()[0]
    )


def test_relay_restart_mid_send_converges_exactly_once(
    relay: RelayProcess, pair: tuple[Session, Session]
) -> None:
    alice, bob = pair
    ids = _queue_entries(alice, N)
    client = StoppingClient(relay.url, relay, stop_after=10)
    soon = time.time() + 3600  # past the backoff of the failed offline attempts
    report = engine.sync_once(alice, lambda _u: client, now=lambda: soon)
    assert 0 < report.sent < N and report.errors and report.waiting == N - report.sent
    first = report.sent
    relay.start()  # same port, same data folder
    later = soon + 3600  # past any backoff
    report = engine.sync_once(alice, lambda _u: RelayClient(relay.url), now=lambda: later)
    assert report.sent == N - first and report.waiting == 0 and report.errors == []
    b = PeersService(bob)
    assert b.sync().received == N
    assert sorted(f.id for f in b.feed(limit=100)) == sorted(ids)
    assert _applied(bob) == N


def test_relay_stops_between_apply_and_ack(
    relay: RelayProcess, pair: tuple[Session, Session]
) -> None:
    alice, bob = pair
    ids = _queue_entries(alice, N)
    assert PeersService(alice, clock=lambda: time.time() + 3600).sync().sent == N
    report = engine.sync_once(
        bob, lambda _u: RelayClient(relay.url, read_timeout=5), after_apply=relay.stop
    )
    assert report.received == N and report.errors  # applied, but the ack could not go out
    relay.start()
    report = PeersService(bob).sync()
    assert report.received == 0 and report.duplicates == N and report.errors == []
    assert PeersService(bob).sync().duplicates == 0  # acknowledged: the relay forgot them
    assert sorted(f.id for f in PeersService(bob).feed(limit=100)) == sorted(ids)
    assert _applied(bob) == N


def test_client_killed_between_commit_and_ack(
    relay: RelayProcess, pair: tuple[Session, Session]
) -> None:
    alice, bob = pair
    ids = _queue_entries(alice, N)
    assert PeersService(alice, clock=lambda: time.time() + 3600).sync().sent == N

    def die() -> None:
        raise SystemExit("killed after commit, before ack")

    with pytest.raises(SystemExit):
        engine.sync_once(bob, lambda _u: RelayClient(relay.url), after_apply=die)
    assert _applied(bob) == N  # committed before the "crash"
    report = PeersService(bob).sync()
    assert report.duplicates == N and report.received == 0
    assert _applied(bob) == N
    assert len(PeersService(bob).feed(limit=100)) == N
    assert sorted(f.id for f in PeersService(bob).feed(limit=100)) == sorted(ids)
    seed, rid = bob.conn.execute(
        "SELECT recipient_seed, inbox_recipient_id FROM pairings"
    ).fetchone()
    assert RelayClient(relay.url).status(rid, bytes(seed))["messages"] == 0
