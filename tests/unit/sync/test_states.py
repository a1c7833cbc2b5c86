"""The pairing, outbox and inbox machines, transition by transition, on real vaults.

Each row of each transition table has a test below that drives the real code into that
transition (fake relay, real SQLCipher vaults); the last tests check that no row is left
untested, that pairs outside the tables are refused, and that docs/protocol.md section 8
draws the machines with the code's own names.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from peerjournal.app.peers import PeersService
from peerjournal.app.session import Session
from peerjournal.crypto import envelope as env
from peerjournal.errors import InvalidInput, RelayRejected
from peerjournal.sync import engine, inbox, outbox, pairing, states
from peerjournal.sync.payloads import encode_payload, new_id, parse_payload
from peerjournal.sync.relay_client import Fetched
from peerjournal.sync.states import (
    INBOX,
    OUTBOX,
    PAIRING,
    InboxEvent,
    InboxState,
    OutboxEvent,
    OutboxState,
    PairingEvent,
    PairingState,
)
from peerjournal.sync.store.outbox import outbox_count
from peerjournal.sync.store.pairings import Pairing, find_pairing, list_pairings
from tests.helpers.relay import FakeRelay
from tests.helpers.vault import make_session

DAY = date(2026, 11, 24)
COVERED: dict[str, set[tuple[Any, Any]]] = {"pairing": set(), "outbox": set(), "inbox": set()}


def covers(machine: str, *rows: tuple[Any, Any]) -> Callable[[Callable[..., None]], Any]:
    """Mark a test as the one that drives these rows of a machine's table."""

    def mark(test: Callable[..., None]) -> Callable[..., None]:
        COVERED[machine].update(rows)
        return test

    return mark


@dataclass
class Two:
    a_s: Session
    b_s: Session
    relay: FakeRelay
    a: PeersService
    b: PeersService
    clock: list[float]

    def of(self, session: Session, name: str) -> Pairing:
        return find_pairing(session.conn, name)

    def only(self, session: Session) -> Pairing:
        return list_pairings(session.conn, include_ended=True)[0]


@pytest.fixture
def two(tmp_path: Path) -> Iterator[Two]:
    a_s, b_s = make_session(tmp_path, "a"), make_session(tmp_path, "b")
    relay = FakeRelay()
    clock = [time.time()]

    def svc(s: Session) -> PeersService:
        return PeersService(
            s, relay_for=lambda _u: relay, clock=lambda: clock[0], today=lambda: DAY
        )

    yield Two(a_s, b_s, relay, svc(a_s), svc(b_s), clock)
    a_s.lock()
    b_s.lock()


def _invite_and_join(t: Two) -> None:
    _info, code = t.a.invite("http://r.test", pseudonym="A")
    t.b.accept(code, pseudonym="B")


def _paired(t: Two) -> None:
    _invite_and_join(t)
    t.a.sync()
    t.b.sync()


def _sealed(sender: Pairing, kind: str, body: dict[str, Any]) -> bytes:
    """An envelope from ``sender``'s side of a pairing to its peer."""
    assert sender.box_secret is not None and sender.peer_box_pub is not None
    raw = encode_payload(kind, DAY.isoformat(), body, payload_id=new_id(), version=1)
    return env.seal_box(raw, sender.peer_box_pub, sender.box_secret)


def _rid(n: int) -> str:
    from peerjournal.crypto.b64 import b64u_encode

    return b64u_encode(n.to_bytes(16, "big"))


# -- pairing ------------------------------------------------------------------------------


@covers("pairing", (None, PairingEvent.INVITE_CREATED), (None, PairingEvent.INVITE_ACCEPTED))
def test_an_invite_makes_an_invited_pairing_and_accepting_it_a_joining_one(two: Two) -> None:
    _invite_and_join(two)
    assert two.only(two.a_s).state == PairingState.INVITED
    assert two.only(two.b_s).state == PairingState.JOINING


@covers(
    "pairing",
    (PairingState.INVITED, PairingEvent.JOIN_ACCEPTED),
    (PairingState.JOINING, PairingEvent.HELLO_RECEIVED),
)
def test_a_good_join_activates_the_inviter_and_its_hello_the_joiner(two: Two) -> None:
    _invite_and_join(two)
    two.a.sync()
    assert two.of(two.a_s, "B").state == PairingState.ACTIVE
    assert two.only(two.b_s).state == PairingState.JOINING
    two.b.sync()
    assert two.of(two.b_s, "A").state == PairingState.ACTIVE


@covers("pairing", (PairingState.ACTIVE, PairingEvent.HELLO_RECEIVED))
def test_a_repeated_hello_leaves_an_active_pairing_as_it_is(two: Two) -> None:
    _paired(two)
    before = two.of(two.b_s, "A")
    hello = _sealed(two.of(two.a_s, "B"), "hello", {"pseudonym": "Someone else"})
    result = inbox.apply_batch(two.b_s, before.id, [Fetched(_rid(1), hello)])
    assert result.applied == 1
    after = two.of(two.b_s, "A")
    assert (after.state, after.name) == (PairingState.ACTIVE, "A")


@covers("pairing", (PairingState.INVITED, PairingEvent.INVITE_LAPSED))
def test_an_unanswered_invite_lapses_a_day_after_it_expired(two: Two) -> None:
    two.a.invite("http://r.test")
    two.clock[0] += pairing.INVITE_TTL + pairing.INVITE_GRACE + 60
    two.a.sync()
    ended = two.only(two.a_s)
    assert (ended.state, ended.end_reason) == (PairingState.ENDED, "expired")


@covers(
    "pairing",
    (PairingState.INVITED, PairingEvent.UNPAIRED),
    (PairingState.JOINING, PairingEvent.UNPAIRED),
)
def test_a_pending_pairing_can_be_ended_on_either_side(two: Two) -> None:
    _invite_and_join(two)
    for session, svc in ((two.a_s, two.a), (two.b_s, two.b)):
        svc.remove(two.only(session).name)
        ended = two.only(session)
        assert (ended.state, ended.end_reason) == (PairingState.ENDED, "me")


@covers(
    "pairing",
    (PairingState.ACTIVE, PairingEvent.UNPAIRED),
    (PairingState.ACTIVE, PairingEvent.BYE_RECEIVED),
)
def test_unpairing_ends_this_side_and_the_bye_ends_the_other(two: Two) -> None:
    _paired(two)
    two.a.remove("B")
    assert two.only(two.a_s).state == PairingState.ENDED
    assert two.b.sync().ended == ["A"]
    ended = two.only(two.b_s)
    assert (ended.state, ended.end_reason) == (PairingState.ENDED, "peer")


@covers("pairing", (PairingState.JOINING, PairingEvent.BYE_RECEIVED))
def test_a_bye_before_the_hello_ends_a_joining_pairing(two: Two) -> None:
    _invite_and_join(two)
    two.a.sync()  # the inviter is active; its hello waits on the relay, unread
    joiner = two.only(two.b_s)
    bye = _sealed(two.of(two.a_s, "B"), "bye", {})
    inbox.apply_batch(two.b_s, joiner.id, [Fetched(_rid(1), bye)])
    assert two.only(two.b_s).state == PairingState.ENDED


@pytest.mark.parametrize(
    ("state", "event"),
    [
        (PairingState.INVITED, PairingEvent.HELLO_RECEIVED),
        (PairingState.INVITED, PairingEvent.BYE_RECEIVED),
        (PairingState.ACTIVE, PairingEvent.JOIN_ACCEPTED),
        (PairingState.ENDED, PairingEvent.UNPAIRED),
        (PairingState.ENDED, PairingEvent.HELLO_RECEIVED),
    ],
)
def test_pairs_outside_the_pairing_table_are_refused(state: Any, event: Any) -> None:
    assert not states.allows(PAIRING, state, event)
    with pytest.raises(states.NotAllowed):
        states.step(PAIRING, state, event)


def test_a_hello_or_bye_to_an_invite_is_rejected_and_changes_nothing(two: Two) -> None:
    two.a.invite("http://r.test")
    p = two.only(two.a_s)
    inviter_pub = env.box_public(p.box_secret or b"")
    stranger = Pairing(**{**p.__dict__, "box_secret": env.new_box_secret()})
    stranger = Pairing(**{**stranger.__dict__, "peer_box_pub": inviter_pub})
    kinds: list[tuple[str, dict[str, Any]]] = [("hello", {"pseudonym": "X"}), ("bye", {})]
    messages = [Fetched(_rid(n), _sealed(stranger, k, b)) for n, (k, b) in enumerate(kinds)]
    result = inbox.apply_batch(two.a_s, p.id, messages)
    assert result.rejected == 2 and two.only(two.a_s).state == PairingState.INVITED


def test_unpairing_an_ended_pairing_changes_nothing(two: Two) -> None:
    two.a.invite("http://r.test")
    p = two.only(two.a_s)
    pairing.unpair(two.a_s, p.id, today=DAY)
    first = two.only(two.a_s)
    assert pairing.unpair(two.a_s, p.id, today=DAY) == first


@covers(
    "pairing",
    (PairingState.ACTIVE, PairingEvent.CODE_COMPARED),
    (PairingState.VERIFIED, PairingEvent.CODE_COMPARED),
)
def test_comparing_the_code_verifies_an_active_pairing_once_and_content_still_flows(
    two: Two,
) -> None:
    _paired(two)
    assert two.a.get("B").verified is False
    info = two.a.verify("B")
    assert (info.state, info.verified) == (PairingState.VERIFIED, True)
    assert two.a.verify("B") == info  # again: nothing changes
    assert two.b.get("A").state == PairingState.ACTIVE  # each side verifies for itself
    entry = two.a_s.journal.add("still shared")
    two.a.share_send(two.a.share_preview(entry.id, "B"))
    assert two.b.sync().received == 1


@pytest.mark.parametrize("side", ["inviter", "joiner"])
def test_a_pairing_without_a_code_to_compare_cannot_be_verified(two: Two, side: str) -> None:
    _invite_and_join(two)
    session, svc = (two.a_s, two.a) if side == "inviter" else (two.b_s, two.b)
    name = two.only(session).name
    with pytest.raises(InvalidInput) as caught:
        svc.verify(name)
    assert caught.value.code == "peer.not_verifiable"
    assert two.only(session).state in (PairingState.INVITED, PairingState.JOINING)


@covers("pairing", (PairingState.VERIFIED, PairingEvent.HELLO_RECEIVED))
def test_a_repeated_hello_leaves_a_verified_pairing_verified(two: Two) -> None:
    _paired(two)
    two.b.verify("A")
    hello = _sealed(two.of(two.a_s, "B"), "hello", {"pseudonym": "Someone else"})
    inbox.apply_batch(two.b_s, two.of(two.b_s, "A").id, [Fetched(_rid(1), hello)])
    assert two.of(two.b_s, "A").state == PairingState.VERIFIED


@covers(
    "pairing",
    (PairingState.VERIFIED, PairingEvent.UNPAIRED),
    (PairingState.VERIFIED, PairingEvent.BYE_RECEIVED),
)
def test_a_verified_pairing_ends_like_an_active_one(two: Two) -> None:
    _paired(two)
    two.a.verify("B")
    two.b.verify("A")
    two.a.remove("B")
    assert two.only(two.a_s).state == PairingState.ENDED
    assert two.b.sync().ended == ["A"]
    assert two.only(two.b_s).state == PairingState.ENDED


def test_the_invite_secret_is_forgotten_once_the_join_is_done(two: Two) -> None:
    _invite_and_join(two)
    assert two.only(two.a_s).secret is not None  # the inviter needs it to check the join
    two.a.sync()
    assert two.only(two.a_s).secret is None
    two.b.sync()
    joiner = two.only(two.b_s)
    assert joiner.secret is None and joiner.safety_code == two.only(two.a_s).safety_code


# -- outbox -------------------------------------------------------------------------------


class Scripted:
    """A relay wrapper whose n-th put fails as scripted ("down" or a relay code)."""

    def __init__(self, relay: FakeRelay, script: dict[int, str]) -> None:
        self.relay, self.script, self.n = relay, script, 0

    def secure(self, sender_id: str, sender_seed: bytes) -> None:
        self.relay.secure(sender_id, sender_seed)

    def put_message(self, sid: str, seed: bytes, message_id: str, envelope: bytes) -> bool:
        self.n += 1
        what = self.script.get(self.n)
        if what == "down":
            from peerjournal.errors import RelayUnreachable

            raise RelayUnreachable()
        if what is not None:
            raise RelayRejected.from_relay(what, 409)
        return self.relay.put_message(sid, seed, message_id, envelope)


def _queued(t: Two, n: int) -> Pairing:
    _paired(t)
    for i in range(n):
        entry = t.a_s.journal.add(f"entry {i}")
        t.a.share_send(t.a.share_preview(entry.id, "B"), send_now=False)
    return t.of(t.a_s, "B")


def _rows(session: Session) -> list[tuple[int, float, str | None]]:
    return session.conn.execute(
        "SELECT attempts, next_attempt, last_error FROM sync_outbox ORDER BY seq"
    ).fetchall()


@covers("outbox", (OutboxState.QUEUED, OutboxEvent.STORED))
def test_a_stored_message_is_sent_and_leaves_the_outbox(two: Two) -> None:
    p = _queued(two, 2)
    result = outbox.send_due(two.a_s, two.relay, p, now=two.clock[0], rand=lambda: 0.5)
    assert result.sent == 2 and outbox_count(two.a_s.conn) == 0


@covers("outbox", (OutboxState.QUEUED, OutboxEvent.HELD_BACK))
def test_a_passing_failure_holds_this_message_and_the_rest_of_the_queue(two: Two) -> None:
    p = _queued(two, 3)
    relay = Scripted(two.relay, {2: "mailbox_full"})
    result = outbox.send_due(two.a_s, relay, p, now=1000.0, rand=lambda: 0.5)
    assert result.sent == 1 and relay.n == 2
    assert [(a, e) for a, _at, e in _rows(two.a_s)] == [(1, "mailbox_full")] * 2
    assert [states.outbox_state(at, 1000.0) for _a, at, _e in _rows(two.a_s)] == [
        OutboxState.WAITING
    ] * 2


@covers("outbox", (OutboxState.QUEUED, OutboxEvent.REFUSED))
def test_a_refusal_of_one_message_lets_the_others_go(two: Two) -> None:
    p = _queued(two, 3)
    relay = Scripted(two.relay, {1: "message_conflict"})
    result = outbox.send_due(two.a_s, relay, p, now=1000.0, rand=lambda: 0.5)
    assert result.sent == 2 and relay.n == 3
    assert [(a, e) for a, _at, e in _rows(two.a_s)] == [(1, "message_conflict")]


@covers("outbox", (OutboxState.WAITING, OutboxEvent.DUE))
def test_a_waiting_message_is_due_again_at_its_next_attempt(two: Two) -> None:
    p = _queued(two, 1)
    outbox.send_due(two.a_s, Scripted(two.relay, {1: "down"}), p, now=1000.0, rand=lambda: 1.0)
    ((_attempts, at, _error),) = _rows(two.a_s)
    assert states.outbox_state(at, at - 0.001) == OutboxState.WAITING
    assert outbox.send_due(two.a_s, two.relay, p, now=at - 0.001, rand=lambda: 1.0).sent == 0
    assert states.outbox_state(at, at) == OutboxState.QUEUED
    assert outbox.send_due(two.a_s, two.relay, p, now=at, rand=lambda: 1.0).sent == 1


@covers(
    "outbox",
    (OutboxState.QUEUED, OutboxEvent.ABANDONED),
    (OutboxState.WAITING, OutboxEvent.ABANDONED),
)
def test_messages_nobody_will_read_are_dropped_whether_queued_or_waiting(two: Two) -> None:
    _paired(two)
    p = two.of(two.b_s, "A")
    for n, relay in enumerate((Scripted(two.relay, {1: "down"}), None)):
        entry = two.b_s.journal.add(f"entry {n}")
        two.b.share_send(two.b.share_preview(entry.id, "A"), send_now=False)
        if relay is not None:
            outbox.send_due(two.b_s, relay, p, now=1000.0, rand=lambda: 1.0)
    at = [next_at for _a, next_at, _e in _rows(two.b_s)]
    assert [states.outbox_state(x, 1000.5) for x in at] == [
        OutboxState.WAITING,
        OutboxState.QUEUED,
    ]
    bye = _sealed(two.of(two.a_s, "B"), "bye", {})  # the peer ended the pairing
    inbox.apply_batch(two.b_s, p.id, [Fetched(_rid(1), bye)])
    assert outbox_count(two.b_s.conn, p.id) == 0


def test_an_ended_pairings_messages_to_a_gone_mailbox_are_dropped_at_teardown(two: Two) -> None:
    _paired(two)
    two.b.remove("A")  # B's mailbox goes: what A sends it can never arrive
    entry = two.a_s.journal.add("late")
    two.a.share_send(two.a.share_preview(entry.id, "B"), send_now=False)
    p = two.of(two.a_s, "B")
    pairing.unpair(two.a_s, p.id, today=DAY)  # the entry and a bye wait
    assert outbox_count(two.a_s.conn, p.id) == 2
    engine.sync_once(two.a_s, lambda _u: two.relay, today=DAY, now=lambda: 10**10)
    assert outbox_count(two.a_s.conn, p.id) == 0


# -- inbox --------------------------------------------------------------------------------


def _one_entry(t: Two) -> Fetched:
    _paired(t)
    body = {"title": "t", "body": "b", "tags": [], "mood": None, "content_warning": ""}
    return Fetched(_rid(7), _sealed(t.of(t.a_s, "B"), "entry", body))


@covers(
    "inbox",
    (InboxState.FETCHED, InboxEvent.VALID),
    (InboxState.APPLIED, InboxEvent.ACKNOWLEDGED),
)
def test_a_valid_message_is_applied_recorded_and_acked(two: Two) -> None:
    message = _one_entry(two)
    result = inbox.apply_batch(two.b_s, two.of(two.b_s, "A").id, [message])
    assert (result.applied, result.ack_ids) == (1, [message.id])
    assert len(two.b.feed()) == 1


@covers(
    "inbox",
    (InboxState.FETCHED, InboxEvent.SEEN_BEFORE),
    (InboxState.DUPLICATE, InboxEvent.ACKNOWLEDGED),
)
def test_a_message_seen_before_is_a_duplicate_and_acked_again(two: Two) -> None:
    message = _one_entry(two)
    pid = two.of(two.b_s, "A").id
    inbox.apply_batch(two.b_s, pid, [message])
    again = inbox.apply_batch(two.b_s, pid, [message])
    assert (again.applied, again.duplicates, again.ack_ids) == (0, 1, [message.id])
    assert len(two.b.feed()) == 1


@covers(
    "inbox",
    (InboxState.FETCHED, InboxEvent.REFUSED),
    (InboxState.REJECTED, InboxEvent.ACKNOWLEDGED),
)
def test_an_unreadable_message_is_rejected_recorded_and_acked(two: Two) -> None:
    _paired(two)
    pid = two.of(two.b_s, "A").id
    result = inbox.apply_batch(two.b_s, pid, [Fetched(_rid(9), b"\x01garbage")])
    assert (result.rejected, result.ack_ids) == (1, [_rid(9)])
    status = two.b_s.conn.execute(
        "SELECT status FROM sync_inbox WHERE key = ?", (f"relay:{_rid(9)}",)
    )
    assert status.fetchone()[0] == InboxState.REJECTED


@covers(
    "inbox",
    (InboxState.FETCHED, InboxEvent.PAIRING_ENDED),
    (InboxState.IGNORED, InboxEvent.ACKNOWLEDGED),
)
def test_a_message_for_an_ended_pairing_is_ignored_and_acked(two: Two) -> None:
    message = _one_entry(two)
    p = two.of(two.b_s, "A")
    pairing.unpair(two.b_s, p.id, today=DAY)
    result = inbox.apply_batch(two.b_s, p.id, [message])
    assert (result.applied, result.duplicates, result.rejected) == (0, 0, 0)
    assert result.ack_ids == [message.id] and result.ended
    assert two.b_s.conn.execute("SELECT count(*) FROM shared_items").fetchone()[0] == 0


@covers(
    "inbox",
    (InboxState.FETCHED, InboxEvent.REF_UNKNOWN),
    (InboxState.HELD, InboxEvent.ACKNOWLEDGED),
)
def test_a_reply_before_its_item_is_held_acked_and_applied_when_the_item_comes(
    two: Two,
) -> None:
    entry = _one_entry(two)
    a_side = two.of(two.a_s, "B")
    item_id = parse_payload(
        env.open_box(entry.envelope, env.box_public(a_side.box_secret or b""),
                     two.of(two.b_s, "A").box_secret or b"")
    ).id  # fmt: skip
    reply = Fetched(_rid(8), _sealed(a_side, "reply", {"ref": item_id, "text": "later"}))
    pid = two.of(two.b_s, "A").id
    first = inbox.apply_batch(two.b_s, pid, [reply])
    assert (first.applied, first.held, first.rejected, first.ack_ids) == (0, 1, 0, [reply.id])
    assert inbox.apply_batch(two.b_s, pid, [reply]).duplicates == 1  # held counts as seen
    inbox.apply_batch(two.b_s, pid, [entry])
    (item,) = two.b.feed()
    assert [r.text for r in item.replies] == ["later"]


# -- the tables as a whole ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("machine", "table"), [("pairing", PAIRING), ("outbox", OUTBOX), ("inbox", INBOX)]
)
def test_every_transition_has_its_test(machine: str, table: Any) -> None:
    assert set(table) == COVERED[machine]


def test_the_protocol_document_draws_the_machines_with_the_codes_names() -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "protocol.md").read_text("utf-8")
    section = doc.split("## 8.", 1)[1]
    drawn = set(re.findall(r"\b[A-Z][A-Z_]{2,}\b", section))
    names = {
        member.name
        for kind in (PairingState, PairingEvent, OutboxState, OutboxEvent, InboxState, InboxEvent)
        for member in kind
    }
    assert names <= drawn, f"not drawn in docs/protocol.md section 8: {sorted(names - drawn)}"
    relay_states = {"UNSECURED", "SECURED"}  # the relay's mailbox machine (its own names)
    extra = drawn - names - relay_states - {"POST", "PUT", "DELETE", "GET"}
    assert extra == set(), f"names in section 8 that the code does not use: {sorted(extra)}"
