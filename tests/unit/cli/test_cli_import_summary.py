"""The import command's closing sentence: counts of one read right, a refused mapping says so."""

from __future__ import annotations

from datetime import UTC, datetime

from peerjournal.app.transfer import ImportReport
from peerjournal.cli.transfer import import_summary


def test_counts_of_one_are_singular() -> None:
    report = ImportReport("daylio", entries_added=1, entries_skipped=0, moods_added=1,
                          moods_skipped=1, problems_total=1)  # fmt: skip
    assert import_summary(report) == (
        "Imported 1 entry and 1 mood log; 1 was already in the vault and was skipped;"
        " 1 malformed record was skipped."
    )


def test_a_dry_run_with_unmapped_moods_says_the_import_would_be_refused() -> None:
    day = datetime(2024, 5, 31, 12, tzinfo=UTC)
    report = ImportReport("daylio", entries_added=2, entries_skipped=0, moods_added=3,
                          moods_skipped=0, dry_run=True, first=day, last=day,
                          unmapped_moods=(("sehr gut", 1), ("müde", 4)))  # fmt: skip
    assert import_summary(report) == (
        "Dry run, nothing was written: 2 entries and 3 mood logs would be imported."
        " Dates: 2024-05-31 to 2024-05-31."
        " Moods without a level (give them with --mood-map): 'sehr gut' (1 row), 'müde' (4 rows);"
        " until each has one, the import is refused."
    )
