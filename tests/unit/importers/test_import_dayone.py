"""Day One JSON and zip exports: exact entries from written fixtures, hostile zips refused
in one line, and the import into a real vault (idempotent, one transaction)."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerjournal.app.session import Session, create_vault
from peerjournal.app.transfer import import_file
from peerjournal.errors import ImportExportError, Text
from peerjournal.importers.dayone import DayOneSource, split_moments, unescape_markdown
from peerjournal.importers.records import EntryRecord
from peerjournal.importers.source import ImportOptions, Problem
from peerjournal.vault import KdfParams

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports" / "dayone"
JOURNAL = FIXTURES / "Journal.json"
TRAVEL = FIXTURES / "Travel.json"
PASS = "correct horse battery"
NOTE_2 = "(2 photos were not imported from Day One: PeerJournal keeps no attachments yet.)"


def _read(path: Path, **options: object) -> tuple[list[EntryRecord], list[str], DayOneSource]:
    source = DayOneSource(path, ImportOptions(**options))  # type: ignore[arg-type]
    entries, problems = [], []
    for item in source:
        if isinstance(item, Problem):
            problems.append(item.render())
        else:
            assert item.entry is not None and item.mood is None
            entries.append(item.entry)
    return entries, problems, source


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened, _code = create_vault(tmp_path / "vault", PASS, kdf=KdfParams.for_tests())
    try:
        yield opened
    finally:
        opened.lock()


def test_the_journal_fixture_gives_exactly_these_entries() -> None:
    entries, problems, source = _read(JOURNAL)
    assert problems == ["entry 4: the field 'creationDate' is missing; skipped"]
    first, second, third, photos_only, unknown_zone = entries
    assert first.title == "Ostern (endlich)"
    assert first.body == (
        "Wir haben Eier gemalt. 🎨 Preis: 5+ Euro!\n\nDanach *müde*.\n\n" + NOTE_2
    )
    assert first.tags == ("family", "ice cream") and first.starred is True
    # kept in the entry's own zone, on both sides of the spring DST change
    assert first.created.isoformat() == "2024-03-31T00:30:00+01:00"
    assert first.updated.isoformat() == "2024-03-31T10:00:00+02:00"
    assert second.created.isoformat() == "2024-03-31T03:30:00+02:00"
    assert second.title == ""
    assert second.body == (
        "After the clocks went forward. A - dash, a backslash \\ and [brackets]."
    )
    # Windows line endings, and the first of the two 1:30s of the autumn change
    assert third.created.isoformat() == "2024-11-03T01:30:00-04:00"
    assert (third.title, third.body) == ("Fall back", "First 1:30 of the night.\nSecond line.")
    assert third.updated == third.created
    assert photos_only.body == (
        "(1 photo and 1 video were not imported from Day One: PeerJournal keeps no "
        "attachments yet.)"
    )
    assert unknown_zone.created.isoformat() == "2024-06-02T12:00:00+00:00"
    assert unknown_zone.tags == ("space travel",)
    assert [n.code for n in source.notices] == [
        "import.notice.dayone_moments",
        "import.notice.dayone_places",
        "import.notice.dayone_weather",
        "import.notice.dayone_zones",
    ]
    assert source.bytes_done == source.bytes_total == JOURNAL.stat().st_size


def test_location_and_weather_only_when_asked() -> None:
    entries, _problems, source = _read(JOURNAL, include_location=True, include_weather=True)
    assert entries[0].body.endswith(
        NOTE_2 + "\nLocation: Tiergarten, Berlin, Germany (52.51400, 13.35000)"
        "\nWeather: Partly Cloudy, 12 °C"
    )
    assert "import.notice.dayone_places" not in [n.code for n in source.notices]
    plain, _p, _s = _read(JOURNAL)
    assert "Tiergarten" not in plain[0].body and "Cloudy" not in plain[0].body


def test_ids_come_from_day_one_uuids() -> None:
    first, _p, _s = _read(JOURNAL)
    again, _p, _s = _read(JOURNAL)
    assert [e.id for e in first] == [e.id for e in again]
    assert len({e.id for e in first}) == 5


def test_unescaping_and_moment_references() -> None:
    assert unescape_markdown(r"a\.b\-c\\d\#e \(f\) \_g\_ \`h\`") == r"a.b-c\d#e (f) _g_ `h`"
    assert unescape_markdown("keep \\n and \\é") == "keep \\n and \\é"
    text, note = split_moments("x\n![](dayone-moment://AB12)\n\n\n\ny", {"photo": {"AB12"}})
    assert text == "x\n\ny"
    assert note.startswith("(1 photo was not imported")


def _zip(path: Path, members: dict[str, bytes], *, mode: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", mode) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _two_journals(tmp_path: Path) -> Path:
    return _zip(
        tmp_path / "export.zip",
        {
            "Journal.json": JOURNAL.read_bytes(),
            "Travel.json": TRAVEL.read_bytes(),
            "photos/C0FFEE01.jpeg": b"\xff\xd8 not really a jpeg",
        },
    )


def test_a_zip_with_two_journals_imports_both_tagged_by_journal(tmp_path: Path) -> None:
    entries, problems, source = _read(_two_journals(tmp_path))
    assert len(entries) == 6
    assert problems == ["Journal, entry 4: the field 'creationDate' is missing; skipped"]
    tokyo = entries[-1]
    assert (tokyo.title, tokyo.body, tokyo.tags) == ("東京", "ラーメン 🍜", ("food", "Travel"))
    assert tokyo.created.isoformat() == "2024-07-15T03:00:00+09:00"
    assert entries[0].tags == ("family", "ice cream", "Journal")
    assert source.bytes_total == JOURNAL.stat().st_size + TRAVEL.stat().st_size


def test_one_journal_of_a_zip_by_name(tmp_path: Path) -> None:
    entries, problems, _s = _read(_two_journals(tmp_path), journal="travel")
    assert [e.title for e in entries] == ["東京"] and problems == []
    assert entries[0].tags == ("food",)
    with pytest.raises(ImportExportError) as caught:
        _read(_two_journals(tmp_path), journal="Work")
    assert caught.value.message == (
        "The zip has no journal named 'Work'; it has: Journal, Travel. Nothing was imported."
    )


HOSTILE = {
    "traversal": ({"../../etc/evil.json": b"{}"}, "import.zip_unsafe_name"),
    "absolute": ({"/tmp/evil.json": b"{}"}, "import.zip_unsafe_name"),
    "no journal": ({"photos/a.jpeg": b"x"}, "import.dayone_zip_empty"),
    "not utf-8": ({"Journal.json": b'{"entries": [{"text": "\xff\xfe"}]}'}, "import.not_utf8"),
    "not json": ({"Journal.json": b"hello"}, "import.not_json"),
    "too deep": ({"Journal.json": b'{"entries": [{"weather": ' + b"[" * 99_999}, "import.too_deep"),
    "not day one": ({"Journal.json": b'{"entries": [{"title": "x"}]}'}, "import.dayone_not"),
    "no entries": ({"Journal.json": b'{"metadata": {}}'}, "import.dayone_no_entries"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_zips_are_refused_in_one_line(tmp_path: Path, case: str) -> None:
    members, code = HOSTILE[case]
    with pytest.raises(ImportExportError) as caught:
        _read(_zip(tmp_path / "x.zip", members))
    assert caught.value.code == code
    assert "\n" not in caught.value.message and caught.value.message.endswith("imported.")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("Journal.json", "w", force_zip64=True) as member,
    ):
        chunk = b" " * (1024 * 1024)
        for _ in range(300):  # 300 MiB of spaces packs to about 300 KiB
            member.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ImportExportError) as caught:
        _read(bomb)
    assert caught.value.code == "import.zip_member_too_large"


def test_a_packed_small_but_huge_json_member_is_refused(tmp_path: Path) -> None:
    data = b'{"entries": [' + b" " * (40 * 1024 * 1024) + b"]}"
    with pytest.raises(ImportExportError) as caught:
        _read(_zip(tmp_path / "ratio.zip", {"Journal.json": data}))
    assert caught.value.code == "import.zip_member_too_large"


def test_an_encrypted_member_is_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "enc.zip", {"Journal.json": b"{}"}, mode=zipfile.ZIP_STORED)
    raw = bytearray(path.read_bytes())
    # set the "encrypted" flag in the local and central headers
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.index(signature) + offset
        raw[at] |= 0x1
    path.write_bytes(bytes(raw))
    with pytest.raises(ImportExportError) as caught:
        _read(path)
    assert caught.value.code == "import.zip_encrypted"


def test_import_into_a_vault_then_again_adds_nothing(session: Session, tmp_path: Path) -> None:
    path = _two_journals(tmp_path)
    dry = import_file(session, path, "dayone", dry_run=True)
    assert (dry.entries_added, dry.problems_total) == (6, 1)
    assert session.journal.list() == []
    report = import_file(session, path, "dayone")
    assert report.entries_added == 6 and report.problems_total == 1
    assert report.first is not None and report.first.isoformat() == "2024-03-31T00:30:00+01:00"
    again = import_file(session, path, "dayone")
    assert (again.entries_added, again.entries_skipped) == (0, 6)
    stored = {e.title: e for e in session.journal.list()}
    assert stored["東京"].starred and set(stored["東京"].tags) == {"food", "Travel"}
    full = session.journal.get(stored["Ostern (endlich)"].id)
    assert full.created == datetime.fromisoformat("2024-03-31T00:30:00+01:00")
    assert full.created.utcoffset() == datetime.fromisoformat("2024-03-31T00:30+01:00").utcoffset()


def test_a_bad_member_late_in_the_zip_applies_nothing(session: Session, tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "late.zip",
        {"A.json": JOURNAL.read_bytes(), "B.json": b'{"entries": [{"creationDate": ' + b"]"},
    )
    with pytest.raises(ImportExportError):
        import_file(session, path, "dayone")
    assert session.journal.list() == []


ENTRY = st.fixed_dictionaries(
    {},
    optional={
        "uuid": st.text(max_size=40) | st.integers(),
        "creationDate": st.sampled_from(["2024-05-31T19:07:00Z", "x", "9999-12-31T23:59:59Z",
                                         "0001-01-01T00:00:00Z"]) | st.text(max_size=30),
        "timeZone": st.sampled_from(["Europe/Berlin", "../../etc", "", "UTC"]) | st.text(),
        "text": st.text(max_size=200) | st.none(),
        "tags": st.lists(st.text(max_size=20), max_size=4) | st.text(max_size=5),
        "starred": st.booleans() | st.integers(),
        "location": st.dictionaries(st.text(max_size=10), st.text(max_size=10) | st.floats()),
        "photos": st.lists(st.dictionaries(st.just("identifier"), st.text(max_size=10))),
    },
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ENTRY, max_size=5), st.booleans())
def test_no_day_one_input_crashes_and_every_refusal_is_one_line(
    entries: list[dict[str, object]], zipped: bool
) -> None:
    import tempfile

    data = json.dumps({"entries": entries}, allow_nan=True).encode()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("x.zip" if zipped else "x.json")
        if zipped:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as archive:
                archive.writestr("Journal.json", data)
            path.write_bytes(buffer.getvalue())
        else:
            path.write_bytes(data)
        try:
            items = list(DayOneSource(path, ImportOptions(include_location=True)))
        except ImportExportError as exc:
            assert "\n" not in exc.message
            return
        for item in items:
            if isinstance(item, Problem):
                assert "\n" not in item.render()


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_no_bytes_crash_the_day_one_reader(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.json"
        path.write_bytes(data)
        try:
            list(DayOneSource(path))
        except ImportExportError as exc:
            assert "\n" not in exc.message


def test_the_command_line_dry_run_and_json_outcome(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.cli import main

    monkeypatch.setenv("PEERJOURNAL_VAULT", str(tmp_path / "vault"))
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", PASS)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["init"]) == 0
    path = _two_journals(tmp_path)
    capsys.readouterr()
    assert main(["import", "--format", "dayone", str(path), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert out == (
        "Dry run, nothing was written: 6 entries and 0 mood logs would be imported; "
        "1 malformed record was skipped. Dates: 2024-03-31 to 2024-11-03.\n"
    )
    assert "Journal, entry 4: the field 'creationDate' is missing; skipped" in err
    assert "\r" not in err  # no progress bar when the output is not a terminal
    assert main(["import", "--format", "dayone", str(path), "--json", "--journal", "Travel"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["entries_added"] == 1 and report["dry_run"] is False
    assert report["first"] == "2024-07-15T03:00:00+09:00"
    assert main(["list", "--json"]) == 0
    assert [e["title"] for e in json.loads(capsys.readouterr().out)] == ["東京"]


def test_the_notices_count_only_entries_that_were_imported(tmp_path: Path) -> None:
    # the empty entry is skipped: its unknown zone and its place are no one's business
    path = tmp_path / "Journal.json"
    path.write_text(
        json.dumps(
            {
                "metadata": {"version": "1.0"},
                "entries": [
                    {"uuid": "A", "creationDate": "2024-06-01T10:00:00Z", "text": "",
                     "timeZone": "Mars/Olympus", "location": {"placeName": "X"}},
                    {"uuid": "B", "creationDate": "2024-06-02T10:00:00Z", "text": "kept",
                     "timeZone": "Mars/Olympus"},
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    entries, problems, source = _read(path)
    assert [entry.body for entry in entries] == ["kept"]
    assert len(problems) == 1
    assert [note.render() for note in source.notices] == [
        Text("import.notice.dayone_zones", count=1).render()
    ]


def test_a_broken_journal_in_a_zip_is_named_in_the_refusal(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    good = '{"metadata": {}, "entries": [{"uuid": "A", "creationDate": "2024-05-31T19:07:00Z"}]}'
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Journal.json", good)
        archive.writestr("B.json", '{"metadata": {}, "entries": [{"uuid": ')
    with pytest.raises(ImportExportError) as raised:
        _read(path)
    assert raised.value.code == "import.not_json"
    assert raised.value.message == (
        "The Day One 'B.json' file is not valid JSON (line 1, column 39: the file ends before"
        " the JSON value does). Nothing was imported."
    )


def test_an_entry_larger_than_any_real_one_is_skipped_without_being_built(tmp_path: Path) -> None:
    path = tmp_path / "Journal.json"
    big = {"uuid": "B", "creationDate": "2024-05-31T19:07:00Z", "text": "x" * 8_100_000}
    small = {"uuid": "C", "creationDate": "2024-06-01T19:07:00Z", "text": "kept"}
    path.write_text(json.dumps({"metadata": {}, "entries": [small, big, small | {"uuid": "D"}]}))
    entries, problems, _source = _read(path)
    assert [entry.body for entry in entries] == ["kept", "kept"]
    assert problems == [
        "entry 2: it holds more than 8,000,000 characters and values, far more than any real"
        " one; skipped"
    ]


def test_an_escaped_half_surrogate_is_refused_not_turned_into_a_question_mark(
    tmp_path: Path,
) -> None:
    path = tmp_path / "Journal.json"
    path.write_text(
        '{"metadata": {}, "entries": [{"uuid": "A", "creationDate": "2024-05-31T19:07:00Z",'
        ' "text": "half \\ud83d of an emoji"}]}',
        encoding="utf-8",
    )
    with pytest.raises(ImportExportError) as raised:
        _read(path)
    assert raised.value.code == "import.not_utf8"
