"""A sync round visits pairings in random order, with bounded random pauses between them,
each through a client of its own that is closed afterwards (issue 9 §4)."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peerjournal.app.peers import PeersService
from peerjournal.app.session import Session
from peerjournal.sync import engine
from peerjournal.sync.store.pairings import list_pairings
from tests.helpers.relay import FakeRelay
from tests.helpers.vault import make_session

URL = "http://relay.test"


class Client:
    """One client handed out by ``relay_for``: records its calls and whether it was closed."""

    def __init__(self, relay: FakeRelay) -> None:
        self.relay = relay
        self.inboxes: list[str] = []
        self.closed = False

    def __getattr__(self, name: str) -> Any:
        assert not self.closed, "a closed client was used again"
        return getattr(self.relay, name)

    def fetch(self, recipient_id: str, *args: Any, **kwargs: Any) -> Any:
        self.inboxes.append(recipient_id)
        return self.relay.fetch(recipient_id, *args, **kwargs)

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def alice(tmp_path: Path) -> Iterator[tuple[Session, FakeRelay]]:
    """Alice paired with four peers through one fake relay."""
    relay = FakeRelay()
    sessions = [make_session(tmp_path, n) for n in ("alice", "b", "c", "d", "e")]
    a = PeersService(sessions[0], relay_for=lambda _u: relay)
    for n, s in enumerate(sessions[1:]):
        _info, code = a.invite(URL, pseudonym="A")
        PeersService(s, relay_for=lambda _u: relay).accept(code, pseudonym=f"P{n}")
    a.sync()
    yield sessions[0], relay
    for s in sessions:
        s.lock()


def _round(session: Session, relay: FakeRelay, seed: int) -> tuple[list[str], list[float]]:
    clients: list[Client] = []
    pauses: list[float] = []

    def relay_for(_url: str) -> Client:
        clients.append(Client(relay))
        return clients[-1]

    engine.sync_once(
        session,
        relay_for,
        order=random.Random(seed),
        pause=pauses.append,  # type: ignore[arg-type]
    )
    # One client per pairing, each closed, each fetching one inbox only.
    assert len(clients) == 4
    assert all(c.closed for c in clients)
    assert all(len(set(c.inboxes)) == 1 for c in clients)
    return [c.inboxes[0] for c in clients], pauses


def test_the_order_follows_the_injected_randomness(alice: tuple[Session, FakeRelay]) -> None:
    session, relay = alice
    inboxes = {p.inbox_recipient_id for p in list_pairings(session.conn)}
    orders = {tuple(_round(session, relay, seed)[0]) for seed in range(12)}
    assert all(set(order) == inboxes for order in orders)
    assert len(orders) > 1
    # The same randomness gives the same order: the shuffle is the only source.
    assert _round(session, relay, 7)[0] == _round(session, relay, 7)[0]


def test_pauses_fall_between_pairings_and_stay_bounded(alice: tuple[Session, FakeRelay]) -> None:
    session, relay = alice
    _order, pauses = _round(session, relay, 3)
    assert len(pauses) == 3  # between each two of four pairings, none before or after
    assert all(0.0 <= p <= engine.pause_limit(4) for p in pauses)
    assert len(set(pauses)) == 3


def test_the_whole_round_pauses_at_most_the_budget() -> None:
    assert engine.pause_limit(0) == engine.pause_limit(1) == 0.0
    assert engine.pause_limit(2) == engine.MAX_PAUSE
    for n in (2, 5, 10, 100, 1000):
        assert engine.pause_limit(n) * (n - 1) <= engine.ROUND_PAUSE_BUDGET + 1e-9


def test_a_client_is_closed_even_when_its_pairing_fails(alice: tuple[Session, FakeRelay]) -> None:
    session, relay = alice
    clients: list[Client] = []

    def relay_for(_url: str) -> Client:
        clients.append(Client(relay))
        return clients[-1]

    relay.fail_next = 1000
    report = engine.sync_once(session, relay_for, pause=lambda _s: None)  # type: ignore[arg-type]
    assert len(report.errors) == 4
    assert len(clients) == 4 and all(c.closed for c in clients)


def test_a_stopped_round_visits_no_further_pairing(alice: tuple[Session, FakeRelay]) -> None:
    session, relay = alice
    clients: list[Client] = []

    def relay_for(_url: str) -> Client:
        clients.append(Client(relay))
        return clients[-1]

    engine.sync_once(session, relay_for, stop=lambda: len(clients) >= 1)  # type: ignore[arg-type]
    assert len(clients) == 1 and clients[0].closed
    clients.clear()
    engine.sync_once(session, relay_for, stop=lambda: True)  # type: ignore[arg-type]
    assert clients == []  # stopped before it began (a round queued behind a lock)
    # The pairings not reached are simply visited by the next round.
    engine.sync_once(session, relay_for, pause=lambda _s: None)  # type: ignore[arg-type]
    assert len(clients) == 4


def test_the_default_pause_wakes_early_when_stopped() -> None:
    flag = threading.Event()
    threading.Timer(0.1, flag.set).start()
    started = time.monotonic()
    engine.pause_until(30.0, flag.is_set)
    assert time.monotonic() - started < 5.0  # woke on the stop, not after 30 s
    started = time.monotonic()
    engine.pause_until(0.2, lambda: False)
    assert time.monotonic() - started >= 0.2  # and without a stop it really pauses


def test_full_pages_are_acknowledged_with_the_next_fetch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While pages come back full the ack (after the page's commit) carries the next fetch:
    five messages in pages of two are a fetch, two acks with a fetch and a plain ack, not
    three fetches and three acks."""
    relay = FakeRelay()
    alice, bob = make_session(tmp_path, "alice"), make_session(tmp_path, "bob")
    try:
        a = PeersService(alice, relay_for=lambda _u: relay)
        b = PeersService(bob, relay_for=lambda _u: relay)
        _info, code = a.invite(URL, pseudonym="Alice")
        b.accept(code, pseudonym="Bob")
        a.sync()
        b.sync()
        for n in range(5):
            a.share_send(a.share_preview(alice.journal.add(f"entry {n}").id, "Bob"))
        monkeypatch.setattr(engine, "FETCH_LIMIT", 2)
        relay.calls.clear()
        report = b.sync()
        assert report.errors == [] and report.received == 5
        receiving = [c[0] for c in relay.calls if c[0] in ("fetch", "ack", "ack_and_fetch")]
        assert receiving == ["fetch", "ack_and_fetch", "ack_and_fetch", "ack"]
        assert sorted(f.body for f in b.feed()) == [f"entry {n}" for n in range(5)]
        inbox = bob.conn.execute("SELECT inbox_recipient_id FROM pairings").fetchone()[0]
        assert relay.boxes[inbox].messages == {}
    finally:
        alice.lock()
        bob.lock()
