"""Timeouts started and stopped once per request, kept as deadlines (the server's head clock
and keep-alive wait)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class LazyTimer:
    """A timeout that is started and stopped once per request, kept as a deadline.

    ``call_later`` and ``cancel`` for every request (the head's clock and the keep-alive
    wait, each started and stopped once per request) cost about as much as a database
    statement. Here stopping only forgets the deadline and starting only sets one; the
    event loop's timer fires at the earliest deadline it was set for, then sets itself
    again for the current one, or calls back when that has passed. So a connection busy
    with requests holds one timer that fires once per timeout, whatever the number of
    requests, and the callback comes when the deadline passes, as with ``call_later``.
    """

    __slots__ = ("_callback", "_deadline", "_handle", "_loop")

    def __init__(self, loop: asyncio.AbstractEventLoop, callback: Callable[[], None]) -> None:
        self._loop = loop
        self._callback = callback
        self._deadline: float | None = None
        self._handle: asyncio.TimerHandle | None = None

    @property
    def running(self) -> bool:
        """A deadline is set."""
        return self._deadline is not None

    def start(self, seconds: float) -> None:
        """Call back ``seconds`` from now, unless stopped before."""
        deadline = self._loop.time() + seconds
        self._deadline = deadline
        handle = self._handle
        if handle is None:
            self._handle = self._loop.call_at(deadline, self._fire)
        elif deadline < handle.when():
            # sooner than the loop's timer (a shorter timeout than before): set it again
            handle.cancel()
            self._handle = self._loop.call_at(deadline, self._fire)

    def stop(self) -> None:
        """No callback (the loop's timer, if any, fires later and does nothing)."""
        self._deadline = None

    def close(self) -> None:
        """Stop, and drop the loop's timer too (the connection is gone)."""
        self._deadline = None
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _fire(self) -> None:
        self._handle = None
        deadline = self._deadline
        if deadline is None:
            return
        if self._loop.time() < deadline:  # started again since: wait for the new deadline
            self._handle = self._loop.call_at(deadline, self._fire)
            return
        self._deadline = None
        self._callback()
