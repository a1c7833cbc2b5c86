"""Never lose a word (issue 8): the command line's safe edges, each a regression test."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from peerjournal.app.session import open_vault
from peerjournal.errors import InvalidInput
from tests.unit.cli.test_cli_journal import PASS, Cli, cli, runner, vault

__all__ = ["cli", "runner", "vault"]  # fixtures used by the tests below


def test_an_empty_pipe_never_erases_a_body(cli: Cli) -> None:
    eid = cli.add("the words I wrote")["id"]
    for empty in ("", "\n", "  \n\t"):
        status, _, err = cli.run("edit", eid, "--body", "-", stdin=empty)
        assert status == 1 and "--clear-body" in err
        status, _, _ = cli.run("edit", eid, "--body", empty)
        assert status == 1
    assert cli.json("show", eid)["body"] == "the words I wrote"
    assert cli.json("edit", eid, "--clear-body")["body"] == ""


@pytest.mark.parametrize(
    "argv",
    [
        ("add", "x", "--date", "9999-12-31T23:59-05:00"),
        ("add", "x", "--date", "0001-01-01T00:00+05:00"),
        ("add", "x", "--date", "1899-12-31"),
        ("mood", "add", "3", "--at", "9999-12-31T23:59-05:00"),
    ],
)
def test_edge_of_range_dates_are_refused_and_nothing_is_saved(
    cli: Cli, argv: tuple[str, ...]
) -> None:
    status, _, err = cli.run(*argv)
    assert status == 2 and "1900 to 9998" in err
    assert cli.json("list") == [] and cli.json("mood", "list") == []


def test_edit_date_at_the_edge_is_refused(cli: Cli) -> None:
    eid = cli.add("dated")["id"]
    before = cli.json("show", eid)["created"]
    status, _, _ = cli.run("edit", eid, "--date", "9999-12-31T23:59-05:00")
    assert status == 2
    assert cli.json("show", eid)["created"] == before
    assert cli.run("list")[0] == 0


def test_every_writer_shares_the_rule(vault: Path) -> None:
    from peerjournal.domain.models import MoodLog

    session = open_vault(vault, PASS)
    edge = datetime.fromisoformat("9999-12-31T23:59:00-05:00")
    with pytest.raises(InvalidInput) as info:
        session.journal.add("x", created=edge)
    assert info.value.code == "time.implausible"
    with pytest.raises(InvalidInput):
        session.mood.add(3, at=edge)
    with pytest.raises(InvalidInput):
        session.mood.insert_exact(
            MoodLog("a" * 8 + "-0000-4000-8000-" + "0" * 12, edge, 3, (), (), "")
        )
    assert session.journal.count() == 0 and session.mood.list() == []
    session.lock()


def test_every_writer_shares_the_size_limits_the_import_has(vault: Path) -> None:
    """What the desktop app or the command line stores, PeerJournal's import takes back."""
    from peerjournal.domain import models

    session = open_vault(vault, PASS)
    kept = session.journal.add("kept")
    mood = session.mood.add(3)
    too_many = [f"t{i}" for i in range(models.MAX_TAGS_PER_ENTRY + 1)]
    long_title = "T" * (models.MAX_TITLE_CHARS + 1)
    for write in (
        lambda: session.journal.add("x", tags=too_many),
        lambda: session.journal.add("x", title=long_title),
        lambda: session.journal.add("b" * (models.MAX_BODY_CHARS + 1)),
        lambda: session.journal.update(kept.id, tags=too_many),
        lambda: session.journal.update(kept.id, title=long_title),
        lambda: session.mood.add(3, note="n" * (models.MAX_NOTE_CHARS + 1)),
        lambda: session.mood.update(mood.id, note="n" * (models.MAX_NOTE_CHARS + 1)),
        lambda: session.mood.add(3, emotions=[f"e{i}" for i in range(1001)]),
    ):
        with pytest.raises(InvalidInput) as info:
            write()
        assert info.value.code in {"tags.too_many", "text.too_long", "names.too_many"}
    assert session.journal.get(kept.id).title == "" and session.journal.count() == 1
    assert session.mood.get(mood.id).note == "" and len(session.mood.list()) == 1
    session.lock()


def test_a_vault_holding_an_edge_row_still_lists_searches_and_exports(
    cli: Cli, vault: Path, tmp_path: Path
) -> None:
    cli.add("an ordinary entry")
    session = open_vault(vault, PASS)
    conn = session.conn
    conn.execute(
        "INSERT INTO entries (id, created, created_us, day, updated, title, body, tags)"
        " VALUES ('11111111-1111-4111-8111-111111111111', '9999-12-31T23:59:00-05:00',"
        " 253402318740000000, '9999-12-31', '0001-01-01T00:00:00+05:00', 'edge', 'edge words',"
        " '')"
    )
    conn.execute(
        "INSERT INTO mood_logs (id, at, at_us, day, level) VALUES"
        " ('22222222-2222-4222-8222-222222222222', '9999-12-31T23:59:00-05:00',"
        " 253402318740000000, '9999-12-31', 3)"
    )
    session.lock()
    for argv in (
        ("list",),
        ("search", "edge"),
        ("show", "1111"),
        ("mood", "list"),
        ("mood", "stats"),
        ("list", "--json"),
        ("export", "--yes", "-o", str(tmp_path / "out.json")),
    ):
        status, _out, err = cli.run(*argv)
        assert status == 0, (argv, err)
    assert "edge" in cli.run("list")[1]
    exported = json.loads((tmp_path / "out.json").read_text())
    assert len(exported["entries"]) == 2


def test_a_title_with_a_newline_stays_on_one_list_line(cli: Cli) -> None:
    cli.add("body", "--title", "two\nlines\tand a tab", "--tag", "a\u2028b")
    status, out, _ = cli.run("list")
    assert status == 0 and len(out.splitlines()) == 1
    assert "two lines and a tab" in out


def test_limit_messages_say_what_is_accepted(cli: Cli) -> None:
    for value in ("0", "10001", "-1", "9" * 5000):
        status, _, err = cli.run("list", "--limit", value)
        assert status == 2 and "1 to 10,000" in err
        assert "set_int_max_str_digits" not in err and len(err) < 300
    assert cli.run("list", "--limit", "10000")[0] == 0
    status, _, err = cli.run("mood", "add", "9" * 5000)
    assert status == 2 and len(err) < 300


def test_invalid_utf8_on_the_command_line_is_refused_like_stdin(cli: Cli) -> None:
    undecodable = b"bad \xff byte".decode("utf-8", "surrogateescape")
    status, _, err = cli.run("add", undecodable)
    assert status == 1 and "not UTF-8" in err
    status, _, err = cli.run("add", "fine", "--tag", undecodable)
    assert status == 1 and "tag" in err
    assert cli.json("list") == []


def test_a_long_tag_names_the_real_limit(cli: Cli, tmp_path: Path) -> None:
    status, _, err = cli.run("add", "x", "--tag", "a" * 101)
    assert status == 1 and "at most 100 characters" in err
    jrnl = {
        "entries": [{"title": "t", "body": "b", "date": "2024-05-01", "tags": ["@" + "a" * 101]}]
    }
    (tmp_path / "j.json").write_text(json.dumps(jrnl))
    status, _, err = cli.run("import", "--format", "jrnl", str(tmp_path / "j.json"))
    # a malformed jrnl entry is skipped (and said so), like a malformed row of any format
    assert status == 0 and "longer than 100 characters; skipped" in err and "101" not in err
    assert cli.json("list") == []
    assert cli.json("add", "x", "--tag", "a" * 100)["tags"] == ["a" * 100]


def test_import_from_standard_input_says_to_save_a_file_first(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jrnl = json.dumps({"entries": [{"title": "t", "body": "piped", "date": "2024-05-01"}]})
    monkeypatch.chdir(tmp_path)  # no file named "-" here: before, "There is no file -"
    status, _, err = cli.run("import", "--format", "jrnl", "-", stdin=jrnl)
    assert status == 1 and "not from standard input" in err and "journal.json" in err
    assert len(err.strip().splitlines()) == 1
    assert cli.json("list") == []
    (tmp_path / "-").write_text(jrnl)  # a file that is really called "-" is named as ./-
    assert cli.run("import", "--format", "jrnl", "./-")[0] == 0
    assert [e["title"] for e in cli.json("list")] == ["t"]


def test_a_skipped_local_time_moves_forward_with_a_warning(
    cli: Cli, local_zone: Callable[[str], None]
) -> None:
    local_zone("Europe/Berlin")
    status, out, err = cli.run("add", "gap", "--date", "2024-03-31T02:30", "--json")
    assert status == 0 and "does not exist" in err and "60 minutes later" in err
    assert json.loads(out)["created"] == "2024-03-31T03:30:00+02:00"
    # The repeated hour means its first occurrence (summer time, +02:00).
    repeated = cli.json("add", "fold", "--date", "2024-10-27T02:30")
    assert repeated["created"] == "2024-10-27T02:30:00+02:00"


def test_mood_logs_can_be_shown_corrected_and_deleted(cli: Cli) -> None:
    log = cli.json("mood", "add", "2", "--emotion", "sad", "--activity", "study")
    short = log["id"][:6]
    assert cli.json("mood", "show", short) == log
    fixed = cli.json(
        "mood", "edit", short, "4", "--emotion", "calm", "--clear-activities", "--note", "oops"
    )
    assert (fixed["level"], fixed["emotions"], fixed["activities"], fixed["note"]) == (
        4, ["calm"], [], "oops",
    )  # fmt: skip
    moved = cli.json("mood", "edit", short, "--at", "2024-05-01T08:00+02:00")
    assert moved["at"] == "2024-05-01T08:00:00+02:00" and moved["level"] == 4
    status, _, err = cli.run("mood", "edit", short)
    assert status == 1 and "Nothing to change" in err
    status, _, err = cli.run("mood", "delete", short)
    assert status == 1 and "--yes" in err
    assert len(cli.json("mood", "list")) == 1
    assert cli.json("mood", "delete", short, "--yes")["id"] == log["id"]
    assert cli.json("mood", "list") == []
    status, _, err = cli.run("mood", "show", short)
    assert status == 1 and "No mood log" in err


def test_mood_days_are_the_users_local_days(vault: Path, local_zone: Callable[[str], None]) -> None:
    from datetime import date, timedelta, timezone

    session = open_vault(vault, PASS)
    new_york = timezone(timedelta(hours=-5))
    # 23:30 in New York on 1 May is 06:30 on 2 May in Berlin.
    session.mood.add(3, at=datetime(2024, 5, 1, 23, 30, tzinfo=new_york))
    local_zone("Europe/Berlin")
    assert session.mood.list(since=date(2024, 5, 2), until=date(2024, 5, 2)) != []
    assert session.mood.list(since=date(2024, 5, 1), until=date(2024, 5, 1)) == []
    session.lock()


def test_journal_days_are_the_users_local_days_everywhere(
    cli: Cli, vault: Path, local_zone: Callable[[str], None]
) -> None:
    """--since/--until, search and the calendar use the day the entry is shown on."""
    from datetime import date

    written = cli.json("add", "heron at night", "--date", "2024-05-01T23:30-05:00")
    local_zone("Europe/Berlin")  # 06:30 on 2 May here
    assert "2024-05-02 06:30" in cli.run("list")[1]
    on_the_2nd = ("--since", "2024-05-02", "--until", "2024-05-02")
    assert [e["id"] for e in cli.json("list", *on_the_2nd)] == [written["id"]]
    assert cli.json("list", "--since", "2024-05-01", "--until", "2024-05-01") == []
    assert [h["entry"]["id"] for h in cli.json("search", "heron", *on_the_2nd)] == [written["id"]]
    assert cli.json("search", "heron", "--until", "2024-05-01") == []
    session = open_vault(vault, PASS)
    assert session.journal.days_with_entries(2024, 5) == {date(2024, 5, 2)}
    assert session.journal.count(since=date(2024, 5, 2), until=date(2024, 5, 2)) == 1
    session.lock()


def test_imports_share_the_time_rule(vault: Path) -> None:
    from peerjournal.domain.models import Entry

    session = open_vault(vault, PASS)
    edge = datetime.fromisoformat("9999-12-31T23:59:00-05:00")
    ok = datetime.fromisoformat("2024-05-01T08:00:00+02:00")
    entry_id = "12345678-1234-4234-8234-123456789abc"
    for created, updated in ((edge, ok), (ok, edge)):
        with pytest.raises(InvalidInput) as info:
            session.journal.insert_exact(
                Entry(entry_id, created, updated, "t", "b", (), False, None, None)
            )
        assert info.value.code == "time.implausible"
    assert session.journal.count() == 0
    session.lock()


def test_ctrl_c_while_the_command_line_loads_is_one_line_and_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C in the first tenth of a second (the agent's socket code, the parser being
    built) printed a Python traceback and ended with -2 instead of 130."""
    from peerjournal import cli as entry
    from peerjournal.cli import commandline, fastpath

    def interrupted(*_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(fastpath, "forward", interrupted)
    assert entry.main(["list"]) == 130
    monkeypatch.setattr(fastpath, "forward", lambda _argv: None)
    monkeypatch.setattr(commandline, "main", interrupted)
    assert entry.main(["list"]) == 130
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if line] == ["peerjournal: interrupted."] * 2


def test_a_tag_typed_composed_or_decomposed_is_one_tag(cli: Cli) -> None:
    """'Café' typed, and 'Cafe' + U+0301 (a macOS folder name, pasted text), looked the same
    but were two tags: `tags` listed both and `list --tag` found only one entry."""
    decomposed = "Cafe\u0301"
    cli.add("one", "--tag", decomposed)
    cli.add("two", "--tag", "Café")
    assert cli.json("tags") == [{"tag": "Café", "count": 2}]
    assert len(cli.json("list", "--tag", decomposed)) == 2
    mood = cli.json("mood", "add", "3", "--emotion", "ru\u0308hig", "--emotion", "rühig")
    assert mood["emotions"] == ["rühig"]
