"""Fixtures for the GUI tests: isolated UI preferences and a main window on a fast vault."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from peerjournal.ui.kit.prefs import UiPrefs


@pytest.fixture
def ui_prefs(tmp_path: Path) -> UiPrefs:
    """UI preferences in an ini file under tmp_path (never the user's real settings)."""
    return UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, ui_prefs: UiPrefs, tmp_path: Path) -> Iterator[Callable[..., object]]:
    """Build MainWindow instances on ``tmp_path/vault`` with the fast test KDF."""
    from peerjournal.ui.kit.worker import DbWorker
    from peerjournal.ui.shell.main_window import MainWindow
    from peerjournal.vault import KdfParams

    made: list[tuple[object, DbWorker]] = []

    def build(folder: Path | None = None) -> MainWindow:
        worker = DbWorker()
        window = MainWindow(
            worker, ui_prefs, folder or tmp_path / "vault", kdf=KdfParams.for_tests()
        )
        qtbot.addWidget(window)
        window.show()
        made.append((window, worker))
        return window

    yield build
    for _window, worker in made:
        worker.shutdown()


@pytest.fixture
def worker(qtbot, tmp_path: Path) -> Iterator[object]:
    """A database worker holding a fresh fast-KDF vault session (a test may override it)."""
    from peerjournal.ui.kit.worker import DbWorker
    from tests.helpers.vault import make_session

    w = DbWorker()
    opened: list[object] = []
    w.open(lambda: make_session(tmp_path), opened.append)
    qtbot.waitUntil(lambda: bool(opened))
    yield w
    w.shutdown()


@pytest.fixture
def make_worker(qtbot, tmp_path: Path) -> Iterator[Callable[[str], object]]:
    """Workers that each own a fresh fast-KDF vault ``tmp_path/<name>`` (made on their thread)."""
    from peerjournal.ui.kit.worker import DbWorker
    from tests.helpers.vault import make_session

    workers: list[DbWorker] = []

    def make(name: str) -> DbWorker:
        w = DbWorker()
        workers.append(w)
        done: list[object] = []
        w.open(lambda: make_session(tmp_path, name), done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=30_000)
        return w

    yield make
    for w in workers:
        w.shutdown()


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[object]:
    """The real relay in a subprocess on 127.0.0.1 (port 0)."""
    from tests.helpers.relay import RelayProcess

    process = RelayProcess(tmp_path / "relay")
    process.start()
    yield process
    process.stop()
