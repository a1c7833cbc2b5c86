"""Records are checked once on their way into the vault: what every reader yields has
passed the vault's rules already (checking it again changes nothing), so the import writes
it without a second check; a bundle handed in by a caller is still checked when written."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from peerjournal.app.transfer import _BundleSource, import_bundle
from peerjournal.importers import open_source
from peerjournal.importers.records import EntryRecord, ImportBundle, MoodRecord
from peerjournal.importers.source import ImportOptions, Item, checked_entry, checked_mood
from peerjournal.importers.validate import entry_at
from tests.helpers.vault import make_session

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports"
CASES = [
    ("dayone", FIXTURES / "dayone" / "Journal.json"),
    ("dayone", FIXTURES / "dayone" / "Travel.json"),
    *[("daylio", path) for path in sorted((FIXTURES / "daylio").glob("*.csv"))],
    *[("jrnl", path) for path in sorted((FIXTURES / "jrnl").glob("jrnl.*"))],
]


def _markdown(tmp_path: Path) -> Path:
    root = tmp_path / "notes"
    (root / "Trips").mkdir(parents=True)
    (root / "Trips" / "2024-05-31 Café.md").write_text(
        '---\ntitle: " Café  by the  river "\ntags: ["  #Work  ", "work", "Cafe\\u0301"]\n'
        'mood: 4\nmood_activities: [" walk ", "Walk"]\n---\nBody\r\n',
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize(("format_name", "path"), CASES, ids=[p.name for _f, p in CASES])
def test_every_record_a_reader_yields_is_already_as_the_vault_stores_it(
    format_name: str, path: Path
) -> None:
    # the custom names of the scales export, mapped (unmapped rows yield nothing)
    moods = {"super happy": 5, "okay-ish": 3, "rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
    source = open_source(format_name, path, ImportOptions(mood_map=moods))
    assert source.checks_records
    _assert_checked([item for item in source if isinstance(item, Item)])


def test_markdown_records_are_already_as_the_vault_stores_them(tmp_path: Path) -> None:
    source = open_source("markdown", _markdown(tmp_path), ImportOptions(tag_from_folder=True))
    assert source.checks_records
    items = [item for item in source if isinstance(item, Item)]
    assert items and items[0].mood is not None
    _assert_checked(items)


def _assert_checked(items: list[Item]) -> None:
    assert items
    for item in items:
        if item.entry is not None:
            assert checked_entry(item.entry, entry_at(0)) == item.entry
        if item.mood is not None:
            assert checked_mood(item.mood, entry_at(0)) == item.mood


def test_a_bundle_from_a_caller_is_still_checked_when_written(tmp_path: Path) -> None:
    at = datetime(2024, 5, 31, 19, 7, tzinfo=UTC)
    assert not _BundleSource(ImportBundle(format="json")).checks_records
    session = make_session(tmp_path)
    bundle = ImportBundle(
        format="json",
        moods=(MoodRecord("00000000-0000-4000-8000-000000000002", at, 4, (), (" walk ", "Walk")),),
        entries=(
            EntryRecord(
                "00000000-0000-4000-8000-000000000001", at, at, "t", "b", ("  #Work  ", "work")
            ),
        ),
    )
    report = import_bundle(session, bundle)
    assert (report.entries_added, report.moods_added) == (1, 1)
    assert session.journal.get("00000000-0000-4000-8000-000000000001").tags == ("Work",)
    assert session.mood.get("00000000-0000-4000-8000-000000000002").activities == ("walk",)
