"""Pairing with the keyboard: Return creates the invite, the QR code in the real dialog
decodes to exactly the invite, and the finished dialog says Done without a red cross."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerjournal.ui.kit.i18n import install_translator
from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs
from peerjournal.ui.kit.theme import apply_theme
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.peers.page import PeersPage
from peerjournal.ui.peers.pairing_dialog import MODE_INVITE

TIMEOUT = 30_000


@pytest.fixture
def language(request: Any, qapp: Any, ui_prefs: UiPrefs) -> Iterator[str]:
    """The UI in the language of the parameter, back to English afterwards."""
    ui_prefs.set(LANGUAGE, request.param)
    install_translator(qapp, ui_prefs)
    yield request.param
    ui_prefs.set(LANGUAGE, "en")
    install_translator(qapp, ui_prefs)


@pytest.mark.parametrize("language", ["en", "de"], indirect=True)
def test_return_creates_the_invite_and_its_qr_code_decodes_from_a_grab(
    qtbot: Any, worker: DbWorker, ui_prefs: UiPrefs, relay: Any, language: str
) -> None:
    # with the style sheet and the longer German text the bottom corner mark was cut off
    apply_theme(QApplication.instance(), ui_prefs)
    page = PeersPage(worker, ui_prefs)
    qtbot.addWidget(page)
    page.show()
    dialog = page.open_pairing(MODE_INVITE)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.relay_edit.setFocus()
    qtbot.keyClicks(dialog.relay_edit, relay.url)
    qtbot.keyClick(dialog.relay_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.pseudonym_edit
    qtbot.keyClicks(dialog.pseudonym_edit, "Robin")
    assert dialog.pseudonym_edit.text() == "Robin"
    with qtbot.waitSignal(dialog.paired, timeout=TIMEOUT):
        qtbot.keyClick(dialog.pseudonym_edit, Qt.Key.Key_Return)
    assert dialog.invite_code.startswith("pj1:")
    qtbot.waitUntil(lambda: dialog.qr_label.isVisible())
    QApplication.processEvents()

    # what the user sees: the whole dialog as painted, not the pixmap handed to the label
    found = zxingcpp.read_barcodes(dialog.grab().toImage())
    assert [code.text for code in found] == [dialog.invite_code]
    # every module of the code is inside the label: nothing of it is cut off
    label = dialog.qr_label
    pixmap = label.pixmap()
    assert label.contentsRect().width() >= pixmap.width()
    assert label.contentsRect().height() >= pixmap.height()
    assert label.geometry().bottom() <= dialog.rect().bottom()

    # "Copied." appears above the code: the dialog grows, it does not squeeze the code
    dialog.copy_button.setFocus()
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.copied.text() != "")
    QApplication.processEvents()
    assert dialog.copied.geometry().bottom() < dialog.qr_label.geometry().top()
    assert label.contentsRect().height() >= pixmap.height()
    page_bottom = dialog.stack.currentWidget().rect().bottom()
    assert label.geometry().bottom() <= page_bottom
    found = zxingcpp.read_barcodes(dialog.grab().toImage())
    assert [code.text for code in found] == [dialog.invite_code]

    done = dialog.close_button
    assert done.text() == {"en": "Done", "de": "Fertig"}[language] and done.icon().isNull()
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.invite_view, Qt.Key.Key_Return)  # Return: Done
    assert QApplication.clipboard().text() != dialog.invite_code  # gone with the window


def test_escape_cancels_the_invite_dialog(qtbot: Any, worker: DbWorker, ui_prefs: UiPrefs) -> None:
    page = PeersPage(worker, ui_prefs)
    qtbot.addWidget(page)
    page.show()
    dialog = page.open_pairing(MODE_INVITE)
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.relay_edit, Qt.Key.Key_Escape)


def test_an_invite_to_a_relay_that_does_not_answer_says_nothing_was_made(
    qtbot: Any, worker: DbWorker, ui_prefs: UiPrefs
) -> None:
    """The relay's general sentence promised that 'your messages wait and go out later',
    but a failed invite leaves nothing waiting: the dialog says what to check instead."""
    import socket

    with socket.socket() as probe:  # a port on which nothing listens
        probe.bind(("127.0.0.1", 0))
        address = f"http://127.0.0.1:{probe.getsockname()[1]}"
    page = PeersPage(worker, ui_prefs)
    qtbot.addWidget(page)
    page.show()
    dialog = page.open_pairing(MODE_INVITE)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.relay_edit.setFocus()
    qtbot.keyClicks(dialog.relay_edit, address)
    qtbot.keyClick(dialog.relay_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible, timeout=TIMEOUT)
    text = dialog.error.text()
    assert "go out later" not in text
    assert address in text and "No invite was made" in text
    assert dialog.go_button.isEnabled() and dialog.relay_edit.text() == address
