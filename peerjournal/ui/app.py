"""Start the desktop app: ``peerjournal-gui``, ``peerjournal`` without a command, ``make run``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

EXIT_NO_DISPLAY = 2
EXIT_MISSING_LIBRARIES = 3
FIRST_PAINT_ENV = "PEERJOURNAL_EXIT_AFTER_FIRST_PAINT"


def has_display(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt can show a window: always off Linux; on Linux a display or a QPA platform."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return True
    return any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def uses_xcb(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt will use its X11 (xcb) plugin: Linux, X11, no other platform chosen."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if chosen:
        return chosen == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Command-line options of the desktop app."""
    parser = argparse.ArgumentParser(prog="peerjournal-gui", description="PeerJournal desktop app")
    parser.add_argument("--vault", type=Path, help="vault folder (default: PEERJOURNAL_VAULT)")
    return parser.parse_args(argv)


def choose_folder(cli_folder: Path | None, remembered: str) -> Path:
    """--vault, then PEERJOURNAL_VAULT, then the last folder used, then the default."""
    from peerjournal.app.session import default_vault_folder

    if cli_folder is not None:
        return cli_folder.expanduser()
    if os.environ.get("PEERJOURNAL_VAULT"):
        return Path(os.environ["PEERJOURNAL_VAULT"]).expanduser()
    if remembered:
        return Path(remembered)
    return default_vault_folder()


def main(argv: list[str] | None = None) -> int:
    """Run the app; returns the exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from peerjournal.ui.shell import startup

    if not has_display():
        # before any QApplication: Qt would otherwise abort with a long, cryptic message
        print(startup.no_display_message(), file=sys.stderr)
        return EXIT_NO_DISPLAY
    if uses_xcb():
        missing = startup.missing_xcb_libraries()
        if missing:
            print(startup.install_hint(missing), file=sys.stderr)
            return EXIT_MISSING_LIBRARIES
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from peerjournal.ui.kit import prefs as ui_prefs
    from peerjournal.ui.kit.bugs import BugHooks
    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.icons import APP_ICON, icon
    from peerjournal.ui.kit.theme import apply_theme
    from peerjournal.ui.kit.worker import DbWorker
    from peerjournal.ui.shell.main_window import MainWindow

    QCoreApplication.setOrganizationName("PeerJournal")
    QCoreApplication.setApplicationName("PeerJournal")
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    # what escapes a slot on the GUI thread is recorded and shown, like a worker's bug
    hooks = BugHooks(app)
    app.setApplicationDisplayName("PeerJournal")
    app.setDesktopFileName("io.github.peerjournal.PeerJournal")
    app.setWindowIcon(icon(APP_ICON))
    app.setQuitOnLastWindowClosed(False)  # the tray may keep the app alive

    prefs = ui_prefs.UiPrefs()
    install_translator(app, prefs)
    apply_theme(app, prefs)
    folder = choose_folder(args.vault, prefs.get(ui_prefs.VAULT_FOLDER))
    worker = DbWorker()
    window = MainWindow(worker, prefs, folder)
    hooks.bug.connect(window.show_bug)
    if os.environ.get(FIRST_PAINT_ENV) == "1":
        _exit_after_first_paint(window)
    # closing the window quits (MainWindow.closeEvent), unless the user lives in the tray
    window.quit_on_close = True
    window.show()
    status = app.exec()
    worker.shutdown()
    hooks.uninstall()
    return int(status)


def _exit_after_first_paint(window: object) -> None:
    """Print a monotonic timestamp when the window first paints, then quit (startup bench)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class _Spy(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
                self.done = True
                print(f"first-paint-monotonic {time.monotonic():.6f}", flush=True)
                QTimer.singleShot(0, QApplication.quit)
            return False

    spy = _Spy(window)  # type: ignore[arg-type]
    window.installEventFilter(spy)  # type: ignore[attr-defined]


if __name__ == "__main__":
    raise SystemExit(main())


def pdf_renderer() -> Any:
    """The PDF writer of exports, for the command line (Qt is loaded only now)."""
    from peerjournal.ui.export.pdf import render_pdf

    return render_pdf
