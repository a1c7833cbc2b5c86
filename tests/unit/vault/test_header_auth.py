"""The header is authenticated and no slot is ever sealed below the default cost (issue 9 §2)."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import pytest

from peerjournal.app.session import create_vault, open_vault, recover_vault
from peerjournal.crypto.kdf import INSECURE_TEST_KDF_ENV, KdfParams
from peerjournal.errors import VaultCorrupt, VaultHeaderModified, WrongPassphrase
from peerjournal.vault.header import HEADER_NAME
from tests.helpers.vault import PASSPHRASE, make_vault, snapshot

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "vault-v1"
FIXTURE_PASSPHRASE = "fixture passphrase v1"
FIXTURE_RECOVERY = "PCR2H-V5LNU-SPYMB-P2LCG-MH6EH"


def _header(folder: Path) -> dict:
    return json.loads((folder / HEADER_NAME).read_text())


def _write(folder: Path, doc: dict) -> None:
    (folder / HEADER_NAME).write_text(json.dumps(doc, indent=2))


def _flip_b64(text: str) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[-1] ^= 1
    return base64.b64encode(bytes(raw)).decode()


@pytest.fixture
def closed(tmp_path: Path) -> tuple[Path, str]:
    session, code = make_vault(tmp_path)
    session.journal.add("kept safe")
    session.lock()
    return tmp_path / "vault", code


@pytest.mark.parametrize(
    "change",
    [
        ("recovery", "salt"),
        ("recovery", "wrapped_key"),
        ("recovery", "kdf", "opslimit"),
        ("recovery", "kdf", "memlimit"),
        ("mac",),
    ],
)
def test_any_change_to_the_header_is_refused_after_unlock(
    closed: tuple[Path, str], change: tuple[str, ...]
) -> None:
    folder, _ = closed
    doc = _header(folder)
    node = doc
    for key in change[:-1]:
        node = node[key]
    last = change[-1]
    node[last] = node[last] + 1 if isinstance(node[last], int) else _flip_b64(node[last])
    _write(folder, doc)
    before = snapshot(folder)
    with pytest.raises(VaultHeaderModified) as info:
        open_vault(folder, PASSPHRASE)
    assert "header was modified" in info.value.message
    assert snapshot(folder) == before


def test_a_header_stripped_to_version_1_is_noticed(closed: tuple[Path, str]) -> None:
    folder, _ = closed
    doc = _header(folder)
    doc["version"] = 1
    del doc["mac"]
    _write(folder, doc)
    before = snapshot(folder)
    with pytest.raises(VaultHeaderModified):
        open_vault(folder, PASSPHRASE)
    assert snapshot(folder) == before


def test_a_missing_mac_is_refused(closed: tuple[Path, str]) -> None:
    folder, _ = closed
    doc = _header(folder)
    del doc["mac"]
    _write(folder, doc)
    with pytest.raises(VaultHeaderModified):
        open_vault(folder, PASSPHRASE)


def test_whitespace_and_key_order_do_not_matter(closed: tuple[Path, str]) -> None:
    folder, _ = closed
    doc = _header(folder)
    (folder / HEADER_NAME).write_text(json.dumps(dict(reversed(list(doc.items())))))
    open_vault(folder, PASSPHRASE).lock()


def test_weakened_passphrase_slot_is_reported_and_recovery_never_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attack of issue 9 §2: a writer of the folder lowers the passphrase slot's cost."""
    monkeypatch.delenv(INSECURE_TEST_KDF_ENV)
    folder = tmp_path / "vault"
    session, code = create_vault(folder, PASSPHRASE)
    session.journal.add("the words")
    session.lock()
    doc = _header(folder)
    doc["passphrase"]["kdf"].update(opslimit=1, memlimit=8192)
    _write(folder, doc)
    before = snapshot(folder)
    with pytest.raises(VaultHeaderModified) as info:
        open_vault(folder, PASSPHRASE)
    assert info.value.code == "vault.header_weakened"
    assert snapshot(folder) == before
    # The recovery code proves the recovery slot; the new passphrase slot is sealed at
    # the default cost, never at the attacker's.
    recovered = recover_vault(folder, code, "new passphrase")
    assert [n.code for n in recovered.notices] == ["vault.notice.header_repaired"]
    assert recovered.journal.count() == 1
    recovered.change_passphrase("new passphrase", "newer passphrase")
    recovered.lock()
    slot = _header(folder)["passphrase"]["kdf"]
    assert (slot["opslimit"], slot["memlimit"]) == (3, 256 * 1024 * 1024)
    open_vault(folder, "newer passphrase").lock()


def test_weakened_recovery_slot_and_backup_slot_are_refused_as_modified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same attack on the recovery slot, and on a backup file's copy of the header:
    refused as a modified header, not as a mistyped code or passphrase."""
    import struct

    from peerjournal.app import backups
    from peerjournal.errors import BackupError

    monkeypatch.delenv(INSECURE_TEST_KDF_ENV)
    folder = tmp_path / "vault"
    session, code = create_vault(folder, PASSPHRASE)
    session.journal.add("the words")
    target = tmp_path / "b.pjbackup"
    backups.create_backup(session, target)
    session.lock()
    doc = _header(folder)
    doc["recovery"]["kdf"].update(opslimit=1, memlimit=8192)
    _write(folder, doc)
    before = snapshot(folder)
    with pytest.raises(VaultHeaderModified) as info:
        recover_vault(folder, code, "new passphrase")
    assert info.value.code == "vault.recovery_weakened"
    assert snapshot(folder) == before
    # The backup: its embedded header with a cheaper passphrase slot.
    data = target.read_bytes()
    length, magic = struct.unpack(">I8s", data[-12:])
    meta = json.loads(data[-12 - length : -12])
    header = json.loads(base64.b64decode(meta["header"]))
    header["passphrase"]["kdf"].update(opslimit=1, memlimit=8192)
    meta["header"] = base64.b64encode(json.dumps(header).encode()).decode()
    block = json.dumps(meta).encode()
    target.write_bytes(data[: -12 - length] + block + struct.pack(">I8s", len(block), magic))
    with pytest.raises(BackupError) as refused:
        backups.verify_backup(target, PASSPHRASE)
    assert refused.value.code == "backup.modified"


def test_passwd_and_recover_never_seal_below_the_floor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "vault"
    session, code = make_vault(tmp_path)  # test cost, allowed while the variable is set
    session.lock()
    monkeypatch.delenv(INSECURE_TEST_KDF_ENV)
    recover_vault(folder, code, "second").lock()
    slot = _header(folder)["passphrase"]["kdf"]
    assert slot["memlimit"] >= KdfParams.default().memlimit
    recovery = _header(folder)["recovery"]["kdf"]
    assert recovery["memlimit"] >= KdfParams.recovery_default().memlimit  # raised: code known


def test_v1_fixture_gains_its_mac_and_weak_slots_are_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "vault-v1"
    shutil.copytree(FIXTURE, folder)
    old_header = (folder / HEADER_NAME).read_bytes()
    assert "mac" not in json.loads(old_header)
    monkeypatch.delenv(INSECURE_TEST_KDF_ENV)
    session = open_vault(folder, FIXTURE_PASSPHRASE)
    # the recovery slot can only be raised with the recovery code: reported meanwhile
    assert [n.code for n in session.notices] == ["vault.notice.recovery_slot_weak"]
    session.lock()
    doc = _header(folder)
    assert doc["version"] == 2 and len(base64.b64decode(doc["mac"])) == 32
    assert doc["passphrase"]["kdf"]["memlimit"] == KdfParams.default().memlimit
    # Putting the old, unauthenticated header back is now a modification.
    (folder / HEADER_NAME).write_bytes(old_header)
    with pytest.raises(VaultHeaderModified):
        open_vault(folder, FIXTURE_PASSPHRASE)


def test_ruined_recovery_slot_is_reported_at_open_and_can_be_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "vault-v1"
    shutil.copytree(FIXTURE, folder)
    doc = _header(folder)
    doc["recovery"]["wrapped_key"] = "not base64!"
    _write(folder, doc)
    session = open_vault(folder, FIXTURE_PASSPHRASE)
    assert [n.code for n in session.notices] == ["vault.notice.recovery_slot_damaged"]
    session.lock()
    with pytest.raises(VaultCorrupt) as info:
        recover_vault(folder, FIXTURE_RECOVERY, "x")
    assert info.value.code == "vault.recovery_slot_damaged"
    session = open_vault(folder, FIXTURE_PASSPHRASE)
    code = session.new_recovery_code()
    assert session.notices == []
    session.lock()
    with pytest.raises(WrongPassphrase):
        recover_vault(folder, FIXTURE_RECOVERY, "x")
    recover_vault(folder, code, "after a new code").lock()
