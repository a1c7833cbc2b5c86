"""Settings dialog: UI prefs persist in QSettings, personal lists in the vault, passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import QLabel

from peerjournal.app.session import open_vault
from peerjournal.ui.kit.prefs import (
    AUTO_LOCK_MINUTES,
    FONT_SIZE,
    LANGUAGE,
    LIVE_IN_TRAY,
    REMINDER_ENABLED,
    REMINDER_TIME,
    THEME,
    UiPrefs,
)
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.shell.settings_dialog import PEOPLE_KEY, PLACES_KEY, SettingsDialog
from tests.helpers.gui import run_job
from tests.helpers.vault import PASSPHRASE

NEW_PASSPHRASE = "lantern otter gravel mosaic quietly"


@pytest.fixture
def settings_file(tmp_path: Path) -> str:
    return str(tmp_path / "home" / "ui.ini")


def _prefs(path: str) -> UiPrefs:
    return UiPrefs(QSettings(path, QSettings.Format.IniFormat))


def _dialog(qtbot, worker: DbWorker, prefs: UiPrefs) -> SettingsDialog:
    dialog = SettingsDialog(worker, prefs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    return dialog


def test_ui_preferences_persist_across_instances(qtbot, worker, settings_file) -> None:
    dialog = _dialog(qtbot, worker, _prefs(settings_file))
    dialog.auto_lock.setValue(3)
    dialog.reminder_enabled.setChecked(True)
    dialog.reminder_time.setTime(QTime(7, 45))
    dialog.live_in_tray.setChecked(True)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.font_size.setValue(14)
    with qtbot.waitSignal(dialog.applied):
        dialog.save_button.click()
    assert not dialog.isVisible()

    fresh = _prefs(settings_file)
    assert fresh.get(AUTO_LOCK_MINUTES) == 3
    assert fresh.get(REMINDER_ENABLED) is True
    assert fresh.get(REMINDER_TIME) == "07:45"
    assert fresh.get(LIVE_IN_TRAY) is True
    assert fresh.get(THEME) == "dark"
    assert fresh.get(LANGUAGE) == "de"
    assert fresh.get(FONT_SIZE) == 14
    again = _dialog(qtbot, worker, fresh)
    assert again.auto_lock.value() == 3
    assert again.reminder_time.time() == QTime(7, 45)
    assert again.reminder_time.isEnabled()
    assert again.theme.currentData() == "dark"
    assert again.language.currentData() == "de"
    assert again.font_size.value() == 14


def test_cancel_changes_nothing(qtbot, worker, settings_file) -> None:
    prefs = _prefs(settings_file)
    dialog = _dialog(qtbot, worker, prefs)
    dialog.font_size.setValue(20)
    dialog.label_edits[1].setText("Stormy")
    with qtbot.assertNotEmitted(dialog.applied):
        dialog.buttons.rejected.emit()
    assert _prefs(settings_file).get(FONT_SIZE) == FONT_SIZE.default
    assert run_job(qtbot, worker, lambda s: s.mood.labels())[1] == "Awful"


def test_personal_lists_are_saved_in_the_vault(qtbot, worker, settings_file) -> None:
    run_job(qtbot, worker, lambda s: s.mood.set_activities(["walk", "work", "chess"]))
    dialog = _dialog(qtbot, worker, _prefs(settings_file))
    dialog.label_edits[1].setText("  Stormy  ")
    dialog.label_edits[5].setText("Sunny")
    assert dialog.emotions.add("wistful")
    assert not dialog.emotions.add("WISTFUL")  # no case-insensitive duplicates
    index = dialog.activities.names().index("work")
    dialog.activities.rename(index, "studying")
    dialog.activities.list.item(dialog.activities.names().index("chess")).setSelected(True)
    dialog.activities.remove_selected()
    dialog.people.new_name.setText("Priya")
    dialog.people.add_button.click()
    dialog.places.add("Riverside library")
    with qtbot.waitSignal(dialog.applied):
        dialog.save()

    labels, emotions, activities, people, places = run_job(
        qtbot,
        worker,
        lambda s: (
            s.mood.labels(),
            s.mood.emotions(),
            s.mood.activities(),
            s.prefs.get(PEOPLE_KEY),
            s.prefs.get(PLACES_KEY),
        ),
    )
    assert labels[1] == "Stormy" and labels[5] == "Sunny" and labels[3] == "Okay"
    assert emotions[-1] == "wistful"
    assert activities == ["walk", "studying"]
    assert people == ["Priya"]
    assert places == ["Riverside library"]
    again = _dialog(qtbot, worker, _prefs(settings_file))
    assert again.label_edits[1].text() == "Stormy"
    assert again.people.names() == ["Priya"]


def test_vault_failure_keeps_dialog_open_and_ui_prefs_unsaved(qtbot, worker, settings_file) -> None:
    dialog = _dialog(qtbot, worker, _prefs(settings_file))
    dialog.font_size.setValue(19)
    worker.lock()
    with qtbot.assertNotEmitted(dialog.applied):
        dialog.save()
        qtbot.waitUntil(dialog.message.isVisible)
    assert "locked" in dialog.message.text().lower()
    assert dialog.isVisible()
    assert _prefs(settings_file).get(FONT_SIZE) == FONT_SIZE.default


def test_change_passphrase_wrong_then_right(qtbot, worker, settings_file, tmp_path) -> None:
    dialog = _dialog(qtbot, worker, _prefs(settings_file))
    panel = dialog.passphrase
    dialog.tabs.setCurrentWidget(panel)
    labels = [w for w in panel.findChildren(QLabel) if w.buddy() is panel.old]
    assert labels and labels[0].isVisible() and labels[0].text() == "Current passphrase"
    panel.old.setText("not my passphrase")
    panel.fields.first.setText(NEW_PASSPHRASE)
    panel.fields.second.setText(NEW_PASSPHRASE)
    assert panel.change_button.isEnabled()
    panel.change_button.click()
    qtbot.waitUntil(lambda: "does not unlock" in panel.message.text())
    assert panel.old.text() == ""

    panel.old.setText(PASSPHRASE)
    with qtbot.waitSignal(panel.changed):
        panel.change_button.click()
    assert "changed" in panel.message.text()
    assert panel.fields.first.text() == ""
    worker.shutdown()
    session = open_vault(tmp_path / "vault", NEW_PASSPHRASE)
    session.lock()


def test_mismatched_new_passphrase_cannot_be_submitted(qtbot, worker, settings_file) -> None:
    dialog = _dialog(qtbot, worker, _prefs(settings_file))
    panel = dialog.passphrase
    panel.old.setText(PASSPHRASE)
    panel.fields.first.setText(NEW_PASSPHRASE)
    panel.fields.second.setText(NEW_PASSPHRASE + "x")
    assert not panel.change_button.isEnabled()
    panel.change()
    assert "same twice" in panel.message.text()


def test_the_reminder_time_is_off_limits_while_reminders_are_off(qtbot, worker, ui_prefs) -> None:
    from PySide6.QtCore import Qt, QTime

    from peerjournal.ui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(worker, ui_prefs)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.reminder_enabled.isChecked()
    assert not dialog.reminder_time.isEnabled() and not dialog.reminder_time_label.isEnabled()
    before = dialog.reminder_time.time()
    qtbot.keyClicks(dialog.reminder_time, "0715")
    assert dialog.reminder_time.time() == before  # typing does nothing while off
    qtbot.keyClick(dialog.reminder_enabled, Qt.Key.Key_Space)
    assert dialog.reminder_time.isEnabled() and dialog.reminder_time_label.isEnabled()
    dialog.reminder_time.setTime(QTime(7, 15))
    qtbot.keyClick(dialog.reminder_enabled, Qt.Key.Key_Space)
    assert not dialog.reminder_time.isEnabled()


def test_settings_sections_are_a_list_walked_with_the_keyboard(qtbot, worker, ui_prefs) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from peerjournal.ui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(worker, ui_prefs)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # shortcuts need it
    sections = dialog.tabs
    assert sections.count() >= 5 and sections.currentIndex() == 0
    qtbot.keyClick(sections.list, Qt.Key.Key_Down)
    assert sections.currentIndex() == 1
    qtbot.keyClick(dialog.theme, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert sections.currentIndex() == 2
    qtbot.keyClick(sections.list, Qt.Key.Key_End)
    assert sections.currentWidget() is sections.widget(sections.count() - 1)
    qtbot.waitUntil(lambda: not worker.busy)


def test_save_pressed_before_the_vault_part_arrived_saves_everything(
    qtbot, worker, settings_file, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under load the backups section arrived, the vault's own part not yet: Save then kept
    only the app's choices and dropped the backup settings just edited."""
    import threading

    from PySide6.QtCore import Qt

    from peerjournal.app.backups import auto_settings
    from peerjournal.ui.shell import settings_dialog as module

    release = threading.Event()
    real_load = module.load_vault_settings

    def slow_load(session):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_load(session)

    monkeypatch.setattr(module, "load_vault_settings", slow_load)
    dialog = SettingsDialog(worker, _prefs(settings_file))
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.backups
    qtbot.waitUntil(panel.isEnabled)
    panel.keep.setValue(3)
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert dialog.isVisible()  # waits for the rest instead of closing half saved
    with qtbot.waitSignal(dialog.applied, timeout=10_000):
        release.set()
    assert run_job(qtbot, worker, auto_settings).keep == 3


def test_focus_order_esc_cancels_and_enter_saves(qtbot, worker, ui_prefs) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog

    from tests.helpers.gui import assert_focus_order

    dialog = _dialog(qtbot, worker, ui_prefs)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    # the sections first (Up and Down choose one), then the section shown, then the buttons
    assert QApplication.focusWidget() is dialog.tabs.list
    general = [
        "Settings sections",
        "Lock after idle minutes",
        "Remind me to check in every day",
        "Keep running in the tray when the window closes",
        "Suggest a writing prompt in an empty entry",
        "Check for peer messages every",
        "Notify me when a peer shares something",
        "Offer support after a very low check-in",
        "Language",
        "Save",
        "Cancel",
    ]
    assert_focus_order(qtbot, dialog.tabs.list, general)
    # reminders on: the time comes right after its check box
    dialog.reminder_enabled.setFocus()
    qtbot.keyClick(dialog.reminder_enabled, Qt.Key.Key_Space)
    assert_focus_order(qtbot, dialog.tabs.list, [*general[:3], "Reminder time", *general[3:]])

    qtbot.keyClick(dialog.auto_lock, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert not ui_prefs.get(REMINDER_ENABLED)  # Esc saved nothing

    dialog = _dialog(qtbot, worker, ui_prefs)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.auto_lock.setFocus()
    dialog.auto_lock.lineEdit().selectAll()
    qtbot.keyClicks(dialog.auto_lock, "7")
    with qtbot.waitSignal(dialog.applied):
        qtbot.keyClick(dialog.auto_lock, Qt.Key.Key_Return)  # Save is the default button
    assert ui_prefs.get(AUTO_LOCK_MINUTES) == 7


def test_the_mood_dots_take_the_theme_colours_the_charts_use(
    qtbot, qapp, worker, settings_file
) -> None:
    from PySide6.QtGui import QColor, QPalette

    from peerjournal.ui.kit.theme import apply_theme, mood_colour

    def dots(dialog: SettingsDialog) -> dict[int, str]:
        found = {}
        for level, swatch in dialog.mood_swatches.items():
            sheet = swatch.styleSheet()
            found[level] = QColor(sheet.split("background:")[1].split(";")[0].strip()).name()
        return found

    before = (QPalette(qapp.palette()), qapp.styleSheet())
    prefs = _prefs(settings_file)
    try:
        prefs.set(THEME, "light")
        apply_theme(qapp, prefs)
        dialog = _dialog(qtbot, worker, prefs)
        light = dots(dialog)
        assert light == {n: mood_colour(n, qapp.palette()).name() for n in range(1, 6)}
        prefs.set(THEME, "dark")
        apply_theme(qapp, prefs)  # while the dialog is open
        qtbot.waitUntil(lambda: dots(dialog) != light)
        assert dots(dialog) == {n: mood_colour(n, qapp.palette()).name() for n in range(1, 6)}
    finally:
        qapp.setPalette(before[0])
        qapp.setStyleSheet(before[1])
