"""Bulk ``delete``/``edit`` by filter while the unlock agent holds the vault, at a terminal.

The agent has no terminal, so the question must be asked on the client's side: the agent
lists the matches, the person answers at their own terminal, and only a yes changes
anything. Standard input is a real pseudo-terminal here, as in a person's shell.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import SCRIPT, env_for, pj

NO_SECRET = {"PEERJOURNAL_PASSPHRASE": ""}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as handle:
        return handle.read().split()[2] != "Z"


@pytest.fixture
def unlocked(tmp_path: Path) -> Iterator[Path]:
    """A vault with two entries tagged ``old`` and one tagged ``keep``, held by the agent."""
    assert pj(tmp_path, "init").returncode == 0
    for body, tag in (("first old one", "old"), ("second old one", "old"), ("stays", "keep")):
        assert pj(tmp_path, "add", body, "--tag", tag).returncode == 0
    done = pj(tmp_path, "unlock")
    assert done.returncode == 0, done.stderr
    match = re.search(r"agent process (\d+)", done.stdout)
    assert match, done.stdout
    pid = int(match.group(1))
    yield tmp_path
    if _alive(pid):
        os.kill(pid, signal.SIGTERM)
    end = time.monotonic() + 30
    while _alive(pid) and time.monotonic() < end:
        time.sleep(0.05)


def at_terminal(tmp_path: Path, answer: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI with a pseudo-terminal as standard input, the answer already typed."""
    master, slave = os.openpty()
    try:
        os.write(master, answer.encode())  # the line discipline holds it until it is read
        return subprocess.run(
            [str(SCRIPT), *argv],
            stdin=slave,
            capture_output=True,
            text=True,
            env=env_for(tmp_path, **NO_SECRET),
            timeout=120,
            check=False,
        )
    finally:
        os.close(slave)
        os.close(master)


def live_bodies(tmp_path: Path) -> list[str]:
    listed = pj(tmp_path, "list", "--json", **NO_SECRET)
    assert listed.returncode == 0, listed.stderr
    return sorted(entry["first_line"] for entry in json.loads(listed.stdout))


def test_a_yes_at_the_terminal_moves_exactly_the_matches_to_the_trash(unlocked: Path) -> None:
    done = at_terminal(unlocked, "y\n", "delete", "--tag", "old")
    assert done.returncode == 0, done.stderr
    assert "2 entries match" in done.stderr
    assert "first old one" in done.stderr and "second old one" in done.stderr
    assert "Go on with these entries? [y/N]" in done.stderr
    assert "Moved 2 entries to the trash" in done.stdout
    assert live_bodies(unlocked) == ["stays"]


def test_a_no_at_the_terminal_changes_nothing(unlocked: Path) -> None:
    done = at_terminal(unlocked, "n\n", "delete", "--tag", "old")
    assert done.returncode == 1
    assert "2 entries match" in done.stderr
    assert "Moved" not in done.stdout
    assert live_bodies(unlocked) == ["first old one", "second old one", "stays"]


def test_an_empty_answer_is_a_no(unlocked: Path) -> None:
    done = at_terminal(unlocked, "\n", "edit", "--tag", "old", "--add-tag", "archived")
    assert done.returncode == 1
    tagged = pj(unlocked, "list", "--tag", "archived", "--json", **NO_SECRET)
    assert json.loads(tagged.stdout) == []


def test_a_bulk_edit_goes_through_after_a_yes(unlocked: Path) -> None:
    done = at_terminal(unlocked, "yes\n", "edit", "--tag", "old", "--add-tag", "archived")
    assert done.returncode == 0, done.stderr
    assert "Changed 2 of 2 matching entries." in done.stdout
    tagged = pj(unlocked, "list", "--tag", "archived", "--json", **NO_SECRET)
    assert sorted(e["first_line"] for e in json.loads(tagged.stdout)) == [
        "first old one",
        "second old one",
    ]


def test_no_match_asks_nothing_and_changes_nothing(unlocked: Path) -> None:
    done = at_terminal(unlocked, "y\n", "delete", "--tag", "nowhere")
    assert done.returncode == 0, done.stderr
    assert "No entries match; nothing was changed." in done.stdout
    assert "[y/N]" not in done.stderr
    assert live_bodies(unlocked) == ["first old one", "second old one", "stays"]
