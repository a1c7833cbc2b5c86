"""Daylio CSV exports in every header variant: exact mood logs and linked entries from
written fixtures (BOM, CRLF, 12-hour times, HTML in notes, emoji, DST), the mood map, and
the import into a real vault."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.app.session import Session, create_vault
from peerjournal.app.transfer import import_file
from peerjournal.errors import ImportExportError
from peerjournal.importers.daylio import DaylioSource, note_text, parse_time
from peerjournal.importers.moodmap import parse_mood_map
from peerjournal.importers.source import ImportOptions, Item, Problem
from peerjournal.vault import KdfParams

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports" / "daylio"
PASS = "correct horse battery"
CUSTOM = "super happy=5, okay-ish=3"


@pytest.fixture(autouse=True)
def _berlin(local_zone: Callable[[str], None]) -> None:
    local_zone("Europe/Berlin")


def _rows(name: str, mood_map: str | None = None) -> tuple[list[tuple], list[str], DaylioSource]:
    options = ImportOptions(mood_map=parse_mood_map(mood_map) if mood_map else None)
    source = DaylioSource(FIXTURES / name, options)
    rows: list[tuple] = []
    problems: list[str] = []
    for item in source:
        if isinstance(item, Problem):
            problems.append(item.render())
            continue
        assert isinstance(item, Item) and item.mood is not None
        mood, entry = item.mood, item.entry
        linked = None
        if entry is not None:
            assert entry.mood_id == mood.id and entry.created == mood.at == entry.updated
            linked = (entry.title, entry.body)
        assert mood.note == "" and mood.emotions == ()
        rows.append((mood.at.isoformat(), mood.level, mood.activities, linked))
    return rows, problems, source


def test_year_and_date_columns_with_twelve_hour_times() -> None:
    rows, problems, source = _rows("daylio-year-date.csv")
    assert rows == [
        ("2018-05-31T20:30:00+02:00", 5, ("friends", "movies"), ("", "Great evening")),
        ("2018-05-31T07:05:00+02:00", 3, (), None),
        # 2:30 did not exist that night in Berlin: moved forward, and said so
        ("2018-03-25T03:30:00+02:00", 2, ("sleep",), ("", "Could not sleep")),
        ("2018-12-30T00:15:00+01:00", 1, ("work",), None),
    ]
    assert problems == [
        "line 5: the date '2018 Maytember 3' is not a date like 2024-05-31 (full_date) or a "
        "year with May 31; skipped"
    ]
    assert [n.code for n in source.notices] == ["import.notice.moved_forward"]
    assert source.vocabulary.activities == ("friends", "movies", "sleep", "work")


def test_full_date_with_bom_windows_line_endings_and_the_repeated_autumn_hour() -> None:
    rows, problems, _source = _rows("daylio-full-date.csv")
    assert rows == [
        ("2023-10-29T02:30:00+02:00", 4, ("walk", "reading"), ("", "Clocks went back\ntwice 2:30")),
        ("2023-10-28T20:39:00+02:00", 4, ("walk",), None),  # "Good" is the stock "good"
    ]
    assert problems == ["line 4: the time '25:99' is not a time like 20:39 or 8:30 pm; skipped"]


def test_note_titles_html_entities_emoji_and_empty_notes() -> None:
    rows, problems, _source = _rows("daylio-note-title.csv")
    assert problems == []
    assert rows == [
        ("2024-05-31T21:07:00+02:00", 5, ("family", "ice cream", "🍦"),
         ("Geburtstag 🎉", 'Tom & Ana came.\nWe ate cake <3\nBye "day"')),
        ("2024-05-30T08:00:00+02:00", 1, (), None),
        ("2024-05-29T12:00:00+02:00", 2, (), ("Only a title", "")),
    ]  # fmt: skip


def test_scales_custom_names_with_trailing_spaces_and_unmapped_names() -> None:
    rows, problems, source = _rows("daylio-scales.csv", CUSTOM)
    assert problems == []
    assert rows == [
        ("2025-01-03T22:10:00+01:00", 5, ("gaming", "friends"), ("", "Custom mood")),
        ("2025-01-02T09:00:00+01:00", 3, (), None),
        ("2025-01-01T00:01:00+01:00", 5, (), ("New year", "First note")),
    ]
    assert source.unmapped_moods == {"sleepy": 2}
    assert [n.code for n in source.notices] == ["import.notice.daylio_scales"]
    _r, _p, stock_only = _rows("daylio-scales.csv")
    # one name in two spellings counts once, shown as first written
    assert stock_only.unmapped_moods == {"super happy": 2, "okay-ish": 1, "sleepy": 2}


def test_times_notes_and_the_mood_map_parser() -> None:
    assert parse_time("20:39") == (20, 39)
    assert parse_time("8:30 pm") == (20, 30)
    assert parse_time("12:05 AM") == (0, 5)
    assert parse_time("12:00 p.m.") == (12, 0)
    assert parse_time("13:00 pm") is None and parse_time("7") is None
    assert note_text("a<BR />b &amp; <i>c</i> 1 < 2 > 0") == "a\nb & c 1 < 2 > 0"
    assert parse_mood_map(" Super  Happy =5,,meh=2")["super happy"] == 5
    assert parse_mood_map("meh=2")["meh"] == 2 and parse_mood_map("")["rad"] == 5
    for bad in ("rad", "rad=6", "=3", "rad=x"):
        with pytest.raises(ImportExportError) as caught:
            parse_mood_map(bad)
        assert caught.value.code == "import.mood_map_bad" and "\n" not in caught.value.message


def test_a_mood_name_with_a_comma_is_mapped_when_its_comma_is_escaped() -> None:
    mapping = parse_mood_map(r"ok\, I guess=3,rad=4")
    assert mapping["ok, i guess"] == 3 and mapping["rad"] == 4
    # an unescaped comma still separates items: a forgotten level is refused, not joined
    with pytest.raises(ImportExportError) as caught:
        parse_mood_map("rad,good=4")
    assert "'rad'" in caught.value.message


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened, _code = create_vault(tmp_path / "vault", PASS, kdf=KdfParams.for_tests())
    try:
        yield opened
    finally:
        opened.lock()


def test_unmapped_moods_refuse_the_import_and_the_mapping_fixes_it(session: Session) -> None:
    path = FIXTURES / "daylio-scales.csv"
    dry = import_file(session, path, "daylio", dry_run=True)
    assert dry.unmapped_moods == (("okay-ish", 1), ("sleepy", 2), ("super happy", 2))
    with pytest.raises(ImportExportError) as caught:
        import_file(session, path, "daylio")
    assert caught.value.code == "import.unmapped_moods"
    assert session.mood.list() == []
    options = ImportOptions(mood_map=parse_mood_map(CUSTOM + ",sleepy=2"))
    report = import_file(session, path, "daylio", options=options)
    assert (report.moods_added, report.entries_added) == (4, 2)
    assert report.warnings[-1].code == "import.notice.repeated"  # the two identical rows
    again = import_file(session, path, "daylio", options=options)
    assert (again.moods_added, again.entries_added, again.moods_skipped) == (0, 0, 4)
    assert "gaming" in session.mood.activities()
    (entry,) = [e for e in session.journal.list() if e.title == "New year"]
    assert entry.mood_level == 5


def test_the_command_line_lists_unmapped_moods_in_a_dry_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.cli import main

    monkeypatch.setenv("PEERJOURNAL_VAULT", str(tmp_path / "vault"))
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", PASS)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["init"]) == 0
    path = str(FIXTURES / "daylio-scales.csv")
    capsys.readouterr()
    assert main(["import", "--format", "daylio", path, "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {m["name"].casefold() for m in report["unmapped_moods"]} == {
        "super happy", "okay-ish", "sleepy"
    }  # fmt: skip
    assert main(["import", "--format", "daylio", path]) == 1
    err = capsys.readouterr().err
    assert err.startswith("peerjournal: These moods have no level: ") and err.count("\n") == 1
    status = main(["import", "--format", "daylio", path, "--mood-map", CUSTOM + ",sleepy=1"])
    assert status == 0
    assert capsys.readouterr().out.startswith("Imported 2 entries and 4 mood logs")
    assert main(["import", "--format", "daylio", path, "--mood-map", "rad=9"]) == 1


CELL = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["2024-05-31", "8:30 pm", "rad", "a | b", "<br>", "&amp;", '"', "\r\n", "\ufeff"]
)
HEADERS = st.sampled_from([
    "year,date,weekday,time,mood,activities,note",
    "full_date,date,weekday,time,mood,activities,note",
    "full_date,date,weekday,time,mood,activities,note_title,note",
    "full_date,date,weekday,time,mood,activities,scales,note_title,note",
    "time,mood", "",
])  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(HEADERS, st.lists(st.lists(CELL, max_size=10), max_size=6), st.booleans())
def test_no_daylio_input_crashes_and_every_refusal_is_one_line(
    header: str, rows: list[list[str]], bom: bool
) -> None:
    import csv
    import tempfile

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(row)
    text = ("\ufeff" if bom else "") + header + "\n" + buffer.getvalue()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "daylio.csv"
        path.write_text(text, encoding="utf-8")
        try:
            items = list(DaylioSource(path))
        except ImportExportError as exc:
            assert "\n" not in exc.message
            return
    for item in items:
        if isinstance(item, Problem):
            assert "\n" not in item.render()


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_no_bytes_crash_the_daylio_reader(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "daylio.csv"
        path.write_bytes(b"full_date,date,weekday,time,mood,activities,note\n" + data)
        try:
            list(DaylioSource(path))
        except ImportExportError as exc:
            assert "\n" not in exc.message


def test_a_line_longer_than_any_row_is_refused_before_it_is_split_into_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.importers import daylio

    monkeypatch.setattr(daylio, "MAX_LINE_CHARS", 1_000)  # the real limit is 5 MB
    path = tmp_path / "daylio.csv"
    header = "full_date,date,weekday,time,mood,activities,note\n"
    row = "2024-05-31,May 31,Friday,20:39,rad,,{}\n"
    path.write_text(header + row.format("x" * 900) + "," * 2_000 + "\n", encoding="utf-8")
    with pytest.raises(ImportExportError) as raised:
        list(DaylioSource(path, ImportOptions()))
    assert raised.value.code == "import.csv_too_long"
    assert raised.value.message == (
        "Line 3 of the Daylio file holds more than the 5,000,000 characters an entry may "
        "have. Nothing was imported."
    )
    path.write_text(header + row.format("x" * 900), encoding="utf-8")
    items = list(DaylioSource(path, ImportOptions()))
    assert [type(item) for item in items] == [Item] and items[0].mood is not None  # type: ignore[union-attr]


def test_a_note_longer_than_any_entry_names_the_line_its_row_begins_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.importers import daylio

    monkeypatch.setattr(daylio, "_MAX_FIELD", 1_000)  # the real limit is 5 MB
    path = tmp_path / "daylio.csv"
    header = "full_date,date,weekday,time,mood,activities,note\n"
    row = '2024-05-{day:02},May {day},Friday,20:39,rad,,"{note}"\n'
    # a note over many lines (each one short): the reader fails part way into it
    long_note = "a few words\n" * 200
    path.write_text(
        header + row.format(day=1, note="fine") + row.format(day=2, note=long_note),
        encoding="utf-8",
    )
    with pytest.raises(ImportExportError) as raised:
        list(DaylioSource(path, ImportOptions()))
    assert raised.value.code == "import.csv_too_long"
    assert raised.value.message.startswith("Line 3 of the Daylio file holds more than")
    # the same note within the limit is read whole
    path.write_text(
        header + row.format(day=1, note="fine") + row.format(day=2, note=long_note[:600]),
        encoding="utf-8",
    )
    items = list(DaylioSource(path, ImportOptions()))
    assert [item.entry.body for item in items if isinstance(item, Item) and item.entry] == [
        "fine",
        long_note[:600].strip(),
    ]


def test_a_quote_that_never_closes_is_refused_with_its_line_not_read_as_one_long_note(
    tmp_path: Path,
) -> None:
    path = tmp_path / "daylio.csv"
    header = "full_date,date,weekday,time,mood,activities,note\n"
    rows = [
        '2024-05-01,May 1,Wednesday,20:39,good,,"fine"\n',
        '2024-05-02,May 2,Thursday,20:39,good,,"a quote that is never closed\n',
        "2024-05-03,May 3,Friday,20:39,rad,,swallowed\n",
        "2024-05-04,May 4,Saturday,20:39,rad,,swallowed too\n",
    ]
    path.write_text(header + "".join(rows), encoding="utf-8")
    with pytest.raises(ImportExportError) as raised:
        list(DaylioSource(path, ImportOptions()))
    assert raised.value.code == "import.csv_quote_open"
    assert raised.value.message.startswith("A quote opened on line 3 of the Daylio file")
    # closed, the four rows are four mood logs
    rows[1] = rows[1].replace("closed\n", 'closed"\n')
    path.write_text(header + "".join(rows), encoding="utf-8")
    items = [i for i in DaylioSource(path, ImportOptions()) if isinstance(i, Item)]
    assert len(items) == 4


def test_notes_over_several_lines_and_a_stray_quote_at_the_end_are_still_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "daylio.csv"
    path.write_text(
        "full_date,date,weekday,time,mood,activities,note\n"
        '2024-05-01,May 1,Wednesday,20:39,good,,"two\nlines, ""quoted"""\n'
        '2024-05-02,May 2,Thursday,20:39,good,,he said "hi\n',
        encoding="utf-8",
    )
    items = [i for i in DaylioSource(path, ImportOptions()) if isinstance(i, Item)]
    assert [i.entry.body for i in items if i.entry] == ['two\nlines, "quoted"', 'he said "hi']
