"""Export and import through the CLI and the app use case, against real vaults."""

from __future__ import annotations

import io
import json
import stat
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerjournal.app.session import Session, create_vault, open_vault
from peerjournal.app.transfer import export_document, import_bundle
from peerjournal.cli import main
from peerjournal.errors import ImportExportError
from peerjournal.importers.records import EntryRecord, ImportBundle
from peerjournal.vault import KdfParams

PASS = "correct horse battery"
JRNL = {
    "tags": {"@work": 1},
    "entries": [
        {"title": "First.", "body": "At @work.", "date": "2024-05-30", "time": "18:45",
         "tags": ["@work"], "starred": False},
        {"title": "Second.", "body": "Quiet.", "date": "2024-05-31", "time": "21:07",
         "tags": [], "starred": True},
    ],
}  # fmt: skip


class Cli:
    """Runs the command line in process against one vault folder."""

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def run(self, *argv: str) -> tuple[int, str, str]:
        """(status, stdout, stderr) of one run."""
        self.capsys.readouterr()
        self.monkeypatch.setattr("sys.stdin", io.StringIO(""))
        status = main(list(argv))
        out, err = self.capsys.readouterr()
        return status, out, err

    def ok(self, *argv: str) -> str:
        """stdout of a run that must succeed."""
        status, out, err = self.run(*argv)
        assert status == 0, err
        return out


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """A runner with a fresh vault in tmp_path/vault."""
    monkeypatch.setenv("PEERJOURNAL_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("PEERJOURNAL_VAULT", str(tmp_path / "vault"))
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", PASS)
    runner = Cli(capsys, monkeypatch)
    runner.ok("init")
    return runner


def populate(folder: Path) -> None:
    """Entries (tags, star, trash, moods, a linked mood, custom vocabularies) via the app API."""
    session = open_vault(folder, PASS)
    try:
        mood = session.mood.add(
            2, emotions=["anxious"], activities=["study"], note="exam", at=datetime(
                2024, 5, 31, 20, tzinfo=timezone(timedelta(hours=2)))
        )  # fmt: skip
        session.mood.add(5, at=datetime(2024, 6, 1, 9, tzinfo=UTC))
        session.mood.set_labels({1: "Terrible", 5: "Wonderful"})
        session.mood.set_emotions(["anxious", "joyful"])
        session.mood.set_activities(["study", "swim"])
        first = session.journal.add(
            "Body **one**\n", title="Über", tags=["exam stress", "walk"], starred=True,
            created=datetime(2024, 5, 31, 21, 7, tzinfo=timezone(timedelta(hours=2))),
            mood_id=mood.id,
        )  # fmt: skip
        session.journal.add("plain", created=datetime(2023, 1, 1, 8, tzinfo=UTC))
        gone = session.journal.add("in the trash", tags=["old"])
        session.journal.delete(gone.id)
        session.journal.update(first.id, body="Body **one**, edited\n")
    finally:
        session.lock()


def test_export_to_stdout_and_to_a_private_file(cli: Cli, tmp_path: Path) -> None:
    populate(tmp_path / "vault")
    status, out, err = cli.run("export")
    assert status == 0 and "NOT encrypted" in err
    doc = json.loads(out)
    assert doc["format"] == "peerjournal-export" and len(doc["entries"]) == 3
    assert sum(1 for e in doc["entries"] if e["deleted"]) == 1
    assert doc["mood_labels"]["1"] == "Terrible" and doc["emotions"] == ["anxious", "joyful"]
    linked = [e for e in doc["entries"] if e["mood_id"]]
    assert [m["id"] for m in doc["moods"] if m["id"] == linked[0]["mood_id"]]
    target = tmp_path / "out" / "export.json"
    target.parent.mkdir()
    status, out, err = cli.run("export", "--yes", "--output", str(target))
    assert status == 0 and "Exported 3 entries and 2 mood logs" in out
    assert "NOT encrypted" in err and str(target) in err
    assert target.read_bytes().decode() == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    status, _, err = cli.run("export", "--yes", "--output", str(tmp_path / "vault" / "x.json"))
    assert status == 1 and "inside the vault folder" in err
    assert not (tmp_path / "vault" / "x.json").exists()
    status, _, err = cli.run(
        "export", "--yes", "--output", str(tmp_path / "no" / "such" / "x.json")
    )
    assert status == 1 and "does not exist" in err


def test_round_trip_into_a_new_vault_is_lossless(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(tmp_path / "vault")
    first = tmp_path / "first.json"
    cli.ok("export", "--yes", "-o", str(first))
    monkeypatch.setenv("PEERJOURNAL_VAULT", str(tmp_path / "second"))
    cli.ok("init")
    out = cli.ok("import", "--format", "json", str(first))
    assert out == "Imported 3 entries and 2 mood logs.\n"
    second = tmp_path / "second.json"
    cli.ok("export", "--yes", "-o", str(second))
    assert second.read_bytes() == first.read_bytes()
    again = cli.ok("import", "--format", "json", str(first))
    assert "Imported 0 entries and 0 mood logs" in again and "5 were already" in again
    cli.ok("export", "--yes", "-o", str(second))
    assert second.read_bytes() == first.read_bytes()
    found = json.loads(cli.ok("search", "edited", "--json"))
    assert [hit["entry"]["title"] for hit in found] == ["Über"]
    assert [item["id"] for item in json.loads(cli.ok("list", "--tag", "walk", "--json"))]
    trashed = json.loads(cli.ok("list", "--trash", "--json"))
    assert len(trashed) == 1 and trashed[0]["tags"] == ["old"]


def test_jrnl_import_and_reimport_adds_nothing_twice(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "jrnl.json"
    source.write_text(json.dumps(JRNL))
    assert cli.ok("import", "--format", "jrnl", str(source)) == (
        "Imported 2 entries and 0 mood logs.\n"
    )
    again = cli.ok("import", "--format", "jrnl", str(source))
    assert "Imported 0 entries" in again and "2 were already in the vault" in again
    report = json.loads(cli.ok("import", "--format", "jrnl", str(source), "--json"))
    assert report == {
        "format": "jrnl", "dry_run": False, "entries_added": 0, "entries_skipped": 2,
        "moods_added": 0, "moods_skipped": 0, "first": "2024-05-30T18:45:00+00:00",
        "last": "2024-05-31T21:07:00+00:00", "problems": [], "problems_total": 0,
        "unmapped_moods": [], "warnings": [],
    }  # fmt: skip
    listed = json.loads(cli.ok("list", "--json"))
    assert [(e["title"], e["tags"], e["starred"]) for e in listed] == [
        ("Second.", [], True),
        ("First.", ["work"], False),
    ]
    assert listed[1]["created"].startswith("2024-05-30T18:45:00")
    hits = json.loads(cli.ok("search", "work", "--json"))
    assert len(hits) == 1


@pytest.mark.parametrize(
    ("fmt", "content", "expected"),
    [
        ("jrnl", b"{broken", "not valid JSON"),
        ("jrnl", json.dumps({"entries": [JRNL["entries"][0]]}).encode() + b"}",
         "extra data after the JSON value"),
        ("json", json.dumps(JRNL).encode(), "use --format jrnl"),
    ],
)  # fmt: skip
def test_hostile_files_import_nothing(
    cli: Cli, tmp_path: Path, fmt: str, content: bytes, expected: str
) -> None:
    cli.ok("add", "already here")
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    status, out, err = cli.run("import", "--format", fmt, str(bad))
    assert status == 1 and out == ""
    assert expected in err and err.count("\n") == 1 and "Nothing was imported" in err
    assert len(json.loads(cli.ok("list", "--json"))) == 1


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (dict(JRNL["entries"][1], title=1),
         "entry 2: 'title' must be text, found a number; skipped"),
        (dict(JRNL["entries"][1], tags=["#" + "x" * 150]),
         "entry 2: 'tags' is longer than 100 characters; skipped"),
    ],
)  # fmt: skip
def test_a_malformed_jrnl_entry_is_skipped_and_the_rest_imported(
    cli: Cli, tmp_path: Path, bad: dict[str, object], expected: str
) -> None:
    source = tmp_path / "jrnl.json"
    source.write_text(json.dumps({"entries": [JRNL["entries"][0], bad]}))
    status, _out, err = cli.run("import", "--format", "jrnl", str(source))
    assert status == 0 and expected in err
    assert [e["title"] for e in json.loads(cli.ok("list", "--json"))] == ["First."]


def test_failure_midway_through_writing_rolls_everything_back(cli: Cli, tmp_path: Path) -> None:
    populate(tmp_path / "vault")
    doc = json.loads(cli.ok("export"))
    doc["entries"] = [dict(e, id=e["id"][:-4] + "abcd") for e in doc["entries"]]
    doc["moods"] = []  # the linked mood is now missing: found only while writing
    doc["entries"][-1]["mood_id"] = "00000000-0000-4000-8000-000000000000"
    doc["emotions"].append("brand-new")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    before = cli.ok("export")
    status, _, err = cli.run("import", "--format", "json", str(bad))
    assert status == 1 and "neither in the file nor in the vault" in err
    assert cli.ok("export") == before


def test_missing_file_and_bad_format(cli: Cli, tmp_path: Path) -> None:
    status, _, err = cli.run("import", "--format", "json", str(tmp_path / "nope.json"))
    assert status == 1 and "There is no file" in err
    status, _, err = cli.run("import", "--format", "csv", str(tmp_path / "nope.json"))
    assert status == 2 and "invalid choice" in err
    status, _, err = cli.run("import", "--format", "json", str(tmp_path))
    assert status == 1 and "not a file" in err


def test_import_into_a_vault_in_use_merges_vocabularies(cli: Cli, tmp_path: Path) -> None:
    cli.ok("mood", "add", "3")
    bundle = ImportBundle(format="json", emotions=("joyful",), activities=("swim",),
                          mood_labels={1: "A", 2: "B", 3: "C", 4: "D", 5: "E"})  # fmt: skip
    session = open_vault(tmp_path / "vault", PASS)
    try:
        session.mood.set_labels({5: "Mine"})
        import_bundle(session, bundle)
        assert session.mood.emotions()[-1] == "joyful" and "anxious" in session.mood.emotions()
        assert session.mood.activities()[-1] == "swim"
        assert session.mood.labels()[5] == "Mine"
    finally:
        session.lock()


AWARE = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
).map(lambda d: d.astimezone(timezone(timedelta(hours=-5))))
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
)
TAG = st.text("abcXYZ éß-", min_size=1, max_size=12).map(lambda s: " ".join(s.split())).filter(bool)
ENTRIES = st.builds(
    EntryRecord,
    id=st.uuids().map(str),
    created=AWARE,
    updated=AWARE,
    title=TEXT,
    body=TEXT,
    tags=st.lists(TAG, max_size=3, unique_by=str.casefold).map(tuple),
    starred=st.booleans(),
    deleted=st.none() | AWARE,
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(ENTRIES, max_size=6, unique_by=lambda e: e.id))
def test_generated_entries_survive_a_vault_round_trip(
    tmp_path_factory: pytest.TempPathFactory, entries: list[EntryRecord]
) -> None:
    folders = [tmp_path_factory.mktemp("gen") / name for name in ("a", "b")]
    exports = []
    for folder in folders:
        session: Session
        session, _ = create_vault(folder, PASS, kdf=KdfParams.for_tests())
        try:
            source = exports[-1] if exports else None
            if source is None:
                import_bundle(session, ImportBundle(format="json", entries=tuple(entries)))
            else:
                from peerjournal.importers import parse

                import_bundle(session, parse("json", source))
            exports.append(export_document(session))
        finally:
            session.lock()
    assert exports[0] == exports[1]
    ids = {e["id"] for e in json.loads(exports[0])["entries"]}
    assert ids == {e.id for e in entries}


def test_import_bundle_rejects_unknown_format_name(cli: Cli, tmp_path: Path) -> None:
    from peerjournal.app.transfer import import_file

    session = open_vault(tmp_path / "vault", PASS)
    try:
        with pytest.raises(ImportExportError, match="Unknown import format"):
            import_file(session, tmp_path / "x", "day-one")
    finally:
        session.lock()


def test_oversized_files_are_refused_before_reading(tmp_path: Path) -> None:
    from peerjournal.importers.records import read_import_file

    big = tmp_path / "big.json"
    big.write_bytes(b" " * 3 * 1024 * 1024)
    with pytest.raises(ImportExportError, match="larger than the 2 MiB an import may be"):
        read_import_file(big, max_bytes=2 * 1024 * 1024)
    assert read_import_file(big, max_bytes=4 * 1024 * 1024) == b" " * 3 * 1024 * 1024


JRNL_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
JRNL_ENTRY = st.fixed_dictionaries(
    {
        "title": JRNL_TEXT,
        "body": JRNL_TEXT,
        "date": st.dates(min_value=date(1899, 12, 1), max_value=date(2100, 1, 1)).map(str)
        | JRNL_TEXT,
        "time": st.times().map(lambda t: t.strftime("%H:%M")) | JRNL_TEXT,
        "tags": st.lists(st.text(st.sampled_from("@#ab \t-é\u2028"), max_size=8), max_size=3),
        "starred": st.booleans(),
    }
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(JRNL_ENTRY, max_size=4))
def test_any_jrnl_file_imports_wholly_or_not_at_all(
    tmp_path_factory: pytest.TempPathFactory, entries: list[dict[str, object]]
) -> None:
    from peerjournal.app.transfer import import_file

    folder = tmp_path_factory.mktemp("jrnl-prop")
    source = folder / "in.json"
    source.write_text(json.dumps({"tags": {}, "entries": entries}))
    session, _ = create_vault(folder / "vault", PASS, kdf=KdfParams.for_tests())
    try:
        try:
            report = import_file(session, source, "jrnl")
        except ImportExportError as exc:
            assert exc.message.endswith("Nothing was imported.")
            assert session.journal.count() == 0
        else:
            stored = session.journal.count()
            assert stored == report.entries_added <= len(entries)
            assert report.entries_skipped == 0
            again = import_file(session, source, "jrnl")
            assert again.entries_added == 0 and session.journal.count() == stored
    finally:
        session.lock()
