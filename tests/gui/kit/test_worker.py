"""The database worker the window relies on: coalescing, lock semantics, errors, bugs."""

from __future__ import annotations

import threading
from pathlib import Path

from peerjournal.buglog import LOG_NAME, log_folder
from peerjournal.errors import NotFound, VaultLocked
from peerjournal.ui.kit.worker import DbWorker
from tests.helpers.gui import run_job


def _hold(worker: DbWorker) -> threading.Event:
    """Block the worker thread until the returned event is set."""
    gate = threading.Event()
    worker.submit(lambda _s: gate.wait(60))
    return gate


def test_keyed_jobs_coalesce_to_the_newest(qtbot, worker: DbWorker) -> None:
    gate = _hold(worker)
    ran: list[str] = []
    delivered: list[str] = []
    for text in ("w", "wa", "wal", "walk"):
        worker.submit(lambda _s, t=text: ran.append(t) or t, delivered.append, key="search")
    with qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: not busy):
        gate.set()
    assert ran == ["walk"] and delivered == ["walk"]


def test_results_queued_before_a_lock_are_dropped_but_writes_still_happen(
    qtbot, worker: DbWorker
) -> None:
    gate = _hold(worker)
    delivered: list[object] = []
    worker.submit(lambda s: s.journal.add("written before the lock").id, delivered.append)
    locked: list[object] = []
    worker.lock(locked.append)
    with qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: not busy):
        gate.set()
    assert locked == [None] and delivered == []  # nothing reached the screen after the lock
    assert not worker.has_session


def test_work_without_a_session_is_a_plain_vault_locked_error(qtbot, worker: DbWorker) -> None:
    worker.lock()
    errors: list[object] = []
    with qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: not busy):
        worker.submit(lambda s: s.journal.list(), None, errors.append)
    assert len(errors) == 1 and isinstance(errors[0], VaultLocked)


def test_known_errors_go_to_the_handler_or_the_failed_signal(qtbot, worker: DbWorker) -> None:
    errors: list[object] = []
    with qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: not busy):
        worker.submit(lambda s: s.journal.get("ffffffff"), None, errors.append)
    assert isinstance(errors[0], NotFound)
    with qtbot.waitSignal(worker.failed) as failed:
        worker.submit(lambda s: s.journal.get("ffffffff"))
    assert isinstance(failed.args[0], NotFound)
    assert failed.args[0].message


def test_a_bug_is_recorded_signalled_and_recovered_from_never_dressed_as_a_known_error(
    qtbot, worker: DbWorker, caplog
) -> None:
    errors: list[object] = []
    recovered: list[bool] = []
    with qtbot.waitSignal(worker.bug) as bug:
        worker.submit(
            lambda _s: {}["missing"], None, errors.append, on_bug=lambda: recovered.append(True)
        )
    assert bug.args == [str(log_folder() / LOG_NAME)]  # where the report is, nothing else
    assert "builtins.KeyError" in (log_folder() / LOG_NAME).read_text(encoding="utf-8")
    assert "KeyError" in caplog.text and Path(__file__).name in caplog.text
    assert errors == []  # on_error is for known errors only
    assert recovered == [True]
    # the worker goes on working after a bug
    assert run_job(qtbot, worker, lambda s: s.journal.count()) == 0


def test_a_bug_report_never_carries_journal_text(qtbot, worker: DbWorker, caplog) -> None:
    """Exception messages can quote user text: the log and the bug file keep types and frames."""
    from peerjournal.buglog import LOG_NAME, log_folder

    canary = "canary-heron-7Q"

    def fail(_session: object) -> None:
        raise ValueError(f"could not save {canary}")

    with qtbot.waitSignal(worker.bug):
        worker.submit(fail, None, lambda _e: None)
    report = (log_folder() / LOG_NAME).read_text(encoding="utf-8")
    assert "builtins.ValueError" in report and "desktop app" in report
    assert canary not in report
    assert "ValueError" in caplog.text and canary not in caplog.text


def test_a_result_for_a_widget_deleted_while_its_job_ran_is_dropped(
    qtbot, worker: DbWorker
) -> None:
    import shiboken6
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    delivered: list[object] = []

    def shown(text: object) -> None:  # closes over the label, as a screen's loader does
        delivered.append(text)
        label.setText(str(text))

    alive = QLabel()
    seen: list[object] = []
    gate = _hold(worker)
    worker.submit(lambda _s: "late", shown)
    worker.submit(lambda _s: "kept", lambda text: (seen.append(text), alive.setText(str(text))))
    shiboken6.delete(label)  # the window closed while the job ran
    with qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: not busy):
        gate.set()
    assert delivered == []  # not called: it would touch a deleted widget
    assert seen == ["kept"] and alive.text() == "kept"  # a live widget still gets its result
