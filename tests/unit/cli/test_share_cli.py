"""``share``'s choices on the command line: numbered preview, hostile input, stdin, editor."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from peerjournal.app.peers import KEEP_PREF, REDACT_PREF
from peerjournal.app.session import open_vault
from peerjournal.cli import main
from tests.helpers.relay import FakeRelay

BODY = "Walked with Tom Baxter to Leeds, then Sam called about 07700 900123."


class Alice:
    def __init__(
        self, tmp: Path, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch
    ) -> None:
        self.tmp, self.capsys, self.mp = tmp, capsys, mp
        self.relay = FakeRelay()
        mp.setattr("peerjournal.app.relays.RelayClient", lambda _url: self.relay)
        mp.setenv("PEERJOURNAL_INSECURE_TEST_KDF", "1")
        mp.setenv("PEERJOURNAL_PASSPHRASE", "correct horse battery")
        for name in ("alice", "bob"):
            assert self.run(name, "init")[0] == 0
        out = self.run("alice", "peers", "invite", "--relay", "http://r.test", "--no-qr")[1]
        code = next(line for line in out.splitlines() if line.startswith("pj1:"))
        assert self.run("bob", "peers", "accept", code, "--name", "Bo")[0] == 0
        assert self.run("alice", "sync")[0] == 0
        out = self.run("alice", "add", BODY, "--title", "Calm", "--json")[1]
        self.entry = json.loads(out)["id"]

    def run(self, who: str, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        self.capsys.readouterr()
        self.mp.setattr("sys.stdin", io.StringIO(stdin))
        status = main(["--vault", str(self.tmp / who), *argv])
        out, err = self.capsys.readouterr()
        return status, out, err

    def share(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        return self.run("alice", "share", self.entry, "--peer", "Bo", *argv, stdin=stdin)

    def received(self) -> int:
        assert self.run("bob", "sync")[0] == 0
        return sum(1 for line in self.run("bob", "feed")[1].splitlines() if "Calm" in line)


@pytest.fixture
def alice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Alice:
    return Alice(tmp_path, capsys, monkeypatch)


def test_the_preview_numbers_findings_in_plain_words(alice: Alice) -> None:
    status, out, _ = alice.share()
    assert status == 0
    found = out.partition("Found (change with --redact N or --keep N):\n")[2]
    lines = found.splitlines()
    assert lines[0] == "  1. replaced  a name: “Tom Baxter”"
    assert "  2. replaced  a place: “Leeds”" in lines
    assert any(line.endswith("a phone number: “07700 900123”") for line in lines)
    assert "[person]" in out and "Tom" not in out.partition("Found (")[0]


@pytest.mark.parametrize(
    ("argv", "stdin", "expected"),
    [
        (["--redact", "9"], "", "There is no finding 9: the preview numbers its findings 1 to"),
        (["--keep", "1", "--redact", "1"], "", "Finding 1 cannot be both kept and redacted"),
        (["--redact-word", "Nobody"], "", "'Nobody' is not in the entry"),
        (["--keep-word", "Sam", "--redact-word", "sam"], "", "cannot be both kept and redacted"),
        (["--keep-word", "Baxter"], "", "is part of the finding 'Tom Baxter'"),
        (["--redact-word", ""], "", "needs at least one letter or digit"),
        (["--text", "-"], "", "The text to share is empty"),
        (["--text", "-"], " \n\n", "The text to share is empty"),
    ],
)
def test_hostile_choices_get_one_line_and_send_nothing(
    alice: Alice, argv: list[str], stdin: str, expected: str
) -> None:
    status, out, err = alice.share(*argv, "--yes", stdin=stdin)
    assert status == 1 and expected in err and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert alice.received() == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["--redact", "0"],
        ["--keep", "-1"],
        ["--redact", "two"],
        ["--text", "x"],
        ["--text", "-", "--edit"],
    ],
)
def test_malformed_options_are_usage_errors(alice: Alice, argv: list[str]) -> None:
    status, _out, err = alice.share(*argv, "--yes")
    assert status == 2 and len(err.strip().splitlines()) == 1
    assert alice.received() == 0


def test_text_from_stdin_is_what_is_previewed_and_sent(alice: Alice) -> None:
    status, out, err = alice.share("--text", "-", stdin="Only this, about Sam.\n")
    assert status == 0 and "Only this, about Sam." in out and "Nothing was sent" in out
    assert "may identify someone: a name “Sam”" in err  # a warning, the user decides
    status, out, _ = alice.share("--text", "-", "--yes", stdin="Only this, about Sam.\n")
    assert status == 0 and "(sent)" in out
    assert alice.received() == 1


def test_an_empty_edit_shares_nothing(
    alice: Alice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "empty.py"
    script.write_text("import sys, pathlib\npathlib.Path(sys.argv[-1]).write_text('  \\n')\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    status, _out, err = alice.share("--edit", "--yes")
    assert status == 1 and "The text saved in the editor is empty; nothing was shared." in err
    assert alice.received() == 0


def test_the_always_lists_apply_on_the_command_line(alice: Alice) -> None:
    session = open_vault(alice.tmp / "alice", "correct horse battery")
    session.prefs.set(KEEP_PREF, ["Leeds"])
    session.prefs.set(REDACT_PREF, ["walked"])
    session.lock()
    status, out, _ = alice.share()
    shown = out.partition("Found (")[0]
    assert status == 0 and "Leeds" in shown and "Walked" not in shown and "[redacted]" in shown


def test_always_remembers_the_words_once_sent(alice: Alice) -> None:
    status, _out, err = alice.share("--always")
    assert status == 1 and "--always remembers the words" in err
    status, out, _ = alice.share("--keep-word", "Leeds", "--redact-word", "Walked", "--always")
    assert status == 0 and "Nothing was sent" in out and "always" not in out
    assert "Leeds" not in alice.share()[1].partition("Found (")[0]  # a preview stores nothing
    status, out, _ = alice.share(
        "--keep-word", "Leeds", "--redact-word", "Walked", "--always", "--yes"
    )
    assert status == 0 and "“Leeds” is always kept from now on." in out
    assert "“Walked” is always redacted from now on." in out
    shown = alice.share()[1].partition("Found (")[0]
    assert "Leeds" in shown and "Walked" not in shown
