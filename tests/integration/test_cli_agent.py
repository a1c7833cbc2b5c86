"""``peerjournal unlock`` / ``lock``: the optional, time-limited unlocked session."""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerjournal.cli.agent import socket_path
from tests.helpers.cli import pj


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as handle:  # a zombie is not alive
        return handle.read().split()[2] != "Z"


@pytest.fixture
def agent_pids() -> Iterator[list[int]]:
    """Agent processes a test started; any still running at the end are stopped."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        if _alive(pid):
            os.kill(pid, signal.SIGTERM)


def unlock(tmp_path: Path, pids: list[int], *argv: str, **extra: str) -> str:
    """Start an agent, remember its pid, return the message."""
    done = pj(tmp_path, "unlock", *argv, **extra)
    assert done.returncode == 0, done.stderr
    match = re.search(r"agent process (\d+)", done.stdout)
    assert match, done.stdout
    pids.append(int(match.group(1)))
    return done.stdout


def wait_until(condition: object, limit: float = 60.0) -> bool:
    """Poll a condition (generous limit: this is not a timing assertion)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    """A vault with one entry."""
    assert pj(tmp_path, "init").returncode == 0
    assert pj(tmp_path, "add", "by the river", "--title", "Walk", "--tag", "walk").returncode == 0
    return tmp_path / "vault"


def test_unlocked_commands_need_no_passphrase_until_lock(
    vault: Path, tmp_path: Path, agent_pids: list[int]
) -> None:
    unlock(tmp_path, agent_pids)
    sock = socket_path(vault)
    assert stat.S_IMODE(sock.stat().st_mode) == 0o600
    assert stat.S_IMODE(sock.parent.stat().st_mode) == 0o700
    no_secret = {"PEERJOURNAL_PASSPHRASE": ""}
    listed = pj(tmp_path, "list", "--json", **no_secret)
    assert listed.returncode == 0, listed.stderr
    assert [e["title"] for e in json.loads(listed.stdout)] == ["Walk"]
    added = pj(tmp_path, "add", "-", "--json", stdin="piped while unlocked", **no_secret)
    assert json.loads(added.stdout)["body"] == "piped while unlocked"
    found = pj(tmp_path, "search", "river", **no_secret)
    assert found.returncode == 0 and "[river]" in found.stdout
    missing = pj(tmp_path, "show", "ffffffff", **no_secret)
    assert missing.returncode == 1 and missing.stderr == "peerjournal: No entry has that id.\n"
    usage = pj(tmp_path, "mood", "add", "9", **no_secret)
    assert usage.returncode == 2
    assert pj(tmp_path, "mood", "add", "4", **no_secret).returncode == 0
    assert json.loads(pj(tmp_path, "mood", "stats", "--json", **no_secret).stdout)["count"] == 1
    busy = pj(tmp_path, "export")
    assert busy.returncode == 1 and "run `peerjournal lock`" in busy.stderr
    again = pj(tmp_path, "unlock")
    assert again.returncode == 0 and "already unlocked" in again.stdout
    locked = pj(tmp_path, "lock")
    assert locked.returncode == 0 and locked.stdout == "Locked.\n"
    assert wait_until(lambda: not _alive(agent_pids[0]))
    assert not sock.exists()
    after = pj(tmp_path, "list", **no_secret)
    assert after.returncode == 1 and "no terminal to ask" in after.stderr
    assert pj(tmp_path, "export").returncode == 0
    assert pj(tmp_path, "lock").stdout == "There is no unlocked session for this vault.\n"


def test_wrong_passphrase_starts_nothing(vault: Path, tmp_path: Path) -> None:
    done = pj(tmp_path, "unlock", PEERJOURNAL_PASSPHRASE="wrong")
    assert done.returncode == 1
    assert done.stderr == "peerjournal: That passphrase does not unlock this vault.\n"
    assert not socket_path(vault).exists()


def test_idle_timeout_locks_by_itself(vault: Path, tmp_path: Path, agent_pids: list[int]) -> None:
    unlock(tmp_path, agent_pids, "--minutes", "0.01")
    assert wait_until(lambda: not _alive(agent_pids[0]))
    assert not socket_path(vault).exists()
    done = pj(tmp_path, "list", PEERJOURNAL_PASSPHRASE="")
    assert done.returncode == 1 and "no terminal to ask" in done.stderr


def test_a_stale_socket_is_ignored(vault: Path, tmp_path: Path, agent_pids: list[int]) -> None:
    unlock(tmp_path, agent_pids)
    os.kill(agent_pids[0], signal.SIGKILL)
    assert wait_until(lambda: not _alive(agent_pids[0]))
    assert socket_path(vault).exists()  # left behind by the killed agent
    done = pj(tmp_path, "list")
    assert done.returncode == 0 and "Walk" in done.stdout
    unlock(tmp_path, agent_pids)
    assert pj(tmp_path, "list", PEERJOURNAL_PASSPHRASE="").returncode == 0
    assert pj(tmp_path, "lock").returncode == 0


def test_bad_minutes_is_a_usage_error(tmp_path: Path) -> None:
    done = pj(tmp_path, "unlock", "--minutes", "0")
    assert done.returncode == 2 and "minutes" in done.stderr
