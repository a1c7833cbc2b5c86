"""Hostile and damaged files around a vault, driven through the real command line.

Found by trying what users, attackers and operators do (issue 8's review): a journal.db cut
to zero bytes, a lock file that is a link or a folder, a header nested thousands deep or
asking for an absurd key-derivation cost, a backup read from a pipe, a backup written to a
full disk. Each must end in one clear line, exit status 1, and nothing lost.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

from peerjournal.app.session import open_vault
from tests.helpers.cli import PASS, SCRIPT, env_for, pj
from tests.helpers.mounts import fill, tmpfs


def _vault_with_words(tmp_path: Path, **env: str) -> str:
    assert pj(tmp_path, "init", **env).returncode == 0
    out = pj(tmp_path, "add", "We walked by the river.", "--json", **env)
    assert out.returncode == 0, out.stderr
    return str(json.loads(out.stdout)["id"])


def _refused(result: object, words: str) -> None:
    status = result.returncode  # type: ignore[attr-defined]
    err = result.stderr  # type: ignore[attr-defined]
    assert status == 1, err
    assert words in err, err
    assert "internal error" not in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_a_database_cut_to_zero_bytes_is_refused_not_replaced_by_an_empty_journal(
    tmp_path: Path,
) -> None:
    _vault_with_words(tmp_path)
    kept = tmp_path / "kept.pjbackup"
    assert pj(tmp_path, "backup", "create", str(kept)).returncode == 0
    backups_before = sorted(os.listdir(tmp_path / "vault" / "backups"))
    (tmp_path / "vault" / "journal.db").write_bytes(b"")
    for argv in (("list",), ("add", "a new word"), ("mood", "add", "3")):
        _refused(pj(tmp_path, *argv), "database file is empty")
    # Nothing was built in its place, and no automatic backup of an empty journal rotated
    # the old ones out.
    assert (tmp_path / "vault" / "journal.db").stat().st_size == 0
    assert sorted(os.listdir(tmp_path / "vault" / "backups")) == backups_before
    restored = pj(tmp_path, "backup", "restore", str(kept), "--vault", str(tmp_path / "back"))
    assert restored.returncode == 0, restored.stderr
    listed = pj(tmp_path, "list", PEERJOURNAL_VAULT=str(tmp_path / "back"))
    assert "river" in listed.stdout


def test_a_lock_file_that_is_a_link_or_a_folder_is_refused_and_nothing_is_created(
    tmp_path: Path,
) -> None:
    _vault_with_words(tmp_path)
    lock = tmp_path / "vault" / "vault.lock"
    elsewhere = tmp_path / "planted"
    lock.unlink()
    lock.symlink_to(elsewhere)
    _refused(pj(tmp_path, "list"), "lock file (vault.lock) is not a plain file")
    assert not elsewhere.exists()  # the link was not followed to create a file there
    lock.unlink()
    lock.mkdir()
    _refused(pj(tmp_path, "add", "x"), "lock file (vault.lock) is not a plain file")
    lock.rmdir()
    assert pj(tmp_path, "list").returncode == 0


def test_a_header_nested_thousands_deep_is_damaged_not_a_bug(tmp_path: Path) -> None:
    _vault_with_words(tmp_path)
    header = tmp_path / "vault" / "vault.json"
    header.write_text('{"format": "peerjournal-vault", "version": 2, "passphrase": ' + "[" * 20000)
    _refused(pj(tmp_path, "list"), "The vault header is damaged")


def test_a_header_asking_for_an_absurd_key_derivation_cost_is_refused_before_deriving(
    tmp_path: Path,
) -> None:
    _vault_with_words(tmp_path)
    path = tmp_path / "vault" / "vault.json"
    genuine = path.read_text()
    for params in ({"opslimit": 11}, {"memlimit": 2 * 1024**3}):
        doc = json.loads(genuine)
        doc["passphrase"]["kdf"].update(params)
        path.write_text(json.dumps(doc))
        # Not "wrong passphrase" after a derivation of minutes and gigabytes: refused as it is.
        _refused(pj(tmp_path, "list"), "The vault header is damaged")
    path.write_text(genuine)
    assert pj(tmp_path, "list").returncode == 0


def test_a_backup_from_a_pipe_or_a_fifo_is_refused_in_one_line(tmp_path: Path) -> None:
    _vault_with_words(tmp_path)
    backup = tmp_path / "b.pjbackup"
    assert pj(tmp_path, "backup", "create", str(backup)).returncode == 0
    fifo = tmp_path / "nobody-writes.pjbackup"
    os.mkfifo(fifo)
    # A FIFO nobody writes would block the open for ever; it is refused before that.
    _refused(pj(tmp_path, "backup", "verify", str(fifo)), "is not a plain file")
    # What a shell's <(cat b.pjbackup) gives: a pipe with a writer.
    with subprocess.Popen(["cat", str(backup)], stdout=subprocess.PIPE) as cat:
        assert cat.stdout is not None
        pipe = cat.stdout.fileno()
        result = subprocess.run(
            [str(SCRIPT), "backup", "verify", f"/dev/fd/{pipe}"],
            pass_fds=(pipe,),
            capture_output=True,
            text=True,
            env=env_for(tmp_path),
            timeout=120,
            check=False,
        )
        cat.stdout.close()
    _refused(result, "is not a plain file")
    restored = tmp_path / "restored"
    result = pj(tmp_path, "backup", "restore", "/dev/null", "--vault", str(restored))
    _refused(result, "is not a plain file")
    assert not restored.exists()


def test_a_backup_onto_a_full_disk_says_full_and_leaves_no_temp_file(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "2m") as disk:
        env = {"PEERJOURNAL_VAULT": str(disk / "vault")}
        _vault_with_words(tmp_path, **env)
        fill(disk)
        target = disk / "b.pjbackup"
        # The vault opens read-only on the full disk, so the copy goes through SQLite's
        # online backup API, whose error carries no result code.
        result = pj(tmp_path, "backup", "create", str(target), **env)
        assert result.returncode == 1, result.stderr
        assert "The disk is full" in result.stderr and "internal error" not in result.stderr
        assert not target.exists() and not list(disk.glob(".b.pjbackup*"))
        # A write on the full disk is refused as full, never as "read-only".
        result = pj(tmp_path, "passwd", PEERJOURNAL_NEW_PASSPHRASE="another one", **env)
        assert result.returncode == 1 and "disk is full" in result.stderr, result.stderr
        assert "read-only" not in result.stderr
        for filler in disk.glob("filler-*"):
            filler.unlink()
        session = open_vault(disk / "vault", PASS)
        assert session.journal.count() == 1
        session.lock()


def test_an_entry_the_command_line_writes_survives_an_export_and_import(tmp_path: Path) -> None:
    _vault_with_words(tmp_path)
    many = [arg for i in range(201) for arg in ("--tag", f"t{i}")]
    _refused(pj(tmp_path, "add", "x", *many), "at most 200 tags")
    _refused(pj(tmp_path, "add", "x", "--title", "T" * 10_001), "longer than 10,000")
    _refused(pj(tmp_path, "mood", "add", "3", "--note", "n" * 100_001), "longer than 100,000")
    fits = [arg for i in range(200) for arg in ("--tag", f"t{i}")]
    assert pj(tmp_path, "add", "x", "--title", "T" * 10_000, *fits).returncode == 0
    export = tmp_path / "all.json"
    assert pj(tmp_path, "export", "-o", str(export)).returncode == 0
    other = {"PEERJOURNAL_VAULT": str(tmp_path / "other")}
    assert pj(tmp_path, "init", **other).returncode == 0
    result = pj(tmp_path, "import", "--format", "json", str(export), "--json", **other)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["entries_added"] == 2


@pytest.mark.parametrize("typed", ["2024-13-01", "2024/13/01", "1700000000", "5", "2024", "-1"])
def test_a_mistyped_or_lone_number_date_is_refused_not_read_as_another_day(
    tmp_path: Path, typed: str
) -> None:
    _vault_with_words(tmp_path)
    result = pj(tmp_path, "add", "x", "--date", typed)
    assert result.returncode == 2 and "is not a date or time" in result.stderr, result.stderr
    result = pj(tmp_path, "list", "--since", typed)
    assert result.returncode == 2 and "is not a date" in result.stderr, result.stderr
    listed = pj(tmp_path, "list", "--json")
    assert len(json.loads(listed.stdout)) == 1


def test_a_command_beside_another_that_holds_the_vault_waits_and_keeps_its_text(
    tmp_path: Path,
) -> None:
    from peerjournal.vault.lock import ProcessLock

    _vault_with_words(tmp_path)
    held = ProcessLock(tmp_path / "vault")
    held.acquire()  # another command, busy for a moment
    (tmp_path / "text").write_text("written while another command ran")
    with (tmp_path / "text").open() as text, (tmp_path / "err").open("w") as err:
        writer = subprocess.Popen(
            [str(SCRIPT), "add", "-"], stdin=text, stdout=err, stderr=err, env=env_for(tmp_path)
        )
        try:
            # Let go only once the writer has reached the lock (it holds the lock file open).
            lock_file = str(tmp_path / "vault" / "vault.lock")
            for _ in range(6000):
                if writer.poll() is not None or lock_file in _open_files(writer.pid):
                    break
                time.sleep(0.01)
        finally:
            held.release()
        assert writer.wait(timeout=120) == 0, (tmp_path / "err").read_text()
    listed = pj(tmp_path, "search", "another", "--json")
    assert len(json.loads(listed.stdout)) == 1


def _open_files(pid: int) -> list[str]:
    found = []
    for fd in Path(f"/proc/{pid}/fd").glob("*"):
        try:
            found.append(os.readlink(fd))
        except OSError:
            continue
    return found


def test_a_passphrase_file_saved_with_a_byte_order_mark_means_what_was_typed(
    tmp_path: Path,
) -> None:
    """Windows Notepad starts a UTF-8 file with U+FEFF; it is not part of the passphrase."""
    marked = tmp_path / "pass.txt"
    marked.write_bytes(b"\xef\xbb\xbf" + PASS.encode() + b"\r\n")
    marked.chmod(0o600)
    unset = {"PEERJOURNAL_PASSPHRASE": ""}
    assert pj(tmp_path, "init", "--passphrase-file", str(marked), **unset).returncode == 0
    # Typed (here: from the environment) without the mark, the passphrase opens the vault.
    assert pj(tmp_path, "add", "typed later").returncode == 0
    result = pj(tmp_path, "list", "--passphrase-file", str(marked), **unset)
    assert result.returncode == 0 and "typed later" in result.stdout, result.stderr
    # A vault made before the mark was dropped (the mark in its passphrase) still opens.
    from peerjournal.app.session import create_vault

    old = tmp_path / "old"
    create_vault(old, "\ufeff" + PASS)[0].lock()
    result = pj(
        tmp_path, "list", "--passphrase-file", str(marked), PEERJOURNAL_VAULT=str(old), **unset
    )
    assert result.returncode == 0, result.stderr


def test_an_automatic_backup_folder_that_cannot_be_made_warns_and_the_command_succeeds(
    tmp_path: Path,
) -> None:
    assert pj(tmp_path, "init").returncode == 0
    shutil.rmtree(tmp_path / "vault" / "backups")  # due again
    blocker = tmp_path / "a-file"
    assert pj(tmp_path, "backup", "auto", "--dir", str(blocker)).returncode == 0
    shutil.rmtree(blocker)  # the folder was fine when chosen and is gone now (a disk unplugged)
    blocker.write_text("not a folder")
    result = pj(tmp_path, "add", "saved all the same")
    # Exit 0: the entry is saved, and a script must not add it again; one warning line.
    assert result.returncode == 0, result.stderr
    assert "automatic backup was not made" in result.stderr
    assert "internal error" not in result.stderr
    assert "saved all the same" in pj(tmp_path, "list").stdout


def test_an_automatic_backup_folder_is_checked_when_it_is_chosen(tmp_path: Path) -> None:
    assert pj(tmp_path, "init").returncode == 0
    blocker = tmp_path / "a-file"
    blocker.write_text("mine")
    for target, reason in (
        (blocker, "not a folder"),
        (blocker / "backups", "Not a directory"),
        (Path("/proc/peerjournal-backups"), "No such file or directory"),
    ):
        result = pj(tmp_path, "backup", "auto", "--dir", str(target))
        _refused(result, f"The backup could not be written to {target} ({reason})")
    assert blocker.read_text() == "mine"
    shown = pj(tmp_path, "backup", "auto", "--json")
    assert json.loads(shown.stdout)["folder"] == str(tmp_path / "vault" / "backups")  # unchanged
    new = tmp_path / "usb" / "journal-backups"
    assert pj(tmp_path, "backup", "auto", "--dir", str(new)).returncode == 0
    assert new.is_dir() and stat.S_IMODE(new.stat().st_mode) == 0o700
    assert json.loads(pj(tmp_path, "backup", "auto", "--json").stdout)["folder"] == str(new)


def test_init_where_no_folder_can_be_made_is_one_line_and_creates_nothing(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("mine")
    for target in (blocker, blocker / "vault", Path("/proc/peerjournal-vault")):
        result = pj(tmp_path, "init", "--vault", str(target))
        _refused(result, f"No vault can be made at {target}")
    assert blocker.read_text() == "mine"


def test_a_restore_through_a_link_to_an_empty_folder_lands_in_that_folder(
    tmp_path: Path,
) -> None:
    _vault_with_words(tmp_path)
    backup = tmp_path / "b.pjbackup"
    assert pj(tmp_path, "backup", "create", str(backup)).returncode == 0
    real = tmp_path / "other-disk" / "journal"
    real.mkdir(parents=True)
    link = tmp_path / "journal"
    link.symlink_to(real)
    result = pj(tmp_path, "backup", "restore", str(backup), "--vault", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and (real / "vault.json").is_file()
    assert "river" in pj(tmp_path, "list", PEERJOURNAL_VAULT=str(link)).stdout
    # A link to a file is still refused, and the file is untouched.
    (tmp_path / "a-file").write_text("mine")
    (tmp_path / "to-file").symlink_to(tmp_path / "a-file")
    result = pj(tmp_path, "backup", "restore", str(backup), "--vault", str(tmp_path / "to-file"))
    _refused(result, "is not empty")
    assert (tmp_path / "a-file").read_text() == "mine"


def test_a_file_name_too_long_for_any_file_system_is_one_line_for_every_command(
    tmp_path: Path,
) -> None:
    _vault_with_words(tmp_path)
    long = str(tmp_path / ("n" * 300))
    for argv in (
        ("backup", "create", long),
        ("backup", "verify", long),
        ("backup", "restore", long, "--vault", str(tmp_path / "r")),
        ("export", "-o", long),
        ("import", "--format", "json", long),
        ("list", "--passphrase-file", long),
        ("init", "--vault", long),
    ):
        _refused(pj(tmp_path, *argv), "too long for any file system")


def test_a_foreign_database_or_a_damaged_backup_page_is_one_line_without_sqlcipher_log(
    tmp_path: Path,
) -> None:
    # SQLCipher writes its own "ERROR CORE ..." lines to stderr when a page fails its MAC
    # (a bit flip in a backup) or the file is not SQLCipher at all; the user must see
    # our one sentence only.
    _vault_with_words(tmp_path)
    kept = tmp_path / "kept.pjbackup"
    assert pj(tmp_path, "backup", "create", str(kept)).returncode == 0
    flipped = bytearray(kept.read_bytes())
    flipped[len(flipped) // 2] ^= 1  # inside the database part, past its first page
    bad = tmp_path / "flipped.pjbackup"
    bad.write_bytes(bytes(flipped))
    _refused(pj(tmp_path, "backup", "verify", str(bad)), "changed after it was made")
    db = tmp_path / "vault" / "journal.db"
    original = db.read_bytes()
    db.write_bytes(os.urandom(len(original)))
    _refused(pj(tmp_path, "list"), "damaged")
