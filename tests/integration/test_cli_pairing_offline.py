"""Pairing with a relay that cannot be reached says what happened to the pairing (no
invite made; the invite not used) and what to check, not "your messages go out later",
and leaves no half-made peer behind."""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from peerjournal.cli import main
from tests.helpers.relay import running_relay

Run = Callable[..., tuple[int, str, str]]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("PEERJOURNAL_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", "correct horse battery")

    def run(who: str, *argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        status = main(["--vault", str(tmp_path / who), *argv])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def _peers(run: Run, who: str) -> list[object]:
    status, out, err = run(who, "peers", "list", "--all", "--json")
    assert status == 0, err
    return list(json.loads(out))


def test_an_invite_on_an_unreachable_relay_says_no_invite_was_made(run: Run) -> None:
    assert run("a", "init")[0] == 0
    url = f"http://127.0.0.1:{_free_port()}"
    status, out, err = run("a", "peers", "invite", "--relay", url, "--name", "Sky", "--no-qr")
    assert status == 1 and out == ""
    assert err == (
        f"peerjournal: The relay at {url} could not be reached. No invite was made. "
        "Check the address and your connection, then try again.\n"
    )
    assert _peers(run, "a") == []


def test_accepting_while_the_relay_is_down_says_the_invite_was_not_used(
    run: Run, tmp_path: Path
) -> None:
    assert run("a", "init")[0] == 0 and run("b", "init")[0] == 0
    with running_relay(tmp_path / "relay-data") as relay:
        status, out, _ = run("a", "peers", "invite", "--relay", relay.url, "--no-qr")
        assert status == 0
    code = next(line for line in out.splitlines() if line.startswith("pj1:"))
    status, _, err = run("b", "peers", "accept", code, "--name", "Sea")
    assert status == 1
    assert "The invite's relay could not be reached. Nothing was changed." in err
    assert "the invite has not been used" in err
    assert "Your messages wait" not in err
    assert _peers(run, "b") == []
