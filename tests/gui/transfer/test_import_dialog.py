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
    qtbot.keyClicks(dialog.path, str(archive))
    assert dialog.format.currentData() == "dayone"
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1, timeout=20_000)
    assert dialog.summary.text().startswith("5 entries and 0 mood logs can be imported.")
    assert "They are from 2024-03-31 to 2024-11-03." in dialog.summary.text()
    assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == [
        "entry 4: the field 'creationDate' is missing; skipped"
    ]
    assert dialog.import_button.hasFocus()
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    titles = {e.title for e in run_job(qtbot, window.worker, lambda s: s.journal.list())}
    assert "Ostern (endlich)" in titles and len(titles) >= 3


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


def test_cancel_during_the_import_applies_nothing(qtbot, make_window, answers: list[str]) -> None:
    window, dialog = _open(qtbot, make_window)
    qtbot.keyClicks(dialog.path, str(FIXTURES / "jrnl" / "jrnl.txt"))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20_000)
    gate = threading.Event()
    window.worker.submit(lambda _s: gate.wait(20))  # hold the worker so the cancel comes first
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    progress = dialog._progress
    assert progress is not None and progress.isVisible()
    (cancel,) = progress.findChildren(QPushButton)
    assert cancel.text() == "Cancel"
    qtbot.keyClick(cancel, Qt.Key.Key_Space)
    gate.set()
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    assert answers == ["!The import was cancelled. Nothing was imported."]
    assert run_job(qtbot, window.worker, lambda s: s.journal.list()) == []
    assert dialog.isVisible() and dialog.import_button.isEnabled()
