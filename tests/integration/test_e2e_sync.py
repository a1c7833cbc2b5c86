"""End to end through the REAL relay on 127.0.0.1 (port 0, SQLite): pair, share, reply,
react, unpair; a stolen used invite cannot join; no plaintext reaches the relay."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from peerjournal.app.peers import PeersService
from peerjournal.app.session import Session
from peerjournal.errors import InvalidInvite
from peerjournal.sync.relay_client import RelayClient
from tests.helpers.relay import RelayProcess, running_relay
from tests.helpers.vault import make_session

CANARY = "zebracanary7319"


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayProcess]:
    with running_relay(tmp_path / "relay-data") as proc:
        yield proc


@pytest.fixture
def alice(tmp_path: Path) -> Iterator[Session]:
    session = make_session(tmp_path, "alice")
    yield session
    session.lock()


@pytest.fixture
def bob(tmp_path: Path) -> Iterator[Session]:
    session = make_session(tmp_path, "bob")
    yield session
    session.lock()


def _pair(relay: RelayProcess, a: PeersService, b: PeersService) -> str:
    _info, code = a.invite(relay.url, pseudonym="Alice")
    b.accept(code, pseudonym="Bob")
    assert a.sync().paired == ["Bob"]
    assert b.sync().paired == ["Alice"]
    return code


def test_pair_share_reply_react_unpair(
    relay: RelayProcess, alice: Session, bob: Session, tmp_path: Path
) -> None:
    a, b = PeersService(alice), PeersService(bob)
    code = _pair(relay, a, b)
    assert a.get("Bob").safety_code == b.get("Alice").safety_code

    alice.prefs.set("anonymise.people", ["Marta"])
    entry = alice.journal.add(
        f"Talked to Marta about {CANARY} at 14:35, call me on +44 20 7946 0958",
        title="Exam week",
        tags=["exams"],
    )
    preview = a.share_preview(entry.id, "Bob", tags=("exams",), content_warning="stress")
    assert "Marta" not in preview.body and "7946" not in preview.body
    item = a.share_send(preview)
    assert b.sync().received == 1
    got = b.feed()[0]
    assert (got.id, got.title, got.body, got.tags) == (item, "Exam week", preview.body, ("exams",))

    b.reply(item, "You've got this")
    b.react(item, "strength")
    assert a.sync().received == 2
    replies = alice.conn.execute(
        "SELECT direction, text FROM item_replies WHERE item_id = ?", (item,)
    ).fetchall()
    assert replies == [("in", "You've got this")]

    # A third vault holding the used invite cannot join.
    mallory = make_session(tmp_path, "mallory")
    try:
        with pytest.raises(InvalidInvite):
            PeersService(mallory).accept(code, pseudonym="Mallory")
        assert PeersService(mallory).list() == []
    finally:
        mallory.lock()

    a.remove("Bob")
    report = b.sync()
    assert report.ended == ["Alice"]
    assert a.list() == [] and b.list() == []
    assert b.sync().errors == []  # nothing left to do, no errors on an ended pairing
    a.close()
    b.close()


def test_canary_never_reaches_relay_files_or_logs(
    relay: RelayProcess, alice: Session, bob: Session
) -> None:
    a, b = PeersService(alice), PeersService(bob)
    _pair(relay, a, b)
    alice.prefs.set("anonymise.places", [CANARY])
    entry = alice.journal.add(f"I walked to {CANARY} and back", title="A walk")
    preview = a.share_preview(entry.id, "Bob")
    assert CANARY not in preview.body and "[place]" in preview.body
    a.share_send(preview)
    # While the envelope waits on the relay, nothing readable is in its files.
    files = [p for p in relay.data_dir.rglob("*") if p.is_file()]
    assert files, "the relay wrote no database files"
    for path in files:
        data = path.read_bytes()
        assert CANARY.encode() not in data, path
        assert b"walked" not in data and b"A walk" not in data, path
    assert b.sync().received == 1
    got = b.feed()[0]
    assert got.body == preview.body and CANARY not in got.body
    for path in [*relay.data_dir.rglob("*"), *alice.folder.rglob("*"), *bob.folder.rglob("*")]:
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes(), path
    logs = relay.logs()
    assert logs, "the relay logged nothing at all"
    for secret in (CANARY, "walked", "Alice", "Bob"):
        assert secret not in logs


def test_relay_client_talks_to_the_real_relay(relay: RelayProcess) -> None:
    client = RelayClient(relay.url)
    info = client.info()
    assert info["protocol"] == 1
    assert sorted(info["buckets"]) == [1024, 4096, 16384, 65536]
    client.close()


def test_vault_made_by_schema_1_upgrades_and_shares(
    relay: RelayProcess, bob: Session, tmp_path: Path
) -> None:
    import shutil

    from peerjournal.app.session import open_vault

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "vault-v1"
    shutil.copytree(fixture, tmp_path / "old")
    old = open_vault(tmp_path / "old", "fixture passphrase v1")
    try:
        assert old.conn.execute("PRAGMA user_version").fetchone()[0] >= 2
        a, b = PeersService(old), PeersService(bob)
        assert a.list() == []
        _pair(relay, a, b)
        walk = next(s for s in old.journal.list() if s.title == "Sea walk")
        preview = a.share_preview(walk.id, "Bob", include_mood=True)
        assert preview.mood == 4 and preview.day == "2026-01-02"
        a.share_send(preview)
        assert b.sync().received == 1
        assert b.feed()[0].mood == 4
    finally:
        old.lock()
