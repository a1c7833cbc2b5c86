"""Reordered messages are held, not lost (docs/protocol.md section 7), with the REAL relay
on 127.0.0.1 delivering a reply and a reaction before the item they refer to."""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerjournal.app.peers import PeersService
from peerjournal.app.session import Session
from peerjournal.crypto.b64 import b64u_encode
from peerjournal.sync import inbox
from peerjournal.sync.relay_client import RelayClient
from peerjournal.sync.store import held
from peerjournal.sync.store.pairings import Pairing, list_pairings
from tests.helpers.relay import RelayProcess, running_relay
from tests.helpers.vault import make_session

CANARY = "heldcanary4471"


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


def _only(session: Session) -> Pairing:
    (p,) = list_pairings(session.conn)
    return p


def _paired(relay: RelayProcess, alice: Session, bob: Session) -> tuple[PeersService, PeersService]:
    a, b = PeersService(alice), PeersService(bob)
    _info, code = a.invite(relay.url, pseudonym="Alice")
    b.accept(code, pseudonym="Bob")
    a.sync()
    b.sync()
    a.sync()
    return a, b


def _reverse_bobs_mailbox(relay: RelayProcess, alice: Session, bob: Session) -> int:
    """Take what waits for Bob and store it again newest first (a relay may reorder)."""
    pa, pb = _only(alice), _only(bob)
    assert pb.recipient_seed is not None and pa.sender_seed is not None
    assert pa.peer_sender_id is not None
    client = RelayClient(relay.url)
    try:
        waiting = client.fetch(pb.inbox_recipient_id, pb.recipient_seed)
        client.ack(pb.inbox_recipient_id, pb.recipient_seed, [m.id for m in waiting])
        for message in reversed(waiting):
            new_id = b64u_encode(secrets.token_bytes(16))
            client.put_message(pa.peer_sender_id, pa.sender_seed, new_id, message.envelope)
    finally:
        client.close()
    return len(waiting)


def test_reply_and_reaction_before_their_item_are_held_then_applied(
    relay: RelayProcess, two: tuple[Session, Session], caplog: pytest.LogCaptureFixture
) -> None:
    alice, bob = two
    a, b = _paired(relay, alice, bob)
    entry = alice.journal.add("A quiet day", title="Quiet")
    item = a.share_send(a.share_preview(entry.id, "Bob"), send_now=False)
    a.reply(item, f"and one more thing {CANARY}")  # a reply to one's own item
    a.react(item, "thanks")
    a.sync()
    assert _reverse_bobs_mailbox(relay, alice, bob) == 3  # reaction, reply, then the item
    report = b.sync()
    assert report.errors == [] and report.rejected == 0
    got = b.feed()
    assert [i.id for i in got] == [item]
    assert [r.text for r in got[0].replies] == [f"and one more thing {CANARY}"]
    assert [r.text for r in got[0].reactions] == ["thanks"]
    assert bob.conn.execute("SELECT count(*) FROM sync_held").fetchone() == (0,)
    # Held text lived only inside the encrypted vault.
    for path in bob.folder.rglob("*"):
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes(), path


def test_held_responses_are_bounded_and_expire_with_a_log_line_without_content(
    relay: RelayProcess, two: tuple[Session, Session], caplog: pytest.LogCaptureFixture
) -> None:
    alice, bob = two
    a, b = _paired(relay, alice, bob)
    entry = alice.journal.add("Another day", title="Another")
    item = a.share_send(a.share_preview(entry.id, "Bob"), send_now=False)
    a.reply(item, CANARY)
    a.sync()
    pa, pb = _only(alice), _only(bob)
    assert pb.recipient_seed is not None
    client = RelayClient(relay.url)
    try:  # the item is lost on the way: only the reply arrives
        waiting = client.fetch(pb.inbox_recipient_id, pb.recipient_seed)
        client.ack(pb.inbox_recipient_id, pb.recipient_seed, [waiting[0].id])
    finally:
        client.close()
    assert b.sync().rejected == 0
    assert held.held_count(bob.conn, pb.id) == 1
    with caplog.at_level(logging.INFO, logger="peerjournal.sync.inbox"):
        assert inbox.expire_held(bob, now=time.time() + held.HOLD_SECONDS + 60) == 1
    assert held.held_count(bob.conn, pb.id) == 0
    assert "dropped 1 held" in caplog.text and CANARY not in caplog.text
    assert pa.id  # the pairing itself goes on
    with bob.transaction() as conn:  # the bound: a full hold refuses the next one
        for n in range(held.MAX_HELD_PER_PAIRING):
            held.hold(
                conn,
                held.HeldResponse(pb.id, f"id-{n}", "ref", "reaction", "2026-12-02", "hug"),
                now=time.time(),
            )
    a.reply(item, "one too many")
    a.sync()
    report = b.sync()
    assert report.rejected == 1
    assert held.held_count(bob.conn, pb.id) == held.MAX_HELD_PER_PAIRING
