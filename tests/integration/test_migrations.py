"""Migrations: discovery, per-step transactions, and upgrading a frozen schema-1 vault."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peerjournal.app.session import open_vault, recover_vault
from peerjournal.errors import VaultTooNew
from peerjournal.vault import migrations
from tests.helpers.vault import make_session, snapshot

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vault-v1"
FIXTURE_PASSPHRASE = "fixture passphrase v1"
FIXTURE_RECOVERY = "PCR2H-V5LNU-SPYMB-P2LCG-MH6EH"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "vault-v1"
    shutil.copytree(FIXTURE, target)
    return target


def test_discovery_is_ordered_and_complete() -> None:
    found = migrations.discover()
    assert [m.version for m in found] == list(range(1, len(found) + 1))
    assert found[0].name == "m0001_initial"
    assert migrations.latest_version() == found[-1].version


def test_fixture_is_schema_one(v1_copy: Path) -> None:
    from peerjournal.crypto import kdf
    from peerjournal.vault.database import connect as _connect
    from peerjournal.vault.header import read_header

    header = read_header(v1_copy)
    key = header.passphrase.open(
        kdf.normalise_passphrase(FIXTURE_PASSPHRASE), kdf.PURPOSE_PASSPHRASE_WRAP
    )
    conn = _connect(v1_copy / "journal.db", key, create=False)
    assert migrations.current_version(conn) == 1
    conn.close()


def test_v1_vault_opens_and_upgrades(v1_copy: Path) -> None:
    session = open_vault(v1_copy, FIXTURE_PASSPHRASE)
    conn = session.conn
    assert migrations.current_version(conn) == migrations.latest_version()
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    live = session.journal.list()
    assert [e.title for e in live] == ["Revision", "Sea walk"]
    sea = live[1]
    assert sea.starred and sea.mood_level == 4 and sea.tags == ("walk", "Sea")
    assert sea.created.isoformat() == "2026-01-02T10:00:00+01:00"
    assert [e.title for e in session.journal.list(trashed=True)] == ["Trashed"]
    assert [h.entry.title for h in session.journal.search("sea")] == ["Sea walk"]
    assert session.journal.tags() == [("exam", 1), ("Sea", 1), ("walk", 1)]
    assert [m.level for m in session.mood.list()] == [2, 4]
    assert session.mood.labels()[1] == "Very low"
    assert session.prefs.get("anonymise.people") == ["Ana"]
    # The upgraded vault keeps working for writes.
    session.journal.add("after the upgrade", tags=["walk"])
    assert session.journal.tags()[0] == ("walk", 2)
    session.lock()
    again = open_vault(v1_copy, FIXTURE_PASSPHRASE)
    assert again.journal.count() == 3
    again.lock()


def test_v1_recovery_code_still_works(v1_copy: Path) -> None:
    recover_vault(v1_copy, FIXTURE_RECOVERY, "new passphrase").lock()
    open_vault(v1_copy, "new passphrase").lock()


def test_migrations_run_step_by_step(tmp_path: Path) -> None:
    session = make_session(tmp_path)
    conn = session.conn
    latest = migrations.latest_version()
    assert migrations.current_version(conn) == latest
    assert migrations.migrate(conn) == latest  # nothing pending: no change
    session.lock()


def test_newer_schema_is_refused_without_change(v1_copy: Path) -> None:
    session = open_vault(v1_copy, FIXTURE_PASSPHRASE)
    session.conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    session.lock()
    before = snapshot(v1_copy)
    with pytest.raises(VaultTooNew):
        open_vault(v1_copy, FIXTURE_PASSPHRASE)
    assert snapshot(v1_copy) == before


def test_failed_migration_rolls_back(tmp_path: Path) -> None:
    session = make_session(tmp_path)
    conn = session.conn
    conn.execute("PRAGMA user_version = 0")
    conn.execute("DROP TABLE prefs")  # m0001 will fail when it reaches CREATE TABLE entries
    tables_before = sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master"))
    with pytest.raises(Exception, match="already exists"):
        migrations.migrate(conn)
    assert migrations.current_version(conn) == 0
    tables_after = sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master"))
    assert tables_after == tables_before
    session.lock()


FIXTURE_V3 = Path(__file__).resolve().parents[1] / "fixtures" / "vault-v3"


def test_v3_vault_builds_the_grams_index_with_progress(tmp_path: Path) -> None:
    target = tmp_path / "vault-v3"
    shutil.copytree(FIXTURE_V3, target)
    reports: list[tuple[int, int]] = []
    session = open_vault(
        target, "fixture passphrase v3", progress=lambda done, total: reports.append((done, total))
    )
    conn = session.conn
    assert migrations.current_version(conn) == migrations.latest_version()
    assert reports[0] == (0, 3) and reports[-1] == (3, 3)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
    conn.execute("INSERT INTO entries_grams (entries_grams) VALUES ('integrity-check')")

    def titles(query: str, **filters: object) -> set[str]:
        return {h.entry.title for h in session.journal.search(query, **filters)}

    assert titles("中文") == {"散歩"}  # the trashed one stays out
    assert titles("散歩") == {"散歩"} and titles("🙂") == {"散歩"}
    assert titles("❤") == {"River"} and titles("산책") == {""} and titles("เดิน") == {""}
    assert titles("r*") == {"River"} and titles("walk -rain") == set()
    assert [e.title for e in session.journal.list(starred=True)] == ["散歩"]
    session.journal.restore(session.journal.list(trashed=True)[0].id)
    assert titles("中文") == {"散歩", "Trashed"}
    session.lock()
    again: list[tuple[int, int]] = []
    open_vault(target, "fixture passphrase v3", progress=lambda d, t: again.append((d, t))).lock()
    assert again == []  # built once
