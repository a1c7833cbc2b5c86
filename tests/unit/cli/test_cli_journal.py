"""The command line in process: journal commands, --json shapes, errors and exit codes."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from peerjournal.cli import GROUP_MODULES, build_parser, main

PASS = "correct horse battery"
ENTRY_KEYS = [
    "id", "created", "updated", "title", "body", "tags", "starred", "mood_id", "mood_level",
    "deleted",
]  # fmt: skip
SUMMARY_KEYS = [
    "id", "created", "updated", "title", "first_line", "tags", "starred", "mood_level", "deleted",
]  # fmt: skip


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh vault (fast test KDF) that PEERJOURNAL_VAULT/PASSPHRASE point at."""
    folder = tmp_path / "vault"
    monkeypatch.setenv("PEERJOURNAL_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("PEERJOURNAL_VAULT", str(folder))
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", PASS)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["init"]) == 0
    return folder


class Cli:
    """Runs the command line in process and captures what it prints."""

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def run(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        """(status, stdout, stderr) of one run."""
        self.capsys.readouterr()
        self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        status = main(list(argv))
        out, err = self.capsys.readouterr()
        return status, out, err

    def json(self, *argv: str, stdin: str = "") -> Any:
        """The parsed --json output of a successful run."""
        status, out, err = self.run(*argv, "--json", stdin=stdin)
        assert status == 0, err
        return json.loads(out)

    def add_words(self, *words: str) -> dict[str, Any]:
        """``add`` with unquoted words (and options among them); returns the entry's JSON."""
        result = self.json("add", *words)
        assert isinstance(result, dict)
        return result

    def add_edited(self, *extra: str) -> dict[str, Any]:
        """Add an entry written in $EDITOR (``add -e``); returns its JSON."""
        result = self.json("add", "-e", *extra)
        assert isinstance(result, dict)
        return result

    def add(self, body: str, *extra: str) -> dict[str, Any]:
        """Add an entry; returns its JSON."""
        result = self.json("add", body, *extra)
        assert isinstance(result, dict)
        return result


@pytest.fixture
def runner(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """A command-line runner, no vault made yet."""
    return Cli(capsys, monkeypatch)


@pytest.fixture
def cli(vault: Path, runner: Cli) -> Cli:
    """A command-line runner over a fresh vault."""
    return runner


def test_every_command_of_the_issue_is_registered() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in ["init", "add", "list", "show", "edit", "delete", "restore", "search", "mood",
                 "passwd", "recover", "import", "export"]:  # fmt: skip
        assert name in commands
    assert all(hasattr(module, "register") for module in GROUP_MODULES)


def test_help_and_usage_errors(runner: Cli) -> None:
    cli = runner
    status, out, _ = cli.run("--help")
    assert status == 0 and "mood" in out and "--vault" in out
    status, _, err = cli.run("frobnicate")
    assert status == 2
    assert err.startswith("peerjournal: ") and err.count("\n") == 1
    status, _, err = cli.run("list", "--since", "31/31/2024")
    assert status == 2 and "is not a date" in err and err.count("\n") == 1
    status, _, err = cli.run("mood", "add", "7")
    assert status == 2 and "mood level" in err


def test_init_shows_the_recovery_code_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: Cli
) -> None:
    cli = runner
    monkeypatch.setenv("PEERJOURNAL_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", PASS)
    folder = tmp_path / "new"
    status, out, _ = cli.run("--vault", str(folder), "init")
    assert status == 0
    assert "WRITE IT DOWN" in out and str(folder) in out
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    status, _, err = cli.run("--vault", str(folder), "init")
    assert status == 1 and "already a vault" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


def test_add_list_show_round_trip(cli: Cli) -> None:
    entry = cli.add("Walked by the river.", "--title", "River", "--tag", "#walk", "--star")
    assert list(entry) == ENTRY_KEYS
    assert entry["tags"] == ["walk"] and entry["starred"] is True and entry["deleted"] is None
    assert datetime.fromisoformat(str(entry["created"])).utcoffset() is not None

    listed = cli.json("list")
    assert isinstance(listed, list) and len(listed) == 1
    assert list(listed[0]) == SUMMARY_KEYS
    assert listed[0]["id"] == entry["id"] and listed[0]["first_line"] == "Walked by the river."

    shown = cli.json("show", str(entry["id"])[:6])
    assert shown == entry
    status, out, _ = cli.run("show", str(entry["id"]))
    assert status == 0 and "River *" in out and "#walk" in out and "Walked by the river." in out
    status, out, _ = cli.run("list")
    assert str(entry["id"])[:8] in out and "River" in out and "#walk" in out


def test_add_reads_stdin_and_dates_are_local(cli: Cli) -> None:
    entry = cli.json("add", "-", "--date", "2024-05-31", stdin="from a pipe\nline 2\n")
    assert isinstance(entry, dict)
    assert entry["body"] == "from a pipe\nline 2\n"
    created = datetime.fromisoformat(str(entry["created"]))
    assert (created.date().isoformat(), created.hour) == ("2024-05-31", 9)
    assert created.utcoffset() == datetime(2024, 5, 31, 9).astimezone().utcoffset()
    status, _, err = cli.run("add", "   ")
    assert status == 1 and "empty" in err


def test_list_filters(cli: Cli) -> None:
    old = cli.add("old", "--date", "2023-01-05", "--tag", "work")
    new = cli.add("new", "--date", "2024-03-01T10:00", "--star")
    cli.add("newest", "--date", "2024-06-01")

    def ids(*argv: str) -> list[object]:
        result = cli.json("list", *argv)
        assert isinstance(result, list)
        return [item["id"] for item in result]

    assert ids("--tag", "WORK") == [old["id"]]
    assert ids("--starred") == [new["id"]]
    assert ids("--since", "2024-01-01", "--until", "2024-05-31") == [new["id"]]
    assert len(ids("--limit", "2")) == 2
    assert ids("--limit", "1", "--offset", "2") == [old["id"]]
    assert ids("--trash") == []
    status, _, err = cli.run("list", "--tag", "none")
    assert status == 0 and "no entries match" in err


def test_edit_changes_only_what_is_asked(cli: Cli) -> None:
    entry = cli.add("first body", "--title", "T", "--tag", "a", "--tag", "b")
    eid = str(entry["id"])
    edited = cli.json("edit", eid[:8], "--body", "-", "--untag", "#a", "--tag", "c",
                      "--star", stdin="new body from stdin")  # fmt: skip
    assert isinstance(edited, dict)
    assert edited["body"] == "new body from stdin" and edited["title"] == "T"
    assert edited["tags"] == ["b", "c"] and edited["starred"] is True
    assert edited["created"] == entry["created"]
    edited = cli.json("edit", eid, "--title", "New title", "--unstar", "--date", "2020-02-02")
    assert isinstance(edited, dict)
    assert edited["title"] == "New title" and edited["starred"] is False
    assert str(edited["created"]).startswith("2020-02-02T09:00")
    status, _, err = cli.run("edit", eid)
    assert status == 1 and "Nothing to change" in err
    status, _, err = cli.run("edit", eid, "--star", "--unstar")
    assert status == 2


def test_delete_restore_purge(cli: Cli) -> None:
    eid = str(cli.add("to be deleted")["id"])
    status, out, _ = cli.run("delete", eid[:8])
    assert status == 0 and "trash" in out
    assert cli.json("list") == []
    trashed = cli.json("list", "--trash")
    assert isinstance(trashed, list) and trashed[0]["id"] == eid and trashed[0]["deleted"]
    status, _, err = cli.run("delete", eid)
    assert status == 1 and "already in the trash" in err
    assert cli.run("restore", eid)[0] == 0
    status, _, err = cli.run("restore", eid)
    assert status == 1 and "not in the trash" in err
    listed = cli.json("list")
    assert isinstance(listed, list) and [e["id"] for e in listed] == [eid]
    # A live entry is never deleted for good in one keystroke (issue 8, defect 6).
    status, _, err = cli.run("delete", "--purge", eid)
    assert status == 1 and "--yes" in err
    assert [e["id"] for e in cli.json("list")] == [eid]
    status, out, _ = cli.run("delete", "--purge", "--yes", eid)
    assert status == 0 and "permanently" in out
    status, _, err = cli.run("show", eid)
    assert status == 1 and err == "peerjournal: No entry has that id.\n"
    assert cli.json("list", "--trash") == []


def test_search_highlights_and_filters(cli: Cli) -> None:
    river = cli.add("We walked along the river at dusk.", "--tag", "walk")
    cli.add("Rivers of homework tonight.", "--tag", "school")
    status, out, _ = cli.run("search", "river")
    assert status == 0
    assert "[river]" in out and "\x1b[" not in out
    hits = cli.json("search", "river*", "--tag", "walk")
    assert isinstance(hits, list) and len(hits) == 1
    hit = hits[0]
    assert list(hit) == ["entry", "snippet", "highlights", "rank"]
    assert hit["entry"]["id"] == river["id"] and list(hit["entry"]) == SUMMARY_KEYS
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end].lower() == "river"
    both = cli.json("search", "river*")
    assert isinstance(both, list) and len(both) == 2
    status, out, err = cli.run("search", "nothinglikethis")
    assert status == 0 and out == "" and "no entries match" in err


def test_terminal_output_drops_escape_sequences(cli: Cli) -> None:
    eid = str(cli.add("evil \x1b]0;pwned\x07 text", "--title", "T\x1b[2J")["id"])
    status, out, _ = cli.run("show", eid)
    assert status == 0 and "\x1b" not in out and "\x07" not in out and "evil" in out
    shown = cli.json("show", eid)
    assert isinstance(shown, dict) and "\x1b" in str(shown["body"])


def test_unknown_and_too_short_ids(cli: Cli) -> None:
    status, _, err = cli.run("show", "ffffffff")
    assert status == 1 and err.startswith("peerjournal: ") and err.count("\n") == 1
    status, _, err = cli.run("show", "ab")
    assert status == 1 and "at least 4" in err


def test_tags_counts(cli: Cli) -> None:
    cli.add("a", "--tag", "walk", "--tag", "exam")
    cli.add("b", "--tag", "#Walk")
    gone = cli.add("c", "--tag", "trash-only")
    assert cli.run("delete", str(gone["id"]))[0] == 0
    assert cli.json("tags") == [{"tag": "walk", "count": 2}, {"tag": "exam", "count": 1}]
    status, out, _ = cli.run("tags")
    assert status == 0 and out.splitlines() == ["     2  #walk", "     1  #exam"]
