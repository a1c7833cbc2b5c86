"""``peers verify`` and the unverified warnings of the command line (issue 9 §6), in
process, two real vaults and the recording fake relay; a terminal is a tty-like stdin."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from peerjournal.cli import main
from tests.unit.cli.test_peers_cli import TwoVaults


class Terminal(io.StringIO):
    """Standard input that says it is a terminal, with the user's answers in it."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def paired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> TwoVaults:
    v = TwoVaults(tmp_path, capsys, monkeypatch)
    _s, out, _e = v.run("alice", "peers", "invite", "--relay", "http://r.test", "--name", "Al")
    code = next(line for line in out.splitlines() if line.startswith("pj1:"))
    assert v.run("bob", "peers", "accept", code, "--name", "Bo")[0] == 0
    assert v.run("alice", "sync")[0] == 0
    assert v.run("bob", "sync")[0] == 0
    return v


def _at_terminal(v: TwoVaults, answers: str, who: str, *argv: str) -> tuple[int, str, str]:
    v.capsys.readouterr()
    v.mp.setattr("sys.stdin", Terminal(answers))
    status = main(["--vault", str(v.tmp / who), *argv])
    out, err = v.capsys.readouterr()
    return status, out, err


def test_unverified_peers_say_so_in_the_list_until_verified(paired: TwoVaults) -> None:
    _s, out, _e = paired.run("alice", "peers", "list")
    assert "Bo  paired, NOT VERIFIED" in out
    [peer] = paired.json("alice", "peers", "list")
    assert (peer["state"], peer["verified"]) == ("active", False)
    # A script without --yes is not taken as having compared anything.
    status, out, _e = paired.run("alice", "peers", "verify", "Bo")
    assert status == 1 and "Not marked verified" in out
    assert paired.json("alice", "peers", "list")[0]["verified"] is False
    status, out, _e = paired.run("alice", "peers", "verify", "Bo", "--yes")
    assert status == 0 and "Bo is verified." in out
    [peer] = paired.json("alice", "peers", "list")
    assert (peer["state"], peer["verified"]) == ("verified", True)
    _s, out, _e = paired.run("alice", "peers", "list")
    assert "Bo  paired, verified" in out and "NOT VERIFIED" not in out
    # Bob's side is his own to verify.
    assert paired.json("bob", "peers", "list")[0]["verified"] is False


def test_verify_at_a_terminal_shows_the_code_and_asks(paired: TwoVaults) -> None:
    [peer] = paired.json("alice", "peers", "list")
    status, out, err = _at_terminal(paired, "n\n", "alice", "peers", "verify", "Bo")
    assert status == 1 and peer["safety_code"] in out and "[y/N]" in err
    assert paired.json("alice", "peers", "list")[0]["verified"] is False
    status, out, _e = _at_terminal(paired, "y\n", "alice", "peers", "verify", "bo")
    assert status == 0 and "Bo is verified." in out
    assert paired.json("alice", "peers", "list")[0]["verified"] is True


def test_a_pairing_still_joining_cannot_be_verified(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    v = TwoVaults(tmp_path, capsys, monkeypatch)
    _s, out, _e = v.run("alice", "peers", "invite", "--relay", "http://r.test")
    code = next(line for line in out.splitlines() if line.startswith("pj1:"))
    assert v.run("bob", "peers", "accept", code)[0] == 0
    [pending] = v.json("bob", "peers", "list")
    status, _out, err = v.run("bob", "peers", "verify", pending["name"], "--yes")
    assert status != 0 and "not paired yet" in err and "Traceback" not in err
    assert v.json("bob", "peers", "list")[0]["state"] == "joining"


def test_the_first_share_to_an_unverified_peer_asks_once(paired: TwoVaults) -> None:
    entry = paired.json("alice", "add", "a long day", "--title", "Day")
    share = ("share", entry["id"], "--peer", "Bo", "--yes")
    status, out, err = _at_terminal(paired, "n\n", "alice", *share)
    assert status == 1 and "Bo is not verified" in out and "Share with them anyway?" in err
    assert paired.json("bob", "sync")["received"] == 0
    status, out, _e = _at_terminal(paired, "y\n", "alice", *share)
    assert status == 0 and "Shared as item" in out
    assert paired.json("bob", "sync")["received"] == 1
    # Asked once: the next share does not ask (an empty answer would be "no").
    status, out, err = _at_terminal(paired, "", "alice", *share)
    assert status == 0 and "Shared as item" in out and "anyway" not in err
    assert paired.json("bob", "sync")["received"] == 1


def test_a_script_sharing_with_an_unverified_peer_is_warned_not_blocked(
    paired: TwoVaults,
) -> None:
    entry = paired.json("alice", "add", "a long day", "--title", "Day")
    _s, out, _e = paired.run("alice", "share", entry["id"], "--peer", "Bo")
    assert "Bo is not verified" in out and "Nothing was sent" in out
    status, out, err = paired.run("alice", "share", entry["id"], "--peer", "Bo", "--yes")
    assert status == 0 and "Shared as item" in out and "Bo is not verified" in err
    # Once verified, nothing more is said.
    assert paired.run("alice", "peers", "verify", "Bo", "--yes")[0] == 0
    status, out, err = paired.run("alice", "share", entry["id"], "--peer", "Bo", "--yes")
    assert status == 0 and "not verified" not in out + err
