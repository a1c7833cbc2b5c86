"""The JSON imports read as a stream (importers/jsonstream.py, jrnl and PeerJournal JSON).

What json.loads refused is refused with the same one-line messages, whatever the chunk
size and ijson backend; memory does not grow with the file; key order does not matter;
a malformed jrnl entry late in a long file is skipped with the earlier ones counted.
"""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.app.session import Session, create_vault
from peerjournal.app.transfer import export_document, import_file
from peerjournal.errors import ImportExportError
from peerjournal.importers import jsonstream
from peerjournal.importers.jrnl import JrnlJsonSource, parse_jrnl_json
from peerjournal.importers.peerjournal_json import PeerJournalJsonSource
from peerjournal.importers.source import Item, Problem
from peerjournal.vault import KdfParams

PASS = "correct horse battery"


def _jrnl_entry(i: int, **changes: Any) -> dict[str, Any]:
    time = f"{i // 60 % 24:02d}:{i % 60:02d}"
    entry = {"title": f"Day {i}.", "body": f"Body {i} @work", "date": "2024-05-31",
             "time": time, "tags": ["@work"], "starred": False}  # fmt: skip
    entry.update(changes)
    return entry


def _jrnl(entries: list[Any], **top: Any) -> bytes:
    return json.dumps({"tags": {"@work": 1}, "entries": entries, **top}, indent=2).encode()


@contextmanager
def _chunks(size: int, backend: str | None = None) -> Iterator[None]:
    """Read JSON in chunks of ``size`` bytes (and with the named ijson backend)."""
    import ijson

    old = jsonstream.CHUNK, jsonstream.BACKEND
    jsonstream.CHUNK = size
    jsonstream.BACKEND = None if backend is None else ijson.get_backend(backend)
    try:
        yield
    finally:
        jsonstream.CHUNK, jsonstream.BACKEND = old


def _outcome(data: bytes) -> tuple[str, ...] | str:
    """Every item and problem of a jrnl JSON file, or the one-line refusal."""
    try:
        results = []
        for item in JrnlJsonSource(Path("x.json"), data=data):
            if isinstance(item, Problem):
                results.append(item.render())
            elif item.entry is not None:
                results.append(f"{item.entry.id} {item.entry.tags} {item.entry.starred}")
        return tuple(results)
    except ImportExportError as exc:
        assert "\n" not in exc.message and exc.message.endswith("Nothing was imported.")
        return exc.message


def test_the_c_backend_reads_imports_here() -> None:
    import ijson

    assert jsonstream.ijson_backend() is ijson
    assert ijson.backend == "yajl2_c"


HOSTILE = [
    (b"", "not valid JSON (line 1, column 1: the file ends before the JSON value does)"),
    (b'{"entries": [{"title": "a"', "not valid JSON (line 1, column 27: the file ends"),
    (b'{"entries": []}\n\n  x', "not valid JSON (line 3, column "),
    (b'{"entries": []}\n\n  x', "extra data after the JSON value"),
    ('{"entries": [\n "ä€😀" ]]}'.encode(), "not valid JSON (line 2, column 9: unexpected "),
    (b'{"entries": [NaN]}', "(NaN is not allowed)"),
    (b'{"entries": [Infinity]}', "(Infinity is not allowed)"),
    (b'{"entries": [-Infinity]}', "(-Infinity is not allowed)"),
    (b'{"entries": [1' + b"2" * 5000 + b"]}", "holds a value too large to be real"),
    (b'{"entries": ["\xff"]}', "not UTF-8 text (bad byte at position 14)"),
    (b'{"entries": ["\xe2\x82"]}', "not UTF-8 text (bad byte at position 14)"),
    (b'{"entries": ["ok \\ud800"]}', "not UTF-8 text (bad byte at position 17)"),
    (b'{"entries": ["\\udc00 after"]}', "not UTF-8 text (bad byte at position 14)"),
    (b'{"entries": ["\\ud83d\\u0041"]}', "not UTF-8 text (bad byte at position 14)"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"entries": [' + b'{"a": [' * 50_000, "nested too deeply"),
    (b'{"entries": [], "entries": []}', "has the key 'entries' twice at its top level"),
    (b'{"tags": [], "entries": []}', "'tags' must be an object of tag counts"),
    (b'{"entries": {}}', "'entries' must be a list, found an object"),
    (b'{"tags": {}}', "no 'entries'"),
    (b'["entries"]', "looks like a list"),
    (b'"entries"', "expected an object, found text"),
]


@pytest.mark.parametrize("backend", ["yajl2_c", "python"])
@pytest.mark.parametrize("chunk", [1, 5, 65536])
@pytest.mark.parametrize(("data", "expected"), HOSTILE)
def test_every_refusal_is_one_line_whatever_the_chunks_and_the_backend(
    data: bytes, expected: str, chunk: int, backend: str
) -> None:
    if backend == "python" and len(data) > 1000 and chunk < 10:
        return  # the pure-Python parser needs minutes for 200,000 one-byte chunks
    with _chunks(chunk, backend):
        outcome = _outcome(data)
    assert isinstance(outcome, str) and expected in outcome, outcome
    assert "set_int_max_str_digits" not in outcome


def test_text_that_looks_like_escapes_but_is_not_is_kept() -> None:
    entry = _jrnl_entry(1, body="a\\ud800 \\\\ud800 and 😀 \ud83d\ude00")
    data = _jrnl([entry])
    data = data.replace("😀".encode(), b"\\ud83d\\ude00")
    for chunk in (1, 3, 65536):
        with _chunks(chunk):
            items = list(JrnlJsonSource(Path("x"), data=data))
        (item,) = [i for i in items if isinstance(i, Item) and i.entry is not None]
        assert item.entry is not None
        assert item.entry.body == "a\\ud800 \\\\ud800 and 😀 😀"


def test_a_byte_order_mark_is_skipped() -> None:
    bundle = parse_jrnl_json(b"\xef\xbb\xbf" + _jrnl([_jrnl_entry(1)]))
    assert [e.title for e in bundle.entries] == ["Day 1."]


def test_a_token_longer_than_the_limit_is_refused_before_it_is_held(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(jsonstream, "MAX_TOKEN_BYTES", 1000)
    monkeypatch.setattr(jsonstream, "CHUNK", 100)
    short = _jrnl([_jrnl_entry(1, body="x" * 900)])
    assert len(parse_jrnl_json(short).entries) == 1
    with pytest.raises(ImportExportError, match="holds a value too large to be real"):
        parse_jrnl_json(_jrnl([_jrnl_entry(1, body="x" * 1100)]))
    with pytest.raises(ImportExportError, match="holds a value too large to be real"):
        parse_jrnl_json(b'{"entries": [' + b" " * 2000 + b"]}")


def test_an_entry_larger_than_any_real_one_is_skipped_and_the_rest_read() -> None:
    huge = _jrnl_entry(2, body="b" * 4_000_000, extra=["x" * 100] * 50_000)
    items = list(JrnlJsonSource(Path("x"), data=_jrnl([_jrnl_entry(1), huge, _jrnl_entry(3)])))
    assert [i.entry.title for i in items if isinstance(i, Item) and i.entry] == [
        "Day 1.",
        "Day 3.",
    ]
    assert [p.render() for p in items if isinstance(p, Problem)] == [
        "entry 2: it holds more than 8,000,000 characters and values, far more than any real "
        "one; skipped"
    ]


# -- jrnl ---------------------------------------------------------------------------------
@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened, _code = create_vault(tmp_path / "vault", PASS, kdf=KdfParams.for_tests())
    try:
        yield opened
    finally:
        opened.lock()


def test_a_malformed_entry_late_in_a_long_file_is_skipped_and_the_earlier_ones_counted(
    session: Session, tmp_path: Path
) -> None:
    entries: list[Any] = [_jrnl_entry(i, date=f"2024-{1 + i % 12:02d}-01") for i in range(5000)]
    entries[4998] = _jrnl_entry(4998, date="31/12/2024")
    path = tmp_path / "jrnl.json"
    path.write_bytes(_jrnl(entries))
    report = import_file(session, path, "jrnl", dry_run=True)
    assert (report.entries_added, report.problems_total) == (4999, 1)
    assert [p.render() for p in report.problems] == [
        "entry 4999: 'date' and 'time' must look like 2024-05-31 and 21:07, found '31/12/2024'"
        " and '11:18'; skipped"
    ]
    assert session.journal.list() == []
    real = import_file(session, path, "jrnl")
    assert real.entries_added == 4999
    assert len(session.journal.list(limit=10_000)) == 4999


def test_a_file_broken_at_its_end_is_refused_before_any_entry_is_read(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "jrnl.json"
    path.write_bytes(_jrnl([_jrnl_entry(i) for i in range(300)])[:-3])
    lines = path.read_bytes().count(b"\n") + 1
    for dry_run in (True, False):
        with pytest.raises(ImportExportError) as caught:
            import_file(session, path, "jrnl", dry_run=dry_run)
        assert f"not valid JSON (line {lines}, column " in caught.value.message
    assert session.journal.list() == []


def test_copies_far_apart_are_merged_keeping_the_star_and_every_tag(
    session: Session, tmp_path: Path
) -> None:
    first = _jrnl_entry(0, tags=["@a"])
    entries = [first, *(_jrnl_entry(i) for i in range(1, 400)), dict(first, starred=True,
               tags=["@b", "@a"]), dict(first)]  # fmt: skip
    path = tmp_path / "jrnl.json"
    path.write_bytes(_jrnl(entries))
    report = import_file(session, path, "jrnl")
    assert report.entries_added == 400
    assert [w.code for w in report.warnings] == ["import.notice.repeated", "import.notice.merged"]
    assert "merged into one keeping the star and every tag: 1" in report.warnings[1].render()
    (merged,) = [e for e in session.journal.list(limit=1000) if e.title == "Day 0."]
    assert merged.starred and merged.tags == ("a", "b")


def test_the_order_of_the_top_level_keys_does_not_matter() -> None:
    entries = [_jrnl_entry(1), _jrnl_entry(2)]
    forward = json.dumps({"tags": {}, "entries": entries}).encode()
    backward = json.dumps({"entries": entries, "extra": [1, {"x": None}], "tags": {}}).encode()
    assert _outcome(forward) == _outcome(backward)
    with pytest.raises(ImportExportError, match="'tags' must be an object"):
        parse_jrnl_json(json.dumps({"entries": entries, "tags": 3}).encode())


def test_progress_moves_in_the_first_pass_and_ends_at_the_total(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "jrnl.json"
    path.write_bytes(_jrnl([_jrnl_entry(i) for i in range(1200)]))
    size = path.stat().st_size
    seen: list[tuple[int, int]] = []
    import_file(session, path, "jrnl", dry_run=True, progress=lambda d, t: seen.append((d, t)))
    first_pass = [done for done, total in seen if total == 2 * size and 0 < done <= size]
    assert len(first_pass) >= 2
    assert seen[-1] == (2 * size, 2 * size)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def _peak_bytes_reading(source: Any) -> int:
    tracemalloc.start()
    try:
        for _item in source:
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_reading_a_jrnl_file_holds_a_small_part_of_it(tmp_path: Path) -> None:
    path = tmp_path / "jrnl.json"
    path.write_bytes(_jrnl([_jrnl_entry(i, body="words " * 300) for i in range(3000)]))
    assert path.stat().st_size > 5_000_000
    peak = _peak_bytes_reading(JrnlJsonSource(path))
    assert peak < 1_500_000, peak  # json.loads held about five times the file


# -- PeerJournal JSON --------------------------------------------------------------------
def _populated(session: Session) -> None:
    from datetime import UTC, datetime, timedelta

    start = datetime(2024, 1, 1, 9, tzinfo=UTC)
    for i in range(40):
        log = session.mood.add(1 + i % 5, at=start + timedelta(hours=i), note=f"n{i}")
        session.journal.add(f"Entry {i}", title=f"T{i}", tags=["a"], mood_id=log.id,
                            created=start + timedelta(hours=i))  # fmt: skip


def test_key_order_does_not_matter_and_the_round_trip_stays_byte_identical(
    session: Session, tmp_path: Path
) -> None:
    _populated(session)
    exported = export_document(session)
    document = json.loads(exported)
    reordered = {key: document[key] for key in reversed(list(document))}
    assert list(reordered)[-2:] == ["version", "format"]
    path = tmp_path / "reordered.json"
    path.write_text(json.dumps(reordered))
    fresh, _code = create_vault(tmp_path / "fresh", PASS, kdf=KdfParams.for_tests())
    try:
        report = import_file(fresh, path, "json")
        assert (report.entries_added, report.moods_added) == (40, 40)
        assert export_document(fresh) == exported
    finally:
        fresh.lock()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"format": "other"}, "not a PeerJournal export"),
        ({"version": 2}, "made by a newer PeerJournal"),
        ({"surprise": 1}, "unknown field 'surprise'"),
    ],
)
def test_the_header_is_checked_before_any_record_wherever_it_comes(
    session: Session, tmp_path: Path, change: dict[str, Any], expected: str
) -> None:
    _populated(session)
    document = json.loads(export_document(session))
    document["entries"][0]["title"] = 42  # a record error that must not be the one reported
    for key in change:
        document.pop(key, None)
    document.update(change)  # now after the lists
    path = tmp_path / "late.json"
    path.write_text(json.dumps(document))
    with pytest.raises(ImportExportError) as caught:
        list(PeerJournalJsonSource(path))
    assert expected in caught.value.message and "\n" not in caught.value.message


def test_a_bad_entry_late_in_an_export_imports_nothing(session: Session, tmp_path: Path) -> None:
    _populated(session)
    document = json.loads(export_document(session))
    document["entries"][-1]["starred"] = "yes"
    document["moods"].append(dict(document["moods"][0]))
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    fresh, _code = create_vault(tmp_path / "fresh", PASS, kdf=KdfParams.for_tests())
    try:
        with pytest.raises(ImportExportError, match=r"mood log id .* appears twice"):
            import_file(fresh, path, "json")
        document["moods"].pop()
        path.write_text(json.dumps(document))
        with pytest.raises(ImportExportError, match="entry 40: 'starred' must be true or false"):
            import_file(fresh, path, "json")
        assert fresh.journal.list() == [] and fresh.mood.list() == []
    finally:
        fresh.lock()


def test_a_top_level_key_twice_is_refused() -> None:
    with pytest.raises(ImportExportError, match="has the key 'moods' twice"):
        list(PeerJournalJsonSource(Path("x"), data=b'{"moods": [], "moods": []}'))


def test_reading_an_export_holds_a_small_part_of_it(session: Session, tmp_path: Path) -> None:
    import uuid
    from datetime import UTC, datetime, timedelta

    from peerjournal.exporters.peerjournal_json import write_json
    from peerjournal.importers.records import EntryRecord, MoodRecord

    start = datetime(2024, 1, 1, tzinfo=UTC)
    moods = [MoodRecord(str(uuid.UUID(int=i + 1)), start + timedelta(minutes=i), 3)
             for i in range(1000)]  # fmt: skip
    entries = (
        EntryRecord(str(uuid.UUID(int=10**6 + i)), start + timedelta(minutes=i),
                    start + timedelta(minutes=i), f"T{i}", "words " * 300, ("a",),
                    mood_id=moods[i].id if i < 1000 else None)
        for i in range(3000)
    )  # fmt: skip
    path = tmp_path / "export.json"
    with path.open("wb") as out:
        write_json(out, entries, moods, mood_labels={1: "1", 2: "2", 3: "3", 4: "4", 5: "5"},
                   emotions=[], activities=[])  # fmt: skip
    assert path.stat().st_size > 5_000_000
    peak = _peak_bytes_reading(PeerJournalJsonSource(path))
    assert peak < 1_500_000, peak
    report = import_file(session, path, "json", dry_run=True)
    assert (report.entries_added, report.moods_added, report.problems_total) == (3000, 1000, 0)


# -- properties ----------------------------------------------------------------------------
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children),
    max_leaves=12,
)
ENTRY_LIKE = st.fixed_dictionaries(
    {"title": st.sampled_from(["t", "u"]), "body": st.sampled_from(["b", "😀 \\ud83d"]),
     "date": st.sampled_from(["2024-01-01", "2024-13-01"])},
    optional={"time": st.sampled_from(["10:00", "25:00"]) | JSON_VALUES,
              "tags": st.lists(st.sampled_from(["@a", "#b", "c d"])) | JSON_VALUES,
              "starred": st.booleans() | JSON_VALUES, "extra": JSON_VALUES},
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(ENTRY_LIKE, max_size=6),
    st.integers(min_value=1, max_value=40),
    st.sampled_from(["", "cut", "byte", "bom"]),
    st.integers(min_value=0, max_value=10_000),
    st.binary(min_size=1, max_size=2),
)
def test_a_jrnl_file_reads_the_same_whatever_the_chunks(
    entries: list[dict[str, Any]], chunk: int, damage: str, where: int, junk: bytes
) -> None:
    data = json.dumps({"tags": {}, "entries": entries}, ensure_ascii=damage == "bom").encode()
    spot = where % (len(data) + 1)
    if damage == "cut":
        data = data[:spot]
    elif damage == "byte":
        data = data[:spot] + junk + data[spot:]
    elif damage == "bom":
        data = b"\xef\xbb\xbf" + data
    expected = _outcome(data)
    with _chunks(chunk):
        assert _outcome(data) == expected
    with _chunks(chunk, "python"):  # the same records, or a refusal (its reason may differ:
        python = _outcome(data)  # that parser notices some bad bytes a little later)
    assert python == expected or (isinstance(python, str) and isinstance(expected, str))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300), st.integers(min_value=1, max_value=16))
def test_no_bytes_crash_the_peerjournal_reader(data: bytes, chunk: int) -> None:
    with _chunks(chunk):
        try:
            for item in PeerJournalJsonSource(Path("x"), data=data):
                if isinstance(item, Problem):
                    assert "\n" not in item.render()
        except ImportExportError as exc:
            assert "\n" not in exc.message and exc.message.endswith("Nothing was imported.")


@pytest.mark.parametrize(
    ("fmt", "source"), [("jrnl", JrnlJsonSource), ("json", PeerJournalJsonSource)]
)
def test_a_file_over_the_limit_is_refused_in_one_line_before_it_is_read(
    tmp_path: Path, fmt: str, source: type[JrnlJsonSource | PeerJournalJsonSource]
) -> None:
    path = tmp_path / f"big-{fmt}.json"
    with path.open("wb") as out:
        out.truncate(300 * 1024 * 1024)  # sparse: nothing is written, nothing is read
    with pytest.raises(ImportExportError) as caught:
        list(source(path))
    assert caught.value.message == (
        f"{path} is 300 MiB, larger than the 256 MiB an import may be. Nothing was imported."
    )


def test_a_day_one_file_with_a_huge_number_is_refused_not_a_crash(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "Journal.json"
    path.write_text('{"metadata": {}, "entries": [{"uuid": "A", "creationDate": '
                    '"2024-01-01T00:00:00Z", "x": 1' + "1" * 5000 + "}]}")  # fmt: skip
    code = (
        "import sys; from pathlib import Path\n"
        "from peerjournal.errors import ImportExportError\n"
        "from peerjournal.importers.dayone import DayOneSource\n"
        "try:\n    list(DayOneSource(Path(sys.argv[1])))\n"
        "except ImportExportError as exc:\n    print(exc.message)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, check=False, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.returncode  # -11 was a segmentation fault
    # refused as the other JSON formats refuse it (import.json_value)
    assert done.stdout == (
        "The Day One file holds a value too large to be real. Nothing was imported.\n"
    )
