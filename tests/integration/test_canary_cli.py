"""A canary word given to the real command line and the unlock agent never reaches a file.

The in-process canary tests cover the vault folder; this one covers what only the real
processes do: the agent (its socket folder, its detached output), automatic backups, the
bug log, refused commands that quote the input, and every temp folder (TMPDIR points into
tmp_path, so the whole tree is searched).
"""

from __future__ import annotations

import os
import signal
import stat
from pathlib import Path

from tests.helpers.cli import pj
from tests.integration.test_canary_vault import CANARY, _needles
from tests.integration.test_cli_agent import _alive, agent_pids, unlock, wait_until

__all__ = ["agent_pids"]  # the fixture used below


def _leaks(folder: Path) -> list[str]:
    """Regular files under ``folder`` holding the canary (sockets and FIFOs skipped)."""
    found = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            if stat.S_ISREG(path.lstat().st_mode):
                data = path.read_bytes()
                found += [f"{path}: {n!r}" for n in _needles() if n in data]
    return found


def test_a_canary_through_the_cli_and_the_agent_never_reaches_a_file(
    tmp_path: Path, agent_pids: list[int]
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {"TMPDIR": str(temp)}
    assert pj(tmp_path, "init", **env).returncode == 0
    assert pj(tmp_path, "add", "-", stdin=f"piped {CANARY} words", **env).returncode == 0
    assert pj(tmp_path, "mood", "add", "2", "--note", f"{CANARY} note", **env).returncode == 0
    unlock(tmp_path, agent_pids, **env)
    for argv, stdin in (
        (("add", f"through the agent {CANARY}.", "--tag", f"{CANARY}tag"), ""),
        (("add", "-"), f"agent stdin {CANARY}"),
        (("search", CANARY.lower()), ""),
        (("list", "--tag", f"{CANARY}tag", "--json"), ""),
        (("template", "set", "-"), f"{CANARY} template"),
    ):
        result = pj(tmp_path, *argv, stdin=stdin, **env)
        assert result.returncode == 0, (argv, result.stderr)
    # Refusals that quote what was typed: on stderr only, never in a log.
    for argv in (
        ("add", "x", "--date", f"{CANARY} o'clock"),
        ("add", "x", "--title", CANARY * 1000),
        ("show", f"{CANARY}"),
        ("search", f'"{CANARY}', "--since", CANARY),
    ):
        result = pj(tmp_path, *argv, **env)
        assert result.returncode in (1, 2), (argv, result.stderr)
        assert "internal error" not in result.stderr
    assert _leaks(tmp_path) == []
    assert pj(tmp_path, "lock", **env).returncode == 0
    assert wait_until(lambda: not _alive(agent_pids[-1]))
    # Without the agent: a backup, its verification and a restore are encrypted files.
    backup = tmp_path / "b.pjbackup"
    assert pj(tmp_path, "backup", "create", str(backup), **env).returncode == 0
    assert pj(tmp_path, "backup", "verify", str(backup), **env).returncode == 0
    restored = tmp_path / "restored"
    assert (
        pj(tmp_path, "backup", "restore", str(backup), "--vault", str(restored), **env).returncode
        == 0
    )
    assert any((tmp_path / "vault" / "backups").iterdir())
    assert _leaks(tmp_path) == []
    for pid in agent_pids:
        if _alive(pid):
            os.kill(pid, signal.SIGTERM)
