"""Read-only and full disks (issue 8, defects 3 and 4), on file systems the test mounts."""

from __future__ import annotations

import json
import os
from pathlib import Path

from peerjournal.app.session import open_vault
from tests.helpers.cli import pj
from tests.helpers.mounts import fill, read_only_view, tmpfs

READING = (
    ("list",),
    ("tags",),
    ("search", "river"),
    ("mood", "list"),
    ("mood", "stats"),
)


def _vault_with_words(tmp_path: Path, env: dict[str, str]) -> str:
    assert pj(tmp_path, "init", **env).returncode == 0
    out = pj(tmp_path, "add", "We walked by the river.", "--tag", "walk", "--json", **env)
    assert out.returncode == 0, out.stderr
    assert pj(tmp_path, "mood", "add", "4", **env).returncode == 0
    return str(json.loads(out.stdout)["id"])


def test_read_only_vault_reads_and_refuses_writes_before_the_key_derivation(
    tmp_path: Path,
) -> None:
    source = tmp_path / "vault"
    entry = _vault_with_words(tmp_path, {})
    with read_only_view(source, tmp_path / "ro") as view:
        env = {"PEERJOURNAL_VAULT": str(view)}
        for argv in (*READING, ("show", entry[:8])):
            result = pj(tmp_path, *argv, **env)
            assert result.returncode == 0, (argv, result.stderr)
            assert "internal error" not in result.stderr
        assert "river" in pj(tmp_path, "search", "river", **env).stdout
        out = tmp_path / "export.json"
        assert pj(tmp_path, "export", "--yes", "-o", str(out), **env).returncode == 0
        assert len(json.loads(out.read_text())["entries"]) == 1
        for argv in (
            ("add", "more words"),
            ("edit", entry[:8], "--title", "t"),
            ("delete", entry[:8]),
            ("mood", "add", "3"),
            ("passwd",),
        ):
            # A wrong passphrase: the refusal comes before the key derivation would fail.
            result = pj(tmp_path, *argv, PEERJOURNAL_PASSPHRASE="wrong", **env)
            assert result.returncode == 1, argv
            assert "read-only" in result.stderr, (argv, result.stderr)
        before = sorted(os.listdir(view))
    assert sorted(os.listdir(source)) == before
    session = open_vault(source, "correct horse battery")
    assert session.journal.count() == 1 and not session.read_only
    session.lock()


def test_full_disk_reads_and_exports_and_says_full_not_damaged(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "8m") as disk:
        env = {"PEERJOURNAL_VAULT": str(disk / "vault")}
        entry = _vault_with_words(tmp_path, env)
        fill(disk)
        for argv in (*READING, ("show", entry[:8])):
            result = pj(tmp_path, *argv, **env)
            assert result.returncode == 0, (argv, result.stderr)
            assert "damaged" not in result.stderr
        out = tmp_path / "export.json"  # another disk
        result = pj(tmp_path, "export", "--yes", "-o", str(out), **env)
        assert result.returncode == 0, result.stderr
        assert len(json.loads(out.read_text())["entries"]) == 1
        result = pj(tmp_path, "add", "no room", **env)
        assert result.returncode == 1 and "disk is full" in result.stderr
        for filler in disk.glob("filler-*"):
            filler.unlink()
        session = open_vault(disk / "vault", "correct horse battery")
        assert session.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert session.journal.count() == 1
        session.lock()


def test_failed_init_on_a_full_disk_leaves_nothing_behind(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "2m") as disk:
        for leave in (0, 8 * 1024, 48 * 1024):
            fill(disk, leave=leave)
            target = disk / "deep" / "vault"
            result = pj(tmp_path, "init", PEERJOURNAL_VAULT=str(target))
            assert result.returncode == 1, result.stderr
            assert "disk is full" in result.stderr
            assert not (disk / "deep").exists()
            for filler in disk.glob("filler-*"):
                filler.unlink()
