"""The share dialog: redacted preview, findings to toggle, hand edits, send only on click."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from peerjournal.app.peers import Finding
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.peers.share_dialog import ShareDialog, render
from peerjournal.ui.peers.share_source import utf16 as _utf16
from tests.helpers.gui import run_job
from tests.helpers.relay import RelayProcess

TIMEOUT = 30_000
BODY = "Walked with Priyanka after class. I think Zorblax saw us. Mail priya@example.org any time."


@pytest.fixture
def paired(
    qtbot: Any, make_worker: Callable[[str], DbWorker], relay: RelayProcess
) -> tuple[DbWorker, str]:
    """Vault A paired with B ("Sam", verified); returns A's worker and an entry id in A."""
    worker_a, worker_b = make_worker("a"), make_worker("b")

    def invite(session: Any) -> str:
        service = session.peers
        return service.invite(relay.url, pseudonym="Robin")[1]

    def accept(code: str) -> Callable[[Any], Any]:
        def job(session: Any) -> Any:
            service = session.peers
            return service.accept(code, pseudonym="Sam")

        return job

    def sync(session: Any) -> Any:
        service = session.peers
        return service.sync()

    code = run_job(qtbot, worker_a, invite)
    run_job(qtbot, worker_b, accept(code))
    run_job(qtbot, worker_a, sync)
    run_job(qtbot, worker_a, lambda s: s.peers.verify("Sam"))  # the code was compared
    entry = run_job(qtbot, worker_a, lambda s: s.journal.add(BODY, title="Evening walk"))
    return worker_a, entry.id


def open_dialog(qtbot: Any, worker: DbWorker, entry_id: str) -> ShareDialog:
    dialog = ShareDialog(worker, entry_id)
    qtbot.addWidget(dialog)
    dialog.show()
    # keys go to the focused widget of the active window: on a real X server another test's
    # window may still be the active one, so make this dialog active as a user's click would
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=TIMEOUT)
    return dialog


def outbox(session: Any) -> int:
    service = session.peers
    return sum(p.waiting for p in service.list())


def test_findings_are_listed_highlighted_and_toggle(
    qtbot: Any, paired: tuple[DbWorker, str]
) -> None:
    worker, entry_id = paired
    dialog = open_dialog(qtbot, worker, entry_id)
    lines = [dialog.findings_list.item(i).text() for i in range(dialog.findings_list.count())]
    # numbered as on the command line, categories in plain words
    assert "1. “Priyanka”: a name" in lines, lines
    assert any(line.endswith("“priya@example.org”: an email address") for line in lines)
    review = [i for i, line in enumerate(lines) if "maybe a name (check to replace it)" in line]
    assert review, lines
    assert not any("?" in line or "review" in line for line in lines)
    body = dialog.body_edit.toPlainText()
    assert "[email]" in body and "Zorblax" in body  # a low-confidence name is only flagged
    assert "Priyanka" not in body and "[person]" in body  # a known first name is replaced
    number = review[0]
    assert dialog.findings_list.item(number).checkState() == Qt.CheckState.Unchecked
    dialog.set_finding(number, True)
    assert "Zorblax" not in dialog.body_edit.toPlainText()
    dialog.set_finding(number, False)
    assert "Zorblax" in dialog.body_edit.toPlainText()
    email = next(i for i, line in enumerate(lines) if line.endswith("an email address"))
    dialog.set_finding(email, False)  # the user may keep it, knowingly
    assert "priya@example.org" in dialog.body_edit.toPlainText()
    dialog.set_finding(email, True)
    assert len(dialog.body_edit.extraSelections()) == dialog.findings_list.count()


def test_hand_edits_pause_the_list_until_starting_again(
    qtbot: Any, paired: tuple[DbWorker, str]
) -> None:
    worker, entry_id = paired
    dialog = open_dialog(qtbot, worker, entry_id)
    dialog.body_edit.setPlainText("Just a quiet walk today.")
    assert not dialog.findings_list.isEnabled()
    assert dialog.reset_button.isVisibleTo(dialog)
    preview = dialog.current_preview()
    assert preview is not None and preview.body == "Just a quiet walk today."
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.findings_list.isEnabled()
    assert "[email]" in dialog.body_edit.toPlainText()


def test_nothing_is_sent_without_the_click_and_offline_send_waits(
    qtbot: Any, paired: tuple[DbWorker, str], relay: RelayProcess
) -> None:
    worker, entry_id = paired
    dialog = open_dialog(qtbot, worker, entry_id)
    assert dialog.send_button.text() == "Send to Sam"
    dialog.reject()
    assert run_job(qtbot, worker, outbox) == 0

    relay.stop()
    dialog = open_dialog(qtbot, worker, entry_id)
    with qtbot.waitSignal(dialog.shared, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "when the relay is reachable" in dialog.status.text()
    assert run_job(qtbot, worker, outbox) == 1


def test_without_peers_nothing_can_be_sent(
    qtbot: Any, make_worker: Callable[[str], DbWorker]
) -> None:
    worker = make_worker("alone")
    entry = run_job(qtbot, worker, lambda s: s.journal.add("Just me."))
    dialog = open_dialog(qtbot, worker, entry.id)
    assert "no paired peer" in dialog.status.text()
    assert not dialog.send_button.isEnabled()


def test_missing_entry_shows_the_message(
    qtbot: Any, make_worker: Callable[[str], DbWorker]
) -> None:
    worker = make_worker("empty")
    dialog = ShareDialog(worker, "00000000-0000-0000-0000-000000000000")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.status.text()) and "Preparing" not in dialog.status.text())
    assert not dialog.send_button.isEnabled()


def test_render_spans_and_utf16_positions() -> None:
    text = "Hi 😀 ana@x.org and Bo"
    start = text.index("ana")
    findings = (
        Finding(start, start + 9, "ana@x.org", "email", "[email]", True),
        Finding(len(text) - 2, len(text), "Bo", "person", "[person]", False),
    )
    out, spans = render(text, findings, {0})
    assert out == "Hi 😀 [email] and Bo"
    assert [out[s:e] for s, e, _n in spans] == ["[email]", "Bo"]
    assert _utf16(out, out.index("[")) == out.index("[") + 1  # the emoji is two units


def words_lists(session: Any) -> tuple[list[str], list[str]]:
    service = session.peers
    return service.word_lists()


def test_always_by_keys_is_stored_in_the_vault_when_sent_and_honoured_later(
    qtbot: Any, paired: tuple[DbWorker, str], tmp_path: Path
) -> None:
    worker, entry_id = paired
    dialog = open_dialog(qtbot, worker, entry_id)
    lines = [dialog.findings_list.item(i).text() for i in range(dialog.findings_list.count())]
    zorblax = next(i for i, line in enumerate(lines) if "“Zorblax”" in line)
    priyanka = next(i for i, line in enumerate(lines) if "“Priyanka”" in line)
    # keyboard only: pick a line, Space toggles its box, Tab to "always", Space ticks it
    dialog.findings_list.setFocus()
    dialog.findings_list.setCurrentRow(zorblax)
    qtbot.keyClick(dialog.findings_list, Qt.Key.Key_Space)
    assert "Zorblax" not in dialog.body_edit.toPlainText()
    assert dialog.always_box.text() == "Always redact “Zorblax” when I share"
    qtbot.keyClick(dialog.findings_list, Qt.Key.Key_Tab)
    assert dialog.always_box.hasFocus()
    qtbot.keyClick(dialog.always_box, Qt.Key.Key_Space)
    assert dialog.always_box.isChecked()
    assert dialog.findings_list.item(zorblax).text().endswith("(always)")
    dialog.findings_list.setCurrentRow(priyanka)
    dialog.set_finding(priyanka, False)
    assert dialog.always_box.text() == "Always keep “Priyanka” when I share"
    assert not dialog.always_box.isChecked()
    dialog.always_box.setFocus()
    qtbot.keyClick(dialog.always_box, Qt.Key.Key_Space)
    assert dialog.remembered_words() == (["Priyanka"], ["Zorblax"])
    assert run_job(qtbot, worker, words_lists) == ([], [])  # nothing stored before sending
    with qtbot.waitSignal(dialog.shared, timeout=TIMEOUT):
        qtbot.keyClick(dialog.send_button, Qt.Key.Key_Space)
    assert run_job(qtbot, worker, words_lists) == (["Priyanka"], ["Zorblax"])

    later = open_dialog(qtbot, worker, entry_id)  # honoured by the next share
    body = later.body_edit.toPlainText()
    assert "Priyanka" in body and "Zorblax" not in body and "[redacted]" in body
    # never in QSettings or any plain file: only inside the encrypted vault
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"Zorblax" not in path.read_bytes(), path


def test_a_refused_always_word_is_not_offered(qtbot: Any, paired: tuple[DbWorker, str]) -> None:
    worker, entry_id = paired
    dialog = open_dialog(qtbot, worker, entry_id)
    dialog.findings_list.setCurrentRow(0)
    assert dialog.always_box.isEnabled()
    dialog.body_edit.setPlainText("edited by hand")
    assert not dialog.always_box.isEnabled()  # paused with the list


def test_a_flagged_line_stops_asking_once_checked(qtbot: Any, paired: tuple[DbWorker, str]) -> None:
    worker, entry_id = paired
    dialog = open_dialog(qtbot, worker, entry_id)
    row = next(
        i
        for i in range(dialog.findings_list.count())
        if "“Zorblax”" in dialog.findings_list.item(i).text()
    )
    assert dialog.findings_list.item(row).text().endswith("(check to replace it)")
    dialog.set_finding(row, True)
    assert dialog.findings_list.item(row).text() == f"{row + 1}. “Zorblax”: maybe a name"
