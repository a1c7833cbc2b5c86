"""File → Export… driven by keys on a real vault: the warning, the form, the worker, the files."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from peerjournal.ui.export.dialog import ExportDialog
from tests.helpers.gui import contains_text, run_job


def fill(qtbot, worker) -> None:  # type: ignore[no-untyped-def]
    def add(session):  # type: ignore[no-untyped-def]
        start = datetime(2024, 4, 1, 10, tzinfo=UTC)
        for n in range(30):
            session.journal.add(f"body {n}", title=f"Day {n}", tags=["walk"] if n % 2 else [],
                                created=start + timedelta(days=n))  # fmt: skip
        session.mood.add(4, at=start, note="=1+1")

    run_job(qtbot, worker, add)


def test_markdown_folder_of_a_tag_by_keys(qtbot, worker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill(qtbot, worker)
    dialog = ExportDialog(worker)
    qtbot.addWidget(dialog)
    dialog.show()
    assert contains_text(dialog, "not encrypted")
    assert "Back up now" in dialog.warning.text()
    dialog.format_box.setFocus()
    qtbot.keyClick(dialog.format_box, Qt.Key.Key_Down)  # Markdown: a folder
    assert dialog.format_box.currentIndex() == 1
    qtbot.keyClicks(dialog.tags_edit, "walk")
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "walks"))
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as blocker:
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    report = blocker.args[0]
    assert report.entries == 15 and report.format == "md"
    files = sorted((tmp_path / "walks").iterdir())
    assert len(files) == 15 and all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert stat.S_IMODE((tmp_path / "walks").stat().st_mode) == 0o700


def test_json_range_and_csv_and_an_error_in_words(qtbot, worker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill(qtbot, worker)
    dialog = ExportDialog(worker)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.range_box, Qt.Key.Key_Space)
    assert dialog.since_edit.isEnabled()
    dialog.since_edit.setDate(dialog.since_edit.date().fromString("2024-04-05", "yyyy-MM-dd"))
    dialog.until_edit.setDate(dialog.until_edit.date().fromString("2024-04-09", "yyyy-MM-dd"))
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "range.json"))
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    doc = json.loads((tmp_path / "range.json").read_text())
    assert [e["title"] for e in doc["entries"]] == [f"Day {n}" for n in range(4, 9)]

    again = ExportDialog(worker)
    qtbot.addWidget(again)
    again.show()
    again.format_box.setCurrentIndex(3)
    qtbot.keyClicks(again.path_edit, str(tmp_path / "no" / "such" / "m.csv"))
    qtbot.keyClick(again.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "does not exist" in again.status.text(), timeout=30_000)
    assert again.isVisible() and again.export_button.isEnabled()
    again.path_edit.clear()
    qtbot.keyClicks(again.path_edit, str(tmp_path / "m.csv"))
    again.export_button.setFocus()
    with qtbot.waitSignal(again.exported, timeout=30_000):
        qtbot.keyClick(again.export_button, Qt.Key.Key_Space)
    rows = list(csv.reader(io.StringIO((tmp_path / "m.csv").read_text("utf-8-sig"))))
    assert rows[1][-1] == "'=1+1"


def test_pdf_from_the_dialog(qtbot, worker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill(qtbot, worker)
    dialog = ExportDialog(worker)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format_box.setCurrentIndex(4)
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "j.pdf"))
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert (tmp_path / "j.pdf").read_bytes().startswith(b"%PDF-")


def test_the_file_menu_opens_it(make_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    file_menu = window.menuBar().actions()[0].menu()
    assert window.commands.export_action in file_menu.actions()
    assert window.dialogs.open_export() is None, "nothing to export before the vault is open"


def test_from_the_file_menu_the_window_says_where_the_export_went(
    qtbot, qapp, make_window, ui_prefs, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.prefs import LANGUAGE
    from tests.gui.shell.test_main_window import _create_vault

    ui_prefs.set(LANGUAGE, "en")
    install_translator(qapp, ui_prefs)  # as the app starts: its catalogue holds the plurals
    window = make_window()
    _create_vault(qtbot, window)
    run_job(qtbot, window.worker, lambda s: s.journal.add("A quiet evening.", title="Tea"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_X)  # E&xport…
    qtbot.waitUntil(lambda: bool(window.findChildren(ExportDialog)))
    dialog = window.findChildren(ExportDialog)[0]
    qtbot.waitUntil(dialog.isVisible)
    target = tmp_path / "journal.json"
    qtbot.keyClicks(dialog.path_edit, str(target))
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert target.is_file()
    assert window.status.text() == f"Exported 1 entry to {target} (not encrypted)."


def test_escape_while_it_exports_cancels_and_writes_nothing(qtbot, worker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import threading

    fill(qtbot, worker)
    dialog = ExportDialog(worker)
    qtbot.addWidget(dialog)
    dialog.show()
    target = tmp_path / "all.json"
    dialog.path_edit.setFocus()  # where a person types the place, and presses Enter
    qtbot.keyClicks(dialog.path_edit, str(target))
    gate = threading.Event()
    worker.submit(lambda _s: gate.wait(20))  # hold the worker: the export waits its turn
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert not dialog.export_button.isEnabled()  # it runs (or waits to)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.status.text() == "Cancelling…"
    gate.set()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=20_000)
    assert dialog.status.text() == "The export was cancelled. Nothing was written."
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("all")] == []
    # the focus is back in the form (disabled, it had moved on to Cancel, and Enter there
    # would close the dialog), and the next export is not cancelled
    assert dialog.focusWidget() is dialog.path_edit
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert dialog.status.text().startswith("Exported 30 entries to ")
    assert len(json.loads(target.read_text(encoding="utf-8"))["entries"]) == 30
