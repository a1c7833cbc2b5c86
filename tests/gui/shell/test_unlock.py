"""Unlock screen: wrong passphrase leaves the vault untouched; recovery code path; busy state."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from peerjournal.app.session import open_vault
from peerjournal.errors import WrongPassphrase
from peerjournal.ui.kit.i18n import install_translator
from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs
from peerjournal.ui.shell.main_window import PAGE_UNLOCK
from tests.helpers.vault import PASSPHRASE, make_vault, snapshot


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", WrongPassphrase().message),
        ("de", "Diese Passphrase öffnet diesen Tresor nicht."),  # the catalogue, translated
    ],
)
def test_wrong_passphrase_shows_message_and_changes_nothing(
    qtbot, qapp, make_window, ui_prefs: UiPrefs, tmp_path: Path, language: str, said: str
) -> None:
    ui_prefs.set(LANGUAGE, language)
    install_translator(qapp, ui_prefs)
    session, _code = make_vault(tmp_path)
    session.journal.add("private words", title="Private")
    session.lock()
    before = snapshot(tmp_path / "vault")

    window = make_window()
    page = window.unlock_page
    assert window.pages.currentIndex() == PAGE_UNLOCK
    page.passphrase.setText("not the passphrase at all")
    with qtbot.waitSignal(page.attempt_failed, timeout=10_000) as failed:
        page.submit()
        assert page.busy and page.progress.isVisibleTo(window)  # worker derives the key
        assert page.passphrase.text() == ""  # cleared as soon as it was handed over
    assert failed.args == [said]
    assert page.message.isVisibleTo(window)
    assert page.message.text() == said
    assert not page.busy and page.unlock_button.isEnabled()
    assert not window.is_open and not window.worker.has_session
    assert snapshot(tmp_path / "vault") == before
    ui_prefs.set(LANGUAGE, "en")
    install_translator(qapp, ui_prefs)


def test_empty_passphrase_asks_politely_without_touching_the_worker(
    qtbot, make_window, tmp_path: Path
) -> None:
    make_vault(tmp_path)[0].lock()
    window = make_window()
    window.unlock_page.submit()
    assert window.unlock_page.message.text() == "Please enter your passphrase."
    assert not window.unlock_page.busy


def test_recovery_code_unlocks_and_sets_a_new_passphrase(
    qtbot, make_window, tmp_path: Path
) -> None:
    session, code = make_vault(tmp_path)
    session.lock()
    window = make_window()
    page = window.unlock_page
    page.show_recovery(True)
    assert not page.recover_button.isEnabled()
    new = "quiet meadow tangerine rowboat"
    page.recovery_code.setText(code)
    page.new_passphrase.first.setText(new)
    page.new_passphrase.second.setText(new)
    assert page.recover_button.isEnabled()
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        page.recover_button.click()
    assert page.recovery_code.text() == "" and page.new_passphrase.first.text() == ""
    window.lock()
    qtbot.waitUntil(lambda: not window.worker.has_session)
    open_vault(tmp_path / "vault", new).lock()  # the new passphrase works


def test_wrong_recovery_code_is_a_plain_message(qtbot, make_window, tmp_path: Path) -> None:
    make_vault(tmp_path)[0].lock()
    window = make_window()
    page = window.unlock_page
    page.show_recovery(True)
    page.recovery_code.setText("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE")
    page.new_passphrase.first.setText("quiet meadow tangerine rowboat")
    page.new_passphrase.second.setText("quiet meadow tangerine rowboat")
    with qtbot.waitSignal(page.attempt_failed, timeout=10_000) as failed:
        page.recover_button.click()
    assert failed.args[0] and "Traceback" not in failed.args[0]
    assert not window.is_open
    open_vault(tmp_path / "vault", PASSPHRASE).lock()  # the old passphrase still works


def test_window_stays_responsive_while_the_worker_is_busy(
    qtbot, make_window, tmp_path: Path
) -> None:
    make_vault(tmp_path)[0].lock()
    window = make_window()
    page = window.unlock_page
    gate = threading.Event()
    # hold the worker thread (as a slow key derivation would) until the test lets go
    window.worker.open(lambda: gate.wait(60) and None)
    page.passphrase.setText(PASSPHRASE)
    page.submit()
    assert page.busy
    timer = QTimer()
    timer.setSingleShot(True)
    with qtbot.waitSignal(timer.timeout):  # the GUI thread's event loop keeps running
        timer.start(0)
    page.show_recovery(True)  # and the screen still reacts to the user
    assert page.modes.currentIndex() == 1
    page.show_recovery(False)
    assert not window.is_open and page.busy
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        gate.set()


def test_return_recovers_and_escape_goes_back(qtbot, make_window, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    session, code = make_vault(tmp_path)
    session.lock()
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.unlock_page
    page.passphrase.setFocus()
    qtbot.keyClick(page.use_recovery, Qt.Key.Key_Return)  # Return on the link button
    qtbot.waitUntil(lambda: page.modes.currentIndex() == 1)
    qtbot.keyClick(page.recovery_code, Qt.Key.Key_Escape)
    assert page.modes.currentIndex() == 0 and QApplication.focusWidget() is page.passphrase
    page.show_recovery(True)
    qtbot.keyClicks(page.recovery_code, code)
    new = "a brand new long passphrase here"
    qtbot.keyClicks(page.new_passphrase.first, new)
    qtbot.keyClicks(page.new_passphrase.second, new)
    with qtbot.waitSignal(page.unlocked, timeout=10_000):
        qtbot.keyClick(page.new_passphrase.second, Qt.Key.Key_Return)


def test_focus_order_of_the_unlock_and_recovery_forms(qtbot, make_window, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tests.helpers.gui import assert_focus_order

    session, code = make_vault(tmp_path)
    session.lock()
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.unlock_page
    assert QApplication.focusWidget() is page.passphrase  # typing starts at once
    help_now = "Help right now: crisis lines"  # on every screen, last in the chain
    assert_focus_order(
        qtbot,
        page.passphrase,
        ["Passphrase", "Unlock", "Forgot it? Use the recovery code", help_now],
    )
    qtbot.keyClick(page.use_recovery, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.modes.currentIndex() == 1)
    assert QApplication.focusWidget() is page.recovery_code
    fields = ["Recovery code", "New passphrase", "Repeat the passphrase", "Back"]
    assert_focus_order(qtbot, page.recovery_code, [*fields, help_now])  # Recover: not yet
    qtbot.keyClicks(page.recovery_code, code)
    new = "a brand new long passphrase here"
    qtbot.keyClicks(page.new_passphrase.first, new)
    qtbot.keyClicks(page.new_passphrase.second, new)
    assert_focus_order(qtbot, page.recovery_code, [*fields, "Recover and unlock", help_now])
