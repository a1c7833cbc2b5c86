"""Measure one unlock in this process: passphrase in, main window painted, first page shown.

Used by ``bench/bench_gui_unlock.py``, which runs ``python bench/unlock_probe.py VAULT
PASSPHRASE`` in fresh processes. Prints one line ``RESULT {json}`` with the key
derivation time (the vault's own Argon2id cost, timed in this process), the time from
pressing Unlock to the first paint of the workspace and of the first page of entries, the
row count and the resident memory afterwards. Nothing from the vault is printed.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from peerjournal.crypto.kdf import PURPOSE_PASSPHRASE_WRAP, derive, normalise_passphrase
from peerjournal.ui.kit import prefs as ui_prefs
from peerjournal.ui.kit.theme import apply_theme
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.shell.main_window import MainWindow
from peerjournal.vault.header import read_header


def kdf_seconds(folder: Path, passphrase: str) -> float:
    """Time one Argon2id derivation with the vault's own parameters."""
    slot = read_header(folder).passphrase
    secret = normalise_passphrase(passphrase)
    start = time.perf_counter()
    derive(secret, slot.salt, slot.params, PURPOSE_PASSPHRASE_WRAP)
    return time.perf_counter() - start


def _wait(signal: object, timeout_ms: int = 60_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def probe(folder: Path, passphrase: str) -> dict[str, float | int]:
    """Unlock ``folder`` through the real window and return the measurements."""
    QCoreApplication.setOrganizationName("PeerJournal-bench")
    app = QApplication([sys.argv[0]])
    temp = tempfile.TemporaryDirectory()
    prefs = ui_prefs.UiPrefs(QSettings(str(Path(temp.name) / "ui.ini"), QSettings.Format.IniFormat))
    apply_theme(app, prefs)
    worker = DbWorker()
    window = MainWindow(worker, prefs, folder)
    window.resize(1180, 760)
    window.show()
    for _ in range(20):  # let the unlock screen settle and paint
        app.processEvents()
        time.sleep(0.01)

    marks: dict[str, float] = {}
    journal = window.journal
    window.workspace_painted.connect(lambda: marks.setdefault("paint", time.perf_counter()))

    def page_arrived(_rows: int) -> None:
        marks.setdefault("page", time.perf_counter())
        journal.list.viewport().repaint()  # the paint that shows the first page
        marks.setdefault("page_paint", time.perf_counter())

    journal.model.page_loaded.connect(page_arrived)
    kdf_s = kdf_seconds(folder, passphrase)
    window.unlock_page.passphrase.setText(passphrase)
    start = time.perf_counter()
    window.unlock_page.submit()
    _wait(window.workspace_painted)
    if "page_paint" not in marks:
        _wait(journal.model.page_loaded)
    for _ in range(5):
        app.processEvents()
    rss_kb = 0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss_kb = int(line.split()[1])
    result: dict[str, float | int] = {
        "kdf_s": kdf_s,
        "first_paint_s": marks["paint"] - start,
        "first_page_paint_s": marks["page_paint"] - start,
        "rows": journal.model.rowCount(),
        "rss_mb": rss_kb / 1024,
    }
    worker.shutdown()
    temp.cleanup()
    return result


def main(argv: list[str] | None = None) -> int:
    """``python bench/unlock_probe.py VAULT PASSPHRASE``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python bench/unlock_probe.py VAULT PASSPHRASE", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print("RESULT " + json.dumps(probe(Path(args[0]), args[1])), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
