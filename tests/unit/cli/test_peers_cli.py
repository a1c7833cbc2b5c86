"""The peer-exchange commands in process, two vaults, with the recording fake relay."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from peerjournal.cli import main
from tests.helpers.relay import FakeRelay

PASS = "correct horse battery"


class TwoVaults:
    def __init__(
        self, tmp: Path, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch
    ) -> None:
        self.tmp, self.capsys, self.mp = tmp, capsys, mp
        self.relay = FakeRelay()
        mp.setattr("peerjournal.app.relays.RelayClient", lambda _url: self.relay)
        mp.setenv("PEERJOURNAL_INSECURE_TEST_KDF", "1")
        mp.setenv("PEERJOURNAL_PASSPHRASE", PASS)
        for name in ("alice", "bob"):
            assert self.run(name, "init")[0] == 0

    def run(self, who: str, *argv: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        self.mp.setattr("sys.stdin", io.StringIO(""))
        status = main(["--vault", str(self.tmp / who), *argv])
        out, err = self.capsys.readouterr()
        return status, out, err

    def json(self, who: str, *argv: str) -> Any:
        status, out, err = self.run(who, *argv, "--json")
        assert status == 0, err
        return json.loads(out)


@pytest.fixture
def vaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> TwoVaults:
    return TwoVaults(tmp_path, capsys, monkeypatch)


def test_pairing_sharing_and_feed_from_the_command_line(vaults: TwoVaults) -> None:
    status, out, _ = vaults.run(
        "alice", "peers", "invite", "--relay", "http://r.test", "--name", "Al"
    )
    assert status == 0
    code = next(line for line in out.splitlines() if line.startswith("pj1:"))
    assert "▄" in out or "█" in out  # the terminal QR code
    assert "peerjournal sync" in out
    status, out, _ = vaults.run("bob", "peers", "accept", code, "--name", "Bo")
    assert status == 0 and "Safety code:" in out
    safety = out.split("Safety code: ")[1].splitlines()[0]
    status, out, _ = vaults.run("alice", "sync")
    assert status == 0 and f"Paired with Bo. Safety code: {safety}" in out
    assert vaults.json("bob", "sync")["paired"] == ["Al"]
    peers = vaults.json("alice", "peers", "list")
    assert [(p["name"], p["state"], p["safety_code"]) for p in peers] == [("Bo", "active", safety)]

    entry = vaults.json("alice", "add", "Met Tom at 10:15, he said 555 0199 7777", "--title", "T")
    status, out, _ = vaults.run("alice", "share", entry["id"], "--peer", "Bo", "--cw", "sad")
    shown, _, found = out.partition("Found (")
    assert status == 0 and "Nothing was sent" in out and "10:15" not in shown
    assert "replaced  a time of day: “10:15”" in found  # numbered, for --keep N
    assert vaults.json("bob", "sync")["received"] == 0
    status, out, _ = vaults.run("alice", "share", entry["id"][:8], "--peer", "Bo", "--yes")
    assert status == 0 and "Shared as item" in out and "(sent)" in out
    assert vaults.json("bob", "sync")["received"] == 1
    feed = vaults.json("bob", "feed")
    assert len(feed) == 1 and feed[0]["peer"] == "Al" and "10:15" not in feed[0]["body"]
    assert vaults.run("bob", "reply", feed[0]["id"][:8], "Thinking of you")[0] == 0
    assert vaults.run("bob", "react", feed[0]["id"], "hug")[0] == 0
    status, out, _ = vaults.run("bob", "feed")
    assert "you: Thinking of you" in out and "hug" in out
    assert vaults.json("alice", "sync")["received"] == 2
    mine = vaults.json("alice", "feed", "--mine")
    assert [i["id"] for i in mine] == [feed[0]["id"]]
    assert mine[0]["replies"] == [
        {"from": "in", "day": mine[0]["replies"][0]["day"], "text": "Thinking of you"}
    ]
    assert [r["reaction"] for r in mine[0]["reactions"]] == ["hug"]
    status, out, _ = vaults.run("alice", "feed", "--mine")
    assert status == 0 and "to Bo" in out and "Bo: Thinking of you" in out
    assert vaults.json("alice", "feed") == []  # nothing was shared *with* alice

    status, out, _ = vaults.run("alice", "peers", "remove", "Bo")
    assert status == 0 and "Unpaired from Bo" in out
    assert vaults.json("bob", "sync")["ended"] == ["Al"]
    assert vaults.json("bob", "peers", "list") == []


def test_bad_invite_and_unknown_peer_are_plain_errors(vaults: TwoVaults) -> None:
    status, _out, err = vaults.run("bob", "peers", "accept", "pj1:nonsense")
    assert status == 1 and "invite code is not valid" in err and "Traceback" not in err
    status, _out, err = vaults.run("bob", "reply", "abcd1234", "hi")
    assert status == 1
    status, _out, err = vaults.run("bob", "peers", "remove", "Nobody")
    assert status == 1 and "Nobody" in err
    status, _out, err = vaults.run("bob", "react", "abcd", "wow")
    assert status == 2
