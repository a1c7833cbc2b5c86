"""Inbox: strict payload validation and the apply state machine (join, hello, bye, states)."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerjournal.app.peers import PeersService
from peerjournal.app.session import Session
from peerjournal.crypto import envelope as env
from peerjournal.crypto.b64 import b64u_encode
from peerjournal.crypto.pairing import join_proof
from peerjournal.sync import inbox, pairing, payloads
from peerjournal.sync.relay_client import Fetched
from peerjournal.sync.store import pairings as store
from peerjournal.sync.store.outbox import outbox_count
from tests.helpers.relay import FakeRelay
from tests.helpers.vault import make_session

UUID = "0b9f9a3e-8a59-4a3b-b6a1-6a7e3c0e2f11"


def _doc(kind: str, body: dict[str, Any], **over: Any) -> bytes:
    doc = {"v": 1, "id": UUID, "kind": kind, "day": "2026-11-24", "body": body, **over}
    return json.dumps(doc).encode()


ENTRY = {"title": "t", "body": "b", "tags": ["x"], "mood": 3, "content_warning": ""}
BAD = [
    b"not json",
    b"[]",
    _doc("entry", ENTRY, v=3),
    _doc("entry", ENTRY, v=1.0),
    _doc("entry", ENTRY, v=2.0),
    _doc("entry", ENTRY, v=True),
    _doc("entry", ENTRY, id="not-a-uuid"),
    _doc("entry", ENTRY, id=UUID.upper()),
    _doc("entry", ENTRY, day="2026-02-30"),
    _doc("entry", ENTRY, day="2026-11-24T10:00"),
    _doc("gossip", {}),
    _doc("entry", {**ENTRY, "extra": 1}),
    _doc("entry", {**ENTRY, "mood": 6}),
    _doc("entry", {**ENTRY, "mood": True}),
    _doc("entry", {**ENTRY, "tags": ["x"] * 21}),
    _doc("entry", {**ENTRY, "tags": [" "]}),
    _doc("entry", {**ENTRY, "title": "x" * 201}),
    _doc("entry", {**ENTRY, "title": "bell\x07"}),
    _doc("reply", {"ref": UUID, "text": "  "}),
    _doc("reply", {"ref": "x", "text": "hi"}),
    _doc("reaction", {"ref": UUID, "reaction": "angry"}),
    _doc("mood", {"level": 0}),
    _doc("hello", {"pseudonym": " padded"}),
    _doc("hello", {"pseudonym": "x" * 41}),
    _doc("join", {"pseudonym": "J", "reply_sender_id": "short", "proof": "x"}),
    _doc("bye", {"anything": 1}),
]


@pytest.mark.parametrize("raw", BAD)
def test_invalid_payloads_are_rejected(raw: bytes) -> None:
    with pytest.raises(payloads.PayloadError):
        payloads.parse_payload(raw)


def test_valid_payloads_parse() -> None:
    assert payloads.parse_payload(_doc("entry", ENTRY)).body == ENTRY
    for reaction in payloads.REACTIONS:
        assert payloads.parse_payload(_doc("reaction", {"ref": UUID, "reaction": reaction}))
    assert payloads.parse_payload(_doc("bye", {})).kind == "bye"
    multi = {**ENTRY, "body": "line one\n\tline two"}
    assert payloads.parse_payload(_doc("entry", multi)).body["body"] == multi["body"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(
    kind=st.sampled_from(sorted(payloads.KINDS)),
    body=st.dictionaries(
        st.sampled_from(["title", "body", "ref", "text", "level", "pseudonym"]),
        json_values,
        max_size=5,
    ),
)
def test_random_bodies_never_crash(kind: str, body: dict[str, Any]) -> None:
    try:
        payloads.parse_payload(_doc(kind, body))
    except payloads.PayloadError:
        return


@pytest.fixture
def invited(tmp_path: Path) -> Iterator[tuple[Session, store.Pairing, str]]:
    session = make_session(tmp_path, "a")
    fake = FakeRelay()
    _info, code = PeersService(session, relay_for=lambda _u: fake).invite("http://r.test")
    yield session, store.list_pairings(session.conn)[0], code
    session.lock()


def _join(p: store.Pairing, *, secret: bytes | None = None, pid: str = UUID) -> bytes:
    joiner = env.new_box_secret()
    inviter_pub = env.box_public(p.box_secret or b"")
    proof = join_proof(secret or p.secret or b"", inviter_pub, env.box_public(joiner))
    body = {
        "pseudonym": "Jo",
        "reply_sender_id": b64u_encode(bytes(16)),
        "proof": b64u_encode(proof),
    }
    raw = payloads.encode_payload("join", "2026-11-24", body, payload_id=pid, version=1)
    return env.seal_join(raw, inviter_pub, joiner)


def _rid(n: int) -> str:
    return b64u_encode(n.to_bytes(16, "big"))


def test_join_with_wrong_proof_is_rejected(invited: Any) -> None:
    session, p, _code = invited
    result = inbox.apply_batch(session, p.id, [Fetched(_rid(1), _join(p, secret=bytes(32)))])
    assert (result.applied, result.rejected, result.ack_ids) == (0, 1, [_rid(1)])
    assert store.get_pairing(session.conn, p.id).state == "invited"
    assert outbox_count(session.conn) == 0


def test_first_join_wins_second_is_rejected(invited: Any) -> None:
    session, p, _code = invited
    first = _join(p)
    second = _join(p, pid="1b9f9a3e-8a59-4a3b-b6a1-6a7e3c0e2f11")
    result = inbox.apply_batch(
        session,
        p.id,
        [Fetched(_rid(1), first), Fetched(_rid(2), second), Fetched(_rid(3), first)],
    )
    assert (result.applied, result.rejected, result.duplicates) == (1, 2, 0)
    after = store.get_pairing(session.conn, p.id)
    assert after.state == "active" and after.name == "Jo"
    assert after.peer_box_pub == first[1:33]
    assert after.safety_code is not None and after.invite_code is None
    assert outbox_count(session.conn, p.id) == 1  # the hello
    assert result.kinds == {"join": 1}


def test_box_messages_before_pairing_and_after_end_are_not_applied(invited: Any) -> None:
    session, p, _code = invited
    stray = env.seal_box(_doc("entry", ENTRY), env.box_public(p.box_secret), env.new_box_secret())
    result = inbox.apply_batch(session, p.id, [Fetched(_rid(1), stray)])
    assert result.rejected == 1
    pairing.unpair(session, p.id, today=date(2026, 11, 24))
    result = inbox.apply_batch(session, p.id, [Fetched(_rid(2), stray)])
    assert result.ended and result.ack_ids == [_rid(2)] and result.applied == 0
    count = session.conn.execute("SELECT count(*) FROM shared_items").fetchone()[0]
    assert count == 0


def test_bye_ends_pairing_and_drops_unsent_messages(tmp_path: Path) -> None:
    a_s, b_s = make_session(tmp_path, "a"), make_session(tmp_path, "b")
    fake = FakeRelay()
    a = PeersService(a_s, relay_for=lambda _u: fake)
    b = PeersService(b_s, relay_for=lambda _u: fake)
    _i, code = a.invite("http://r.test", pseudonym="A")
    b.accept(code, pseudonym="B")
    a.sync()
    b.sync()
    entry = b_s.journal.add("never delivered")
    fake.fail_next = 1
    b.share_send(b.share_preview(entry.id, "A"))
    assert b.get("A").waiting == 1
    a.remove("B")
    report = b.sync()
    assert report.ended == ["A"] and report.waiting == 0
    ended = store.list_pairings(b_s.conn, include_ended=True)[0]
    assert (ended.state, ended.end_reason, ended.box_secret, ended.sender_seed) == (
        "ended",
        "peer",
        None,
        None,
    )
    a_s.lock()
    b_s.lock()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    blobs=st.lists(
        st.one_of(
            st.binary(max_size=64),
            st.sampled_from(env.BUCKETS).flatmap(
                lambda n: st.binary(min_size=n - 1, max_size=n - 1).map(lambda b: bytes([1]) + b)
            ),
        ),
        max_size=4,
    )
)
def test_random_envelopes_are_rejected_and_acked_never_raised(
    invited: Any, blobs: list[bytes]
) -> None:
    session, p, _code = invited
    messages = [Fetched(b64u_encode(secrets.token_bytes(16)), blob) for blob in blobs]
    result = inbox.apply_batch(session, p.id, messages)
    assert result.rejected == len(blobs) and result.applied == 0
    assert result.ack_ids == [m.id for m in messages]
    assert store.get_pairing(session.conn, p.id).state == "invited"


@pytest.mark.parametrize(
    ("expired_ago", "accepted"), [(3600, True), (pairing.INVITE_GRACE + 3600, False)]
)
def test_the_inviter_accepts_a_join_up_to_a_day_after_the_invite_expired(
    invited: Any, expired_ago: int, accepted: bool
) -> None:
    import time

    session, p, _code = invited
    with session.transaction() as conn:
        store.update_pairing(conn, p.id, invite_expires=int(time.time()) - expired_ago)
    result = inbox.apply_batch(session, p.id, [Fetched(_rid(1), _join(p))])
    assert (result.applied, result.rejected) == ((1, 0) if accepted else (0, 1))
    state = store.get_pairing(session.conn, p.id).state
    assert state == ("active" if accepted else "invited")
