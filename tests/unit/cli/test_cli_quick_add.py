"""jrnl's habits: unquoted quick add, the first sentence as title, natural dates (a fixed
clock and time zone), and templates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from peerjournal.cli import dates
from tests.unit.cli.test_cli_editor import FAKE_EDITOR
from tests.unit.cli.test_cli_journal import Cli, cli, runner, vault

__all__ = ["cli", "runner", "vault"]  # fixtures used by the tests below

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def clock(
    monkeypatch: pytest.MonkeyPatch, local_zone: Callable[[str], None]
) -> Callable[[datetime], None]:
    """Berlin time, and "now" fixed (Wednesday 2026-12-02 13:00 unless set again)."""
    local_zone("Europe/Berlin")

    def set_now(moment: datetime) -> None:
        monkeypatch.setattr(dates, "now", lambda: moment)

    set_now(datetime(2026, 12, 2, 13, 0, tzinfo=BERLIN))
    return set_now


def test_unquoted_words_with_a_first_sentence_make_title_and_body(cli: Cli, clock: object) -> None:
    entry = cli.add_words("Went", "to", "the", "park.", "It", "was", "sunny", "-", "nice!")
    assert (entry["title"], entry["body"]) == ("Went to the park.", "It was sunny - nice!")
    entry = cli.add_words("Why", "so", "tired?", "Slept", "badly.")
    assert (entry["title"], entry["body"]) == ("Why so tired?", "Slept badly.")
    entry = cli.add_words("A single sentence stays the body.")
    assert (entry["title"], entry["body"]) == ("", "A single sentence stays the body.")
    entry = cli.add_words("first line\nsecond line")
    assert (entry["title"], entry["body"]) == ("first line", "second line")
    entry = cli.add_words("Title. Body", "--title", "")  # --title keeps all text as body
    assert (entry["title"], entry["body"]) == ("", "Title. Body")
    entry = cli.add_words("I", "feel", "-meh", "today.", "Cold", "--tag", "mood")
    assert (entry["title"], entry["body"], entry["tags"]) == (
        "I feel -meh today.",
        "Cold",
        ["mood"],
    )


def test_a_date_before_a_colon_dates_the_entry(cli: Cli, clock: object) -> None:
    entry = cli.add_words("yesterday:", "Exam.", "It", "went", "fine.")
    assert entry["created"] == "2026-12-01T09:00:00+01:00"
    assert (entry["title"], entry["body"]) == ("Exam.", "It went fine.")
    entry = cli.add_words("last monday 9pm: Late walk")
    assert entry["created"] == "2026-11-30T21:00:00+01:00"
    before = datetime.now().astimezone()
    entry = cli.add_words("Note to self: buy milk")
    after = datetime.now().astimezone()
    assert entry["body"] == "Note to self: buy milk"
    # the real moment of writing (the fixed clock only dates parsed words), not a parsed date
    assert before - timedelta(seconds=1) <= datetime.fromisoformat(entry["created"]) <= after
    entry = cli.add_words("9:30 walked")  # a time inside the text is not a prefix
    assert entry["body"] == "9:30 walked"


@pytest.mark.parametrize(
    ("words", "lang", "expected"),
    [
        ("last monday 9pm", "en_GB.UTF-8", "2026-11-30T21:00:00+01:00"),
        ("yesterday", "en_US.UTF-8", "2026-12-01T09:00:00+01:00"),
        ("2 days ago", "C.UTF-8", "2026-11-30T13:00:00+01:00"),
        ("monday", "en_US.UTF-8", "2026-11-30T09:00:00+01:00"),
        ("an hour ago", "en_US.UTF-8", "2026-12-02T12:00:00+01:00"),
        ("gestern", "de_DE.UTF-8", "2026-12-01T09:00:00+01:00"),
        ("vorgestern", "de_DE.UTF-8", "2026-11-30T09:00:00+01:00"),
        ("昨天", "zh_CN.UTF-8", "2026-12-01T09:00:00+01:00"),
        ("2026-06-01T10:00", "de_DE.UTF-8", "2026-06-01T10:00:00+02:00"),
        ("2024-05-31", "en_US.UTF-8", "2024-05-31T09:00:00+02:00"),
    ],
)
def test_natural_dates_in_the_users_language(
    cli: Cli, clock: object, monkeypatch: pytest.MonkeyPatch, words: str, lang: str, expected: str
) -> None:
    monkeypatch.setenv("LANG", lang)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_TIME", raising=False)
    assert cli.add("x", "--date", words)["created"] == expected


def test_a_natural_time_skipped_by_the_clock_change_moves_forward(
    cli: Cli, clock: Callable[[datetime], None]
) -> None:
    clock(datetime(2026, 3, 30, 12, 0, tzinfo=BERLIN))  # clocks went forward on 03-29 at 02:00
    status, out, err = cli.run("add", "x", "--date", "yesterday 2:30am", "--json")
    assert status == 0, err
    assert '"created": "2026-03-29T03:30:00+02:00"' in out
    assert "does not exist" in err and "60 minutes later" in err


def test_natural_dates_outside_the_kept_years_are_refused(cli: Cli, clock: object) -> None:
    for words in ("1 January 1850", "31 December 9999"):
        status, _, err = cli.run("add", "x", "--date", words)
        assert status == 2 and "outside the years 1900 to 9998" in err, words
    status, _, err = cli.run("add", "x", "--date", "next blursday")
    assert status == 2 and "is not a date or time" in err
    assert cli.json("list") == []


def test_natural_days_filter_lists_and_searches(cli: Cli, clock: object) -> None:
    cli.add("old walk", "--date", "2026-11-20T10:00")
    cli.add("new walk", "--date", "2026-12-01T10:00")
    listed = cli.json("list", "--since", "last friday")
    assert [e["first_line"] for e in listed] == ["new walk"]
    assert len(cli.json("search", "walk", "--on", "yesterday")) == 1


def test_templates_from_a_file_and_from_the_vault(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = tmp_path / "daily.md"
    template.write_text("Grateful for:\n", encoding="utf-8")
    entry = cli.add("a friend", "--template", str(template), "--title", "Daily")
    assert entry["body"] == "Grateful for:\n\n\na friend"
    status, out, _ = cli.run("template", "set", str(template))
    assert status == 0 and "Kept the template" in out
    assert cli.run("template", "show")[1] == "Grateful for:\n"
    script = tmp_path / "fake-editor"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    script.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.setenv("EDIT_LOG", str(tmp_path / "edit.log"))
    monkeypatch.setenv("FAKE_EDIT", "sed")
    monkeypatch.setenv("FAKE_SED", "s/for:/for: rain/")
    entry = cli.add_edited("--title", "T")
    assert entry["body"] == "Grateful for: rain\n"
    monkeypatch.setenv("FAKE_EDIT", "none")  # saved unchanged: nothing to keep
    status, _, err = cli.run("add", "-e")
    assert status == 1 and "empty" in err
    assert cli.run("template", "clear")[0] == 0
    assert cli.run("template", "show")[2].startswith("peerjournal: no template")
    status, _, err = cli.run("add", "x", "--template", str(tmp_path / "missing.md"))
    assert status == 1 and "template file" in err and "cannot be read" in err
