"""File and folder names that are not UTF-8 (any bytes are allowed on POSIX) work end to
end: printed as their bytes even where Python's standard output is strict (a UTF-8 locale
such as en_US.UTF-8), and passed to the unlocked session, never "internal error"."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.helpers.cli import SCRIPT, env_for, pj
from tests.integration.test_cli_agent import agent_pids

__all__ = ["agent_pids"]  # fixture used below

NAME = b"journal-\xff"


def _run(tmp_path: Path, *argv: bytes | str, **extra: str) -> subprocess.CompletedProcess[bytes]:
    env = {os.fsencode(k): os.fsencode(v) for k, v in env_for(tmp_path, **extra).items()}
    return subprocess.run(
        [os.fsencode(str(SCRIPT)), *(os.fsencode(a) if isinstance(a, str) else a for a in argv)],
        stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=120, check=False,
    )  # fmt: skip


def test_a_backup_named_in_bytes_is_made_and_named_with_a_strict_stdout(tmp_path: Path) -> None:
    assert pj(tmp_path, "init").returncode == 0
    target = os.fsencode(str(tmp_path)) + b"/" + NAME
    done = _run(tmp_path, "backup", "create", target, PYTHONIOENCODING="utf-8:strict")
    assert done.returncode == 0, done.stderr
    assert NAME in done.stdout  # the name as its own bytes, like ls prints it
    assert os.path.exists(target)


def test_a_vault_folder_named_in_bytes_works_through_the_unlocked_session(
    tmp_path: Path, agent_pids: list[int]
) -> None:
    vault = os.fsencode(str(tmp_path)) + b"/" + NAME
    folder = os.fsdecode(vault)
    assert _run(tmp_path, "init", PEERJOURNAL_VAULT=folder).returncode == 0
    assert _run(tmp_path, "add", "by the river", PEERJOURNAL_VAULT=folder).returncode == 0
    started = _run(tmp_path, "unlock", PEERJOURNAL_VAULT=folder)
    assert started.returncode == 0, started.stderr
    agent_pids.append(int(started.stdout.split(b"agent process ")[1].split(b")")[0]))
    done = _run(tmp_path, "--vault", vault, "list", PEERJOURNAL_PASSPHRASE="")
    assert done.returncode == 0, done.stderr
    assert b"by the river" in done.stdout
    assert _run(tmp_path, "lock", PEERJOURNAL_VAULT=folder).returncode == 0
