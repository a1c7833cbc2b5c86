"""``share`` on the command line through the REAL relay: for every way of choosing what is
replaced (numbers, words, standard input, the editor), the bytes the peer decrypts are the
text the preview printed, and the preview without ``--yes`` printed the same."""

from __future__ import annotations

import io
import json
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peerjournal.cli import main
from peerjournal.crypto import envelope
from peerjournal.sync.payloads import parse_payload
from tests.helpers.relay import RelayProcess, running_relay

BODY = "Met Tom Baxter at 10:15 near Leeds, then Sam texted 07700 900123 about Inception."
TITLE = "Rough day with Tom"


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayProcess]:
    with running_relay(tmp_path / "relay-data") as proc:
        yield proc


class Pair:
    """Two vaults paired through the relay; ``decrypted`` records what bob's side opened."""

    def __init__(
        self, tmp: Path, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch, url: str
    ) -> None:
        self.tmp, self.capsys, self.mp = tmp, capsys, mp
        self.decrypted: list[dict[str, Any]] = []
        real_open = envelope.open_box

        def recording_open(box: bytes, sender_pub: bytes, secret: bytes) -> bytes:
            raw = real_open(box, sender_pub, secret)
            payload = parse_payload(raw)
            if payload.kind == "entry":
                self.decrypted.append(payload.body)
            return raw

        mp.setattr(envelope, "open_box", recording_open)
        mp.setenv("PEERJOURNAL_INSECURE_TEST_KDF", "1")
        mp.setenv("PEERJOURNAL_PASSPHRASE", "correct horse battery")
        assert self.run("a", "init")[0] == 0 and self.run("b", "init")[0] == 0
        out = self.run("a", "peers", "invite", "--relay", url, "--name", "Sky", "--no-qr")[1]
        code = next(line for line in out.splitlines() if line.startswith("pj1:"))
        assert self.run("b", "peers", "accept", code, "--name", "Sea")[0] == 0
        assert self.js("a", "sync")["paired"] == ["Sea"]
        assert self.js("b", "sync")["paired"] == ["Sky"]
        self.entry = self.js("a", "add", BODY, "--title", TITLE)["id"]

    def run(self, who: str, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        self.capsys.readouterr()
        self.mp.setattr("sys.stdin", io.StringIO(stdin))
        status = main(["--vault", str(self.tmp / who), *argv])
        out, err = self.capsys.readouterr()
        return status, out, err

    def js(self, who: str, *argv: str) -> Any:
        status, out, err = self.run(who, *argv, "--json")
        assert status == 0, err
        return json.loads(out)


def shown(out: str) -> tuple[str, str]:
    """The title and the text a preview printed (between "Title:" and the findings)."""
    lines = out.split("\n")
    title_at = next(i for i, line in enumerate(lines) if line.startswith("Title: "))
    end = next(i for i in range(title_at, len(lines)) if lines[i] == "")
    return lines[title_at][len("Title: ") :], "\n".join(lines[title_at + 1 : end])


@pytest.fixture
def pair(
    relay: RelayProcess,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Pair:
    return Pair(tmp_path, capsys, monkeypatch, relay.url)


def _editor(tmp_path: Path) -> str:
    """An $EDITOR that rewrites the file it is given: "Sam" becomes "a friend"."""
    script = tmp_path / "edit.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[-1])\n"
        "p.write_text(p.read_text().replace('Sam', 'a friend') + '\\n(edited)\\n')\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return f"{sys.executable} {script}"


OPTIONS: dict[str, tuple[list[str], str]] = {
    "default": ([], ""),
    "redact a number": (["--redact", "NUMBER_OF_SAM"], ""),
    "keep a number": (["--keep", "1"], ""),
    "redact a word": (["--redact-word", "Inception"], ""),
    "keep a word": (["--keep-word", "Leeds"], ""),
    "text from stdin": (["--text", "-"], "My own words: a hard day, [person] was kind.\n"),
    "edited": (["--edit"], ""),
}


@pytest.mark.parametrize("option", list(OPTIONS))
def test_the_peer_decrypts_exactly_the_preview(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    monkeypatch.setenv("EDITOR", _editor(tmp_path))
    monkeypatch.delenv("VISUAL", raising=False)
    argv, stdin = OPTIONS[option]
    if "NUMBER_OF_SAM" in argv:  # the number the plain preview gives "Sam"
        _status, out, _ = pair.run("a", "share", pair.entry, "--peer", "Sea")
        line = next(line for line in out.splitlines() if "“Sam”" in line)
        argv = ["--redact", line.split(".")[0].strip()]
    status, preview_out, err = pair.run(
        "a", "share", pair.entry, "--peer", "Sea", *argv, stdin=stdin
    )
    assert status == 0, err
    assert "Nothing was sent" in preview_out
    assert pair.js("b", "sync")["received"] == 0
    status, sent_out, err = pair.run(
        "a", "share", pair.entry, "--peer", "Sea", *argv, "--yes", stdin=stdin
    )
    assert status == 0 and "(sent)" in sent_out, err
    assert shown(sent_out) == shown(preview_out)
    assert pair.js("b", "sync")["received"] == 1
    assert len(pair.decrypted) == 1
    title, body = shown(preview_out)
    assert (pair.decrypted[0]["title"], pair.decrypted[0]["body"]) == (title, body)
    # and each option did what it says
    assert ("Tom" in title) == (option == "keep a number")
    if option == "redact a number":
        assert "Sam" not in body
    elif option == "keep a number":
        assert title == TITLE
    elif option == "redact a word":
        assert "Inception" not in body and "[redacted]" in body
    elif option == "keep a word":
        assert "Leeds" in body and "Tom" not in body
    elif option == "text from stdin":
        assert body == stdin.strip()
    elif option == "edited":
        assert body.endswith("(edited)") and "07700" not in body and "Tom" not in body
    if option != "text from stdin":
        assert "07700" not in body and "10:15" not in body
