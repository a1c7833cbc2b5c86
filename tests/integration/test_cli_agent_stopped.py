"""A stopped (SIGSTOP, Ctrl-Z) or silent unlocked session never makes a client hang: a
stopped one is said so at once and nothing is sent; a silent one is given up after a
bounded wait; ``lock`` ends a stopped one, and the vault works again without it."""

from __future__ import annotations

import json
import os
import signal
import socket
import time
from pathlib import Path

from peerjournal.cli.agent_socket import ANSWER_SECONDS, socket_folder, socket_name
from tests.helpers.cli import pj
from tests.integration.test_cli_agent import _alive, agent_pids, unlock, vault, wait_until
from tests.integration.test_cli_agent_hardening import short

__all__ = ["agent_pids", "vault"]  # fixtures shared with test_cli_agent

STOPPED = "The unlocked session is not answering: its process {pid} is stopped."


def test_a_stopped_session_is_said_so_at_once_and_lock_ends_it(
    vault: Path, tmp_path: Path, agent_pids: list[int]
) -> None:
    unlock(tmp_path, agent_pids)
    pid = agent_pids[0]
    os.kill(pid, signal.SIGSTOP)
    try:
        for argv in (("list",), ("add", "while it is stopped"), ("mood", "add", "3"),
                     ("edit", "0000", "--title", "x"), ("unlock",)):  # fmt: skip
            started = time.monotonic()
            done = pj(tmp_path, *argv, PEERJOURNAL_PASSPHRASE="")
            took = time.monotonic() - started
            assert done.returncode == 1, (argv, done.stderr)
            assert STOPPED.format(pid=pid) in done.stderr and "Nothing was sent" in done.stderr
            assert "peerjournal lock" in done.stderr
            assert took < 10, (argv, took)  # a few seconds of start-up at most, not 300
        done = pj(tmp_path, "lock")
        assert done.returncode == 0, done.stderr
        assert f"its process {pid} was ended" in done.stdout
        assert wait_until(lambda: not _alive(pid), 30)
    finally:
        if _alive(pid):
            os.kill(pid, signal.SIGCONT)
    listed = pj(tmp_path, "list", "--json")  # the vault is free again, the passphrase asked
    assert listed.returncode == 0, listed.stderr
    assert [e["first_line"] for e in json.loads(listed.stdout)] == ["by the river"]


def test_a_session_that_takes_a_command_and_never_answers_is_given_up(
    vault: Path, tmp_path: Path
) -> None:
    folder = socket_folder()
    folder.mkdir(parents=True, mode=0o700, exist_ok=True)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with short(folder / socket_name(vault)) as where:
        server.bind(where)
    server.listen(4)  # accepts connections (the kernel does) and never answers
    with server:
        started = time.monotonic()
        done = pj(tmp_path, "list", PEERJOURNAL_PASSPHRASE="")
        took = time.monotonic() - started
    assert done.returncode == 1, done.stderr
    assert f"did not answer within {ANSWER_SECONDS:g} seconds" in done.stderr
    assert "may or may not have been carried out" in done.stderr
    assert ANSWER_SECONDS <= took < ANSWER_SECONDS + 10
