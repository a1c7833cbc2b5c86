"""Worker callbacks that do not keep their widget alive.

A job handed to :class:`~peerjournal.ui.workers.DbWorker` holds its ``on_done`` and
``on_error`` callables until the job object is freed, and the last reference to a job
can be dropped on the worker thread. A bound method of a widget would then release the
widget's wrapper there, and shiboken defers deleting the widget to the main thread, where
its parent may already have deleted it: a crash. Wrapping the method in a weak reference
keeps the widget's lifetime in the GUI thread's hands; a result for a widget that is gone
is simply dropped.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any


def weak(method: Callable[..., Any]) -> Callable[..., None]:
    """A callable that forwards to a bound ``method`` while its object is alive."""
    ref = weakref.WeakMethod(method)

    def call(*args: Any) -> None:
        target = ref()
        if target is not None:
            target(*args)

    return call
