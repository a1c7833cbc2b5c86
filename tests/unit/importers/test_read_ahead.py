"""A large import file read in a second process (peerjournal/importers/ahead.py): the same
vault, report and messages as reading it in this process, nothing applied when the reader
fails, is killed, sends garbage or the user cancels, and no reader process left behind."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from peerjournal.app.session import Session
from peerjournal.app.transfer import ImportOptions, ImportReport, import_file
from peerjournal.errors import ImportExportError
from peerjournal.importers import ahead
from peerjournal.importers.moodmap import parse_mood_map
from peerjournal.importers.records import EntryRecord, MoodRecord, compact
from peerjournal.importers.source import Item
from tests.helpers.vault import make_session

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports"
CANARY = "CANARY-ahead-7f3e"
#: The scales fixture's own mood names, besides the stock ones.
OPTIONS = ImportOptions(mood_map=parse_mood_map("super happy=5, okay-ish=3, sleepy=2"))


@pytest.fixture(autouse=True)
def _berlin(local_zone: Callable[[str], None]) -> None:
    local_zone("Europe/Berlin")  # the reader process inherits the zone with the environment


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened = make_session(tmp_path, "vault")
    try:
        yield opened
    finally:
        opened.lock()


def _content(session: Session) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    entries = session.conn.execute(
        "SELECT id, created, updated, title, body, tags, starred, mood_id FROM entries ORDER BY id"
    ).fetchall()
    moods = session.conn.execute(
        "SELECT id, at, level, emotions, activities, note FROM mood_logs ORDER BY id"
    ).fetchall()
    return [tuple(row) for row in entries], [tuple(row) for row in moods]


def _report(report: ImportReport) -> tuple[Any, ...]:
    return (
        report.format, report.entries_added, report.moods_added, report.entries_skipped,
        [problem.render() for problem in report.problems], report.problems_total,
        [str(text) for text in report.warnings], report.first, report.last,
        report.unmapped_moods,
    )  # fmt: skip


def _dayone_zip(tmp_path: Path) -> Path:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name in ("Journal.json", "Travel.json"):
            archive.write(FIXTURES / "dayone" / name, name)
    return path


def _daylio_with_problems(tmp_path: Path) -> Path:
    text = (FIXTURES / "daylio" / "daylio-scales.csv").read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    # a row with a bad time and one with too few columns, between good ones
    bad = [lines[1].replace(lines[1].split(",")[3], "25:99", 1), "2024-01-01,x"]
    path = tmp_path / "with-problems.csv"
    path.write_text("\n".join([lines[0], *bad, *lines[1:]]) + "\n", encoding="utf-8")
    return path


CASES: list[tuple[str, Callable[[Path], Path]]] = [
    ("daylio", lambda tmp: FIXTURES / "daylio" / "daylio-scales.csv"),
    ("daylio", _daylio_with_problems),
    ("dayone", lambda tmp: FIXTURES / "dayone" / "Journal.json"),
    ("dayone", _dayone_zip),
    ("jrnl", lambda tmp: FIXTURES / "jrnl" / "jrnl.txt"),
    ("jrnl", lambda tmp: FIXTURES / "jrnl" / "jrnl.json"),
]


@pytest.mark.parametrize(("fmt", "make"), CASES)
def test_reading_ahead_imports_exactly_what_reading_here_does(
    tmp_path: Path, fmt: str, make: Callable[[Path], Path]
) -> None:
    path = make(tmp_path)
    here, there = make_session(tmp_path, "here"), make_session(tmp_path, "there")
    expected = import_file(here, path, fmt, options=OPTIONS, read_ahead=False)
    got = import_file(there, path, fmt, options=OPTIONS, read_ahead=True)
    assert _report(got) == _report(expected)
    assert _content(there) == _content(here)
    assert expected.entries_added + expected.moods_added > 0
    # and again: ids are the reader's, so the second import adds nothing either way
    again = import_file(there, path, fmt, options=OPTIONS, read_ahead=True)
    assert (again.entries_added, again.moods_added) == (0, 0)
    assert _content(there) == _content(here)


def test_a_dry_run_read_ahead_counts_the_same_and_writes_nothing(
    session: Session, tmp_path: Path
) -> None:
    path = _daylio_with_problems(tmp_path)
    expected = import_file(session, path, "daylio", options=OPTIONS, dry_run=True,
                           read_ahead=False)  # fmt: skip
    got = import_file(session, path, "daylio", options=OPTIONS, dry_run=True, read_ahead=True)
    assert _report(got) == _report(expected) and got.moods_added > 0
    assert got.problems_total == 2
    # without a level for the file's own mood names, both list them the same way
    expected = import_file(session, path, "daylio", dry_run=True, read_ahead=False)
    got = import_file(session, path, "daylio", dry_run=True, read_ahead=True)
    assert got.unmapped_moods == expected.unmapped_moods != ()
    assert _content(session) == ([], [])


def test_unmapped_moods_found_by_the_reader_refuse_the_import(
    session: Session, tmp_path: Path
) -> None:
    text = (FIXTURES / "daylio" / "daylio-full-date.csv").read_text(encoding="utf-8-sig")
    path = tmp_path / "custom.csv"
    path.write_text(text.replace(",Good,", ",over the moon,"), encoding="utf-8")
    with pytest.raises(ImportExportError) as refused:
        import_file(session, path, "daylio", read_ahead=True)
    assert refused.value.code == "import.unmapped_moods"
    assert "over the moon" in refused.value.message
    assert _content(session) == ([], [])


@pytest.mark.parametrize(
    ("fmt", "data", "code"),
    [
        ("daylio", b"\xff\xfe not utf-8 at all \x80\x81", "import.not_utf8"),
        ("dayone", b'{"metadata": {"version": "1.0"}, "entries": [{"uuid": ', None),
        ("jrnl", b"", None),
    ],
)
def test_a_file_refused_as_a_whole_gives_the_same_message_and_applies_nothing(
    session: Session, tmp_path: Path, fmt: str, data: bytes, code: str | None
) -> None:
    path = tmp_path / "bad.file"
    path.write_bytes(data)
    with pytest.raises(ImportExportError) as here:
        import_file(session, path, fmt, read_ahead=False)
    with pytest.raises(ImportExportError) as there:
        import_file(session, path, fmt, read_ahead=True)
    assert there.value.text == here.value.text
    if code is not None:
        assert there.value.code == code
    assert _content(session) == ([], [])


def test_a_missing_file_is_the_same_one_line_message(session: Session, tmp_path: Path) -> None:
    with pytest.raises(ImportExportError) as there:
        import_file(session, tmp_path / "nowhere.csv", "daylio", read_ahead=True)
    with pytest.raises(ImportExportError) as here:
        import_file(session, tmp_path / "nowhere.csv", "daylio", read_ahead=False)
    assert there.value.text == here.value.text and "\n" not in there.value.message


class _Spy:
    """Keeps the reader processes started, to check none is left running."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started: list[subprocess.Popen[bytes]] = []
        real = ahead.AheadSource._start

        def start(source: ahead.AheadSource) -> subprocess.Popen[bytes]:
            process = real(source)
            self.started.append(process)
            return process

        monkeypatch.setattr(ahead.AheadSource, "_start", start)

    def all_reaped(self) -> bool:
        return bool(self.started) and all(p.returncode is not None for p in self.started)


def _many_rows(tmp_path: Path, rows: int) -> Path:
    lines = ["full_date,date,weekday,time,mood,activities,note"]
    start = datetime(2020, 1, 1, 12, 0)
    for number in range(rows):
        moment = start + timedelta(hours=number)
        lines.append(
            f"{moment:%Y-%m-%d},{moment:%B %d},Monday,{moment:%H:%M},good,walk,"
            f"{CANARY} note {number}"
        )
    path = tmp_path / "many.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_cancel_applies_nothing_and_stops_the_reader(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spy(monkeypatch)
    path = _many_rows(tmp_path, 5000)
    ticks: list[int] = []

    class Cancelled(Exception):
        pass

    def progress(done: int, total: int) -> None:
        ticks.append(done)
        if len(ticks) == 4:
            raise Cancelled

    with pytest.raises(Cancelled):
        import_file(session, path, "daylio", progress=progress, read_ahead=True)
    assert _content(session) == ([], [])
    assert spy.all_reaped()
    assert 0 < ticks[-1] < path.stat().st_size  # it stopped part way, not at the end
    # the vault is fine afterwards: the same file imports whole
    report = import_file(session, path, "daylio", read_ahead=True)
    assert report.moods_added == report.entries_added == 5000


def test_ctrl_c_reaches_the_reader_too_but_only_the_import_decides(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spy(monkeypatch)
    # one frame held at a time: the reader cannot run ahead to the end of the file and exit
    # on its own, so "still running" below can only mean "not stopped by the signal"
    monkeypatch.setattr(ahead, "AHEAD_BYTES", 1)
    path = _many_rows(tmp_path, 20000)
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if len(seen) == 3:
            # the terminal sends SIGINT to the whole process group: the reader ignores it
            os.kill(spy.started[0].pid, signal.SIGINT)
            time.sleep(0.3)  # time enough for a default SIGINT to end it
            assert spy.started[0].poll() is None  # still there after the signal
        if len(seen) == 6:
            assert spy.started[0].poll() is None  # and still reading
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_file(session, path, "daylio", progress=progress, read_ahead=True)
    assert _content(session) == ([], [])
    assert spy.all_reaped()


def test_a_reader_killed_mid_file_fails_the_import_plainly(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spy(monkeypatch)
    monkeypatch.setattr(ahead, "AHEAD_BYTES", 1)  # it cannot have sent all and ended first
    path = _many_rows(tmp_path, 20000)
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 2:
            spy.started[0].kill()  # the reader dies (out of memory, a signal)

    with pytest.raises(ImportExportError) as failed:
        import_file(session, path, "daylio", progress=progress, read_ahead=True)
    assert failed.value.code == "import.failed"
    assert failed.value.message == "The file could not be read. Nothing was imported."
    assert _content(session) == ([], [])
    assert spy.all_reaped()


def _fake_reader(monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """The reader replaced by a script (what a broken or hostile reader could send)."""
    monkeypatch.setattr(ahead, "reader_command", lambda: [sys.executable, "-c", script])


FRAMES = "import pickle, struct, sys\nout = sys.stdout.buffer\n"


def _frame(message: object) -> bytes:
    body = pickle.dumps(message)
    return len(body).to_bytes(4, "little") + body


@pytest.mark.parametrize(
    "script",
    [
        "import sys; sys.stdin.read()",  # says nothing at all
        FRAMES + "out.write(b'\\x10\\x00\\x00\\x00abc')",  # a frame cut short
        FRAMES + "out.write(b'\\xff\\xff\\xff\\xff')",  # a frame larger than any record
        FRAMES + "out.write(struct.pack('<I', 3) + b'N.x')",  # not a message
        FRAMES + "out.write(struct.pack('<I', 4) + b'\\x80\\x05\\x95!')",  # not a pickle
        FRAMES + f"out.write({_frame(('items', 10, 100, []))!r})",  # records, then no end
    ],
)
def test_a_reader_that_stops_or_sends_garbage_fails_the_import_plainly(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    _fake_reader(monkeypatch, script)
    path = FIXTURES / "daylio" / "daylio-scales.csv"
    with pytest.raises(ImportExportError) as failed:
        import_file(session, path, "daylio", read_ahead=True)
    assert failed.value.code == "import.failed"
    assert _content(session) == ([], [])


def test_a_bug_in_the_reader_is_a_bug_here_with_its_frames_and_no_file_text(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal import buglog

    report = "builtins.TypeError\n  at /x/daylio.py:12 in _item"
    _fake_reader(monkeypatch, FRAMES + f"out.write({_frame(('bug', 'TypeError', report))!r})")
    with pytest.raises(ahead.ReaderBug) as bug:
        import_file(session, FIXTURES / "daylio" / "daylio-scales.csv", "daylio",
                    options=OPTIONS, read_ahead=True)  # fmt: skip
    assert bug.value.report == report
    assert "daylio.py:12 in _item" in buglog.describe(bug.value)
    assert _content(session) == ([], [])


def test_the_reader_reports_a_bug_as_its_type_and_frames_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from peerjournal import importers

    def broken(*_args: object) -> object:
        raise ValueError(f"text of the file: {CANARY}")

    monkeypatch.setattr(importers, "open_source", broken)
    out = io.BytesIO()
    ahead._send_all(out, "daylio", tmp_path / "x.csv", ImportOptions())
    body = out.getvalue()
    assert CANARY.encode() not in body
    kind, name, frames = pickle.loads(body[4:])
    assert (kind, name) == ("bug", "builtins.ValueError")
    assert "in broken" in frames and CANARY not in frames


def test_the_reader_process_gets_no_file_name_on_its_command_line_and_writes_nothing(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spy(monkeypatch)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    path = _many_rows(tmp_path, 300)
    import_file(session, path, "daylio", read_ahead=True)
    (process,) = spy.started
    assert isinstance(process.args, list)
    assert process.args[-1] == ahead.READER_ARG
    assert not any(str(path) in arg or CANARY in arg for arg in process.args)
    assert list(scratch.iterdir()) == []  # no temporary file holds the notes


def test_the_packaged_command_line_serves_the_reader_argument(tmp_path: Path) -> None:
    """``peerjournal __import-reader__`` (how the packaged app starts it) is the reader."""
    path = FIXTURES / "daylio" / "daylio-scales.csv"
    request = pickle.dumps(("daylio", str(path), OPTIONS))
    done = subprocess.run(
        [sys.executable, "-m", "peerjournal", ahead.READER_ARG],
        input=request, capture_output=True, check=True, timeout=60,
        cwd=Path(__file__).parents[3],
    )  # fmt: skip
    messages, data = [], done.stdout
    while data:
        size = int.from_bytes(data[:4], "little")
        messages.append(pickle.loads(data[4 : 4 + size]))
        data = data[4 + size :]
    assert [m[0] for m in messages][-1] == "end"
    items = [item for m in messages if m[0] == "items" for item in m[3]]
    assert items and all(isinstance(item, Item) and item.mood is not None for item in items)
    assert messages[-1][1]["format"] == "daylio"


def test_which_files_are_read_ahead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    small.write_bytes(b"x" * 100)
    large.write_bytes(b"x" * (ahead.AHEAD_MIN_BYTES + 1))
    assert not ahead.reads_ahead(small)
    assert ahead.reads_ahead(large)
    assert not ahead.reads_ahead(tmp_path)  # a Markdown folder is read here
    assert not ahead.reads_ahead(tmp_path / "missing.csv")


def test_a_system_that_cannot_start_the_reader_still_imports(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ahead, "reader_command", lambda: ["/nonexistent/peerjournal"])
    path = FIXTURES / "daylio" / "daylio-scales.csv"
    report = import_file(session, path, "daylio", options=OPTIONS, read_ahead=True)
    assert report.moods_added > 0 and report.format == "daylio"


def test_records_pickle_to_equal_records_sharing_one_zone_per_offset() -> None:
    cet = timezone(timedelta(hours=1), "CET")
    entries = [
        EntryRecord(
            f"00000000-0000-4000-8000-{n:012d}", datetime(2024, 1, n + 1, tzinfo=cet),
            datetime(2024, 1, n + 1, 9, tzinfo=timezone(timedelta(hours=1), "CET")),
            "title", f"body {n} 東京", ("a tag",), True, None,
            datetime(2024, 2, 1, tzinfo=cet) if n == 2 else None,
        )
        for n in range(3)
    ]  # fmt: skip
    mood = MoodRecord("00000000-0000-4000-8000-000000000009", entries[0].created, 4, ("calm",))
    items = [Item(entry=entry) for entry in entries] + [Item(entry=entries[0], mood=mood)]
    back = pickle.loads(pickle.dumps(items))
    assert back == items
    assert back[2].entry is not None and back[2].entry.deleted == entries[2].deleted
    zones = {id(item.entry.created.tzinfo) for item in back if item.entry is not None}
    assert len(zones) == 1  # one zone object for the one offset and name
    assert back[0].entry.created.tzname() == "CET"
    # a different name at the same offset is another zone, kept apart
    other = datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=1), "WAT"))
    assert compact(other).tzname() == "WAT"


def test_entries_of_millions_of_characters_come_through_in_frames_of_their_own(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "long.txt"
    line = "walked by the river, " * 4 + "\n"  # 85 characters a line
    bodies = [(line * 24_000)[: 2_000_000 + n] for n in range(3)]
    with path.open("w", encoding="utf-8") as out:
        for n, body in enumerate(bodies):
            out.write(f"[2024-05-0{n + 1} 09:00:00 AM] Long day {n}.\n{body}\n\n")
    report = import_file(session, path, "jrnl", read_ahead=True)
    assert report.entries_added == 3
    stored = sorted(row[0].strip() for row in session.conn.execute("SELECT body FROM entries"))
    assert stored == sorted(body.strip() for body in bodies)  # each whole, to the letter


def test_the_frame_buffer_holds_its_limit_and_lets_go_when_abandoned() -> None:
    import threading

    frames = ahead._Frames(limit=10)
    frames.put(b"12345678")  # 8 bytes
    waiting = threading.Thread(target=frames.put, args=(b"abcdef",))  # 14 > 10: it waits
    waiting.start()
    waiting.join(0.2)
    assert waiting.is_alive()
    assert frames.get() == b"12345678"  # room again: the waiting frame goes in
    waiting.join(5)
    assert not waiting.is_alive() and frames.get() == b"abcdef"
    frames.put(b"x" * 50)  # one frame larger than the limit passes alone
    stuck = threading.Thread(target=frames.put, args=(b"y",))
    stuck.start()
    stuck.join(0.2)
    assert stuck.is_alive()
    frames.abandon()  # the import stopped: the thread is let go, nothing is kept
    stuck.join(5)
    assert not stuck.is_alive()


def test_the_cycle_collector_runs_less_during_an_import_and_as_before_after_it(
    session: Session, tmp_path: Path
) -> None:
    import gc

    from peerjournal.app import transfer

    before = gc.get_threshold()
    during: list[tuple[int, int, int]] = []
    path = _many_rows(tmp_path, 300)
    import_file(session, path, "daylio", progress=lambda *_: during.append(gc.get_threshold()))
    assert during and all(t[0] == max(before[0], transfer.COLLECT_EVERY) for t in during)
    assert gc.get_threshold() == before

    def fail(*_: object) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_file(session, path, "daylio", progress=fail, read_ahead=True)
    assert gc.get_threshold() == before


def test_the_reader_process_does_not_inherit_the_passphrase_or_the_recovery_code(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", "correct horse battery")
    monkeypatch.setenv("PEERJOURNAL_RECOVERY_CODE", "ABCD-EFGH")
    monkeypatch.setenv("PEERJOURNAL_CANARY_KEEP", "kept")
    # a reader that reports which of them it was given, as its "bug" report
    _fake_reader(
        monkeypatch,
        FRAMES
        + "import os\nnames = sorted(n for n in os.environ if n.startswith('PEERJOURNAL_'))\n"
        "body = pickle.dumps(('bug', 'env', ' '.join(names)))\n"
        "out.write(struct.pack('<I', len(body)) + body)",
    )
    with pytest.raises(ahead.ReaderBug) as seen:
        import_file(session, FIXTURES / "daylio" / "daylio-scales.csv", "daylio", read_ahead=True)
    given = seen.value.report.split()
    assert "PEERJOURNAL_CANARY_KEEP" in given  # the rest of the environment is passed on
    assert "PEERJOURNAL_PASSPHRASE" not in given and "PEERJOURNAL_RECOVERY_CODE" not in given
