"""Guards against a Qt binding that corrupts reference counts (PySide6 6.12.0 did)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    bare = Signal()
    flag = Signal(bool)


def test_emitting_signals_keeps_true_false_and_none_alive(qtbot) -> None:
    emitter = _Emitter()
    emitter.bare.connect(lambda: None)
    emitter.flag.connect(lambda _value: None)
    before = [sys.getrefcount(v) for v in (True, False, None)]
    for _ in range(5000):
        emitter.bare.emit()
        emitter.flag.emit(False)
    after = [sys.getrefcount(v) for v in (True, False, None)]
    # A leak of one reference per emit shows as thousands missing; allow small noise.
    assert all(a - b > -100 for a, b in zip(after, before, strict=True)), (before, after)
