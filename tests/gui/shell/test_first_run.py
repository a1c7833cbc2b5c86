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


def test_return_moves_on_then_creates_and_the_card_does_not_jump(
    qtbot, make_window, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = make_window(tmp_path / "made-by-keys")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.first_run
    fields = page.fields
    fields.first.setFocus()
    card = fields.parentWidget()
    while card is not None and card.objectName() != "card":
        card = card.parentWidget()
    top = card.mapTo(window, card.rect().topLeft()).y()
    tops = set()
    for char in "marble kettle saxophone drizzle":
        qtbot.keyClicks(fields.first, char)
        tops.add(card.mapTo(window, card.rect().topLeft()).y())
    assert tops == {top}  # hints change under the field; the card stays where it is
    assert "about" in fields.advice.text() or "centuries" in fields.advice.text()
    assert "about less than" not in fields.advice.text()
    qtbot.keyClick(fields.first, Qt.Key.Key_Return)  # Return: on to the second field
    assert QApplication.focusWidget() is fields.second
    qtbot.keyClicks(fields.second, "marble kettle saxophone drizzle")
    with qtbot.waitSignal(page.created, timeout=10_000):
        qtbot.keyClick(fields.second, Qt.Key.Key_Return)
    page.saved_box.setFocus()
    qtbot.keyClick(page.saved_box, Qt.Key.Key_Space)
    with qtbot.waitSignal(window.unlocked):
        qtbot.keyClick(page.saved_box, Qt.Key.Key_Return)


def test_guess_time_in_words() -> None:
    from peerjournal.ui.shell.passphrase import GuessTime

    words = GuessTime()
    assert words.sentence(0.2) == (
        "Someone who stole your vault file could guess it in under a second."
    )
    assert words.sentence(3 * 86400) == (
        "Someone who stole your vault file would need about 3 days to guess it."
    )
    assert words.duration(1) == "1 second" and words.duration(7200) == "2 hours"
    assert "centuries" in words.sentence(1e12)
