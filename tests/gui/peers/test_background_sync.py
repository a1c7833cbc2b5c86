"""Background sync: rounds on a timer off the GUI thread, backing off while the relay is
unreachable, paused while locked, with its state in words."""

from __future__ import annotations

import threading
from typing import Any

from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.peers import background as background_module
from peerjournal.ui.peers.background import BackgroundSync
from tests.helpers.gui import run_job

TIMEOUT = 30_000


def test_rounds_run_on_the_worker_back_off_offline_and_pause(
    qtbot: Any, worker: DbWorker, relay: Any, monkeypatch: Any
) -> None:
    def invite(session: Any) -> None:
        session.peers.invite(relay.url, pseudonym="Robin")

    run_job(qtbot, worker, invite, timeout=TIMEOUT)
    threads: list[str] = []
    real_round = background_module.sync_round

    def spying_round(session: Any, *args: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real_round(session, *args)

    monkeypatch.setattr(background_module, "sync_round", spying_round)
    sync = BackgroundSync(worker, 0)
    sync.set_interval_ms(300)
    states: list[str] = []
    sync.state_changed.connect(states.append)
    with qtbot.waitSignal(sync.outcome, timeout=TIMEOUT) as first:
        sync.start()
    assert not first.args[0].report.errors
    assert threads and threading.main_thread().name not in threads  # never the GUI thread
    assert sync.state.startswith("Checked at") and sync.scheduled
    assert sync.delay_ms == 300

    relay.stop()  # offline: the wait doubles each time
    with qtbot.waitSignal(sync.outcome, timeout=TIMEOUT) as offline:
        pass
    assert offline.args[0].report.errors
    assert sync.state.startswith("Offline. Trying again in about")
    assert 500 <= sync.delay_ms <= 700
    with qtbot.waitSignal(sync.outcome, timeout=TIMEOUT):
        pass
    assert 1000 <= sync.delay_ms <= 1400

    sync.stop()  # locked
    assert not sync.scheduled
    assert sync.state == "Paused while the journal is locked."
    rounds = len(threads)
    qtbot.wait(1500)
    assert len(threads) == rounds  # nothing runs while locked
    # the only pairing is an invite: the words say it waits, and how often it is looked for
    assert any(s.startswith("Your invite is waiting") and "every 1 minute" in s for s in states)


def test_no_pairings_no_rounds(qtbot: Any, worker: DbWorker) -> None:
    sync = BackgroundSync(worker, 0)
    sync.set_interval_ms(100)
    with qtbot.waitSignal(sync.state_changed, timeout=TIMEOUT):
        sync.start()
    qtbot.waitUntil(lambda: "No peers yet" in sync.state)
    assert not sync.scheduled


def test_locking_the_window_pauses_background_sync(qtbot: Any, make_window: Any, tmp_path) -> None:
    from tests.helpers.vault import PASSPHRASE, make_vault

    make_vault(tmp_path)[0].lock()
    window = make_window()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        window.unlock_page.submit()
    assert window.background.running
    window.lock()
    assert not window.background.running and not window.background.scheduled
