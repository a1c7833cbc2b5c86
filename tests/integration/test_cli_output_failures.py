"""A standard output that cannot be written (a full disk, a closed stream) is a one-line
error (exit 1) for every command, never "internal error (a bug)"; a write command whose
confirmation does not print says that it did its work, and its work is kept."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli import SCRIPT, env_for, pj
from tests.integration.test_cli_agent import agent_pids, unlock

__all__ = ["agent_pids"]  # fixture used below

FULL = Path("/dev/full")
pytestmark = pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")

#: Python's own buffering (a user's shell) and PYTHONUNBUFFERED (as CI may set): the
#: failure comes at a different moment (the final flush, or the write).
BUFFERING = {"buffered": {"PYTHONUNBUFFERED": ""}, "unbuffered": {"PYTHONUNBUFFERED": "1"}}


def _run(tmp_path: Path, *argv: str, stdout: str = "full", **extra: str) -> tuple[int, str]:
    """Run the console script with standard output on /dev/full or closed."""
    env = env_for(tmp_path, **extra)
    if stdout == "full":
        with FULL.open("w") as sink:
            done = subprocess.run(
                [str(SCRIPT), *argv], stdin=subprocess.DEVNULL, stdout=sink,
                stderr=subprocess.PIPE, text=True, env=env, timeout=120, check=False,
            )  # fmt: skip
    else:
        done = subprocess.run(
            [str(SCRIPT), *argv], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True, env=env, timeout=120, check=False,
            preexec_fn=lambda: os.close(1),
        )  # fmt: skip
    return done.returncode, done.stderr


def _titles(tmp_path: Path) -> list[str]:
    done = pj(tmp_path, "list", "--json")
    assert done.returncode == 0, done.stderr
    return [item["title"] for item in json.loads(done.stdout)]


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    assert pj(tmp_path, "init").returncode == 0
    assert pj(tmp_path, "add", "First. by the river").returncode == 0
    return tmp_path / "vault"


@pytest.mark.parametrize("buffering", sorted(BUFFERING))
@pytest.mark.parametrize(
    "argv", [("list",), ("show", "--json"), ("search", "river"), ("tags",), ("info",),
             ("mood", "list"), ("--help",), ("list", "--help"), ("--version",)],
    ids=lambda argv: " ".join(argv),
)  # fmt: skip
def test_a_reading_command_into_a_full_disk_says_so_in_one_line(
    tmp_path: Path, vault: Path, argv: tuple[str, ...], buffering: str
) -> None:
    if argv == ("show", "--json"):
        argv = ("show", pj(tmp_path, "list", "--json").stdout.split('"id": "')[1][:8], "--json")
    if argv == ("tags",):
        assert pj(tmp_path, "add", "Tagged. x", "--tag", "walk").returncode == 0
    if argv == ("mood", "list"):
        assert pj(tmp_path, "mood", "add", "3").returncode == 0
    before = _titles(tmp_path)
    status, stderr = _run(tmp_path, *argv, **BUFFERING[buffering])
    assert status == 1, stderr
    assert stderr == "peerjournal: Could not write the output: no space left on device.\n"
    assert _titles(tmp_path) == before


def test_a_closed_standard_output_says_so(tmp_path: Path, vault: Path) -> None:
    status, stderr = _run(tmp_path, "list", stdout="closed")
    assert status == 1, stderr
    assert stderr == "peerjournal: Could not write the output: standard output is closed.\n"


@pytest.mark.parametrize("stdout", ["full", "closed"])
@pytest.mark.parametrize("buffering", sorted(BUFFERING))
def test_an_add_whose_confirmation_fails_says_it_was_saved_and_keeps_it(
    tmp_path: Path, vault: Path, stdout: str, buffering: str
) -> None:
    status, stderr = _run(
        tmp_path, "add", "Second. by the sea", stdout=stdout, **BUFFERING[buffering]
    )
    assert status == 1, stderr
    assert "The command did its work, but its output could not be written" in stderr
    assert "bug" not in stderr and len(stderr.splitlines()) == 1
    assert "Second." in _titles(tmp_path)


def test_a_passphrase_change_whose_confirmation_fails_says_it_was_done(
    tmp_path: Path, vault: Path
) -> None:
    status, stderr = _run(tmp_path, "passwd", PEERJOURNAL_NEW_PASSPHRASE="a new passphrase")
    assert status == 1, stderr
    assert "did its work" in stderr
    done = pj(tmp_path, "list", PEERJOURNAL_PASSPHRASE="a new passphrase")
    assert done.returncode == 0, done.stderr


def test_init_whose_recovery_code_cannot_be_shown_says_what_to_do(tmp_path: Path) -> None:
    status, stderr = _run(tmp_path, "init")
    assert status == 1, stderr
    assert "The vault was created, but its recovery code could not be shown" in stderr
    assert "peerjournal new-recovery-code" in stderr
    assert pj(tmp_path, "list").returncode == 0


def test_a_new_recovery_code_that_cannot_be_shown_says_the_old_one_stopped(
    tmp_path: Path, vault: Path
) -> None:
    status, stderr = _run(tmp_path, "new-recovery-code")
    assert status == 1, stderr
    assert "the old one no longer works" in stderr and "again" in stderr


def test_an_export_into_a_full_disk_still_says_it_is_incomplete_once(
    tmp_path: Path, vault: Path
) -> None:
    status, stderr = _run(tmp_path, "export", **BUFFERING["buffered"])
    assert status == 1, stderr
    assert stderr.count("\n") == 1 and "export written to standard output is incomplete" in stderr


@pytest.mark.parametrize("stdout", ["full", "closed"])
def test_through_the_unlocked_session_too(
    tmp_path: Path, vault: Path, agent_pids: list[int], stdout: str
) -> None:
    unlock(tmp_path, agent_pids)
    status, stderr = _run(tmp_path, "list", stdout=stdout)
    assert status == 1, stderr
    assert stderr.startswith("peerjournal: Could not write the output:")
    status, stderr = _run(tmp_path, "add", "Third. through the agent", stdout=stdout)
    assert status == 1, stderr
    assert "The command did its work" in stderr
    assert "Third." in _titles(tmp_path)
    assert pj(tmp_path, "lock").returncode == 0


def test_a_full_standard_error_does_not_turn_a_good_command_into_an_error(
    tmp_path: Path, vault: Path
) -> None:
    # export to stdout warns on stderr that the copy is not encrypted: the warning cannot
    # be written, the export itself is whole, and the exit status says so
    out = tmp_path / "export.json"
    with FULL.open("w") as sink, out.open("w") as target:
        done = subprocess.run(
            [str(SCRIPT), "export"], stdin=subprocess.DEVNULL, stdout=target, stderr=sink,
            env=env_for(tmp_path), timeout=120, check=False,
        )  # fmt: skip
    assert done.returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["entries"][0]["title"] == "First."
    with FULL.open("w") as sink:
        done = subprocess.run(
            [str(SCRIPT), "show", "nope"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=sink, env=env_for(tmp_path), timeout=120, check=False,
        )  # fmt: skip
    assert done.returncode == 1  # the error could not be said, but the status tells it


def test_unlock_and_lock_whose_line_fails_say_they_did_their_work(
    tmp_path: Path, vault: Path, agent_pids: list[int]
) -> None:
    try:
        status, stderr = _run(tmp_path, "unlock")
        assert status == 1 and "The command did its work" in stderr, stderr
        assert pj(tmp_path, "list", PEERJOURNAL_PASSPHRASE="").returncode == 0  # unlocked
        status, stderr = _run(tmp_path, "lock")
        assert status == 1 and "The command did its work" in stderr, stderr
        assert pj(tmp_path, "list", PEERJOURNAL_PASSPHRASE="").returncode == 1  # locked again
    finally:
        pj(tmp_path, "lock")  # the agent's pid was printed to /dev/full: end it this way
