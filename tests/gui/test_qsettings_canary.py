"""No personal text reaches QSettings or any file outside the encrypted vault.

A canary word is typed into an entry, a mood note, the mood labels, emotion and activity
names and the anonymiser's people and places, all through the real widgets; then every
file under the test's HOME/XDG folders (and the QSettings file wherever Qt keeps it) is
searched for it.
"""

from __future__ import annotations

import os
from pathlib import Path

from peerjournal.ui.journal.editor import EntryEditor
from peerjournal.ui.kit.prefs import UiPrefs
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.mood.checkin import CheckInDialog
from peerjournal.ui.mood.page import MoodPage
from peerjournal.ui.shell.settings_dialog import SettingsDialog

CANARY = "Quokkacanary7731"


def _files_containing(root: Path, needle: bytes, skip: Path) -> list[str]:
    hits = []
    for folder, _dirs, files in os.walk(root):
        if Path(folder).is_relative_to(skip):
            continue
        for name in files:
            path = Path(folder) / name
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if needle in data or needle.lower() in data.lower():
                hits.append(str(path))
    return hits


def test_canary_never_leaves_the_vault(qtbot, worker: DbWorker, tmp_path: Path) -> None:
    prefs = UiPrefs()

    editor = EntryEditor(worker)
    qtbot.addWidget(editor)
    editor.new_entry()
    editor.title.setText(f"{CANARY} title")
    editor.body.setPlainText(f"Today I met {CANARY} by the river.")
    with qtbot.waitSignal(editor.saved):
        editor.save_now()

    checkin = CheckInDialog(worker)
    qtbot.addWidget(checkin)
    with qtbot.waitSignal(checkin.loaded):
        checkin.show()
    checkin.set_level(3)
    checkin.note.setPlainText(f"note about {CANARY}")
    checkin.emotions.new_name.setText(f"{CANARY}-feeling")
    checkin.emotions.add_button.click()
    with qtbot.waitSignal(checkin.saved):
        checkin.save()

    dialog = SettingsDialog(worker, prefs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    dialog.label_edits[2].setText(f"{CANARY}-label")
    dialog.activities.add(f"{CANARY}-activity")
    dialog.emotions.rename(0, f"{CANARY}-renamed")
    dialog.people.add(f"{CANARY} Person")
    dialog.places.add(f"{CANARY} Street")
    dialog.font_size.setValue(13)
    with qtbot.waitSignal(dialog.applied):
        dialog.save_button.click()

    page = MoodPage(worker)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed):
        page.refresh()
    assert page.daily_chart.y_axis.categoriesLabels()[1] == f"{CANARY}-label"

    # Everything really was saved (else the scan below would prove nothing).
    out: list[object] = []
    worker.submit(
        lambda s: (s.mood.labels()[2], s.prefs.get("anonymise.people"), s.journal.count()),
        out.append,
    )
    qtbot.waitUntil(lambda: bool(out))
    assert out[0] == (f"{CANARY}-label", [f"{CANARY} Person"], 1)

    settings_file = Path(prefs.file_name)
    assert settings_file.is_file()
    assert b"13" in settings_file.read_bytes()
    assert CANARY.encode() not in settings_file.read_bytes()
    home = Path(os.environ["HOME"])
    assert list(home.iterdir())  # the settings or other app files landed here
    vault = tmp_path / "vault"
    for root in {home, tmp_path}:
        assert _files_containing(root, CANARY.encode(), skip=vault) == []
