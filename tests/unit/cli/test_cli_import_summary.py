"""The import command: its closing sentence (counts of one read right, a refused mapping
says so) and options that the chosen format never reads."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from peerjournal.app.transfer import ImportReport
from peerjournal.cli.transfer import import_summary
from tests.helpers.vault import PASSPHRASE, make_session


def test_counts_of_one_are_singular() -> None:
    report = ImportReport("daylio", entries_added=1, entries_skipped=0, moods_added=1,
                          moods_skipped=1, problems_total=1)  # fmt: skip
    assert import_summary(report) == (
        "Imported 1 entry and 1 mood log; 1 was already in the vault and was skipped;"
        " 1 malformed record was skipped."
    )


def test_large_counts_group_their_digits() -> None:
    report = ImportReport("daylio", entries_added=100_000, entries_skipped=12_345,
                          moods_added=1_000_000, moods_skipped=0, problems_total=2_500,
                          unmapped_moods=(("tired", 10_000),))  # fmt: skip
    assert import_summary(report) == (
        "Imported 100,000 entries and 1,000,000 mood logs; 12,345 were already in the vault"
        " and were skipped; 2,500 malformed records were skipped."
        " Moods without a level (give them with --mood-map): 'tired' (10,000 rows)."
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


def test_an_option_the_format_never_reads_is_refused_before_anything_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from peerjournal.cli import main

    make_session(tmp_path).lock()
    monkeypatch.setenv("PEERJOURNAL_VAULT", str(tmp_path / "vault"))
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", PASSPHRASE)
    export = tmp_path / "Journal.json"
    export.write_text('{"metadata": {}, "entries": []}', encoding="utf-8")
    cases = [
        (["--format", "dayone", "--mood-map", "sehr gut=5"], "--mood-map", "daylio", "dayone"),
        (["--format", "daylio", "--journal", "Travel"], "--journal", "dayone", "daylio"),
        (["--format", "markdown", "--include-weather"], "--include-weather", "dayone",
         "markdown"),
        (["--format", "jrnl", "--tag-from-folder"], "--tag-from-folder", "markdown", "jrnl"),
    ]  # fmt: skip
    for argv, flag, meant, used in cases:
        capsys.readouterr()
        assert main(["import", *argv, str(export)]) == 1
        assert capsys.readouterr().err == (
            f"peerjournal: {flag} is for --format {meant} only; it would change nothing in a "
            f"{used} import. Nothing was imported.\n"
        )
