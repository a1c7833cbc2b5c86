"""SQLite backend: one file in the data folder, WAL mode, one writer thread with group commit.

Every operation runs as a job on a single database thread. The thread takes all jobs that
are waiting, runs each inside its own SAVEPOINT of one transaction and commits once, so
many concurrent sends share one commit (and one WAL fsync with ``synchronous=FULL``) without
blocking the event loop. Answers are sent only after the commit.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import StorageUnavailable, replayed_request
from ..files import private_file, private_folder
from . import rules
from .base import Limits, MailboxStatus, NonceUse, StoredMessage, SweepResult, Totals, new_id
from .migrations import SQLITE, SQLITE_VERSION, NewerSchema

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_BATCH = 256

# Only refresh last_active on fetch when it is older than this, to keep fetches read-mostly.
ACTIVITY_GRANULARITY = 3600


class _Job:
    __slots__ = ("fn", "future", "loop")

    def __init__(
        self,
        fn: Callable[[sqlite3.Connection], Any],
        future: asyncio.Future[Any],
        loop: asyncio.AbstractEventLoop,
    ) -> None:
        self.fn = fn
        self.future = future
        self.loop = loop


def _resolve(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


def _resolve_all(outcomes: list[tuple[asyncio.Future[Any], Any, BaseException | None]]) -> None:
    for future, result, error in outcomes:
        _resolve(future, result, error)


def _use_nonce(conn: sqlite3.Connection, nonce: NonceUse) -> None:
    cur = conn.execute(
        "INSERT OR IGNORE INTO nonces (key, nonce, expires_at) VALUES (?, ?, ?)",
        (nonce.key, nonce.nonce, nonce.expires_at),
    )
    if cur.rowcount != 1:
        raise replayed_request()


def migrate(conn: sqlite3.Connection) -> int:
    """Run the numbered migrations the database lacks, each in its own transaction."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    for number in range(version + 1, SQLITE_VERSION + 1):
        conn.executescript(
            f"BEGIN IMMEDIATE;\n{SQLITE[number - 1]}\nPRAGMA user_version={number};\nCOMMIT;"
        )
        if number > 1:
            log.info("relay database upgraded to schema %d", number)
    return SQLITE_VERSION


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


class SQLiteStorage:
    """The embedded default backend (see the module docstring)."""

    name = "sqlite"

    def __init__(self, path: Path, limits: Limits, synchronous: str = "full") -> None:
        if synchronous not in {"full", "normal"}:
            raise ValueError("synchronous must be 'full' or 'normal'")
        self.path = path
        self.limits = limits
        self.synchronous = synchronous
        self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._totals = Totals(0, 0, 0)

    def recheck_interval(self, configured: float) -> float | None:
        """None: this process owns the file, so the relay's own wake-ups are complete."""
        return None

    def set_message_listener(self, callback: Callable[[bytes], None]) -> None:
        """Nothing to listen to: no other process writes this database."""

    # -- lifecycle -----------------------------------------------------------------------
    async def open(self) -> None:
        """Create the private folder and the schema, and start the database thread."""
        private_folder(self.path.parent)
        private_file(self.path)
        ready: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        loop = asyncio.get_running_loop()
        self._thread = threading.Thread(
            target=self._run, args=(loop, ready), name="relay-sqlite", daemon=True
        )
        self._thread.start()
        await ready

    async def close(self) -> None:
        """Finish queued jobs, then stop the database thread."""
        if self._thread is not None:
            self._queue.put(None)
            await asyncio.to_thread(self._thread.join)
            self._thread = None

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=10.0
        )
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SQLITE_VERSION:
                raise NewerSchema(version, SQLITE_VERSION)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(f"PRAGMA synchronous={self.synchronous.upper()}")
            conn.execute("PRAGMA busy_timeout=10000")
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _run(self, loop: asyncio.AbstractEventLoop, ready: asyncio.Future[None]) -> None:
        try:
            conn = self._connect()
            self._totals = self._count(conn)
        except Exception as exc:  # reported to open() and raised there
            loop.call_soon_threadsafe(_resolve, ready, None, exc)
            return
        loop.call_soon_threadsafe(_resolve, ready, None, None)
        try:
            self._serve(conn)
        finally:
            conn.close()

    def _serve(self, conn: sqlite3.Connection) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            stop = False
            while len(batch) < MAX_BATCH:
                try:
                    job = self._queue.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    stop = True
                    break
                batch.append(job)
            self._run_batch(conn, batch)
            if stop:
                return

    def _run_batch(self, conn: sqlite3.Connection, batch: list[_Job]) -> None:
        # Most batches have no failing job: run them without a savepoint per job. When one
        # fails, the whole transaction is rolled back and the batch runs again with a
        # savepoint around each job, so only the failing job's changes are undone. (Jobs
        # only touch the database and the totals, which are restored with it.)
        outcomes = self._run_optimistic(conn, batch)
        if outcomes is None:
            outcomes = self._run_isolated(conn, batch)
        # One wake-up of each event loop for the whole batch, not one per job: every
        # call_soon_threadsafe takes the loop's lock and may write to its wake-up pipe.
        by_loop: dict[asyncio.AbstractEventLoop, list[Any]] = {}
        for job, result, error in outcomes:
            by_loop.setdefault(job.loop, []).append((job.future, result, error))
        for loop, resolved in by_loop.items():
            loop.call_soon_threadsafe(_resolve_all, resolved)

    def _run_optimistic(
        self, conn: sqlite3.Connection, batch: list[_Job]
    ) -> list[tuple[_Job, Any, BaseException | None]] | None:
        """Every job in one transaction without savepoints; None when one failed (rolled
        back) and the batch must run again job by job."""
        saved_totals = self._totals
        try:
            conn.execute("BEGIN IMMEDIATE")
            results = [job.fn(conn) for job in batch]
            conn.execute("COMMIT")
        except Exception:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._totals = saved_totals
            return None
        return [(job, result, None) for job, result in zip(batch, results, strict=True)]

    def _run_isolated(
        self, conn: sqlite3.Connection, batch: list[_Job]
    ) -> list[tuple[_Job, Any, BaseException | None]]:
        """Every job in its own savepoint of one transaction: a failing job is undone alone."""
        outcomes: list[tuple[_Job, Any, BaseException | None]] = []
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
            conn.execute("COMMIT")
        except (sqlite3.Error, _BatchLost) as exc:
            # The whole batch is rolled back (SQLite may already have done so itself, for
            # example on SQLITE_FULL), so no job in it may report success.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._totals = saved_totals
            failure = _known_error(exc.cause if isinstance(exc, _BatchLost) else exc)
            outcomes = [(job, None, failure) for job in batch]
        return outcomes

    async def _call(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        if self._thread is None:
            raise StorageUnavailable("storage is closed")
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._queue.put(_Job(fn, future, loop))
        return await future

    @staticmethod
    def _count(conn: sqlite3.Connection) -> Totals:
        mailboxes, messages, size = conn.execute(
            "SELECT count(*), coalesce(sum(msg_count), 0), coalesce(sum(msg_bytes), 0)"
            " FROM mailboxes"
        ).fetchone()
        return Totals(int(mailboxes), int(messages), int(size))

    # -- operations ----------------------------------------------------------------------
    async def create_mailbox(
        self, recipient_key: bytes, now: int, nonce: NonceUse
    ) -> tuple[bytes, bytes]:
        """Create a mailbox with fresh random ids."""

        def job(conn: sqlite3.Connection) -> tuple[bytes, bytes]:
            _use_nonce(conn, nonce)
            rules.check_create(self._totals, self.limits)
            recipient_id, sender_id = new_id(), new_id()
            conn.execute(
                "INSERT INTO mailboxes (recipient_id, sender_id, recipient_key, created_at,"
                " last_active) VALUES (?, ?, ?, ?, ?)",
                (recipient_id, sender_id, recipient_key, now, now),
            )
            self._totals = rules.totals_after(self._totals, mailboxes=1)
            return recipient_id, sender_id

        return await self._call(job)

    async def recipient_key(self, recipient_id: bytes) -> bytes | None:
        """The recipient key, or None."""

        def job(conn: sqlite3.Connection) -> bytes | None:
            row = conn.execute(
                "SELECT recipient_key FROM mailboxes WHERE recipient_id = ?", (recipient_id,)
            ).fetchone()
            return None if row is None else bytes(row[0])

        return await self._call(job)

    async def sender_key(self, sender_id: bytes) -> bytes | None:
        """The sender key, or None."""

        def job(conn: sqlite3.Connection) -> bytes | None:
            row = conn.execute(
                "SELECT sender_key FROM mailboxes WHERE sender_id = ?", (sender_id,)
            ).fetchone()
            return None if row is None or row[0] is None else bytes(row[0])

        return await self._call(job)

    async def secure(self, sender_id: bytes, sender_key: bytes, nonce: NonceUse) -> None:
        """Set the sender key once."""

        def job(conn: sqlite3.Connection) -> None:
            row = conn.execute(
                "SELECT sender_key FROM mailboxes WHERE sender_id = ?", (sender_id,)
            ).fetchone()
            rules.require(row)
            _use_nonce(conn, nonce)
            current = None if row[0] is None else bytes(row[0])
            if rules.secure_needs_write(current, sender_key):
                conn.execute(
                    "UPDATE mailboxes SET sender_key = ? WHERE sender_id = ?",
                    (sender_key, sender_id),
                )

        await self._call(job)

    async def put_message(
        self, sender_id: bytes, message_id: bytes, envelope: bytes, now: int, nonce: NonceUse
    ) -> tuple[bool, bytes]:
        """Store an envelope idempotently, enforcing quotas."""
        size = len(envelope)

        def job(conn: sqlite3.Connection) -> tuple[bool, bytes]:
            row = conn.execute(
                "SELECT recipient_id, msg_count, msg_bytes FROM mailboxes"
                " WHERE sender_id = ? AND sender_key = ?",
                (sender_id, nonce.key),
            ).fetchone()
            rules.require(row)
            _use_nonce(conn, nonce)
            box = rules.SenderBox(bytes(row[0]), int(row[1]), int(row[2]))
            old = conn.execute(
                "SELECT envelope FROM messages WHERE recipient_id = ? AND message_id = ?",
                (box.recipient_id, message_id),
            ).fetchone()
            if not rules.is_new_message(None if old is None else bytes(old[0]), envelope):
                return False, box.recipient_id
            rules.check_quota(box, size, self._totals, self.limits)
            conn.execute(
                "INSERT INTO messages (recipient_id, message_id, envelope, received_at)"
                " VALUES (?, ?, ?, ?)",
                (box.recipient_id, message_id, envelope, now),
            )
            conn.execute(
                "UPDATE mailboxes SET msg_count = msg_count + 1, msg_bytes = msg_bytes + ?,"
                " last_active = ? WHERE recipient_id = ?",
                (size, now, box.recipient_id),
            )
            self._totals = rules.totals_after(self._totals, messages=1, size=size)
            return True, box.recipient_id

        return await self._call(job)

    async def fetch(
        self, recipient_id: bytes, limit: int, max_bytes: int, now: int, nonce: NonceUse | None
    ) -> list[StoredMessage]:
        """The oldest messages, at most ``limit`` and about ``max_bytes``."""

        def job(conn: sqlite3.Connection) -> list[StoredMessage]:
            box = conn.execute(
                "SELECT last_active FROM mailboxes WHERE recipient_id = ?", (recipient_id,)
            ).fetchone()
            rules.require(box)
            if nonce is not None:
                _use_nonce(conn, nonce)
            if now - box[0] > ACTIVITY_GRANULARITY:
                conn.execute(
                    "UPDATE mailboxes SET last_active = ? WHERE recipient_id = ?",
                    (now, recipient_id),
                )
            rows = conn.execute(
                "SELECT message_id, envelope, received_at FROM messages"
                " WHERE recipient_id = ? ORDER BY seq LIMIT ?",
                (recipient_id, limit),
            )
            return rules.within_bytes(rows, max_bytes)

        return await self._call(job)

    async def ack(self, recipient_id: bytes, message_ids: list[bytes], nonce: NonceUse) -> int:
        """Delete acknowledged messages."""

        def job(conn: sqlite3.Connection) -> int:
            rules.require(
                conn.execute(
                    "SELECT 1 FROM mailboxes WHERE recipient_id = ?", (recipient_id,)
                ).fetchone()
            )
            _use_nonce(conn, nonce)
            sizes = self._delete_messages(conn, recipient_id, message_ids)
            if sizes:
                conn.execute(
                    "UPDATE mailboxes SET msg_count = msg_count - ?, msg_bytes = msg_bytes - ?"
                    " WHERE recipient_id = ?",
                    (len(sizes), sum(sizes), recipient_id),
                )
                self._totals = rules.totals_after(
                    self._totals, messages=-len(sizes), size=-sum(sizes)
                )
            return len(sizes)

        return await self._call(job)

    @staticmethod
    def _delete_messages(
        conn: sqlite3.Connection, recipient_id: bytes, message_ids: list[bytes]
    ) -> list[int]:
        sizes: list[int] = []
        for message_id in rules.unique_ids(message_ids):
            row = conn.execute(
                "DELETE FROM messages WHERE recipient_id = ? AND message_id = ?"
                " RETURNING length(envelope)",
                (recipient_id, message_id),
            ).fetchone()
            if row is not None:
                sizes.append(int(row[0]))
        return sizes

    async def status(self, recipient_id: bytes, nonce: NonceUse) -> MailboxStatus:
        """Count and bytes of one mailbox."""

        def job(conn: sqlite3.Connection) -> MailboxStatus:
            row = conn.execute(
                "SELECT msg_count, msg_bytes FROM mailboxes WHERE recipient_id = ?",
                (recipient_id,),
            ).fetchone()
            rules.require(row)
            _use_nonce(conn, nonce)
            return MailboxStatus(int(row[0]), int(row[1]))

        return await self._call(job)

    async def delete_mailbox(self, recipient_id: bytes, nonce: NonceUse) -> None:
        """Delete the mailbox and its messages."""

        def job(conn: sqlite3.Connection) -> None:
            row = conn.execute(
                "DELETE FROM mailboxes WHERE recipient_id = ? RETURNING msg_count, msg_bytes",
                (recipient_id,),
            ).fetchone()
            rules.require(row)
            _use_nonce(conn, nonce)
            conn.execute("DELETE FROM messages WHERE recipient_id = ?", (recipient_id,))
            self._totals = rules.totals_after(
                self._totals, mailboxes=-1, messages=-int(row[0]), size=-int(row[1])
            )

        await self._call(job)

    async def sweep(self, now: int, ttl_seconds: int, idle_seconds: int) -> SweepResult:
        """Delete expired messages, idle mailboxes and old nonces."""

        def job(conn: sqlite3.Connection) -> SweepResult:
            idle = [
                row[0]
                for row in conn.execute(
                    "SELECT recipient_id FROM mailboxes WHERE last_active < ?",
                    (now - idle_seconds,),
                )
            ]
            for recipient_id in idle:
                conn.execute("DELETE FROM messages WHERE recipient_id = ?", (recipient_id,))
                conn.execute("DELETE FROM mailboxes WHERE recipient_id = ?", (recipient_id,))
            cur = conn.execute("DELETE FROM messages WHERE received_at < ?", (now - ttl_seconds,))
            expired = cur.rowcount
            if expired:
                conn.execute(
                    "UPDATE mailboxes SET"
                    " msg_count = (SELECT count(*) FROM messages m"
                    "   WHERE m.recipient_id = mailboxes.recipient_id),"
                    " msg_bytes = (SELECT coalesce(sum(length(envelope)), 0) FROM messages m"
                    "   WHERE m.recipient_id = mailboxes.recipient_id)"
                )
            nonces = conn.execute("DELETE FROM nonces WHERE expires_at < ?", (now,)).rowcount
            self._totals = self._count(conn)
            return SweepResult(expired, len(idle), nonces)

        return await self._call(job)

    async def totals(self) -> Totals:
        """Totals kept by the database thread."""
        return self._totals

    async def healthy(self) -> bool:
        """True when the database thread answers."""
        try:
            await self._call(lambda conn: conn.execute("SELECT 1").fetchone())
        except StorageUnavailable:
            return False
        return True
