"""The command line end to end through the REAL relay: two vaults, invite, accept, sync,
share with preview and --yes, feed, reply, react, remove."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peerjournal.cli import main
from tests.helpers.relay import RelayProcess, running_relay


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayProcess]:
    with running_relay(tmp_path / "relay-data") as proc:
        yield proc


def test_cli_round_trip_through_the_real_relay(
    relay: RelayProcess,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PEERJOURNAL_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", "correct horse battery")

    def run(who: str, *argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        status = main(["--vault", str(tmp_path / who), *argv])
        out, err = capsys.readouterr()
        return status, out, err

    def js(who: str, *argv: str) -> Any:
        status, out, err = run(who, *argv, "--json")
        assert status == 0, err
        return json.loads(out)

    assert run("a", "init")[0] == 0 and run("b", "init")[0] == 0
    status, out, _ = run("a", "peers", "invite", "--relay", relay.url, "--name", "Sky", "--no-qr")
    code = next(line for line in out.splitlines() if line.startswith("pj1:"))
    assert status == 0 and "█" not in out
    assert run("b", "peers", "accept", code, "--name", "Sea")[0] == 0
    assert js("a", "sync")["paired"] == ["Sea"]
    assert js("b", "sync")["paired"] == ["Sky"]
    codes = {js(w, "peers", "list")[0]["safety_code"] for w in ("a", "b")}
    assert len(codes) == 1 and None not in codes

    entry = js("a", "add", "Rang 07700 900123 and emailed x@y.org, felt heard", "--tag", "calm")
    status, out, _ = run("a", "share", entry["id"], "--peer", "Sea", "--tag", "calm", "--yes")
    shown = out.partition("Found (")[0]  # the numbered findings below name the originals
    assert status == 0 and "07700" not in shown and "x@y.org" not in shown and "(sent)" in out
    assert js("b", "sync")["received"] == 1
    feed = js("b", "feed")
    assert feed[0]["tags"] == ["calm"] and "07700" not in feed[0]["body"]
    assert run("b", "reply", feed[0]["id"], "glad you were heard")[0] == 0
    assert run("b", "react", feed[0]["id"][:6], "heart")[0] == 0
    assert js("a", "sync")["received"] == 2
    assert run("a", "peers", "remove", "Sea")[0] == 0
    assert js("b", "sync")["ended"] == ["Sky"]
    status, out, _ = run("b", "peers", "list")
    assert "No peers yet" in out
