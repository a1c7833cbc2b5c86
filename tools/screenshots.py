"""Render every screen offscreen into PNGs: ``python -m tools.screenshots DIR``.

A demo vault is built by code (:mod:`tools.demo`) in a temporary folder with
the fast test KDF (these vaults are thrown away), then each screen is shown, driven to
an interesting state, and grabbed, in the light and the dark theme.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from peerjournal.app.session import create_vault
from peerjournal.ui.journal.model import RowRole
from peerjournal.ui.kit import prefs as ui_prefs
from peerjournal.ui.kit.i18n import install_translator
from peerjournal.ui.kit.theme import apply_theme
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.shell.crisis_page import CrisisDialog
from peerjournal.ui.shell.main_window import VIEW_MOOD, VIEW_TRASH, MainWindow
from peerjournal.vault import KdfParams
from tools.demo import DEMO_PASSPHRASE, fill_demo
from tools.screenshot_names import check_name, expected, missing

SIZE = (1366, 768)  # the screen the issue asks the app to fit


def wait_for(predicate: Callable[[], Any], timeout_s: float = 20.0) -> None:
    """Process events until ``predicate()`` is true (the worker answers asynchronously)."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not reach the expected state")
        QTest.qWait(20)
    QTest.qWait(60)  # let layouts and paints settle


def save(widget: QWidget, folder: Path, name: str) -> Path:
    """Grab ``widget`` into ``folder/name.png`` (a name :mod:`tools.screenshot_names` lists)."""
    check_name(name)
    QTest.qWait(50)
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def build_demo_vault(folder: Path) -> None:
    """A demo journal with a couple of entries in the trash."""
    session, _code = create_vault(folder, DEMO_PASSPHRASE, kdf=KdfParams.for_tests())
    try:
        fill_demo(session)
        for summary in session.journal.list(limit=40)[30:33]:
            session.journal.delete(summary.id)
    finally:
        session.lock()


def _window(prefs: ui_prefs.UiPrefs, folder: Path) -> MainWindow:
    worker = DbWorker()
    window = MainWindow(worker, prefs, folder, kdf=KdfParams.for_tests())
    window.resize(*SIZE)
    window.show()
    QTest.qWait(50)
    return window


def render_theme(theme: str, out: Path, demo: Path, work: Path, lang: str = "en") -> None:
    """Every screen in one theme (and language: other than English, named ``NAME-LANG-THEME``)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prefs = ui_prefs.UiPrefs(
        QSettings(str(work / f"ui-{lang}-{theme}.ini"), QSettings.Format.IniFormat)
    )
    prefs.set(ui_prefs.THEME, theme)
    prefs.set(ui_prefs.LANGUAGE, lang)
    install_translator(app, prefs)
    apply_theme(app, prefs)
    if lang != "en":
        theme = f"{lang}-{theme}"  # the file names below end in it

    # first run, with a passphrase being typed so the meter and advice show
    window = _window(prefs, work / f"new-{lang}-{theme}")
    window.first_run.fields.first.setText("maple lantern")
    save(window, out, f"first-run-{theme}")
    # then the one-time recovery code
    strong = "maple lantern orbit pebble"
    window.first_run.fields.first.setText(strong)
    window.first_run.fields.second.setText(strong)
    window.first_run.submit()
    wait_for(lambda: window.first_run.steps.currentIndex() == 1)
    save(window, out, f"recovery-code-{theme}")
    window.close()

    window = _window(prefs, demo)
    page = window.unlock_page
    page.passphrase.setText("not my passphrase")
    page.submit()
    wait_for(lambda: page.message.isVisible())
    save(window, out, f"unlock-{theme}")

    page.passphrase.setText(DEMO_PASSPHRASE)
    page.submit()
    journal = window.journal
    wait_for(lambda: window.is_open and journal.model.rowCount() > 10)
    journal.list.setCurrentIndex(journal.model.index(1))
    wait_for(lambda: journal.editor.entry_id is not None and journal.editor.title.text())
    journal.editor.tabs.setCurrentIndex(1)
    save(window, out, f"journal-{theme}")

    journal.filters.search.setText("walk")
    wait_for(lambda: journal.model.query.search and not journal.model.loading)
    journal.list.setCurrentIndex(journal.model.index(0))
    first_hit = journal.model.index(0).data(RowRole)
    wait_for(lambda: journal.editor.title.text() == first_hit.title)
    journal.editor.tabs.setCurrentIndex(1)
    save(window, out, f"search-{theme}")
    journal.filters.search.setText("")

    refreshed: list[bool] = []
    window._ensure_mood_page().refreshed.connect(lambda: refreshed.append(True))
    window.show_view(VIEW_MOOD)
    wait_for(lambda: refreshed)  # charts and insights arrive through the worker
    save(window, out, f"mood-{theme}")

    dialogs = window.dialogs
    for opener, name in ((dialogs.quick_checkin, "checkin"), (dialogs.open_settings, "settings")):
        loaded: list[bool] = []
        dialog = opener()
        dialog.loaded.connect(partial(loaded.append, True))
        wait_for(partial(bool, loaded), 5)  # the user's labels and lists come from the vault
        save(dialog, out, f"{name}-{theme}")
        if name == "checkin":
            # as someone fills it in: a level, a few chips, a line of note
            dialog.set_level(2)
            for group, names in (
                (dialog.emotions, ("tired", "anxious")),
                (dialog.activities, ("study",)),
            ):
                for chip_name in names:
                    chip = group.chips.get(chip_name)
                    if chip is not None:
                        chip.setChecked(True)
            dialog.note.setPlainText(
                {
                    "de": "Prüfung morgen. Ein Spaziergang hat geholfen.",
                    "ja": "明日は試験。散歩で少し楽になった。",
                }.get(lang, "Exam tomorrow. A walk helped a little.")
            )
            QTest.qWait(50)
            save(dialog, out, f"checkin-filled-{theme}")
        dialog.reject()

    window.show_view(VIEW_TRASH)
    wait_for(lambda: window.trash.model.rowCount() > 0)
    window.trash.list.setCurrentIndex(window.trash.model.index(0))
    wait_for(lambda: window.trash.preview.toPlainText())
    save(window, out, f"trash-{theme}")
    # the crisis page as someone in the language's main country sees it
    crisis = CrisisDialog(window, country={"ja": "JP", "de": "DE"}.get(lang, "GB"))
    crisis.show()
    QTest.qWait(50)
    save(crisis, out, f"crisis-{theme}")
    crisis.reject()
    window.close()


def main(argv: list[str] | None = None) -> int:
    """Render all screens into the folder given as the only argument."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    QCoreApplication.setOrganizationName("PeerJournal-screenshots")
    QCoreApplication.setApplicationName("PeerJournal")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    with tempfile.TemporaryDirectory(prefix="peerjournal-shots-") as temp:
        work = Path(temp)
        demo = work / "demo"
        build_demo_vault(demo)
        for theme in ("light", "dark"):
            render_theme(theme, out, demo, work)
        # CJK rendering, checked by eye: every screen in Japanese, light theme
        render_theme("light", out, demo, work, lang="ja")
        english = ui_prefs.UiPrefs(QSettings(str(work / "ui-en.ini"), QSettings.Format.IniFormat))
        english.set(ui_prefs.LANGUAGE, "en")
        install_translator(app, english)  # the peers screens below are in English
    from tools import feed_screenshots  # the peers screens need their own relay

    status = feed_screenshots.main([str(out)])
    root = Path(__file__).resolve().parents[1]
    unmade = missing(root)
    if unmade:
        for name, pages in sorted(unmade.items()):
            print(f"{', '.join(pages)} shows {name}, which no screenshot maker writes")
        return 1
    absent = sorted(name for name in expected() if not (out / name).is_file())
    if absent:
        print(f"not written: {', '.join(absent)}")
        return 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
