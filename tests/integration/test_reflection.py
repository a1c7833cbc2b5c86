"""Protocol 2 binds each message to its direction (docs/protocol.md section 5): a relay
that copies A's own envelope into A's inbox gets it refused, through the REAL relay on
127.0.0.1. Protocol-1 messages from a peer that has not upgraded are still read, and a
protocol-1 reflection of one's own message is refused by its id."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerjournal.app.peers import PeersService
from peerjournal.app.session import Session
from peerjournal.crypto import envelope as env
from peerjournal.crypto.b64 import b64u_encode
from peerjournal.sync.relay_client import RelayClient
from peerjournal.sync.store.pairings import Pairing, get_pairing, list_pairings, update_pairing
from tests.helpers.relay import RelayProcess, running_relay
from tests.helpers.vault import make_session


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayProcess]:
    with running_relay(tmp_path / "relay-data") as proc:
        yield proc


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    alice, bob = make_session(tmp_path, "alice"), make_session(tmp_path, "bob")
    yield alice, bob
    alice.lock()
    bob.lock()


def _pair(relay: RelayProcess, alice: Session, bob: Session) -> tuple[PeersService, PeersService]:
    a, b = PeersService(alice), PeersService(bob)
    _info, code = a.invite(relay.url, pseudonym="Alice")
    b.accept(code, pseudonym="Bob")
    assert a.sync().paired == ["Bob"]
    assert b.sync().paired == ["Alice"]
    return a, b


def _only(session: Session) -> Pairing:
    (p,) = list_pairings(session.conn)
    return p


def _reflect(relay: RelayProcess, alice: Session, bob: Session) -> bytes:
    """Take the envelope Alice just sent out of Bob's mailbox (unread) and store it in
    Alice's own inbox, as a relay could. Returns the envelope."""
    pa, pb = _only(alice), _only(bob)
    client = RelayClient(relay.url)
    try:
        assert pb.recipient_seed is not None and pb.sender_seed is not None
        waiting = client.fetch(pb.inbox_recipient_id, pb.recipient_seed)
        assert len(waiting) == 1
        envelope = waiting[0].envelope
        client.ack(pb.inbox_recipient_id, pb.recipient_seed, [waiting[0].id])
        # Bob's sender key is the only one Alice's inbox accepts: the relay itself would
        # just copy the row, the test goes through the relay's front door.
        assert pb.peer_sender_id == pa.inbox_sender_id
        message_id = b64u_encode(secrets.token_bytes(16))
        client.put_message(pb.peer_sender_id, pb.sender_seed, message_id, envelope)
    finally:
        client.close()
    return envelope


def _moods(session: Session) -> list[tuple[int]]:
    return session.conn.execute("SELECT level FROM peer_moods").fetchall()


def test_own_protocol2_mood_copied_into_own_inbox_is_refused(
    relay: RelayProcess, two: tuple[Session, Session]
) -> None:
    alice, bob = two
    a, b = _pair(relay, alice, bob)
    assert a.sync().errors == [] and b.sync().errors == []  # each side heard the other's v2
    a.share_mood("Bob", 1)
    envelope = _reflect(relay, alice, bob)
    assert envelope[0] == env.TYPE_BOX2
    report = a.sync()
    assert (report.received, report.rejected) == (0, 1)
    assert _moods(alice) == []  # "your peer is at mood 1" is not shown
    assert _only(alice).peer_version == 2 and _only(bob).peer_version == 2


def test_protocol1_peer_is_read_and_own_protocol1_reflection_refused_by_id(
    relay: RelayProcess, two: tuple[Session, Session]
) -> None:
    alice, bob = two
    a, b = _pair(relay, alice, bob)
    assert a.sync().errors == [] and b.sync().errors == []
    # Both sides as if the other had not upgraded yet: nothing learnt, nothing announced.
    for session in (alice, bob):
        with session.transaction() as conn:
            pairing = _only(session)
            update_pairing(conn, pairing.id, peer_version=1, v2_announced=1)
    b.share_mood("Alice", 4)  # a protocol-1 message from a peer that has not upgraded
    report = a.sync()
    assert report.received == 1 and _moods(alice) == [(4,)]
    assert get_pairing(alice.conn, _only(alice).id).peer_version == 1
    a.share_mood("Bob", 1)
    envelope = _reflect(relay, alice, bob)
    assert envelope[0] == env.TYPE_BOX
    report = a.sync()
    assert (report.received, report.rejected) == (0, 1)
    assert _moods(alice) == [(4,)]
