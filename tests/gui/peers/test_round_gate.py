"""Locking stops a sync round under way (issue 9 §4: rounds pause between pairings, so
the lock must not wait for a whole round): the worker's gate, closed on lock, makes a
round visit no further pairing, and opens again on unlock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from peerjournal.ui.peers.background import BackgroundSync
from peerjournal.ui.peers.sync_job import gate_for, sync_round
from tests.helpers.relay import FakeRelay
from tests.helpers.vault import make_session


class Worker:
    """Stands for a DbWorker: a gate belongs to whatever object runs the rounds."""


def test_a_closed_gate_stops_rounds_and_unlock_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    relay = FakeRelay()
    monkeypatch.setattr("peerjournal.app.relays.RelayClient", lambda _url: relay)
    sessions = [make_session(tmp_path, n) for n in ("a", "b", "c")]
    for n, s in enumerate(sessions[1:]):
        _info, code = sessions[0].peers.invite("http://r.test", pseudonym="A")
        s.peers.accept(code, pseudonym=f"P{n}")
    worker = Worker()
    gate = gate_for(worker)
    assert gate_for(worker) is gate and not gate.closed()
    gate.close()
    relay.calls.clear()
    outcome = sync_round(sessions[0], gate.closed)
    assert relay.calls == [] and outcome.report.paired == []  # nothing was visited
    gate.open()
    assert sorted(sync_round(sessions[0], gate.closed).report.paired) == ["P0", "P1"]
    for s in sessions:
        s.lock()


def test_background_sync_closes_the_gate_on_lock_and_opens_it_on_unlock(
    qtbot: Any, worker: Any
) -> None:
    background = BackgroundSync(worker, 300_000)
    gate = gate_for(worker)
    background.start()
    assert not gate.closed()
    background.stop()
    assert gate.closed()
    background.start()
    assert not gate.closed()
    background.stop_read_only()
    assert gate.closed()
