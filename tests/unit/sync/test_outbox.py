"""The outbox state machine against the recording fake relay and a real vault."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerjournal.app.peers import PeersService
from peerjournal.app.session import Session
from peerjournal.errors import RelayRejected, RelayUnreachable
from peerjournal.sync import outbox
from peerjournal.sync.store import pairings as store
from tests.helpers.relay import FakeRelay
from tests.helpers.vault import make_session


class Offline:
    """A relay that is never reachable (keeps everything queued)."""

    def secure(self, sender_id: str, sender_seed: bytes) -> None:
        raise RelayUnreachable()

    def put_message(self, sid: str, seed: bytes, message_id: str, envelope: bytes) -> bool:
        raise RelayUnreachable()


class Flaky:
    """Wraps the fake: scripted outcomes per put, by call number (1-based)."""

    def __init__(self, fake: FakeRelay, script: dict[int, str]) -> None:
        self.fake, self.script, self.n = fake, script, 0
        self.sent: list[str] = []

    def secure(self, sender_id: str, sender_seed: bytes) -> None:
        self.fake.secure(sender_id, sender_seed)

    def put_message(self, sid: str, seed: bytes, message_id: str, envelope: bytes) -> bool:
        self.n += 1
        what = self.script.get(self.n)
        if what == "drop":
            raise RelayUnreachable()
        if what == "lost-answer":  # stored, but the answer never arrived
            self.fake.put_message(sid, seed, message_id, envelope)
            raise RelayUnreachable()
        if what is not None:
            raise RelayRejected.from_relay(what, 409)
        self.sent.append(message_id)
        return self.fake.put_message(sid, seed, message_id, envelope)


@given(attempts=st.integers(min_value=1, max_value=200), r=st.floats(0, 1))
def test_backoff_is_full_jitter_capped_at_15_minutes(attempts: int, r: float) -> None:
    delay = outbox.backoff_delay(attempts, lambda: r)
    ceiling = min(900.0, 2.0 ** (attempts - 1))
    assert 0 <= delay <= ceiling
    assert delay == pytest.approx(r * ceiling)


def test_backoff_doubles_from_one_second() -> None:
    assert [outbox.backoff_delay(a, lambda: 1.0) for a in (1, 2, 3, 10, 11, 40)] == [
        1.0, 2.0, 4.0, 512.0, 900.0, 900.0,
    ]  # fmt: skip
    with pytest.raises(ValueError):
        outbox.backoff_delay(0, lambda: 1.0)


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[Session, Session, FakeRelay, store.Pairing]]:
    a_s, b_s = make_session(tmp_path, "a"), make_session(tmp_path, "b")
    fake = FakeRelay()
    a = PeersService(a_s, relay_for=lambda _u: fake)
    b = PeersService(b_s, relay_for=lambda _u: fake)
    _i, code = a.invite("http://r.test", pseudonym="A")
    b.accept(code, pseudonym="B")
    a.sync()
    b.sync()
    for n in range(4):
        entry = a_s.journal.add(f"entry {n}")
        a.share_send(a.share_preview(entry.id, "B"), send_now=False)
    pairing = store.find_pairing(a_s.conn, "B")
    yield a_s, b_s, fake, pairing
    a_s.lock()
    b_s.lock()


def _rows(session: Session) -> list[tuple[str, int, float, str | None]]:
    return session.conn.execute(
        "SELECT message_id, attempts, next_attempt, last_error FROM sync_outbox ORDER BY seq"
    ).fetchall()


def test_network_drop_stops_and_schedules_the_rest(setup: Any) -> None:
    a_s, _b, fake, pairing = setup
    before = [r[0] for r in _rows(a_s)]
    flaky = Flaky(fake, {2: "drop"})
    result = outbox.send_due(a_s, flaky, pairing, now=1000.0, rand=lambda: 0.5)
    assert (result.sent, result.failed) == (1, 3)
    rows = _rows(a_s)
    assert [r[0] for r in rows] == before[1:]  # order kept, the first one is gone
    assert all(r[1] == 1 and r[2] == 1000.5 and r[3] == "RelayUnreachable" for r in rows)
    # not due yet: nothing happens, no network call
    assert outbox.send_due(a_s, flaky, pairing, now=1000.4, rand=lambda: 0.5).sent == 0
    assert flaky.n == 2
    assert outbox.send_due(a_s, flaky, pairing, now=1000.5, rand=lambda: 0.5).sent == 3
    assert _rows(a_s) == []


def test_lost_answer_resend_is_idempotent(setup: Any) -> None:
    a_s, b_s, fake, pairing = setup
    flaky = Flaky(fake, {1: "lost-answer"})
    outbox.send_due(a_s, flaky, pairing, now=0.0, rand=lambda: 0.0)
    assert len(_rows(a_s)) == 4
    result = outbox.send_due(a_s, flaky, pairing, now=0.0, rand=lambda: 0.0)
    assert result.sent == 4 and _rows(a_s) == []
    b = PeersService(b_s, relay_for=lambda _u: fake)
    assert b.sync().received == 4
    assert len(b.feed()) == 4


def test_transient_rejection_waits_other_rejections_skip_one(setup: Any) -> None:
    a_s, _b, fake, pairing = setup
    flaky = Flaky(fake, {1: "bad_envelope_size", 3: "mailbox_full"})
    result = outbox.send_due(a_s, flaky, pairing, now=0.0, rand=lambda: 1.0)
    assert (result.sent, result.failed) == (1, 3)
    errors = [r[3] for r in _rows(a_s)]
    assert errors == ["bad_envelope_size", "mailbox_full", "mailbox_full"]


def test_unsecured_pairing_secures_first_and_only_once(tmp_path: Path) -> None:
    a_s, b_s = make_session(tmp_path, "a"), make_session(tmp_path, "b")
    fake = FakeRelay()
    a = PeersService(a_s, relay_for=lambda _u: fake)
    b = PeersService(b_s, relay_for=lambda _u: fake)
    _i, code = a.invite("http://r.test")
    b.accept(code)
    fake.calls.clear()
    a.sync()  # receives the join, secures B's mailbox, sends hello
    names = fake.names()
    assert names.index("secure") < names.index("put_message")
    assert store.list_pairings(a_s.conn)[0].secured == 1
    fake.calls.clear()
    entry = a_s.journal.add("x")
    a.share_send(a.share_preview(entry.id, store.list_pairings(a_s.conn)[0].name))
    assert "secure" not in fake.names()
    a_s.lock()
    b_s.lock()


def test_concurrent_waves_never_let_a_reply_overtake_its_item(setup: Any) -> None:
    a_s, b_s, fake, pairing = setup
    a = PeersService(a_s, relay_for=lambda _u: Offline())
    first_item = a_s.conn.execute(
        "SELECT id FROM shared_items WHERE direction = 'out' ORDER BY seq LIMIT 1"
    ).fetchone()[0]
    a.reply(first_item, "and another thing")
    for n in range(3):
        entry = a_s.journal.add(f"later {n}")
        a.share_send(a.share_preview(entry.id, "B"), send_now=False)
    queued = a_s.conn.execute("SELECT message_id, kind FROM sync_outbox ORDER BY seq")
    order = [(m, k) for m, k in queued]
    assert [k for _m, k in order] == ["entry"] * 4 + ["reply"] + ["entry"] * 3
    result = outbox.send_due(a_s, fake, pairing, now=10**10, rand=lambda: 0.0, workers=4)
    assert result.sent == 8 and _rows(a_s) == []
    rid = b_s.conn.execute("SELECT inbox_recipient_id FROM pairings").fetchone()[0]
    on_relay = list(fake.boxes[rid].messages)
    position = {m: on_relay.index(m) for m, _k in order}
    reply_at = position[order[4][0]]
    assert all(position[m] < reply_at for m, _k in order[:4])
    assert all(position[m] > reply_at for m, _k in order[5:])
    b = PeersService(b_s, relay_for=lambda _u: fake)
    report = b.sync()
    assert (report.received, report.rejected) == (8, 0)
