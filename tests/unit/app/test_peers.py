"""PeersService against the recording fake relay and real SQLCipher vaults."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from peerjournal.app.peers import PeersService
from peerjournal.app.session import Session
from peerjournal.cli.peers import next_step
from peerjournal.errors import InvalidInput, InvalidInvite, NotFound
from tests.helpers.relay import FakeRelay
from tests.helpers.vault import make_session

URL = "http://relay.test"


@pytest.fixture
def relay() -> FakeRelay:
    return FakeRelay()


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    a, b = make_session(tmp_path, "alice"), make_session(tmp_path, "bob")
    yield a, b
    a.lock()
    b.lock()


def _svc(session: Session, relay: FakeRelay) -> PeersService:
    return PeersService(session, relay_for=lambda _url: relay, today=lambda: date(2026, 11, 24))


def pair(a: PeersService, b: PeersService) -> tuple[str, str]:
    _info, code = a.invite(URL, pseudonym="Alice")
    joined = b.accept(code, pseudonym="Bob")
    assert joined.state == "joining"
    report = a.sync()
    assert report.paired == ["Bob"]
    b.sync()
    return a.get("Bob").id, b.get("Alice").id


def test_pairing_completes_with_matching_safety_codes(
    sessions: tuple[Session, Session], relay: FakeRelay
) -> None:
    a, b = _svc(sessions[0], relay), _svc(sessions[1], relay)
    info, code = a.invite(URL, pseudonym="Alice")
    assert info.state == "invited" and code.startswith("pj1:")
    assert "peerjournal sync" in next_step(info.state)  # the command line says what to do
    pair_b = b.accept(code, pseudonym="Bob")
    assert pair_b.safety_code is not None
    a.sync()
    b.sync()
    alice_view, bob_view = a.get("Bob"), b.get("Alice")
    assert alice_view.state == bob_view.state == "active"
    assert alice_view.safety_code == bob_view.safety_code == pair_b.safety_code
    assert alice_view.my_pseudonym == "Alice" and bob_view.my_pseudonym == "Bob"
    assert relay.names().count("secure") == 2
    assert alice_view.waiting == 0 and bob_view.waiting == 0


def test_used_invite_cannot_be_accepted_by_a_third_vault(
    tmp_path: Path, sessions: tuple[Session, Session], relay: FakeRelay
) -> None:
    a, b = _svc(sessions[0], relay), _svc(sessions[1], relay)
    _info, code = a.invite(URL)
    b.accept(code)
    mallory = make_session(tmp_path, "mallory")
    try:
        with pytest.raises(InvalidInvite, match="already been used"):
            _svc(mallory, relay).accept(code)
        assert _svc(mallory, relay).list() == []
        with pytest.raises(InvalidInvite, match="already accepted"):
            b.accept(code)
    finally:
        mallory.lock()


def test_share_reply_react_and_feed(sessions: tuple[Session, Session], relay: FakeRelay) -> None:
    a, b = _svc(sessions[0], relay), _svc(sessions[1], relay)
    pair(a, b)
    sessions[0].prefs.set("anonymise.people", ["Anna"])
    entry = sessions[0].journal.add(
        "Met Anna, mail me at anna@example.org", title="Hard day", tags=["exams", "private"]
    )
    preview = a.share_preview(entry.id, "Bob", tags=("exams",), content_warning="stress")
    assert "Anna" not in preview.body and "anna@example.org" not in preview.body
    assert preview.tags == ("exams",)
    assert preview.day == entry.created.date().isoformat()
    item_id = a.share_send(preview)
    report = b.sync()
    assert report.received == 1
    feed = b.feed()
    assert [f.id for f in feed] == [item_id]
    assert feed[0].title == "Hard day" and feed[0].body == preview.body
    assert feed[0].tags == ("exams",) and feed[0].content_warning == "stress"
    assert feed[0].peer == "Alice"
    b.reply(item_id[:8], "Sending strength")
    b.react(item_id, "hug")
    assert a.sync().received == 2
    # Alice sees Bob's responses on her own item; Bob's feed shows his own.
    rows = (
        sessions[0]
        .conn.execute(
            "SELECT text FROM item_replies WHERE item_id = ? AND direction = 'in'", (item_id,)
        )
        .fetchall()
    )
    assert rows == [("Sending strength",)]
    mine = b.feed()[0]
    assert [r.text for r in mine.replies] == ["Sending strength"]
    assert [r.text for r in mine.reactions] == ["hug"]
    assert a.feed() == []


def test_unpair_sends_bye_and_both_sides_end(
    sessions: tuple[Session, Session], relay: FakeRelay
) -> None:
    a, b = _svc(sessions[0], relay), _svc(sessions[1], relay)
    pair(a, b)
    ended = a.remove("Bob")
    assert ended.state == "ended"
    assert "delete_mailbox" in relay.names()
    report = b.sync()
    assert report.ended == ["Alice"]
    assert b.list() == [] and a.list() == []
    assert [p.state for p in b.list(include_ended=True)] == ["ended"]
    assert relay.boxes == {}  # both mailboxes deleted, nothing left on the relay
    keys = (
        sessions[1]
        .conn.execute("SELECT box_secret, recipient_seed, sender_seed, secret FROM pairings")
        .fetchall()
    )
    assert keys == [(None, None, None, None)]
    with pytest.raises(NotFound):
        b.get("Alice")


def test_share_needs_an_active_peer_and_valid_input(
    sessions: tuple[Session, Session], relay: FakeRelay
) -> None:
    a, b = _svc(sessions[0], relay), _svc(sessions[1], relay)
    a.invite(URL, pseudonym="Alice")
    entry = sessions[0].journal.add("text")
    pending = a.list()[0].name
    with pytest.raises(InvalidInput, match="not paired"):
        a.share_preview(entry.id, pending)
    with pytest.raises(NotFound):
        a.share_preview(entry.id, "nobody")
    with pytest.raises(InvalidInput):
        a.invite("ftp://relay")
    assert b.list() == []


def test_offline_share_waits_and_goes_out_later(
    sessions: tuple[Session, Session], relay: FakeRelay
) -> None:
    clock = [time.time()]
    a = PeersService(sessions[0], relay_for=lambda _u: relay, clock=lambda: clock[0])
    b = _svc(sessions[1], relay)
    _info, code = a.invite(URL, pseudonym="Alice")
    b.accept(code, pseudonym="Bob")
    a.sync()
    b.sync()
    entry = sessions[0].journal.add("offline words")
    relay.fail_next = 1
    item = a.share_send(a.share_preview(entry.id, "Bob"))
    assert a.get("Bob").waiting == 1
    assert b.sync().received == 0
    report = a.sync()  # not due yet: backoff keeps it waiting without a network call
    assert report.sent == 0 and a.get("Bob").waiting == 1
    clock[0] += 2.0
    assert a.sync().sent == 1
    b.sync()
    assert [f.id for f in b.feed()] == [item]


def test_mute_hides_feed_items(sessions: tuple[Session, Session], relay: FakeRelay) -> None:
    a, b = _svc(sessions[0], relay), _svc(sessions[1], relay)
    pair(a, b)
    entry = sessions[0].journal.add("x")
    a.share_send(a.share_preview(entry.id, "Bob"))
    b.sync()
    assert len(b.feed()) == 1
    assert b.mute("Alice").muted
    assert b.feed() == []
    b.mute("Alice", False)
    assert len(b.feed()) == 1


def test_invite_qr_renderings(sessions: tuple[Session, Session], relay: FakeRelay) -> None:
    from peerjournal.app.peers import invite_qr_png, invite_qr_svg, invite_qr_text

    _info, code = _svc(sessions[0], relay).invite(URL)
    svg = invite_qr_svg(code)
    assert svg.lstrip().startswith(b"<svg") and b"</svg>" in svg
    assert invite_qr_png(code).startswith(b"\x89PNG\r\n\x1a\n")
    text = invite_qr_text(code)
    assert len(text.splitlines()) > 20 and "█" in text
    with pytest.raises(ValueError):
        invite_qr_svg("")


def test_share_mood_reaches_the_peer(sessions: tuple[Session, Session], relay: FakeRelay) -> None:
    a, b = _svc(sessions[0], relay), _svc(sessions[1], relay)
    pair(a, b)
    a.share_mood("Bob", 2)
    with pytest.raises(InvalidInput):
        a.share_mood("Bob", 6)
    assert b.sync().received == 1
    assert b.peer_moods("Alice") == [("2026-11-24", 2)]


def test_removing_a_pending_invite_deletes_its_mailbox(
    sessions: tuple[Session, Session], relay: FakeRelay
) -> None:
    a = _svc(sessions[0], relay)
    info, _code = a.invite(URL)
    assert len(relay.boxes) == 1
    a.remove(info.name)
    assert relay.boxes == {}
    assert a.list() == []
    assert "put_message" not in relay.names()  # nobody to say goodbye to


def test_one_unreachable_relay_does_not_stop_other_pairings(tmp_path: Path) -> None:
    good, bad = FakeRelay(), FakeRelay()
    relays = {"http://good.test": good, "http://bad.test": bad}
    s = [make_session(tmp_path, n) for n in ("a", "b", "c")]
    svc = [PeersService(x, relay_for=lambda u: relays[u]) for x in s]
    _i, code1 = svc[0].invite("http://bad.test", pseudonym="A1")
    svc[1].accept(code1, pseudonym="B")
    _i, code2 = svc[0].invite("http://good.test", pseudonym="A2")
    svc[2].accept(code2, pseudonym="C")
    bad.fail_next = 10
    report = svc[0].sync()
    assert report.paired == ["C"]
    assert len(report.errors) == 1 and "could not be reached" in str(report.errors[0])
    bad.fail_next = 0
    assert svc[0].sync().paired == ["B"]
    for x in s:
        x.lock()


def test_unanswered_invite_lapses_a_day_after_expiry(
    sessions: tuple[Session, Session], relay: FakeRelay
) -> None:
    clock = [time.time()]
    a = PeersService(sessions[0], relay_for=lambda _u: relay, clock=lambda: clock[0])
    info, _code = a.invite(URL)
    clock[0] += 7 * 86_400 + 3_600  # expired, but within the day of grace
    assert a.sync().expired == []
    clock[0] += 86_400
    report = a.sync()
    assert report.expired == [info.name]
    assert a.list() == [] and relay.boxes == {}


def test_share_send_many_is_all_or_nothing(
    sessions: tuple[Session, Session], relay: FakeRelay
) -> None:
    a, b = _svc(sessions[0], relay), _svc(sessions[1], relay)
    pair(a, b)
    entries = [sessions[0].journal.add(f"e{n}") for n in range(3)]
    previews = [a.share_preview(e.id, "Bob") for e in entries]
    too_long = previews[2].__class__(**{**previews[2].__dict__, "body": "x" * 20_001})
    with pytest.raises(InvalidInput):
        a.share_send_many([previews[0], previews[1], too_long])
    assert a.get("Bob").waiting == 0
    ids = a.share_send_many(previews, send_now=False)
    assert len(set(ids)) == 3 and a.get("Bob").waiting == 3
    a.sync()
    b.sync()
    assert sorted(f.id for f in b.feed()) == sorted(ids)
