"""SQLite backend: one file in the data folder, WAL mode, group commit on a database thread.

Every operation is a job. Jobs that arrive while the database is busy wait, and then all of
them run in one transaction and share one commit (and one WAL fsync with
``synchronous=FULL``). The jobs' statements run on the event loop: they take microseconds,
and running them there avoids handing every statement's result across threads (under load,
each of those hand-overs cost more CPU than the statement). The COMMIT, which waits for the
disk, runs on the database thread, and so does the sweep, which may touch many rows; the
event loop never waits for the disk. Answers are sent only after the commit. The database
is used from one thread at a time: the loop runs no job while a commit is in flight.

The replay store is two parts. Table ``nonces`` holds each used nonce as its expiry and a
fingerprint (keyed BLAKE2b of the nonce under the signing key, 16 bytes), in expiry order, so
a request appends to the table's last page instead of dirtying a random one. The lookup is
the in-memory table ``temp.seen_nonces`` (one row per nonce in ``nonces``): built from
``nonces`` when the storage opens, changed in the same transactions, so a rolled-back job or
a crash loses nothing that was committed. A request's nonce is one statement: the insert into
the lookup, whose trigger appends the row to ``nonces`` (a duplicate is ignored and appends
nothing).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import RelayError, StorageUnavailable, replayed_request
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


def nonce_fingerprint(key: bytes, nonce: bytes) -> bytes:
    """What the replay store keeps of a nonce used with ``key`` (the same pair, the same
    16 bytes; two pairs share them with a chance of about 2**-128)."""
    return hashlib.blake2b(nonce, digest_size=16, key=key).digest()


# A new message for the mailbox whose sender key signed, when it fits the mailbox's quota
# (rules.check_quota's mailbox half, which the step-by-step path asks when nothing is stored):
# finding the mailbox and storing are one statement. A message with this id already there
# is ignored (no row comes back).
_STORE_WITHIN_QUOTA = (
    "INSERT OR IGNORE INTO messages (recipient_id, message_id, envelope, received_at)"
    " SELECT recipient_id, ?, ?, ? FROM mailboxes WHERE sender_id = ? AND sender_key = ?"
    " AND msg_count < ? AND msg_bytes + ? <= ? RETURNING recipient_id"
)


def _use_nonce(conn: sqlite3.Connection, nonce: NonceUse) -> None:
    fingerprint = nonce_fingerprint(nonce.key, nonce.nonce)
    cur = conn.execute(
        "INSERT OR IGNORE INTO temp.seen_nonces (fingerprint, expires_at) VALUES (?, ?)",
        (fingerprint, nonce.expires_at),
    )
    if cur.rowcount != 1:
        raise replayed_request()


def _read_oldest(
    conn: sqlite3.Connection,
    recipient_id: bytes,
    limit: int,
    max_bytes: int,
    now: int,
    nonce: NonceUse | None,
) -> list[StoredMessage]:
    """A fetch's statements: the oldest messages, the nonce, the activity stamp."""
    # the mailbox and its oldest messages in one statement (no message: one row of
    # NULLs after the mailbox's; no mailbox: no row)
    rows = conn.execute(
        "SELECT b.last_active, m.message_id, m.envelope, m.received_at"
        " FROM mailboxes AS b LEFT JOIN messages AS m ON m.recipient_id = b.recipient_id"
        " WHERE b.recipient_id = ? ORDER BY m.seq LIMIT ?",
        (recipient_id, limit),
    ).fetchall()
    rules.require(rows[0] if rows else None)
    if nonce is not None:
        _use_nonce(conn, nonce)
    if now - rows[0][0] > ACTIVITY_GRANULARITY:
        conn.execute(
            "UPDATE mailboxes SET last_active = ? WHERE recipient_id = ?",
            (now, recipient_id),
        )
    return rules.within_bytes((r[1:] for r in rows if r[1] is not None), max_bytes)


def _index_nonces(conn: sqlite3.Connection) -> None:
    """The in-memory lookup of the replay store, from table ``nonces``."""
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.executescript(
        "BEGIN;"
        "CREATE TEMP TABLE seen_nonces"
        " (fingerprint BLOB PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;"
        "INSERT INTO temp.seen_nonces (fingerprint, expires_at)"
        " SELECT fingerprint, expires_at FROM main.nonces;"
        # from here on, each new row of the lookup is recorded in the database too
        "CREATE TEMP TRIGGER record_nonce AFTER INSERT ON seen_nonces BEGIN"
        " INSERT INTO nonces (expires_at, fingerprint) VALUES (NEW.expires_at, NEW.fingerprint);"
        " END;"
        "COMMIT;"
    )


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
        # work for the database thread: a COMMIT of the open transaction, or a whole batch
        self._queue: queue.SimpleQueue[tuple[str, list[Any], Totals] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._conn: sqlite3.Connection | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pending: list[_Job] = []
        self._busy = False  # a batch is running or committing: new jobs wait for the next
        self._flush_scheduled = False
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
            conn.create_function(
                "relay_nonce_fingerprint", 2, nonce_fingerprint, deterministic=True
            )
            migrate(conn)
            _index_nonces(conn)
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
            if rules.fits_relay(self._totals, size, self.limits):  # the usual send
                recipient_id = self._store_within_quota(
                    conn, sender_id, nonce.key, message_id, envelope, now
                )
                if recipient_id is not None:
                    _use_nonce(conn, nonce)  # a replay fails the job, undoing the insert
                    return True, self._count_stored(conn, recipient_id, size, now)
            # anything else (unknown sender, over quota, a repeat or a conflict) step by step
            row = conn.execute(
                "SELECT recipient_id, msg_count, msg_bytes FROM mailboxes"
                " WHERE sender_id = ? AND sender_key = ?",
                (sender_id, nonce.key),
            ).fetchone()
            rules.require(row)
            _use_nonce(conn, nonce)
            box = rules.SenderBox(bytes(row[0]), int(row[1]), int(row[2]))
            try:  # the quota only matters for a new message
                rules.check_quota(box, size, self._totals, self.limits)
                over_quota: RelayError | None = None
            except RelayError as exc:
                over_quota = exc
            if over_quota is None:
                # a message with this id already there is ignored here and compared below
                stored = conn.execute(
                    "INSERT OR IGNORE INTO messages (recipient_id, message_id, envelope,"
                    " received_at) VALUES (?, ?, ?, ?)",
                    (box.recipient_id, message_id, envelope, now),
                ).rowcount
                if stored == 1:
                    return True, self._count_stored(conn, box.recipient_id, size, now)
            old = conn.execute(
                "SELECT envelope FROM messages WHERE recipient_id = ? AND message_id = ?",
                (box.recipient_id, message_id),
            ).fetchone()
            if old is None:
                raise over_quota or StorageUnavailable("message not stored")
            rules.is_new_message(bytes(old[0]), envelope)  # the same bytes, else 409
            return False, box.recipient_id

        return await self._call(job)

    def _store_within_quota(
        self,
        conn: sqlite3.Connection,
        sender_id: bytes,
        key: bytes,
        message_id: bytes,
        envelope: bytes,
        now: int,
    ) -> bytes | None:
        """Store a new message when its mailbox's quota has room (one statement where the
        step-by-step path takes two); the recipient id, or None when nothing was stored."""
        limits = self.limits
        row = conn.execute(
            _STORE_WITHIN_QUOTA,
            (
                message_id,
                envelope,
                now,
                sender_id,
                key,
                limits.max_messages_per_mailbox,
                len(envelope),
                limits.max_bytes_per_mailbox,
            ),
        ).fetchone()
        return None if row is None else bytes(row[0])

    def _count_stored(
        self, conn: sqlite3.Connection, recipient_id: bytes, size: int, now: int
    ) -> bytes:
        """Count a message just stored in its mailbox and the totals; its recipient id."""
        conn.execute(
            "UPDATE mailboxes SET msg_count = msg_count + 1,"
            " msg_bytes = msg_bytes + ?, last_active = ? WHERE recipient_id = ?",
            (size, now, recipient_id),
        )
        self._totals = rules.totals_after(self._totals, messages=1, size=size)
        return recipient_id

    async def fetch(
        self, recipient_id: bytes, limit: int, max_bytes: int, now: int, nonce: NonceUse | None
    ) -> list[StoredMessage]:
        """The oldest messages, at most ``limit`` and about ``max_bytes``."""

        def job(conn: sqlite3.Connection) -> list[StoredMessage]:
            return _read_oldest(conn, recipient_id, limit, max_bytes, now, nonce)

        return await self._call(job)

    async def ack(self, recipient_id: bytes, message_ids: list[bytes], nonce: NonceUse) -> int:
        """Delete acknowledged messages."""

        def job(conn: sqlite3.Connection) -> int:
            return self._acknowledge(conn, recipient_id, message_ids, nonce)

        return await self._call(job)

    async def ack_and_fetch(
        self,
        recipient_id: bytes,
        message_ids: list[bytes],
        nonce: NonceUse,
        limit: int,
        max_bytes: int,
        now: int,
    ) -> tuple[int, list[StoredMessage]]:
        """The ack, then the fetch that follows it, in one job (one transaction)."""

        def job(conn: sqlite3.Connection) -> tuple[int, list[StoredMessage]]:
            count = self._acknowledge(conn, recipient_id, message_ids, nonce)
            return count, _read_oldest(conn, recipient_id, limit, max_bytes, now, None)

        return await self._call(job)

    def _acknowledge(
        self,
        conn: sqlite3.Connection,
        recipient_id: bytes,
        message_ids: list[bytes],
        nonce: NonceUse,
    ) -> int:
        # An unknown mailbox raises below, which undoes the nonce record with the job.
        _use_nonce(conn, nonce)
        sizes = self._delete_messages(conn, recipient_id, message_ids)
        if not sizes:
            rules.require(
                conn.execute(
                    "SELECT 1 FROM mailboxes WHERE recipient_id = ?", (recipient_id,)
                ).fetchone()
            )
            return 0
        counted = conn.execute(
            "UPDATE mailboxes SET msg_count = msg_count - ?, msg_bytes = msg_bytes - ?"
            " WHERE recipient_id = ?",
            (len(sizes), sum(sizes), recipient_id),
        ).rowcount
        rules.require(counted or None)  # messages without their mailbox: never kept
        self._totals = rules.totals_after(self._totals, messages=-len(sizes), size=-sum(sizes))
        return len(sizes)

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
            conn.execute(
                "DELETE FROM temp.seen_nonces WHERE fingerprint IN"
                " (SELECT fingerprint FROM main.nonces WHERE expires_at < ?)",
                (now,),
            )
            nonces = conn.execute("DELETE FROM nonces WHERE expires_at < ?", (now,)).rowcount
            self._totals = self._count(conn)
            return SweepResult(expired, len(idle), nonces)

        return await self._call(job, heavy=True)

    async def totals(self) -> Totals:
        """Totals kept by the storage (counted by its own committed writes)."""
        return self._totals

    async def healthy(self) -> bool:
        """True when the database thread answers."""
        try:
            await self._call(lambda conn: conn.execute("SELECT 1").fetchone())
        except StorageUnavailable:
            return False
        return True
