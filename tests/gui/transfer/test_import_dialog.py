"""File → Import… driven by keys on the real fixture files, in a real main window: the
format is found, the dry run shows counts and unmapped Daylio moods, levels are chosen
with the keyboard, the import runs on the worker, and a cancel applies nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from tests.gui.shell.test_main_window import _create_vault
from tests.helpers.gui import run_job

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports"


@pytest.fixture(autouse=True)
def english(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """English with its catalogue, as the app starts (the catalogue holds the plurals)."""
    from PySide6.QtCore import QSettings

    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs

    prefs = UiPrefs(QSettings(str(tmp_path / "english.ini"), QSettings.Format.IniFormat))
    prefs.set(LANGUAGE, "en")
    install_translator(qapp, prefs)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are recorded instead of shown."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append("!" + text))
    return shown


def _open(qtbot, make_window):  # type: ignore[no-untyped-def]
    window = make_window()
    _create_vault(qtbot, window)
    window.commands.import_action.trigger()
    dialog = window.dialogs.import_dialog
    qtbot.waitUntil(dialog.isVisible)
    return window, dialog


def test_daylio_with_unmapped_moods_chosen_by_keys_then_imported(
    qtbot, make_window, answers: list[str]
) -> None:
    window, dialog = _open(qtbot, make_window)
    qtbot.keyClicks(dialog.path, str(FIXTURES / "daylio" / "daylio-scales.csv"))
    assert dialog.format.currentData() == "daylio"  # found from the file
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # "Check the file" is the default
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1, timeout=20_000)
    assert "1 mood logs can be imported" not in dialog.summary.text()
    assert dialog.summary.text().startswith(
        "0 entries and 0 mood logs can be imported.\n"
        "5 more rows wait for a level for their mood (below)."
    )
    assert sorted(dialog._levels) == ["okay-ish", "sleepy", "super happy"]
    assert not dialog.import_button.isEnabled()
    for name, downs in (("super happy", 1), ("okay-ish", 3), ("sleepy", 4)):
        box = dialog._levels[name]
        box.setFocus()
        for _ in range(downs):
            qtbot.keyClick(box, Qt.Key.Key_Down)
    assert dialog._levels["okay-ish"].currentData() == 3
    qtbot.keyClick(dialog.again_button, Qt.Key.Key_Space)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20_000)
    assert dialog.summary.text().startswith("2 entries and 4 mood logs can be imported.")
    assert run_job(qtbot, window.worker, lambda s: s.mood.list()) == []  # a dry run
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    assert answers == ["Imported 2 entries and 4 mood logs."]
    levels = sorted(log.level for log in run_job(qtbot, window.worker, lambda s: s.mood.list()))
    assert levels == [2, 3, 5, 5]


def test_day_one_zip_problems_are_listed_before_importing(
    qtbot, make_window, answers: list[str], tmp_path: Path
) -> None:
    import zipfile

    archive = tmp_path / "Export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(FIXTURES / "dayone" / "Journal.json", "Journal.json")
    window, dialog = _open(qtbot, make_window)
    assert not dialog.location.isVisibleTo(dialog)  # Day One's own options wait for Day One
    qtbot.keyClicks(dialog.path, str(archive))
    assert dialog.format.currentData() == "dayone"
    assert dialog.location.isVisibleTo(dialog) and dialog.weather.isVisibleTo(dialog)
    assert not dialog.tag_folder.isVisibleTo(dialog)
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1, timeout=20_000)
    assert dialog.summary.text().startswith("5 entries and 0 mood logs can be imported.")
    assert "They are from 2024-03-31 to 2024-11-03." in dialog.summary.text()
    assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == [
        "entry 4: the field 'creationDate' is missing; skipped"
    ]
    qtbot.waitUntil(dialog.import_button.hasFocus, timeout=5_000)  # once the progress is gone
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    titles = {e.title for e in run_job(qtbot, window.worker, lambda s: s.journal.list())}
    assert "Ostern (endlich)" in titles and len(titles) >= 3


def test_what_the_check_says_of_the_file_comes_before_the_heading_of_its_problems(
    qtbot, make_window, tmp_path: Path
) -> None:
    import os

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2024-01-02.md").write_text("A good day.\n", encoding="utf-8")
    (notes / "broken.md").write_bytes(b"caf\xe9 " * 40)  # not UTF-8: one skipped record
    os.mkfifo(notes / "pipe.md")  # left out, and told in a notice
    _window, dialog = _open(qtbot, make_window)
    qtbot.keyClicks(dialog.path, str(notes))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1, timeout=20_000)
    lines = dialog.summary.text().splitlines()
    # the list below is headed by the line just above it, not by the notice
    assert lines[-1] == "1 record cannot be read and will be skipped:"
    assert any(line.startswith("Files and folders left out") for line in lines[:-1])
    assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == [
        "broken.md: it is not UTF-8 text; skipped"
    ]
    # a long problem is read whole, over several lines, not behind a scroll bar
    assert dialog.problems.wordWrap()
    assert dialog.problems.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_file_of_no_known_format_says_so_on_the_first_step(
    qtbot, make_window, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text('{"entries": [{"title": "x"}]}')
    _window, dialog = _open(qtbot, make_window)
    qtbot.keyClicks(dialog.path, str(junk))
    dialog.format.setCurrentIndex(dialog.format.findData("dayone"))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.choose_error.text() != "", timeout=20_000)
    assert dialog.steps.currentIndex() == 0
    assert dialog.choose_error.text().startswith("This is not a Day One export")


def _cancel_and_check_nothing_was_imported(  # type: ignore[no-untyped-def]
    qtbot, window, dialog, progress, gate: threading.Event, answers: list[str],
    then_import: bool = False,
) -> None:  # fmt: skip
    """Cancel by keys, let the held worker go on, and see that nothing was imported and the
    focus is on Import again (``then_import``: Enter there imports after all)."""
    (cancel,) = progress.findChildren(QPushButton)
    assert cancel.text() == "Cancel"
    qtbot.keyClick(cancel, Qt.Key.Key_Space)
    gate.set()
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    # a cancel the user asked for is told without a warning's alarm
    assert answers == ["The import was cancelled. Nothing was imported."]
    assert run_job(qtbot, window.worker, lambda s: s.journal.list()) == []
    assert dialog.isVisible() and dialog.import_button.isEnabled()
    # disabled while it ran, Import had passed the focus on to Back: it has it back
    assert dialog.focusWidget() is dialog.import_button
    if not then_import:
        return
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=20_000)
    assert answers[1].startswith("Imported ")
    assert run_job(qtbot, window.worker, lambda s: s.journal.list()) != []


def test_cancel_during_the_import_applies_nothing(qtbot, make_window, answers: list[str]) -> None:
    window, dialog = _checked(qtbot, make_window, FIXTURES / "jrnl" / "jrnl.txt")
    assert dialog.focusWidget() is dialog.import_button
    gate = threading.Event()
    window.worker.submit(lambda _s: gate.wait(20))  # hold the worker so the cancel comes first
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    progress = dialog._progress
    assert progress is not None and progress.isVisible()
    _cancel_and_check_nothing_was_imported(
        qtbot, window, dialog, progress, gate, answers, then_import=True
    )


def test_once_the_file_is_read_the_progress_stays_and_a_cancel_still_applies_nothing(
    qtbot, make_window, answers: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date, timedelta

    from peerjournal.app import transfer

    # a file of a thousand entries; once it is read the import saves (indexes, commit)
    many = tmp_path / "many.txt"
    with many.open("w", encoding="utf-8") as out:
        for n in range(4 * transfer.PROGRESS_EVERY):
            day = date(2020, 1, 1) + timedelta(days=n)
            out.write(f"[{day} 09:00:00 AM] Entry {n}.\nA quiet day, number {n}.\n\n")
    read, gate = threading.Event(), threading.Event()
    merge = transfer._merge_vocabularies

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        read.set()  # read and indexed; the last tick and the commit come after this
        gate.wait(20)
        return merge(*args, **kwargs)

    window, dialog = _open(qtbot, make_window)
    qtbot.keyClicks(dialog.path, str(many))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1, timeout=20_000)  # dry run done
    assert dialog.summary.text().startswith("1,024 entries and 0 mood logs can be imported.")
    monkeypatch.setattr(transfer, "_merge_vocabularies", held)
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    qtbot.waitUntil(read.is_set, timeout=20_000)
    progress = dialog._progress
    assert progress is not None
    qtbot.waitUntil(lambda: progress.labelText().startswith("Saving"), timeout=10_000)
    # Qt's default would have closed it at 100 % while the import was still running
    assert progress.isVisible() and progress.maximum() == 0
    assert progress.labelText() == "Saving the entries and their search index…"
    assert progress.windowTitle() == dialog.windowTitle() == "Import"
    _cancel_and_check_nothing_was_imported(qtbot, window, dialog, progress, gate, answers)


@pytest.fixture
def two_journals(tmp_path: Path) -> Path:
    """A Day One export zip holding two journals, as Day One writes it."""
    import zipfile

    archive = tmp_path / "Day One Export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(FIXTURES / "dayone" / "Journal.json", "Journal.json")
        out.write(FIXTURES / "dayone" / "Travel.json", "Travel.json")
    return archive


def test_one_journal_of_a_day_one_zip_is_chosen_by_keys(
    qtbot, make_window, answers: list[str], two_journals: Path
) -> None:
    window, dialog = _open(qtbot, make_window)
    assert dialog.journal.isHidden(), "no file yet: nothing to choose"
    qtbot.keyClicks(dialog.path, str(two_journals))
    assert dialog.format.currentData() == "dayone"
    assert not dialog.journal.isHidden()
    assert [dialog.journal.itemText(i) for i in range(dialog.journal.count())] == [
        "All journals (each entry tagged with its journal)",
        "Journal",
        "Travel",
    ]
    for _ in range(3):  # the natural order: file, Choose…, format, journal
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.journal
    qtbot.keyClick(dialog.journal, Qt.Key.Key_End)  # Travel
    assert dialog.journal.currentData() == "Travel"
    qtbot.keyClick(dialog.journal, Qt.Key.Key_Return)  # "Check the file" is the default
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1, timeout=20_000)
    assert dialog.summary.text().startswith("1 entry and 0 mood logs can be imported.")
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    assert answers == ["Imported 1 entry and 0 mood logs."]
    entries = run_job(qtbot, window.worker, lambda s: s.journal.list())
    assert [(e.title, e.tags) for e in entries] == [("東京", ("food",))], "one journal: no tag"


def test_all_journals_of_a_day_one_zip_tag_each_entry(
    qtbot, make_window, answers: list[str], two_journals: Path
) -> None:
    window, dialog = _open(qtbot, make_window)
    qtbot.keyClicks(dialog.path, str(two_journals))
    assert dialog.journal.currentIndex() == 0  # all, as the command line without --journal
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1, timeout=20_000)
    assert dialog.summary.text().startswith("6 entries and 0 mood logs can be imported.")
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    entries = run_job(qtbot, window.worker, lambda s: s.journal.list(limit=50))
    tags = {e.title: e.tags for e in entries}
    assert tags["東京"] == ("food", "Travel") and "Journal" in tags["Ostern (endlich)"]


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "1 entry and 1 mood log", "2 entries and 2 mood logs"),
        ("de", "1 Eintrag und 1 Stimmungseintrag", "2 Einträge und 2 Stimmungseinträge"),
        ("ja", "1 件のエントリーと1 件の気分記録", "2 件のエントリーと2 件の気分記録"),
    ],
)
def test_counts_take_the_plural_their_number_needs(
    qtbot, qapp, tmp_path: Path, language: str, one: str, two: str
) -> None:
    from PySide6.QtCore import QSettings

    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs
    from peerjournal.ui.kit.worker import DbWorker
    from peerjournal.ui.transfer.import_dialog import ImportDialog

    prefs = UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    prefs.set(LANGUAGE, language)
    install_translator(qapp, prefs)
    worker = DbWorker()
    try:
        dialog = ImportDialog(worker)
        qtbot.addWidget(dialog)
        texts = {
            count: dialog.tr("%1 and %2 can be imported.")
            .replace("%1", dialog._entries(count))
            .replace("%2", dialog._moods(count))
            for count in (1, 2)
        }
        assert texts[1].startswith(one) and texts[2].startswith(two)
        dialog._show_moods((("sleepy", 1), ("rad", 3)))
        rows = [dialog.moods_form.itemAt(i, dialog.moods_form.ItemRole.LabelRole)
                for i in range(dialog.moods_form.rowCount())]  # fmt: skip
        labels = [row.widget().text() for row in rows if row is not None]
        expected = {"en": ["sleepy (1 row)", "rad (3 rows)"],
                    "de": ["sleepy (1 Zeile)", "rad (3 Zeilen)"],
                    "ja": ["sleepy (1 行)", "rad (3 行)"]}[language]  # fmt: skip
        assert labels == expected
    finally:
        worker.shutdown()
        prefs.set(LANGUAGE, "en")
        install_translator(qapp, prefs)


def test_every_importer_is_offered_and_a_markdown_folder_is_imported_by_keys(
    qtbot, make_window, tmp_path: Path, answers: list[str]
) -> None:
    from peerjournal.app.transfer import FORMATS

    notes = tmp_path / "notes"
    (notes / "work").mkdir(parents=True)
    (notes / "work" / "2024-03-01 Standup.md").write_text("Spoke about the move.\n", "utf-8")
    (notes / "2024-03-02.md").write_text(
        "---\ntitle: A quiet day\ntags: [home]\n---\nRead in the garden.\n", "utf-8"
    )
    (notes / "picture.png").write_bytes(b"\x89PNG not an entry")
    window, dialog = _open(qtbot, make_window)
    offered = [dialog.format.itemData(i) for i in range(dialog.format.count())]
    assert offered == ["", *FORMATS] and "markdown" in offered
    assert set(dialog._format_labels()) == set(offered)  # each with a translated label
    assert not dialog.tag_folder.isVisibleTo(dialog)  # a file's formats have no folders
    qtbot.keyClicks(dialog.path, str(notes))
    assert dialog.format.currentData() == "markdown"  # a folder is Markdown
    assert dialog.tag_folder.isVisibleTo(dialog) and not dialog.tag_folder.isChecked()
    assert not dialog.location.isVisibleTo(dialog) and not dialog.weather.isVisibleTo(dialog)
    dialog.tag_folder.setFocus()
    qtbot.keyClick(dialog.tag_folder, Qt.Key.Key_Space)
    assert dialog.tag_folder.isChecked()
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # "Check the file" is the default
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1, timeout=20_000)
    assert dialog.summary.text().startswith("2 entries and 0 mood logs can be imported.")
    assert run_job(qtbot, window.worker, lambda s: s.journal.list(limit=10)) == []  # dry run
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    entries = run_job(qtbot, window.worker, lambda s: s.journal.list(limit=10))
    tags = {e.title: e.tags for e in entries}
    assert tags == {"Standup": ("work",), "A quiet day": ("home",)}


def test_choose_with_markdown_opens_a_folder_chooser(
    qtbot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []

    def folder(*_args: object, **_kwargs: object) -> str:
        asked.append("folder")
        return str(tmp_path)

    def file(*_args: object, **_kwargs: object) -> tuple[str, str]:
        asked.append("file")
        return "", ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", file)
    _window, dialog = _open(qtbot, make_window)
    qtbot.keyClick(dialog.browse, Qt.Key.Key_Space)
    dialog.format.setFocus()
    qtbot.keyClick(dialog.format, Qt.Key.Key_End)  # Markdown is the last importer
    assert dialog.format.currentData() == "markdown"
    qtbot.keyClick(dialog.browse, Qt.Key.Key_Space)
    assert asked == ["file", "folder"] and dialog.path.text() == str(tmp_path)


def _jrnl_file(path: Path, count: int) -> Path:
    """A jrnl JSON export with ``count`` entries, a minute apart."""
    import json
    from datetime import datetime, timedelta

    start = datetime(2020, 1, 1, 8, 0)
    entries = [
        {
            "title": f"Day {n}",
            "body": "Wrote a little.",
            "date": (start + timedelta(minutes=n)).strftime("%Y-%m-%d"),
            "time": (start + timedelta(minutes=n)).strftime("%H:%M"),
            "tags": [],
            "starred": False,
        }
        for n in range(count)
    ]
    path.write_text(json.dumps({"tags": {}, "entries": entries}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "1,234 entries and 0 mood logs can be imported."),
        ("de", "1.234 Einträge"),
    ],
)
def test_the_summary_groups_the_digits_of_large_counts(
    qtbot, qapp, make_window, tmp_path: Path, lang: str, expected: str
) -> None:
    from PySide6.QtCore import QSettings

    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs

    prefs = UiPrefs(QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat))
    prefs.set(LANGUAGE, lang)
    install_translator(qapp, prefs)
    try:
        _window, dialog = _open(qtbot, make_window)
        qtbot.keyClicks(dialog.path, str(_jrnl_file(tmp_path / "big.json", 1234)))
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1, timeout=20_000)
        assert dialog.summary.text().startswith(expected), dialog.summary.text()
        assert "1234" not in dialog.summary.text()
    finally:
        prefs.set(LANGUAGE, "en")
        install_translator(qapp, prefs)


def _daylio_rows(path: Path, rows: int) -> Path:
    from datetime import datetime, timedelta

    lines = ["full_date,date,weekday,time,mood,activities,note"]
    for n in range(rows):
        moment = datetime(2020, 1, 1, 8, 0) + timedelta(hours=5 * n)
        lines.append(f"{moment:%Y-%m-%d},{moment:%B %d},Monday,{moment:%H:%M},good,walk,day {n}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def readers(monkeypatch: pytest.MonkeyPatch) -> list:  # type: ignore[type-arg]
    """Every file is read in a second process, and those processes are kept to be checked."""
    from peerjournal.importers import ahead

    monkeypatch.setattr(ahead, "AHEAD_MIN_BYTES", 1)
    started: list = []  # type: ignore[type-arg]
    real = ahead.AheadSource._start

    def start(source):  # type: ignore[no-untyped-def]
        process = real(source)
        started.append(process)
        return process

    monkeypatch.setattr(ahead.AheadSource, "_start", start)
    return started


def _checked(qtbot, make_window, path: Path):  # type: ignore[no-untyped-def]
    """The wizard opened, ``path`` typed and checked by keys, the summary shown."""
    window, dialog = _open(qtbot, make_window)
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1, timeout=30_000)  # dry run done
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=30_000)
    return window, dialog


def _held_at_progress(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """(reading, gate): the next check or import stops at its first progress report, sets
    ``reading`` and waits for ``gate``."""
    from peerjournal.app import transfer

    gate, reading = threading.Event(), threading.Event()
    each = transfer._each

    def slow(source, tally, run, progress):  # type: ignore[no-untyped-def]
        def held(done: int, total: int) -> None:
            reading.set()
            gate.wait(20)
            progress(done, total)

        each(source, tally, run, held)

    monkeypatch.setattr(transfer, "_each", slow)
    return reading, gate


def test_a_large_file_read_in_a_second_process_imports_by_keys(  # type: ignore[no-untyped-def]
    qtbot, make_window, answers: list[str], tmp_path: Path, readers: list
) -> None:
    window, dialog = _checked(qtbot, make_window, _daylio_rows(tmp_path / "daylio.csv", 3000))
    assert dialog.summary.text().startswith("3,000 entries and 3,000 mood logs can be imported.")
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(answers), timeout=30_000)
    assert answers == ["Imported 3,000 entries and 3,000 mood logs."]
    assert len(readers) == 2  # the dry run's and the import's
    assert all(process.returncode is not None for process in readers)
    found = run_job(qtbot, window.worker, lambda s: s.journal.search("2999"))
    assert [hit.entry.first_line for hit in found] == ["day 2999"]


def test_a_cancel_stops_the_second_process_and_applies_nothing(  # type: ignore[no-untyped-def]
    qtbot, make_window, answers: list[str], tmp_path: Path, readers: list,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from peerjournal.importers import ahead

    window, dialog = _checked(qtbot, make_window, _daylio_rows(tmp_path / "daylio.csv", 3000))
    # the import's reader may be one frame ahead (of six, 88 KB each: more than the pipe
    # holds), so it is blocked on the pipe while the import is held, never done and gone:
    # with the 32 MiB buffer it read the whole file ahead and could exit before the check
    monkeypatch.setattr(ahead, "AHEAD_BYTES", 1)
    reading, gate = _held_at_progress(monkeypatch)  # the import stops while its reader runs
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    qtbot.waitUntil(reading.is_set, timeout=30_000)
    assert len(readers) == 2 and readers[-1].poll() is None  # the import's reader runs
    progress = dialog._progress
    assert progress is not None
    _cancel_and_check_nothing_was_imported(qtbot, window, dialog, progress, gate, answers)
    qtbot.waitUntil(lambda: readers[-1].returncode is not None, timeout=10_000)
    assert run_job(qtbot, window.worker, lambda s: s.mood.list()) == []


def test_the_check_shows_its_progress_and_a_cancel_stops_it_quietly(  # type: ignore[no-untyped-def]
    qtbot, make_window, answers: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.app import transfer

    path = _daylio_rows(tmp_path / "daylio.csv", 2000)
    each = transfer._each
    reading, gate = _held_at_progress(monkeypatch)
    _window, dialog = _open(qtbot, make_window)
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # Check the file
    qtbot.waitUntil(reading.is_set, timeout=20_000)
    progress = dialog._progress
    assert progress is not None and progress.isVisible()
    assert progress.labelText() == "Checking the file…"
    assert progress.windowTitle() == "Import"
    assert progress.width() >= 420  # room for its title and label
    (cancel,) = progress.findChildren(QPushButton)
    qtbot.keyClick(cancel, Qt.Key.Key_Space)
    gate.set()
    qtbot.waitUntil(lambda: dialog._progress is None, timeout=20_000)
    assert dialog.steps.currentIndex() == 0 and dialog.choose_error.text() == ""
    assert dialog.check_button.isEnabled() and answers == []
    # checked again without the hold: the summary comes
    monkeypatch.setattr(transfer, "_each", each)
    qtbot.keyClick(dialog.check_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1, timeout=20_000)
    assert dialog.summary.text().startswith("2,000 entries and 2,000 mood logs can be imported.")


def test_escape_on_the_wizard_while_it_imports_cancels_instead_of_hiding_the_import(  # type: ignore[no-untyped-def]
    qtbot, make_window, answers: list[str]
) -> None:
    window, dialog = _checked(qtbot, make_window, FIXTURES / "jrnl" / "jrnl.txt")
    gate = threading.Event()
    window.worker.submit(lambda _s: gate.wait(20))  # hold the worker: the import waits
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    assert dialog._progress is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the wizard's own Escape, not the progress's
    assert dialog.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    assert answers == ["The import was cancelled. Nothing was imported."]
    assert run_job(qtbot, window.worker, lambda s: s.journal.list()) == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing runs now: Escape closes it
    assert not dialog.isVisible()
