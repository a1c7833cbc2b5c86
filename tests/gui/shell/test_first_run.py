"""First run: strength meter and advice, recovery code confirmation, folder remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from peerjournal.app.session import open_vault, vault_exists
from peerjournal.ui.kit.prefs import VAULT_FOLDER
from peerjournal.ui.shell.main_window import PAGE_FIRST_RUN


def test_weak_or_mismatched_passphrases_cannot_create(qtbot, make_window) -> None:
    window = make_window()
    assert window.pages.currentIndex() == PAGE_FIRST_RUN
    fields = window.first_run.fields
    fields.first.setText("password1")
    fields.second.setText("password1")
    assert not window.first_run.create_button.isEnabled()
    assert fields.verdict.text() in {"Very weak", "Weak"}
    assert fields.advice.text()  # honest advice, e.g. "This is a very common password."
    strong = "marble kettle saxophone drizzle"
    fields.first.setText(strong)
    fields.second.setText(strong + "x")
    assert not window.first_run.create_button.isEnabled()
    assert "not the same" in fields.advice.text()
    fields.second.setText(strong)
    assert window.first_run.create_button.isEnabled()
    assert fields.meter.value() >= 3


def test_recovery_code_must_be_confirmed_and_leaves_the_clipboard(
    qtbot, make_window, ui_prefs, tmp_path: Path
) -> None:
    folder = tmp_path / "chosen"
    window = make_window(tmp_path / "elsewhere")
    page = window.first_run
    page.folder_edit.setText(str(folder))
    secret = "marble kettle saxophone drizzle"
    page.fields.first.setText(secret)
    page.fields.second.setText(secret)
    with qtbot.waitSignal(page.created, timeout=10_000):
        page.create_button.click()
        assert page.progress.isVisibleTo(window)
    assert vault_exists(folder)
    assert ui_prefs.get(VAULT_FOLDER) == str(folder)
    code = page.code_label.text()
    page.copy_button.click()
    assert QGuiApplication.clipboard().text() == code
    page.continue_button.click()  # disabled: nothing happens
    assert not window.is_open
    page.saved_box.setChecked(True)
    with qtbot.waitSignal(window.unlocked):
        page.continue_button.click()
    assert QGuiApplication.clipboard().text() == ""
    assert page.fields.first.text() == ""
    window.lock()
    qtbot.waitUntil(lambda: not window.worker.has_session)
    open_vault(folder, secret).lock()
