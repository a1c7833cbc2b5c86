"""File → Back up now… / Restore from a backup…, the automatic backup after unlock, the
Backups settings tab and the read-only banner, in a real main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from peerjournal.app.backups import auto_settings, verify_backup
from peerjournal.app.session import open_vault
from tests.gui.shell.test_main_window import PASSPHRASE, _create_vault, _unlock
from tests.helpers.gui import run_job


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are recorded instead of shown."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append("!" + text))
    return shown


def test_back_up_now_and_restore_from_the_file_menu(
    qtbot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: list[str]
) -> None:
    window = make_window()
    _create_vault(qtbot, window)
    run_job(qtbot, window.worker, lambda s: s.journal.add("kept in the backup", title="Kept"))
    # the automatic backup after the first unlock went to backups/ in the vault folder
    qtbot.waitUntil(lambda: any((tmp_path / "vault" / "backups").glob("auto-*.pjbackup")))

    target = tmp_path / "manual.pjbackup"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.backups.back_up_action in file_menu.actions()
    window.backups.back_up_action.trigger()
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    assert str(target) in answers[-1] and not answers[-1].startswith("!")
    assert verify_backup(target, PASSPHRASE).entries == 1

    # Restore works from the unlock screen too (the vault need not open).
    window.lock()
    assert window.backups.restore_action.isEnabled()
    restored = tmp_path / "restored"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(restored))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=20_000)
    assert answers[-1].startswith("Restored 1 ")  # the words: see the plural test below
    session = open_vault(restored, PASSPHRASE)
    assert session.journal.list()[0].title == "Kept"
    session.lock()

    # A wrong passphrase or a damaged file: a plain message, nothing written.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("wrong", True))
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "never")
    )
    window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=20_000)
    assert answers[-1].startswith("!") and "backup" in answers[-1]
    assert not (tmp_path / "never").exists()


def test_backups_settings_tab_shows_and_saves(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    _create_vault(qtbot, window)
    dialog = window.dialogs.open_settings()
    panel = dialog.backups
    qtbot.waitUntil(panel.isEnabled)
    qtbot.waitUntil(lambda: panel.last.text() != "none yet" and panel.last.text() != "")
    assert panel.enabled.isChecked() and panel.keep.value() == 7
    panel.keep.setValue(3)
    panel.folder.setText(str(tmp_path / "elsewhere"))
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)  # the dialog's Save applies them
    qtbot.waitUntil(lambda: run_job(qtbot, window.worker, auto_settings).keep == 3)
    settings = run_job(qtbot, window.worker, auto_settings)
    assert settings.keep == 3 and settings.folder == str(tmp_path / "elsewhere")


def test_read_only_vault_shows_a_banner(qtbot, make_window, tmp_path: Path) -> None:
    from tests.helpers.mounts import read_only_view

    window = make_window()
    _create_vault(qtbot, window)
    run_job(qtbot, window.worker, lambda s: s.journal.add("readable", title="Readable"))
    window.lock()
    with read_only_view(tmp_path / "vault", tmp_path / "ro") as view:
        reader = make_window(view)
        _unlock(qtbot, reader)
        qtbot.waitUntil(reader.banner.isVisible)
        assert "read-only" in reader.banner.text()
        qtbot.waitUntil(lambda: not reader.commands.new_action.isEnabled())
        assert not reader.commands.checkin_action.isEnabled()
        assert reader.backups.back_up_action.isEnabled()
        qtbot.waitUntil(lambda: reader.journal.model.rowCount() == 1)
        reader.lock()
        assert not reader.banner.isVisible()


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "Restored 1 entry and 1 mood log into ", "Restored 2 entries and 2 mood logs into "),
        (
            "de",
            "1 Eintrag und 1 Stimmungseintrag wurden",
            "2 Einträge und 2 Stimmungseinträge wurden",
        ),
        ("ja", "1 件のエントリーと1 件の気分記録を ", "2 件のエントリーと2 件の気分記録を "),
    ],
)
def test_the_restore_message_takes_the_plural_each_count_needs(
    qtbot, qapp, tmp_path: Path, language: str, one: str, two: str
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs
    from peerjournal.ui.kit.worker import DbWorker
    from peerjournal.ui.shell.backups import BackupActions

    prefs = UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    prefs.set(LANGUAGE, language)
    install_translator(qapp, prefs)
    worker = DbWorker()
    try:
        window = QWidget()
        qtbot.addWidget(window)
        actions = BackupActions(window, worker)
        target = tmp_path / "restored"
        assert actions.restored_text(1, 1, target).startswith(one)
        assert actions.restored_text(2, 2, target).startswith(two)
        assert str(target) in actions.restored_text(2, 2, target)
    finally:
        worker.shutdown()
        prefs.set(LANGUAGE, "en")
        install_translator(qapp, prefs)
