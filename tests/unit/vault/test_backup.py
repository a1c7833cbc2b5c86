"""Encrypted backups: round trip, tampering, old passphrases, while open, automatic rotation."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from peerjournal.app import backups
from peerjournal.app.session import Session, open_snapshot, open_vault
from peerjournal.app.transfer import export_document
from peerjournal.errors import BackupError, WrongPassphrase
from peerjournal.vault.backup import MAGIC
from tests.helpers.vault import PASSPHRASE, make_vault, snapshot


def _filled(tmp_path: Path) -> tuple[Session, str]:
    session, code = make_vault(tmp_path)
    mood = session.mood.add(4, emotions=["calm"], note="a walk")
    session.journal.add("By the river.", title="River", tags=["walk"], mood_id=mood.id)
    gone = session.journal.add("to the trash")
    session.journal.delete(gone.id)
    session.journal.add("Ünïcode and 漢字 and 🙂", starred=True)
    session.mood.set_labels({1: "Very low"})
    return session, code


def test_round_trip_gives_identical_content(tmp_path: Path) -> None:
    session, _ = _filled(tmp_path)
    original = export_document(session)
    target = tmp_path / "b.pjbackup"
    backups.create_backup(session, target)
    session.lock()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().endswith(MAGIC)
    assert b"River" not in target.read_bytes() and b"river" not in target.read_bytes()
    info = backups.verify_backup(target, PASSPHRASE)
    assert (info.entries, info.trashed, info.mood_logs) == (2, 1, 1)
    restored_at = tmp_path / "restored"
    backups.restore_backup(target, PASSPHRASE, restored_at)
    restored = open_vault(restored_at, PASSPHRASE)
    assert export_document(restored) == original
    assert restored.journal.search("river")[0].entry.title == "River"
    restored.lock()


def test_a_backup_can_be_made_while_the_app_holds_the_vault(tmp_path: Path) -> None:
    session, _ = _filled(tmp_path)  # the "app": holds the process lock, keeps writing
    view = open_snapshot(session.folder, PASSPHRASE)
    session.journal.add("written while the backup is read")
    backups.create_backup(view, tmp_path / "live.pjbackup")
    view.lock()
    session.journal.add("and after")
    assert backups.verify_backup(tmp_path / "live.pjbackup", PASSPHRASE).entries >= 2
    session.lock()


def _layout(data: bytes) -> tuple[int, int]:
    """(database bytes, meta length) of a backup file: database, meta, length, MAGIC."""
    assert data.endswith(MAGIC)
    length = int.from_bytes(data[-len(MAGIC) - 4 : -len(MAGIC)], "big")
    return len(data) - len(MAGIC) - 4 - length, length


def _tampered(good: bytes, tmp_path: Path) -> dict[str, bytes]:
    db_end, _length = _layout(good)
    cases = {
        "empty": b"",
        "magic only": MAGIC,
        "truncated trailer": good[:-3],
        "truncated meta": good[: db_end + 10],
        "database cut short": good[: db_end // 2] + good[db_end:],
        "longer database": good[:db_end] + b"\0" * 4096 + good[db_end:],
        "foreign": os.urandom(len(good)),
        "a vault header": (tmp_path / "vault" / "vault.json").read_bytes(),
    }
    for name, position in (
        ("flip at database start", 3),
        ("flip in page 1", 100),
        ("flip in the middle", db_end // 2),
        ("flip in the last page", db_end - 1),
        ("flip in meta", db_end + 40),
        ("flip in the trailer length", len(good) - len(MAGIC) - 1),
    ):
        flipped = bytearray(good)
        flipped[position] ^= 0x10
        cases[name] = bytes(flipped)
    return cases


def test_truncated_bit_flipped_or_foreign_backups_are_refused_and_change_nothing(
    tmp_path: Path,
) -> None:
    session, _ = _filled(tmp_path)
    good_path = tmp_path / "good.pjbackup"
    backups.create_backup(session, good_path)
    session.lock()
    vault_before = snapshot(tmp_path / "vault")
    for name, data in _tampered(good_path.read_bytes(), tmp_path).items():
        bad = tmp_path / "bad.pjbackup"
        bad.write_bytes(data)
        with pytest.raises(BackupError):
            backups.verify_backup(bad, PASSPHRASE)
        target = tmp_path / f"restore-{len(name)}"
        with pytest.raises(BackupError):
            backups.restore_backup(bad, PASSPHRASE, target)
        assert not target.exists(), name
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".restore")] == []
    assert snapshot(tmp_path / "vault") == vault_before


def test_the_embedded_header_is_authenticated(tmp_path: Path) -> None:
    session, _ = _filled(tmp_path)
    path = tmp_path / "b.pjbackup"
    backups.create_backup(session, path)
    session.lock()
    raw = path.read_bytes()
    db_end, length = _layout(raw)
    meta = json.loads(raw[db_end : db_end + length])
    import base64

    header = json.loads(base64.b64decode(meta["header"]))
    header["recovery"]["kdf"]["opslimit"] += 1
    meta["header"] = base64.b64encode(json.dumps(header).encode()).decode()
    block = json.dumps(meta).encode()
    path.write_bytes(raw[:db_end] + block + len(block).to_bytes(4, "big") + MAGIC)
    with pytest.raises(BackupError) as info:
        backups.verify_backup(path, PASSPHRASE)
    assert info.value.code == "backup.modified"


def test_an_old_backup_keeps_the_passphrase_it_was_made_with(tmp_path: Path) -> None:
    session, code = _filled(tmp_path)
    path = tmp_path / "old.pjbackup"
    backups.create_backup(session, path)
    session.change_passphrase(PASSPHRASE, "a new passphrase")
    session.lock()
    assert backups.verify_backup(path, PASSPHRASE).entries == 2
    with pytest.raises(WrongPassphrase) as info:
        backups.verify_backup(path, "a new passphrase")
    assert info.value.code == "vault.wrong_backup_passphrase"
    assert backups.verify_backup(path, code, recovery=True).entries == 2


def test_restore_only_into_a_new_or_empty_folder(tmp_path: Path) -> None:
    session, _ = _filled(tmp_path)
    path = tmp_path / "b.pjbackup"
    backups.create_backup(session, path)
    session.lock()
    before = snapshot(tmp_path / "vault")
    with pytest.raises(BackupError) as info:
        backups.restore_backup(path, PASSPHRASE, tmp_path / "vault")
    assert info.value.code == "backup.target_not_empty"
    assert snapshot(tmp_path / "vault") == before
    (tmp_path / "empty").mkdir()
    backups.restore_backup(path, PASSPHRASE, tmp_path / "empty")
    open_vault(tmp_path / "empty", PASSPHRASE).lock()
    with pytest.raises(BackupError):
        backups.create_backup(open_vault(tmp_path / "empty", PASSPHRASE), path)


def test_automatic_backups_are_daily_and_rotate(tmp_path: Path) -> None:
    session, _ = _filled(tmp_path)
    folder = tmp_path / "vault" / "backups"
    made = backups.run_auto_backup(session)
    assert made is not None and made.parent == folder
    assert backups.run_auto_backup(session) is None  # not due again within a day
    assert backups.last_auto_backup(session) is not None
    # Pretend older backups exist: only the newest `keep` stay.
    for days in range(2, 12):
        stamp = (datetime.now(UTC) - timedelta(days=days)).strftime("%Y%m%dT%H%M%SZ")
        (folder / f"auto-{stamp}.pjbackup").write_bytes(b"old")
    yesterday = (datetime.now(UTC) - timedelta(days=1, hours=1)).strftime("%Y%m%dT%H%M%SZ")
    made.rename(folder / f"auto-{yesterday}.pjbackup")
    backups.set_auto_settings(session, keep=3)
    newest = backups.run_auto_backup(session)
    assert newest is not None
    left = sorted(p.name for p in folder.iterdir())
    assert len(left) == 3 and left[-1] == newest.name
    backups.set_auto_settings(session, enabled=False)
    assert not backups.auto_backup_due(session, datetime.now(UTC) + timedelta(days=9))
    other = tmp_path / "elsewhere"
    settings = backups.set_auto_settings(session, enabled=True, folder=other)
    assert settings.where(session.folder) == other
    assert backups.run_auto_backup(session) is not None and len(list(other.iterdir())) == 1
    with pytest.raises(BackupError):
        backups.set_auto_settings(session, keep=0)
    session.lock()


def _auto_stamp(moment: datetime) -> str:
    return f"auto-{moment.strftime('%Y%m%dT%H%M%SZ')}.pjbackup"


def test_a_backup_stamped_in_the_future_does_not_make_every_run_back_up_and_rotate(
    tmp_path: Path,
) -> None:
    # The clock was ahead once (or a backup came from a machine whose clock was): its
    # stamp is in the future. Before, every open was "due", so a week of commands wrote a
    # backup each and rotated the real daily history out.
    session, _ = _filled(tmp_path)
    folder = tmp_path / "vault" / "backups"
    made = backups.run_auto_backup(session)
    assert made is not None
    made.rename(folder / _auto_stamp(datetime(2099, 12, 31, tzinfo=UTC)))
    now = datetime.now(UTC)
    week = [folder / _auto_stamp(now - timedelta(days=d, hours=1)) for d in range(1, 6)]
    for path in week:
        path.write_bytes(b"an older day")
    today = backups.run_auto_backup(session)
    assert today is not None  # nothing from today yet: one is made
    assert backups.run_auto_backup(session) is None  # and then not again today
    assert not backups.auto_backup_due(session)
    backups.set_auto_settings(session, keep=6)
    assert backups.auto_backup_due(session, now + timedelta(days=1, minutes=1))
    session.lock()


def test_rotation_removes_future_stamped_backups_first_and_never_the_one_just_made(
    tmp_path: Path,
) -> None:
    # The clock is now behind the stamps (reset to an old date): the backups "from the
    # future" are the ones to rotate out, not the one just made.
    session, _ = _filled(tmp_path)
    folder = tmp_path / "vault" / "backups"
    now = datetime.now(UTC)
    future = [folder / _auto_stamp(now + timedelta(days=400 + d)) for d in range(3)]
    folder.mkdir(exist_ok=True)
    for path in future:
        path.write_bytes(b"stamped ahead")
    backups.set_auto_settings(session, keep=3)
    made = backups.run_auto_backup(session)
    assert made is not None and made.exists()
    left = sorted(p.name for p in folder.iterdir())
    assert made.name in left and len(left) == 3
    assert future[0].name not in left  # the earliest of the future ones went first
    session.lock()


def test_a_backup_named_like_a_file_of_the_vault_itself_is_refused(tmp_path: Path) -> None:
    # `backup create VAULT/journal.db-journal` said "Wrote an encrypted backup" and SQLite
    # deleted the file as a stale rollback journal when the vault closed.
    session, _ = _filled(tmp_path)
    folder = tmp_path / "vault"
    before = sorted(p.name for p in folder.iterdir())
    for name in ("journal.db-journal", "journal.db-wal", "vault.lock"):
        with pytest.raises(BackupError) as refused:
            backups.create_backup(session, folder / name)
        assert refused.value.code in ("backup.unwritable", "backup.file_exists")
    assert sorted(p.name for p in folder.iterdir()) == before
    made = backups.create_backup(session, folder / "kept.pjbackup")  # other names are fine
    session.lock()
    assert backups.verify_backup(folder / "kept.pjbackup", PASSPHRASE).entries >= 1
    assert made.database_bytes > 0
