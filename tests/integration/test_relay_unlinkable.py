"""The relay cannot link one user's pairings by connection (issue 9 §4).

A recording TCP proxy on 127.0.0.1 sits in front of the REAL relay; every vault talks to
the relay through it. Alice pairs with three peers, shares with each and syncs a few
rounds. The proxy records, per client connection, every mailbox id the HTTP traffic on it
named. Each connection must name the mailboxes of one pairing only (the handshake's
included), and the order in which Alice's rounds visit her pairings must vary.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from peerjournal.app.peers import PeersService
from peerjournal.app.session import Session
from peerjournal.sync import engine
from peerjournal.sync.store.pairings import list_pairings
from tests.helpers.recording_proxy import RecordingProxy
from tests.helpers.relay import running_relay
from tests.helpers.vault import make_session

PEERS = ("Bob", "Carol", "Dave")
ROUNDS = 8


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[RecordingProxy]:
    with running_relay(tmp_path / "relay-data") as relay, RecordingProxy(relay.url) as rec:
        yield rec


def _groups(sessions: list[Session]) -> dict[str, int]:
    """Mailbox id -> pairing number, joining both sides' rows through shared ids."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for session in sessions:
        for p in list_pairings(session.conn, include_ended=True):
            ids = [i for i in (p.inbox_recipient_id, p.inbox_sender_id, p.peer_sender_id) if i]
            for other in ids[1:]:
                parent[find(other)] = find(ids[0])
    roots = sorted({find(x) for x in parent})
    return {x: roots.index(find(x)) for x in parent}


def _assert_one_pairing_per_connection(
    proxy: RecordingProxy, sessions: list[Session]
) -> list[list[str]]:
    groups = _groups(sessions)
    touched = [c.mailboxes() for c in proxy.snapshot()]
    linked = [ids for ids in touched if len({groups[i] for i in ids}) > 1]
    assert linked == []
    return touched


def test_each_connection_carries_one_pairing_and_the_order_varies(
    proxy: RecordingProxy, tmp_path: Path
) -> None:
    pauses: list[float] = []
    alice_session = make_session(tmp_path, "alice")
    others = [make_session(tmp_path, name.lower()) for name in PEERS]
    try:
        alice = PeersService(alice_session, pause=pauses.append)
        peers = [PeersService(s, pause=lambda _s: None) for s in others]
        for name, peer in zip(PEERS, peers, strict=True):
            _info, code = alice.invite(proxy.url, pseudonym="Alice")
            peer.accept(code, pseudonym=name)
        assert sorted(alice.sync().paired) == sorted(PEERS)
        for peer in peers:
            assert peer.sync().paired == ["Alice"]
        entry = alice_session.journal.add("a hard week, but a good talk", title="Week")
        for name in PEERS:
            alice.share_send(alice.share_preview(entry.id, name))
        for peer in peers:
            assert peer.sync().received == 1
            peer.reply(peer.feed()[0].id, "thinking of you")
        pauses.clear()
        _assert_one_pairing_per_connection(proxy, [alice_session, *others])  # handshakes too

        orders: set[tuple[int, ...]] = set()
        groups = _groups([alice_session, *others])
        mine = {p.inbox_recipient_id: p.name for p in list_pairings(alice_session.conn)}
        for _ in range(ROUNDS):
            before = len(proxy.snapshot())
            alice.sync()
            visited = [groups[ids[0]] for c in proxy.snapshot()[before:] if (ids := c.mailboxes())]
            assert len(visited) >= len(PEERS)  # at least one connection per pairing
            orders.add(tuple(dict.fromkeys(visited)))
        replies = alice_session.conn.execute("SELECT count(*) FROM item_replies").fetchone()[0]
        assert replies == len(PEERS)

        touched = _assert_one_pairing_per_connection(proxy, [alice_session, *others])
        # The proxy really saw every pairing's traffic, Alice's inboxes included.
        assert {groups[i] for ids in touched for i in ids} == set(range(len(PEERS)))
        assert set(mine) <= {i for ids in touched for i in ids}
        # Random order: more than one order over the rounds (all equal: p = 6**-7).
        assert len(orders) > 1
        # Random pauses: one between each two pairings of a round, within the bound.
        assert len(pauses) == ROUNDS * (len(PEERS) - 1)
        assert all(0.0 <= s <= engine.pause_limit(len(PEERS)) for s in pauses)
        assert len(set(pauses)) > 1
    finally:
        for session in (alice_session, *others):
            session.lock()
