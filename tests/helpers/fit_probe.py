"""Walk every screen and dialog and print what does not fit, as JSON (a subprocess).

``python -m tests.helpers.fit_probe LANG`` with ``QT_QPA_PLATFORM=offscreen:configfile=…``
naming a screen (size, device pixel ratio): the screen is chosen when Qt starts, so each
size and scale runs in its own process. LANG is a UI language code or ``pseudo`` (every
text 40% longer). Prints ``{"problems": [...], "screens": [...]}``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _wait(predicate: Callable[[], Any], timeout: float = 20.0) -> None:
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get ready")
        QTest.qWait(20)
    QTest.qWait(80)


def main(lang: str) -> int:
    from PySide6.QtCore import QCoreApplication, QLocale, QSettings
    from PySide6.QtWidgets import QApplication, QDialog, QTabWidget

    QCoreApplication.setOrganizationName("PeerJournalFitProbe")
    app = QApplication([sys.argv[0]])
    from peerjournal.app.session import create_vault
    from peerjournal.ui.kit import prefs as ui_prefs
    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.theme import apply_theme
    from peerjournal.ui.kit.worker import DbWorker
    from peerjournal.ui.shell.main_window import VIEW_MOOD, VIEW_PEERS, VIEW_TRASH, MainWindow
    from peerjournal.vault import KdfParams
    from tests.helpers.fit import TITLE_BAR, PseudoTranslator, fit_problems
    from tools.demo import DEMO_PASSPHRASE, fill_demo

    work = Path(tempfile.mkdtemp(prefix="pj-fit-"))
    prefs = ui_prefs.UiPrefs(QSettings(str(work / "ui.ini"), QSettings.Format.IniFormat))
    if lang == "pseudo":
        prefs.set(ui_prefs.LANGUAGE, "en")
        install_translator(app, prefs)
        keep = PseudoTranslator(app)
        app.installTranslator(keep)
    else:
        prefs.set(ui_prefs.LANGUAGE, lang)
        install_translator(app, prefs)
    prefs.set(ui_prefs.THEME, "light")
    apply_theme(app, prefs)
    screen = app.primaryScreen().availableGeometry()
    # maximised under a window manager: the whole screen but its title bar and panel
    maximised = screen.adjusted(0, 0, 0, -TITLE_BAR)
    problems: list[str] = []

    held: list[Any] = []  # the windows kept maximised, as a window manager keeps them

    def maximise(widget: Any) -> None:
        """Give ``widget`` the maximised geometry and keep it there, as a window manager
        does: it applies the work area again whenever the window asks for another size, and
        :func:`check` does so once the layout has settled. Set once, Qt keeps a window at the
        minimum its layout had at some instant (a height-for-width row still laid out for the
        previous width, or an entry being loaded, made it 1 pixel taller than the room now
        and then); a window whose *settled* minimum is too tall still ends up too tall."""
        widget.setGeometry(maximised)
        app.processEvents()
        widget.setGeometry(maximised)
        if widget not in held:
            held.append(widget)

    def restore(widget: Any, size: Any) -> None:
        """Give the window back its normal size (no longer maximised)."""
        if widget in held:
            held.remove(widget)
        widget.resize(size)

    def check(widget: Any, where: str) -> None:
        app.processEvents()
        if widget in held:
            widget.setGeometry(maximised)
            app.processEvents()
        problems.extend(f"[{where}] {p}" for p in fit_problems(widget, screen))

    # -- first run, as a new user sees it (default size), then filled in ------------------
    worker = DbWorker()
    window = MainWindow(worker, prefs, work / "new-vault", kdf=KdfParams.for_tests())
    window.show()
    _wait(window.isVisible)
    check(window, "first run, default size")
    window.first_run.fields.first.setText("kettle")
    check(window, "first run, advice shown")
    strong = "maple lantern orbit pebble"
    window.first_run.fields.first.setText(strong)
    window.first_run.fields.second.setText(strong)
    window.first_run.submit()
    _wait(lambda: window.first_run.steps.currentIndex() == 1)
    check(window, "first run, recovery code")
    window.close()
    worker.shutdown()

    # -- a vault with a journal in it ---------------------------------------------------------
    session, _code = create_vault(work / "vault", DEMO_PASSPHRASE, kdf=KdfParams.for_tests())
    fill_demo(session)
    session.lock()
    worker = DbWorker()
    window = MainWindow(worker, prefs, work / "vault", kdf=KdfParams.for_tests())
    window.show()
    _wait(window.isVisible)
    check(window, "unlock, default size")
    maximise(window)
    check(window, "unlock, maximised")
    window.unlock_page.show_recovery(True)
    check(window, "unlock, recovery form")
    window.unlock_page.show_recovery(False)
    window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_page.submit()
    _wait(lambda: window.is_open and window.journal.model.rowCount() > 0)
    for size_name, size in (("default size", None), ("maximised", maximised)):
        if size is None:
            restore(window, window.default_size())  # what a new user gets
        else:
            maximise(window)
        journal = window.journal
        journal.list.setCurrentIndex(journal.model.index(0))
        _wait(lambda j=journal: j.editor.entry_id is not None)
        check(window, f"journal, {size_name}")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    date_button = window.journal.filters.date_button
    date_button.setFocus()
    QTest.keyClick(date_button, Qt.Key.Key_Space)  # as a keyboard user opens it
    _wait(window.journal.filters.calendar.isVisible)
    check(window, "journal, calendar open")
    QTest.keyClick(date_button, Qt.Key.Key_Space)
    window.show_view(VIEW_TRASH)
    check(window, "trash")
    window.show_view(VIEW_MOOD)
    mood = window.mood_page
    # ready when its data is in: the history's rows and the chart's range line (set when
    # the days arrive, after which the layout still has to give it its height)
    _wait(lambda: mood.history.model.rowCount() > 0 and bool(mood.range_label.text()))
    check(window, "mood")
    window.show_view(VIEW_PEERS)
    _wait(lambda: window.peers_page is not None)
    check(window, "peers")

    # -- dialogs --------------------------------------------------------------------------
    window.show_view(0)
    window.journal.list.setCurrentIndex(window.journal.model.index(0))
    _wait(lambda: window.journal.editor.entry_id is not None)
    dialogs: list[tuple[str, Callable[[], QDialog]]] = [
        ("check-in", window.dialogs.quick_checkin),
        ("settings", window.dialogs.open_settings),
        ("crisis resources", window.dialogs.open_crisis),
        ("share", window.dialogs.share_entry),
        ("export", window.dialogs.open_export),
        ("import", lambda: (window.dialogs.open_import(), window.dialogs.import_dialog)[1]),
    ]
    for name, opener in dialogs:
        dialog = opener()
        _wait(dialog.isVisible)
        QApplication.processEvents()
        time.sleep(0.3)
        QApplication.processEvents()
        tabs = getattr(dialog, "tabs", None) or dialog.findChild(QTabWidget)
        if tabs is not None:
            for number in range(tabs.count()):
                tabs.setCurrentIndex(number)
                check(dialog, f"{name}, tab {number + 1}")
        else:
            check(dialog, name)
        dialog.reject()
    peers = window.peers_page
    from peerjournal.ui.peers.pairing_dialog import MODE_ACCEPT, MODE_INVITE, PairingDialog

    for mode in (MODE_INVITE, MODE_ACCEPT):
        dialog = peers.open_pairing(mode)
        _wait(dialog.isVisible)
        check(dialog, f"pairing, {mode}")
        dialog.reject()
    invite = PairingDialog.showing_invite(worker, _fake_invite(), window)
    invite.open()
    _wait(invite.isVisible)
    check(invite, "pairing, invite ready")
    invite.reject()

    window.lock()
    worker.shutdown()
    print(
        json.dumps(
            {
                "problems": problems,
                "screen": [screen.width(), screen.height()],
                "locale": QLocale().name(),
            }
        )
    )
    return 0


def _fake_invite() -> Any:
    from peerjournal.app.peers import PeerInfo

    code = "pj1:" + "eyJlIjoxNzk2ODAzMjM2LCJrIjoiX3NDZzlHWUdVakVBaVlnT2wz" * 5
    return PeerInfo(
        id="fit-probe",
        name="Sam",
        my_pseudonym="Robin",
        state="invited",
        role="inviter",
        relay_url="https://relay.example.org",
        safety_code=None,
        muted=False,
        waiting=0,
        invite_code=code,
    )


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "en"))
