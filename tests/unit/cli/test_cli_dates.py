"""A number after (or before) a month name is a day, never a year: ``may 32`` is refused
like ``feb 30`` (dateparser alone reads it as May 1932); ``may 2024`` stays a month and a
year. Checked in English and German with a fixed clock and zone."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from peerjournal.cli import dates

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch, local_zone: Callable[[str], None]) -> None:
    """Berlin time, now Wednesday 2026-12-02 13:00."""
    local_zone("Europe/Berlin")
    monkeypatch.setattr(dates, "now", lambda: datetime(2026, 12, 2, 13, 0, tzinfo=BERLIN))


def _in(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setenv("LANG", lang)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_TIME", raising=False)


IMPOSSIBLE = [
    ("en_US.UTF-8", words)
    for words in ("may 32", "32 may", "may 32nd", "May 45", "may 99", "may 0", "dec 00",
                  "june 31", "31 june", "sept 31", "feb 30", "may 32 21:00", "may 32 at 9pm",
                  "may 100", "monday may 32", "on may 32", "may the 32nd", "32nd of may",
                  "31st of june")
] + [
    ("de_DE.UTF-8", words)
    for words in ("mai 32", "32. mai", "31. april", "30. februar", "31. juni", "32. mai 21:00",
                  "mai 32 um 21 uhr", "may 32", "am 32. mai")
]  # fmt: skip


@pytest.mark.parametrize(("lang", "words"), IMPOSSIBLE)
def test_a_day_number_the_month_cannot_have_is_not_a_date(
    monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    _in(monkeypatch, lang)
    with pytest.raises(argparse.ArgumentTypeError, match="is not a date or time"):
        dates.parse_moment(words)
    with pytest.raises(argparse.ArgumentTypeError, match="is not a date"):
        dates.parse_day(words)


POSSIBLE = [
    ("en_US.UTF-8", "may 31", "2026-05-31"),
    ("en_US.UTF-8", "31 may", "2026-05-31"),
    ("en_US.UTF-8", "may 5th", "2026-05-05"),
    ("en_US.UTF-8", "feb 29", "2024-02-29"),  # the last February that had one
    ("en_US.UTF-8", "sept. 30", "2026-09-30"),
    ("en_US.UTF-8", "may 31 9pm", "2026-05-31"),
    ("en_US.UTF-8", "may 2024", "2024-05-02"),  # a month and a year: the day is today's
    ("en_US.UTF-8", "may 1932", "1932-05-02"),
    ("en_US.UTF-8", "3 may 32", "1932-05-03"),  # day, month, two-digit year: all three given
    ("en_US.UTF-8", "26 days ago", "2026-11-06"),  # no month name: not a day number
    ("en_US.UTF-8", "the 31st of may", "2026-05-31"),
    ("en_US.UTF-8", "may '32", "1932-05-02"),  # an apostrophe says "year"
    ("de_DE.UTF-8", "31. mai", "2026-05-31"),
    ("de_DE.UTF-8", "mai 31", "2026-05-31"),
    ("de_DE.UTF-8", "30. april", "2026-04-30"),
    ("de_DE.UTF-8", "29. februar", "2024-02-29"),
    ("de_DE.UTF-8", "mai 2024", "2024-05-02"),
    ("de_DE.UTF-8", "may 31", "2026-05-31"),  # English words still work in German
]


@pytest.mark.parametrize(("lang", "words", "day"), POSSIBLE)
def test_real_days_and_month_with_year_still_read(
    monkeypatch: pytest.MonkeyPatch, lang: str, words: str, day: str
) -> None:
    _in(monkeypatch, lang)
    assert dates.parse_moment(words).date().isoformat() == day
    assert dates.parse_day(words).isoformat() == day


@pytest.mark.parametrize("words", ["9999-12-31T23:59-05:00", "0001-01-01T00:00+05:00"])
def test_a_day_past_the_calendar_in_local_time_is_refused_not_a_traceback(words: str) -> None:
    # dateparser reads these, and in local time they fall past year 9999 or before year 1
    with pytest.raises(argparse.ArgumentTypeError, match="is not a date"):
        dates.parse_day(words)


def test_a_value_parser_that_fails_unexpectedly_is_a_bug_report_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from peerjournal.cli import main

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(_text: str) -> None:
        raise RuntimeError("a bug in a date parser")

    monkeypatch.setattr(dates, "natural", broken)
    assert main(["list", "--since", "last monday"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("peerjournal: internal error (a bug): RuntimeError")
    assert "Traceback" not in err and "a bug in a date parser" not in err


@pytest.mark.parametrize(
    ("lang", "words", "expected"),
    [("en_US.UTF-8", "may 31", "2026-05-31T09:00:00+02:00"),
     ("en_US.UTF-8", "the 5th of may", "2026-05-05T09:00:00+02:00"),
     ("en_US.UTF-8", "may 2024", "2024-05-02T09:00:00+02:00"),
     ("de_DE.UTF-8", "31. mai", "2026-05-31T09:00:00+02:00"),
     ("en_US.UTF-8", "may 31 9pm", "2026-05-31T21:00:00+02:00"),
     ("en_US.UTF-8", "2 days ago", "2026-11-30T13:00:00+01:00")],
)  # fmt: skip
def test_a_day_written_with_a_month_name_means_nine_in_the_morning(
    monkeypatch: pytest.MonkeyPatch, lang: str, words: str, expected: str
) -> None:
    # as a bare day does (2024-05-31 is 09:00): the day's digits are not a time of day
    _in(monkeypatch, lang)
    assert dates.parse_moment(words).isoformat() == expected
