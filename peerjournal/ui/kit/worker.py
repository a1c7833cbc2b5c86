"""The one worker mechanism of the GUI: a database thread that owns the open session.

Every call into the core that may be slow (key derivation, queries, imports, sync) goes
through :class:`DbWorker.submit`. The callable runs on the worker thread with the current
session; its result or error comes back on the GUI thread through Qt's queued signals.

- A :class:`~peerjournal.errors.PeerJournalError` (a known error) goes to the job's
  ``on_error`` (or the worker's ``failed`` signal): it carries a message meant for the user.
- Any other exception is a bug, and never goes to ``on_error``: its types and frames (never
  its message, which may quote journal text) are recorded by
  :func:`peerjournal.ui.kit.bugs.record`, the ``bug`` signal says where the report is (the
  main window shows the bug dialog), and the job's ``on_bug`` runs, with no argument, so
  its screen can recover (re-enable a button, stop a spinner).
- Jobs submitted before :meth:`DbWorker.lock` still run (so a pending autosave is written)
  but never deliver results afterwards: nothing from an unlocked vault reaches the screen
  once it is locked. Jobs that need a session while none is open fail with VaultLocked.
- Jobs with a ``key`` coalesce: a newer job with the same key replaces one that has not
  started yet (search-as-you-type sends one query per pause, not one per keystroke).
- Callbacks that are bound methods of widgets should be wrapped in :func:`weak`: a job
  holds its ``on_done`` and ``on_error`` until the job object is freed, and the last
  reference to a job can be dropped on the worker thread. A bound method would then
  release the widget's wrapper there, and shiboken defers deleting the widget to the main
  thread, where its parent may already have deleted it: a crash. The weak reference keeps
  the widget's lifetime in the GUI thread's hands; a result for a widget that is gone is
  simply dropped.
- A callback that closes over a widget (a nested function or lambda using ``self``) is
  dropped too when that widget was deleted while its job ran (a window closed during a
  load): :func:`_gone` looks at what it is bound to and what it closes over.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

from peerjournal.errors import PeerJournalError, VaultLocked
from peerjournal.ui.kit.bugs import record


def weak(method: Callable[..., Any]) -> Callable[..., None]:
    """A callable that forwards to a bound ``method`` while its object is alive."""
    ref = weakref.WeakMethod(method)

    def call(*args: Any) -> None:
        target = ref()
        if target is not None:
            target(*args)

    return call


def _no_job(_session: Any) -> None:
    """Stands in for a finished job's callable, which is released on the GUI thread."""


Done = Callable[[Any], None]
Failed = Callable[[PeerJournalError], None]
Recover = Callable[[], object]


def _gone(*callbacks: Callable[..., Any] | None) -> bool:
    """Whether a Qt object one of the callbacks is bound to or closes over was deleted.

    Its result has no screen left to reach: calling it would touch a deleted C++ object.
    """
    for callback in callbacks:
        if callback is None:
            continue
        owners = [getattr(callback, "__self__", None)]
        for cell in getattr(callback, "__closure__", None) or ():
            try:
                owners.append(cell.cell_contents)
            except ValueError:  # a cell not filled yet
                continue
        if any(isinstance(o, QObject) and not shiboken6.isValid(o) for o in owners):
            return True
    return False


@dataclass
class _Job:
    number: int
    generation: int
    fn: Callable[[Any], Any]
    on_done: Done | None
    on_error: Failed | None
    key: str | None
    on_bug: Recover | None = None
    opens: bool = False
    closes: bool = False
    free: bool = False  # needs no open vault (restoring a backup)
    skipped: bool = False
    result: Any = None
    error: BaseException | None = None
    bug_report: str = ""  # where a bug's report was written
    ran: threading.Event | None = None  # set once the job has run (shutdown waits on it)


class _Executor(QObject):
    """Lives on the worker thread and runs jobs one at a time."""

    finished = Signal(object)

    def __init__(self, owner: DbWorker) -> None:
        super().__init__()
        self._owner = owner
        self.session: Any = None

    @Slot(object)
    def run(self, job: _Job) -> None:
        if self._owner._is_superseded(job):
            job.skipped = True
            self.finished.emit(job)
            return
        try:
            if self.session is None and not (job.opens or job.closes or job.free):
                # asked for vault work while locked: a known state, not a bug
                raise VaultLocked()
            if job.closes:
                if self.session is not None:
                    self.session.lock()
                self.session = None
                job.result = None
            else:
                job.result = job.fn(self.session)
                if job.opens:
                    if self.session is not None and self.session is not job.result:
                        self.session.lock()  # one open vault at a time
                    self.session = job.result
        except PeerJournalError as exc:
            job.error = exc
        except Exception as exc:  # a bug: record it (types and frames only) and surface it
            job.error = exc
            job.bug_report = record(exc, "desktop app, worker")
        if job.ran is not None:
            job.ran.set()
        self.finished.emit(job)


class DbWorker(QObject):
    """Runs core calls on one background thread that owns the :class:`Session`."""

    failed = Signal(object)  # PeerJournalError without an on_error handler
    bug = Signal(str)  # a job failed with a bug; the report's path ("" if none was written)
    busy_changed = Signal(bool)
    _dispatch = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._numbers = count(1)
        self._generation = 0
        self._pending = 0
        self._latest_by_key: dict[str, int] = {}
        self._guard = threading.Lock()
        self._thread = QThread()
        self._thread.setObjectName("peerjournal-db")
        self._executor = _Executor(self)
        self._executor.moveToThread(self._thread)
        self._dispatch.connect(self._executor.run)
        self._executor.finished.connect(self._on_finished)
        self._thread.start()

    # -- submitting -------------------------------------------------------------------
    def submit(
        self,
        fn: Callable[[Any], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        on_bug: Recover | None = None,
        key: str | None = None,
    ) -> None:
        """Run ``fn(session)`` on the worker thread; deliver the outcome on the GUI thread.

        ``on_done`` gets the result, ``on_error`` a known error, ``on_bug`` is called when
        ``fn`` failed with a bug (after the ``bug`` signal), so the screen can recover.
        """
        self._enqueue(_Job(0, 0, fn, on_done, on_error, key, on_bug))

    def open(
        self,
        fn: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        on_bug: Recover | None = None,
    ) -> None:
        """Run ``fn()`` (which opens or creates a vault) and keep its session for later jobs."""
        job = _Job(0, 0, lambda _session: fn(), on_done, on_error, None, on_bug, opens=True)
        self._enqueue(job)

    def run_free(
        self,
        fn: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        on_bug: Recover | None = None,
    ) -> None:
        """Run ``fn()``, which needs no open vault (a restore), on the worker thread."""
        job = _Job(0, 0, lambda _session: fn(), on_done, on_error, None, on_bug, free=True)
        self._enqueue(job)

    def lock(self, on_done: Done | None = None) -> None:
        """Lock the session (closes the database) and drop every result still on its way."""
        with self._guard:
            self._generation += 1
        self._enqueue(_Job(0, 0, lambda _s: None, on_done, None, None, closes=True))

    @property
    def has_session(self) -> bool:
        """Whether a session is open (as last reported; the worker owns the object)."""
        return self._executor.session is not None

    @property
    def busy(self) -> bool:
        """Whether jobs are queued or running."""
        return self._pending > 0

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Lock the session and stop the thread (call on application exit)."""
        if not self._thread.isRunning():
            return
        with self._guard:
            self._generation += 1
        done = threading.Event()
        job = _Job(0, self._generation, lambda _s: None, None, None, None, closes=True, ran=done)
        self._pending += 1
        self._dispatch.emit(job)
        done.wait(timeout_ms / 1000)
        self._thread.quit()
        self._thread.wait(timeout_ms)

    # -- internals --------------------------------------------------------------------
    def _enqueue(self, job: _Job) -> None:
        with self._guard:
            job.number = next(self._numbers)
            job.generation = self._generation
            if job.key is not None:
                self._latest_by_key[job.key] = job.number
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._dispatch.emit(job)

    def _is_superseded(self, job: _Job) -> bool:
        with self._guard:
            if job.closes:
                return False
            # Jobs from before a lock still run (an autosave queued just before the lock
            # must reach the disk); only their results are dropped, in _on_finished.
            return job.key is not None and self._latest_by_key.get(job.key) != job.number

    @Slot(object)
    def _on_finished(self, job: _Job) -> None:
        # Take the callables off the job here, on the GUI thread: they are often bound
        # methods of widgets, and the worker thread may drop the last reference to the job;
        # a widget released there is deleted again later by shiboken (a crash).
        on_done, on_error, on_bug = job.on_done, job.on_error, job.on_bug
        job.on_done = job.on_error = job.on_bug = None
        job.fn = _no_job
        self._pending = max(0, self._pending - 1)
        if self._pending == 0:
            self.busy_changed.emit(False)
        stale = job.generation != self._generation and not job.closes
        if stale or job.skipped or _gone(on_done, on_error, on_bug):
            return
        if job.error is None:
            if on_done is not None:
                on_done(job.result)
        elif isinstance(job.error, PeerJournalError):
            if on_error is not None:
                on_error(job.error)
            else:
                self.failed.emit(job.error)
        else:
            self.bug.emit(job.bug_report)
            if on_bug is not None:
                on_bug()
