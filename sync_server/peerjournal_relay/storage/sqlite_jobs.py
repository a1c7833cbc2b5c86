"""The SQLite backend's database thread and group commit (``sqlite.py`` has the SQL).

Every operation is a job. Jobs that arrive while the database is busy wait, and then all of
them run in one transaction and share one commit (and one WAL fsync with
``synchronous=FULL``). The jobs' statements run on the event loop: they take microseconds,
and running them there avoids handing every statement's result across threads (under load,
each of those hand-overs cost more CPU than the statement). The COMMIT, which waits for the
disk, runs on the database thread, and so does the sweep, which may touch many rows; the
event loop never waits for the disk. Answers are sent only after the commit. The database
is used from one thread at a time: the loop runs no job while a commit is in flight.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import StorageUnavailable
from . import rules
from .base import Totals

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_BATCH = 256


class _Job:
    __slots__ = ("fn", "future", "heavy")

    def __init__(
        self, fn: Callable[[sqlite3.Connection], Any], future: asyncio.Future[Any], heavy: bool
    ) -> None:
        self.fn = fn
        self.future = future
        self.heavy = heavy  # may take long: runs on the database thread, not on the loop


Outcome = tuple[_Job, Any, BaseException | None]


def _resolve(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


class _BatchLost(Exception):
    """A job's error made SQLite roll back the whole transaction."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _known_error(exc: Exception) -> Exception:
    """Database trouble becomes relay_full (disk full) or StorageUnavailable, never a 500."""
    if not isinstance(exc, sqlite3.Error):
        return exc
    name = getattr(exc, "sqlite_errorname", "")
    log.error("SQLite error: %s %s", type(exc).__name__, name)
    if name == "SQLITE_FULL":
        return rules.relay_full()
    return StorageUnavailable("database error")


class GroupCommit:
    """Jobs on one SQLite connection, run in batches that share a transaction and its
    COMMIT (see the module docstring). The storage provides the connection and the totals
    (``_connect``, ``_count``); ``_totals`` is restored with every rolled-back job."""

    def __init__(self) -> None:
        # work for the database thread: a COMMIT of the open transaction, or a whole batch
        self._queue: queue.SimpleQueue[tuple[str, list[Any], Totals] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._conn: sqlite3.Connection | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pending: list[_Job] = []
        self._busy = False  # a batch is running or committing: new jobs wait for the next
        self._flush_scheduled = False
        self._totals = Totals(0, 0, 0)

    def _connect(self) -> sqlite3.Connection:
        """A connection with the schema in place (on the database thread)."""
        raise NotImplementedError

    @staticmethod
    def _count(conn: sqlite3.Connection) -> Totals:
        """The totals as the database has them."""
        raise NotImplementedError

    async def _start(self) -> None:
        """Start the database thread; return once it has connected."""
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()
        self._loop = loop
        self._thread = threading.Thread(
            target=self._run, args=(loop, ready), name="relay-sqlite", daemon=True
        )
        self._thread.start()
        try:
            await ready
        except BaseException:
            self._thread = None
            raise

    async def close(self) -> None:
        """Finish the jobs already queued, then stop the database thread."""
        thread = self._thread
        if thread is None:
            return
        self._thread = None  # no new jobs from here on
        deadline = asyncio.get_running_loop().time() + 30
        while (self._busy or self._pending) and asyncio.get_running_loop().time() < deadline:
            if not self._busy:
                self._flush()
            else:
                await asyncio.sleep(0.005)
        self._queue.put(None)
        await asyncio.to_thread(thread.join)
        self._conn = None

    def _run(self, loop: asyncio.AbstractEventLoop, ready: asyncio.Future[None]) -> None:
        try:
            conn = self._connect()
            self._totals = self._count(conn)
        except Exception as exc:  # reported to open() and raised there
            loop.call_soon_threadsafe(_resolve, ready, None, exc)
            return
        self._conn = conn
        loop.call_soon_threadsafe(_resolve, ready, None, None)
        try:
            self._serve(conn, loop)
        finally:
            conn.close()

    def _serve(self, conn: sqlite3.Connection, loop: asyncio.AbstractEventLoop) -> None:
        """The database thread: commit what the loop ran, or run a whole heavy batch."""
        while True:
            task = self._queue.get()
            if task is None:
                return
            kind, batch, saved_totals = task
            if kind == "commit":
                outcomes = self._commit(conn, batch, saved_totals)
            else:
                outcomes = self._execute(conn, batch)
                if conn.in_transaction:
                    outcomes = self._commit(conn, outcomes, saved_totals)
            loop.call_soon_threadsafe(self._finish, outcomes)

    def _commit(
        self, conn: sqlite3.Connection, batch: list[Outcome], saved_totals: Totals
    ) -> list[Outcome]:
        """COMMIT; on failure roll back, restore the totals and fail every job of the batch."""
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._totals = saved_totals
            failure = _known_error(exc)
            return [(job, None, failure) for job, _result, _error in batch]
        return batch

    # -- the event loop's side -------------------------------------------------------------
    async def _call(self, fn: Callable[[sqlite3.Connection], T], heavy: bool = False) -> T:
        if self._thread is None or self._loop is None:
            raise StorageUnavailable("storage is closed")
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            raise RuntimeError("the SQLite storage is used outside the event loop that opened it")
        future: asyncio.Future[T] = loop.create_future()
        self._pending.append(_Job(fn, future, heavy))
        if not self._busy and not self._flush_scheduled:
            # after the current loop iteration: jobs submitted meanwhile join the batch
            self._flush_scheduled = True
            loop.call_soon(self._flush)
        return await future

    def _flush(self) -> None:
        """Run the waiting jobs (at most MAX_BATCH) and hand their COMMIT to the thread."""
        self._flush_scheduled = False
        if self._busy or not self._pending or self._conn is None:
            return
        batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
        self._busy = True
        saved_totals = self._totals
        if any(job.heavy for job in batch):
            self._queue.put(("batch", batch, saved_totals))
            return
        outcomes = self._execute(self._conn, batch)
        if self._conn.in_transaction:
            self._queue.put(("commit", outcomes, saved_totals))
        else:  # nothing to commit: every job failed and the transaction is gone
            self._finish(outcomes)

    def _finish(self, outcomes: list[Outcome]) -> None:
        """On the loop: answer the batch's jobs, then start the next batch."""
        for job, result, error in outcomes:
            _resolve(job.future, result, error)
        self._busy = False
        if self._pending:
            self._flush()

    def _execute(self, conn: sqlite3.Connection, batch: list[_Job]) -> list[Outcome]:
        """Run the jobs in one open transaction (left open for the COMMIT when any job may
        have succeeded). Most batches have no failing job: they run without a savepoint per
        job; when one fails, the transaction is rolled back and the batch runs again with a
        savepoint around each job, so only the failing job's changes are undone. (Jobs only
        touch the database and the totals, which are restored with it.)"""
        outcomes = self._run_optimistic(conn, batch)
        if outcomes is None:
            outcomes = self._run_isolated(conn, batch)
        return outcomes

    def _run_optimistic(self, conn: sqlite3.Connection, batch: list[_Job]) -> list[Outcome] | None:
        """Every job in one transaction without savepoints (left open); None when one
        failed (rolled back) and the batch must run again job by job."""
        saved_totals = self._totals
        try:
            conn.execute("BEGIN IMMEDIATE")
            results = [job.fn(conn) for job in batch]
        except Exception:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._totals = saved_totals
            return None
        return [(job, result, None) for job, result in zip(batch, results, strict=True)]

    def _run_isolated(self, conn: sqlite3.Connection, batch: list[_Job]) -> list[Outcome]:
        """Every job in its own savepoint of one transaction (left open): a failing job is
        undone alone."""
        outcomes: list[Outcome] = []
        saved_totals = self._totals
        try:
            conn.execute("BEGIN IMMEDIATE")
            for job in batch:
                conn.execute("SAVEPOINT job")
                before = self._totals
                try:
                    result = job.fn(conn)
                except Exception as exc:
                    if not conn.in_transaction:  # SQLite rolled everything back itself
                        raise _BatchLost(exc) from exc
                    conn.execute("ROLLBACK TO job")
                    conn.execute("RELEASE job")
                    self._totals = before
                    outcomes.append((job, None, _known_error(exc)))
                else:
                    conn.execute("RELEASE job")
                    outcomes.append((job, result, None))
        except (sqlite3.Error, _BatchLost) as exc:
            # The whole batch is rolled back (SQLite may already have done so itself, for
            # example on SQLITE_FULL), so no job in it may report success.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._totals = saved_totals
            failure = _known_error(exc.cause if isinstance(exc, _BatchLost) else exc)
            outcomes = [(job, None, failure) for job in batch]
        if not any(error is None for _job, _result, error in outcomes) and conn.in_transaction:
            conn.execute("ROLLBACK")  # every job failed: nothing to commit
        return outcomes
