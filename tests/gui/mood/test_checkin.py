"""Quick check-in dialog: user labels, chips, "add your own", Ctrl+Enter, errors."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerjournal.ui.kit.prefs import THEME, UiPrefs
from peerjournal.ui.kit.theme import apply_theme
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.mood.checkin import CheckInDialog
from tests.helpers.gui import run_job


def _dialog(qtbot, worker: DbWorker) -> CheckInDialog:
    dialog = CheckInDialog(worker)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    _activate(qtbot, dialog)
    return dialog


def _activate(qtbot, dialog: CheckInDialog) -> None:
    """Shortcuts (Ctrl+Enter) reach the active window only; on a real X server the
    window manager takes a moment to activate a new one."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def test_buttons_show_the_users_labels_and_chips(qtbot, worker: DbWorker) -> None:
    def seed(session) -> None:
        session.mood.set_labels({3: "Meh"})
        session.mood.set_emotions(["calm", "wistful", *(f"feeling {i}" for i in range(12))])
        session.mood.set_activities(["garden"])

    run_job(qtbot, worker, seed)
    dialog = _dialog(qtbot, worker)
    assert dialog.level_buttons[3].text() == "Meh"
    assert dialog.level_buttons[5].text() == "Great"
    assert list(dialog.emotions.chips)[:2] == ["calm", "wistful"]
    assert list(dialog.activities.chips) == ["garden"]
    # Every chip is visible and inside its area, also those that wrap onto later lines.
    chips = list(dialog.emotions.chips.values())
    box = chips[0].parentWidget()
    qtbot.waitUntil(lambda: chips[-1].geometry().top() > chips[0].geometry().top())
    assert all(chip.isVisible() for chip in chips)
    assert all(box.rect().contains(chip.geometry()) for chip in chips)


def test_save_needs_a_level_then_ctrl_enter_saves_everything(qtbot, worker: DbWorker) -> None:
    run_job(qtbot, worker, lambda s: s.mood.set_emotions(["calm", "tired"]))
    dialog = _dialog(qtbot, worker)
    assert not dialog.save_button.isEnabled()
    dialog.emotions.chips["tired"].setChecked(True)
    dialog.note.setPlainText("  long day, good tea  ")
    dialog.set_level(2)
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    mood_id = saved.args[0]
    log = run_job(qtbot, worker, lambda s: s.mood.get(mood_id))
    assert log.level == 2
    assert log.emotions == ("tired",)
    assert log.note == "long day, good tea"
    assert not dialog.isVisible()


def test_add_your_own_activity_joins_the_vault_list(qtbot, worker: DbWorker) -> None:
    dialog = _dialog(qtbot, worker)
    dialog.activities.new_name.setText("  pottery   class ")
    dialog.activities.add_button.click()
    assert dialog.activities.chips["pottery class"].isChecked()
    dialog.set_level(4)
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    names = run_job(qtbot, worker, lambda s: s.mood.activities())
    assert "pottery class" in names
    log = run_job(qtbot, worker, lambda s: s.mood.get(saved.args[0]))
    assert log.activities == ("pottery class",)


def test_adding_an_existing_name_reuses_its_chip(qtbot, worker: DbWorker) -> None:
    run_job(qtbot, worker, lambda s: s.mood.set_activities(["Walk"]))
    dialog = _dialog(qtbot, worker)
    dialog.activities.new_name.setText("walk")
    dialog.activities.add_button.click()
    assert list(dialog.activities.chips) == ["Walk"]
    assert dialog.activities.chips["Walk"].isChecked()
    assert dialog.activities.added == []


def test_core_error_is_shown_and_dialog_stays_open(qtbot, worker: DbWorker) -> None:
    dialog = _dialog(qtbot, worker)
    dialog.set_level(3)
    dialog.note.setPlainText("bad\x00note")
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save()
        qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert "note" in dialog.message.text().lower()
    assert dialog.isVisible()
    assert dialog.save_button.isEnabled()


def test_number_keys_pick_a_level_but_type_into_the_note(qtbot, worker: DbWorker) -> None:
    dialog = _dialog(qtbot, worker)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_4)
    qtbot.waitUntil(lambda: dialog.level() == 4)  # a shortcut "animates" its click
    dialog.note.setFocus()
    for key in (Qt.Key.Key_2, Qt.Key.Key_Space, Qt.Key.Key_T, Qt.Key.Key_E, Qt.Key.Key_A):
        qtbot.keyClick(dialog.windowHandle(), key)
    qtbot.waitUntil(lambda: dialog.note.toPlainText() == "2 tea")
    assert dialog.level() == 4  # the text field keeps digits for itself
    assert not dialog.level_buttons[2].isDown()


def test_saving_twice_quickly_saves_once(qtbot, worker: DbWorker) -> None:
    dialog = _dialog(qtbot, worker)
    dialog.set_level(3)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
        dialog.save()  # e.g. Ctrl+Enter pressed twice before the first save finished
    assert len(run_job(qtbot, worker, lambda s: s.mood.list())) == 1


def test_a_bug_while_saving_leaves_the_dialog_usable_and_no_note_in_the_report(
    qtbot, worker: DbWorker, monkeypatch
) -> None:
    from peerjournal.app.mood import MoodService
    from peerjournal.buglog import LOG_NAME, log_folder

    canary = "kingfisher-canary-3141"

    def broken_add(self, level: int, **kwargs: object) -> None:
        raise RuntimeError(f"cannot store {kwargs.get('note')}")

    monkeypatch.setattr(MoodService, "add", broken_add)
    dialog = _dialog(qtbot, worker)
    dialog.set_level(4)
    qtbot.keyClicks(dialog.note, canary)
    with qtbot.waitSignal(worker.bug), qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.save_button.isEnabled)  # the screen recovered: save can be retried
    assert dialog.isVisible()
    assert not dialog.message.isVisible()  # no known-error text made up for a bug
    report = (log_folder() / LOG_NAME).read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in report and "broken_add" in report
    assert canary not in report


def test_return_in_an_emotion_field_adds_the_chip_and_never_saves(qtbot, worker: DbWorker) -> None:
    dialog = _dialog(qtbot, worker)
    qtbot.keyClick(dialog.level_buttons[3], Qt.Key.Key_Return)  # Return presses the focused level
    qtbot.waitUntil(lambda: dialog.level() == 3)
    with qtbot.assertNotEmitted(dialog.saved, wait=300):
        qtbot.keyClicks(dialog.emotions.new_name, "wistful")
        qtbot.keyClick(dialog.emotions.new_name, Qt.Key.Key_Return)
        qtbot.keyClick(
            dialog.emotions.new_name, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier
        )
    assert dialog.isVisible()
    assert dialog.emotions.chips["wistful"].isChecked()
    assert dialog.emotions.new_name.text() == ""
    assert run_job(qtbot, worker, lambda s: s.mood.list()) == []
    qtbot.keyClicks(dialog.note, "the note stays here")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # a new line in the note, not a save
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    log = run_job(qtbot, worker, lambda s: s.mood.get(saved.args[0]))
    assert log.emotions == ("wistful",) and log.note == "the note stays here"


def test_return_on_the_focused_save_button_saves(qtbot, worker: DbWorker) -> None:
    dialog = _dialog(qtbot, worker)
    qtbot.keyClick(dialog.level_buttons[5], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.level() == 5)
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)


def test_the_two_add_buttons_have_different_names(qtbot, worker: DbWorker) -> None:
    dialog = _dialog(qtbot, worker)
    names = {
        dialog.emotions.add_button.accessibleName(),
        dialog.activities.add_button.accessibleName(),
    }
    assert names == {"Add emotion", "Add activity"}


def test_tab_walks_levels_chips_fields_note_then_buttons(qtbot, worker: DbWorker) -> None:
    from tests.helpers.gui import tab_walk

    run_job(
        qtbot, worker, lambda s: (s.mood.set_emotions(["calm"]), s.mood.set_activities(["walk"]))
    )
    dialog = _dialog(qtbot, worker)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.level_buttons[1], Qt.Key.Key_Space)  # Save is enabled by a level
    order = tab_walk(qtbot, dialog.level_buttons[1])
    # the five levels are one stop, like radio buttons: the arrow keys move between them
    assert order == [
        "Level 1: Awful",
        "calm",
        "Add your own emotion",
        "Add emotion",
        "walk",
        "Add your own activity",
        "Add activity",
        "Note",
        "Save",
        "Cancel",
    ]
    qtbot.keyClick(dialog.level_buttons[1], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is dialog.level_buttons[2]


def test_editing_a_check_in_changes_it_and_its_time(qtbot, worker: DbWorker) -> None:
    from datetime import datetime, timedelta

    earlier = datetime(2026, 3, 10, 9, 30).astimezone()  # mid-month: Up on the day adds one
    log = run_job(
        qtbot, worker, lambda s: s.mood.add(2, emotions=["tired"], note="slept badly", at=earlier)
    )
    dialog = CheckInDialog(worker, log=log)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    _activate(qtbot, dialog)
    assert dialog.level() == 2 and dialog.emotions.chips["tired"].isChecked()
    assert dialog.note.toPlainText() == "slept badly"
    qtbot.keyClick(dialog.level_buttons[3], Qt.Key.Key_Space)
    dialog.when.setFocus()
    dialog.when.setCurrentSection(dialog.when.Section.DaySection)
    qtbot.keyClick(dialog.when, Qt.Key.Key_Up)  # one day later
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    changed = run_job(qtbot, worker, lambda s: s.mood.get(log.id))
    assert changed.level == 3 and changed.emotions == ("tired",)
    assert changed.at.date() == (earlier + timedelta(days=1)).date()
    assert len(run_job(qtbot, worker, lambda s: s.mood.list())) == 1


def test_focus_starts_on_the_levels_walks_back_and_esc_closes(qtbot, worker: DbWorker) -> None:
    from tests.helpers.gui import assert_focus_order

    run_job(
        qtbot, worker, lambda s: (s.mood.set_emotions(["calm"]), s.mood.set_activities(["walk"]))
    )
    dialog = _dialog(qtbot, worker)
    assert QApplication.focusWidget() is dialog.level_buttons[1]  # how are you, first
    qtbot.keyClick(dialog.level_buttons[1], Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # level 2 chosen
    assert dialog.level() == 2
    # the chosen level is the group's one stop, as with radio buttons
    assert_focus_order(
        qtbot,
        dialog.level_buttons[2],
        [
            "Level 2: Bad",
            "calm",
            "Add your own emotion",
            "Add emotion",
            "walk",
            "Add your own activity",
            "Add activity",
            "Note",
            "Save",
            "Cancel",
        ],
    )
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert run_job(qtbot, worker, lambda s: s.mood.list()) == []  # Esc saved nothing


def test_enter_on_save_saves_the_check_in(qtbot, worker: DbWorker) -> None:
    dialog = _dialog(qtbot, worker)
    qtbot.keyClick(dialog.level_buttons[4], Qt.Key.Key_Space)
    dialog.save_button.setFocus()
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert [log.level for log in run_job(qtbot, worker, lambda s: s.mood.list())] == [4]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_focused_level_and_chip_look_different_from_unfocused_ones(
    qtbot, worker: DbWorker, ui_prefs: UiPrefs, theme: str
) -> None:
    """A keyboard user sees where Tab went: the buttons' own style sheets once hid the
    theme's focus border, so a focused level or chip looked exactly like the others."""
    app = QApplication.instance()
    ui_prefs.set(THEME, theme)
    apply_theme(app, ui_prefs)
    try:
        run_job(qtbot, worker, lambda s: s.mood.set_emotions(["calm", "tired"]))
        dialog = _dialog(qtbot, worker)
        level, chip = dialog.level_buttons[1], dialog.emotions.chips["calm"]
        qtbot.waitUntil(level.hasFocus)  # focus starts on the levels
        level_focused = level.grab().toImage()
        qtbot.keyClick(level, Qt.Key.Key_Tab)
        qtbot.waitUntil(chip.hasFocus)
        chip_focused = chip.grab().toImage()
        assert level.grab().toImage() != level_focused
        qtbot.keyClick(chip, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: not chip.hasFocus())
        assert chip.grab().toImage() != chip_focused
        # a chosen (filled) level and chip show their focus too
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        qtbot.waitUntil(chip.hasFocus)
        qtbot.keyClick(chip, Qt.Key.Key_Space)
        assert chip.isChecked()
        checked_focused = chip.grab().toImage()
        qtbot.keyClick(chip, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: not chip.hasFocus())
        assert chip.grab().toImage() != checked_focused
    finally:
        ui_prefs.set(THEME, "light")
        apply_theme(app, ui_prefs)
