"""SQLite backend: one file in the data folder, WAL mode, group commit on a database thread.

Every operation is a job of the group commit in ``sqlite_jobs.py``: jobs that arrive while
the database is busy share one transaction and one COMMIT, their statements run on the
event loop and the COMMIT on the database thread. This module has the schema's use: the
statements of each operation.

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

import hashlib
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..errors import RelayError, StorageUnavailable, replayed_request
from ..files import private_file, private_folder
from . import rules
from .base import Limits, MailboxStatus, NonceUse, StoredMessage, SweepResult, Totals, new_id
from .migrations import SQLITE, SQLITE_VERSION, NewerSchema
from .sqlite_jobs import GroupCommit

log = logging.getLogger(__name__)

# Only refresh last_active on fetch when it is older than this, to keep fetches read-mostly.
ACTIVITY_GRANULARITY = 3600


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


class SQLiteStorage(GroupCommit):
    """The embedded default backend (see the module docstring)."""

    name = "sqlite"

    def __init__(self, path: Path, limits: Limits, synchronous: str = "full") -> None:
        if synchronous not in {"full", "normal"}:
            raise ValueError("synchronous must be 'full' or 'normal'")
        self.path = path
        self.limits = limits
        self.synchronous = synchronous
        super().__init__()

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
        await self._start()

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
