"""Pure helpers of the command line: snippets, cleaning, argument types."""

from __future__ import annotations

import argparse
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerjournal.cli.output import clean, render_snippet, split_snippet
from peerjournal.cli.parsing import parse_day, parse_level, parse_limit, parse_moment
from peerjournal.domain.models import HIGHLIGHT_END as END
from peerjournal.domain.models import HIGHLIGHT_START as START


def test_snippet_spans_point_at_the_matches() -> None:
    text, spans = split_snippet(f"…the {START}river{END} and the {START}River{END}s…")
    assert text == "…the river and the Rivers…"
    assert [text[a:b] for a, b in spans] == ["river", "River"]


@given(st.lists(st.tuples(st.text(alphabet="ab \n"), st.text(alphabet="xy", min_size=1))))
def test_snippet_spans_property(parts: list[tuple[str, str]]) -> None:
    snippet = "".join(f"{plain}{START}{match}{END}" for plain, match in parts)
    text, spans = split_snippet(snippet)
    assert [text[a:b] for a, b in spans] == [match for _, match in parts]
    assert START not in text and END not in text


def test_render_snippet_bold_on_a_terminal_brackets_in_a_pipe() -> None:
    snippet = f"a {START}walk{END}\nby\tthe\x1b[31m sea"
    assert render_snippet(snippet, tty=False) == "a [walk] by the[31m sea"
    assert render_snippet(snippet, tty=True) == "a \x1b[1mwalk\x1b[0m by the[31m sea"


def test_clean_keeps_text_and_lines_drops_controls() -> None:
    assert clean("Zeile 1\n\tété \x1b]0;t\x07 ok\x9b") == "Zeile 1\n\tété ]0;t ok"


def test_argument_types() -> None:
    assert parse_day("2024-05-31") == date(2024, 5, 31)
    assert parse_day("today") == datetime.now().astimezone().date()
    assert parse_day("yesterday") == datetime.now().astimezone().date() - timedelta(days=1)
    moment = parse_moment("2024-05-31")
    assert (moment.hour, moment.minute, moment.tzinfo is not None) == (9, 0, True)
    fixed = parse_moment("2024-05-31T21:07+02:00")
    assert fixed.utcoffset() == timedelta(hours=2) and fixed.hour == 21
    assert parse_moment("2024-05-31 21:07").utcoffset() is not None
    assert parse_level("5") == 5 and parse_limit("3") == 3
    for function, value in [
        (parse_day, "31/31/2024"),
        (parse_moment, "next blursday"),
        (parse_level, "0"),
        (parse_level, "six"),
        (parse_limit, "-1"),
    ]:
        with pytest.raises(argparse.ArgumentTypeError):
            function(value)
