"""PostgreSQL backend (psycopg 3, async pool): several relay processes can share one database.

Every operation is one transaction. The mailbox row is locked (``SELECT … FOR UPDATE``) while
a message is stored, so quotas and idempotency hold across instances. A stored message is
announced with ``NOTIFY`` so long-polls waiting on any instance wake at once; while the
listening connection is down, waiting fetches poll instead. Relay-wide totals for
the caps are cached per process, counted up by the process's own writes and re-read from
the database every few seconds (with several instances the caps are approximate by that much).
The connections (pool, kept connections, the listening one) are in ``postgres_connections.py``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from ..errors import StorageUnavailable, replayed_request
from . import rules
from .base import Limits, MailboxStatus, NonceUse, StoredMessage, SweepResult, Totals, new_id
from .migrations import POSTGRES, POSTGRES_VERSION, NewerSchema
from .postgres_connections import CHANNEL, CHECK_AFTER_IDLE, PostgresConnections

log = logging.getLogger(__name__)
TOTALS_MAX_AGE = 5.0
ACTIVITY_GRANULARITY = 3600

# A fetch's oldest messages with the envelope bytes before each (octet_length reads a stored
# value's size, not the value), and the condition that keeps the prefix within max_bytes
# (always the first). The database sends only the envelopes the answer carries: without the
# cut a fetch read up to ``limit`` rows, as much as the mailbox quota (16 MiB), to keep 4 MiB
# of them or less.
_OLDEST = (
    "SELECT message_id, envelope, received_at, seq,"
    " coalesce(sum(octet_length(envelope)) OVER (ORDER BY seq"
    "  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,"
    " octet_length(envelope) AS size"
    " FROM messages WHERE recipient_id = %(r)s {where} ORDER BY seq LIMIT %(l)s"
)
_WITHIN = "(m.before = 0 OR m.before + m.size <= %(mb)s)"
# A fetch in one statement (see PostgresStorage.fetch).
_FETCH = (  # constant SQL from this module's parts
    "WITH box AS (SELECT 1 FROM mailboxes WHERE recipient_id = %(r)s),"  # noqa: S608
    " used AS (INSERT INTO nonces (key, nonce, expires_at)"
    "  SELECT %(k)s, %(n)s, %(e)s WHERE EXISTS (SELECT 1 FROM box)"
    "  ON CONFLICT DO NOTHING RETURNING 1),"
    " touched AS (UPDATE mailboxes SET last_active = %(now)s"
    "  WHERE recipient_id = %(r)s AND last_active < %(stale)s"
    "  AND EXISTS (SELECT 1 FROM used)),"
    " m AS (" + _OLDEST.format(where="AND EXISTS (SELECT 1 FROM used)") + ")"
    " SELECT (SELECT count(*) FROM box), (SELECT count(*) FROM used),"
    "  m.message_id, m.envelope, m.received_at"
    " FROM (SELECT 1) AS one LEFT JOIN m ON " + _WITHIN + " ORDER BY m.seq"
)
# An ack that carries the next fetch, in one statement (see PostgresStorage.ack_and_fetch).
# Every part of a statement sees the same snapshot, so the read leaves the acknowledged ids
# out itself; one UPDATE of the mailbox row frees the quota and stamps the activity.
_ACK_AND_FETCH = (  # constant SQL from this module's parts
    "WITH box AS (SELECT 1 FROM mailboxes WHERE recipient_id = %(r)s FOR UPDATE),"  # noqa: S608
    " used AS (INSERT INTO nonces (key, nonce, expires_at)"
    "  SELECT %(k)s, %(n)s, %(e)s WHERE EXISTS (SELECT 1 FROM box)"
    "  ON CONFLICT DO NOTHING RETURNING 1),"
    " gone AS (DELETE FROM messages WHERE recipient_id = %(r)s"
    "  AND message_id = ANY(%(ids)s) AND EXISTS (SELECT 1 FROM used)"
    "  RETURNING length(envelope) AS size),"
    " counted AS (SELECT count(*) AS n, coalesce(sum(size), 0) AS size FROM gone),"
    " updated AS (UPDATE mailboxes SET msg_count = msg_count - counted.n,"
    "  msg_bytes = msg_bytes - counted.size,"
    "  last_active = CASE WHEN last_active < %(stale)s THEN %(now)s ELSE last_active END"
    "  FROM counted WHERE recipient_id = %(r)s AND EXISTS (SELECT 1 FROM used)"
    "  AND (counted.n > 0 OR last_active < %(stale)s)),"
    " m AS ("
    + _OLDEST.format(where="AND EXISTS (SELECT 1 FROM used) AND message_id <> ALL(%(ids)s)")
    + ")"
    " SELECT (SELECT count(*) FROM box), (SELECT count(*) FROM used), (SELECT n FROM counted),"
    "  m.message_id, m.envelope, m.received_at"
    " FROM (SELECT 1) AS one LEFT JOIN m ON " + _WITHIN + " ORDER BY m.seq"
)
# A long-poll's look after a wake-up (see PostgresStorage._recheck).
_RECHECK = (  # constant SQL from this module's parts
    "SELECT m.message_id, m.envelope, m.received_at"  # noqa: S608
    " FROM (SELECT 1 FROM mailboxes WHERE recipient_id = %(r)s) AS box"
    " LEFT JOIN LATERAL (" + _OLDEST.format(where="") + ") AS m ON " + _WITHIN + " ORDER BY m.seq"
)

ADVISORY_LOCK = 727274
# One statement, one row lock: refill by elapsed time, grant what is there (up to n).
_REFILLED = "least(%(b)s, b.tokens + (EXCLUDED.updated - b.updated) * %(r)s)"
_TAKE_TOKENS = """
    INSERT INTO rate_buckets AS b (key, tokens, granted, updated)
    VALUES (%(k)s, %(b)s - least(%(n)s, %(b)s), least(%(n)s, %(b)s),
            extract(epoch from clock_timestamp()))
    ON CONFLICT (key) DO UPDATE SET
        granted = least(%(n)s, floor(REFILLED))::integer,
        tokens = REFILLED - least(%(n)s, floor(REFILLED)),
        updated = EXCLUDED.updated
    RETURNING granted, tokens""".replace("REFILLED", _REFILLED)


# A send in one statement (see PostgresStorage.put_message). The mailbox row is locked first
# (FOR UPDATE re-reads its newest version after waiting for the lock), so the counts the
# quota check sees are current. The nonce is recorded only for an answer that succeeds: a
# repeat of the same bytes, or a new message within the quotas. ON CONFLICT covers an
# identical id committed after the statement's snapshot was taken.
_PUT_MESSAGE = """
    WITH box AS (SELECT recipient_id, msg_count, msg_bytes FROM mailboxes
        WHERE sender_id = %(s)s AND sender_key = %(k)s FOR UPDATE),
    seen AS (SELECT 1 FROM nonces WHERE key = %(k)s AND nonce = %(n)s),
    old AS (SELECT m.envelope FROM messages m JOIN box ON m.recipient_id = box.recipient_id
        WHERE m.message_id = %(m)s),
    ok AS (SELECT 1 FROM box WHERE CASE WHEN EXISTS (SELECT 1 FROM old)
        THEN (SELECT envelope FROM old) = %(e)s
        ELSE %(relay)s AND box.msg_count < %(max_n)s
            AND box.msg_bytes + %(size)s <= %(max_b)s END),
    used AS (INSERT INTO nonces (key, nonce, expires_at)
        SELECT %(k)s, %(n)s, %(x)s WHERE EXISTS (SELECT 1 FROM ok)
        ON CONFLICT DO NOTHING RETURNING 1),
    stored AS (INSERT INTO messages (recipient_id, message_id, envelope, received_at)
        SELECT box.recipient_id, %(m)s, %(e)s, %(now)s FROM box
        WHERE EXISTS (SELECT 1 FROM used) AND NOT EXISTS (SELECT 1 FROM old)
        ON CONFLICT (recipient_id, message_id) DO NOTHING RETURNING recipient_id),
    counted AS (UPDATE mailboxes SET msg_count = msg_count + 1,
        msg_bytes = msg_bytes + %(size)s, last_active = %(now)s
        FROM stored WHERE mailboxes.recipient_id = stored.recipient_id
        RETURNING pg_notify(%(ch)s, encode(stored.recipient_id, 'hex')))
    SELECT box.recipient_id, box.msg_count, box.msg_bytes, EXISTS (SELECT 1 FROM seen),
        EXISTS (SELECT 1 FROM ok), EXISTS (SELECT 1 FROM used), (SELECT envelope FROM old),
        EXISTS (SELECT 1 FROM counted)
    FROM box"""


async def migrate(conn: Any) -> int:
    """Run the numbered migrations the database lacks, in one transaction (caller's)."""
    await conn.execute("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCK,))
    await conn.execute("CREATE TABLE IF NOT EXISTS relay_schema (version integer NOT NULL)")
    cur = await conn.execute("SELECT max(version) FROM relay_schema")
    row = await cur.fetchone()
    version = int(row[0]) if row and row[0] is not None else 0
    if version > POSTGRES_VERSION:
        raise NewerSchema(version, POSTGRES_VERSION)
    for number in range(version + 1, POSTGRES_VERSION + 1):
        for statement in POSTGRES[number - 1]:
            await conn.execute(statement)
        await conn.execute("DELETE FROM relay_schema")
        await conn.execute("INSERT INTO relay_schema VALUES (%s)", (number,))
        if number > 1:
            log.info("relay database upgraded to schema %d", number)
    return POSTGRES_VERSION


class PostgresStorage(PostgresConnections):
    """The shared backend for several relay instances (see the module docstring)."""

    name = "postgresql"

    def __init__(self, url: str, limits: Limits, pool_size: int = 8) -> None:
        super().__init__(url, pool_size)
        self.limits = limits
        self._totals = Totals(0, 0, 0)
        self._totals_at = 0.0

    async def open(self) -> None:
        """Open the pool and create the schema (under an advisory lock, once per database)."""
        await self._open_pool()
        async with self._conn() as conn, conn.transaction():
            await migrate(conn)
        self._listener = asyncio.create_task(self._listen(), name="relay-pg-listen")

    async def _use_nonce(self, conn: Any, nonce: NonceUse) -> None:
        cur = await self._execute(
            conn,
            "INSERT INTO nonces (key, nonce, expires_at) VALUES (%s, %s, %s)"
            " ON CONFLICT DO NOTHING",
            (nonce.key, nonce.nonce, nonce.expires_at),
        )
        if cur.rowcount != 1:
            raise replayed_request()

    async def _box_and_nonce(
        self, conn: Any, select: str, params: tuple[Any, ...], nonce: NonceUse
    ) -> Any:
        """One round trip: ``select`` (the mailbox row, usually locked) and the nonce record,
        which is made only when the mailbox exists. Unknown: auth_failed; replay: 401."""
        cur = await self._execute(
            conn,
            f"WITH box AS ({select}),"  # noqa: S608 - constant SQL from this module
            " used AS (INSERT INTO nonces (key, nonce, expires_at)"
            "  SELECT %s, %s, %s WHERE EXISTS (SELECT 1 FROM box)"
            "  ON CONFLICT DO NOTHING RETURNING 1)"
            " SELECT box.*, (SELECT count(*) FROM used) FROM box",
            (*params, nonce.key, nonce.nonce, nonce.expires_at),
        )
        row = await cur.fetchone()
        rules.require(row)
        if row[-1] != 1:
            raise replayed_request()
        return row[:-1]

    async def _current_totals(self, conn: Any) -> Totals:
        if time.monotonic() - self._totals_at > TOTALS_MAX_AGE:
            cur = await self._execute(
                conn,
                "SELECT count(*), coalesce(sum(msg_count), 0), coalesce(sum(msg_bytes), 0)"
                " FROM mailboxes",
            )
            row = await cur.fetchone()
            self._totals = Totals(int(row[0]), int(row[1]), int(row[2]))
            self._totals_at = time.monotonic()
        return self._totals

    async def create_mailbox(
        self, recipient_key: bytes, now: int, nonce: NonceUse
    ) -> tuple[bytes, bytes]:
        """Create a mailbox with fresh random ids."""
        async with self._conn() as conn, conn.transaction():
            await self._use_nonce(conn, nonce)
            rules.check_create(await self._current_totals(conn), self.limits)
            recipient_id, sender_id = new_id(), new_id()
            await self._execute(
                conn,
                "INSERT INTO mailboxes (recipient_id, sender_id, recipient_key, created_at,"
                " last_active) VALUES (%s, %s, %s, %s, %s)",
                (recipient_id, sender_id, recipient_key, now, now),
            )
            self._totals = rules.totals_after(self._totals, mailboxes=1)
            return recipient_id, sender_id

    async def recipient_key(self, recipient_id: bytes) -> bytes | None:
        """The recipient key, or None."""
        async with self._conn() as conn:
            cur = await self._execute(
                conn, "SELECT recipient_key FROM mailboxes WHERE recipient_id = %s", (recipient_id,)
            )
            row = await cur.fetchone()
        return None if row is None else bytes(row[0])

    async def sender_key(self, sender_id: bytes) -> bytes | None:
        """The sender key, or None."""
        async with self._conn() as conn:
            cur = await self._execute(
                conn, "SELECT sender_key FROM mailboxes WHERE sender_id = %s", (sender_id,)
            )
            row = await cur.fetchone()
        return None if row is None or row[0] is None else bytes(row[0])

    async def secure(self, sender_id: bytes, sender_key: bytes, nonce: NonceUse) -> None:
        """Set the sender key once."""
        async with self._conn() as conn, conn.transaction():
            cur = await self._execute(
                conn,
                "SELECT sender_key FROM mailboxes WHERE sender_id = %s FOR UPDATE",
                (sender_id,),
            )
            row = await cur.fetchone()
            rules.require(row)
            await self._use_nonce(conn, nonce)
            current = None if row[0] is None else bytes(row[0])
            if rules.secure_needs_write(current, sender_key):
                await self._execute(
                    conn,
                    "UPDATE mailboxes SET sender_key = %s WHERE sender_id = %s",
                    (sender_key, sender_id),
                )

    async def put_message(
        self, sender_id: bytes, message_id: bytes, envelope: bytes, now: int, nonce: NonceUse
    ) -> tuple[bool, bytes]:
        """Store an envelope idempotently, enforcing quotas.

        One statement, its own transaction (one round trip instead of four): lock the mailbox
        row (only when the signing key is its sender key), record the nonce when the answer
        will be a success, and store the envelope when no message with this id is there and
        it fits the quotas; then count it and announce it to every instance (``NOTIFY`` is
        delivered at commit) so their waiting fetches wake. Every message of a mailbox is
        written under that row lock. Anything but a new message (a replay, a repeat, a
        conflict, a quota, a race) is decided here from what the statement returns, by the
        shared rules.
        """
        size = len(envelope)
        limits = self.limits
        async with self._conn() as conn:
            totals = await self._current_totals(conn)
            fits_relay = rules.fits_relay(totals, size, limits)
            cur = await self._execute(
                conn,
                _PUT_MESSAGE,
                {
                    "s": sender_id,
                    "k": nonce.key,
                    "n": nonce.nonce,
                    "x": nonce.expires_at,
                    "m": message_id,
                    "e": envelope,
                    "now": now,
                    "size": size,
                    "relay": fits_relay,
                    "max_n": limits.max_messages_per_mailbox,
                    "max_b": limits.max_bytes_per_mailbox,
                    "ch": CHANNEL,
                },
            )
            row = await cur.fetchone()
            rules.require(row)
            recipient_id = bytes(row[0])
            _count, _bytes, seen, ok, used, old, counted = row[1:]
            if counted:
                self._totals = rules.totals_after(self._totals, messages=1, size=size)
                return True, recipient_id
            if seen:
                raise replayed_request()
            if old is not None:
                rules.is_new_message(bytes(old), envelope)  # the same bytes, else 409
                if not used:
                    raise replayed_request()  # the same nonce at the same time
                return False, recipient_id
            if not ok:
                box = rules.SenderBox(recipient_id, int(_count), int(_bytes))
                rules.check_quota(box, size, totals, limits)
                raise StorageUnavailable("message not stored")  # the rule disagrees: a bug
            if not used:
                raise replayed_request()  # the same nonce at the same time
            # An identical id was committed while this one waited for the lock (its row is
            # newer than the statement's snapshot): read it with a fresh snapshot.
            return await self._repeat_after_race(conn, recipient_id, message_id, envelope, nonce)

    async def _repeat_after_race(
        self, conn: Any, recipient_id: bytes, message_id: bytes, envelope: bytes, nonce: NonceUse
    ) -> tuple[bool, bytes]:
        cur = await self._execute(
            conn,
            "SELECT envelope FROM messages WHERE recipient_id = %s AND message_id = %s",
            (recipient_id, message_id),
        )
        row = await cur.fetchone()
        if row is not None and bytes(row[0]) != envelope:
            # refused: its nonce must not count as used (as on every other refusal)
            await self._execute(
                conn, "DELETE FROM nonces WHERE key = %s AND nonce = %s", (nonce.key, nonce.nonce)
            )
            raise rules.message_conflict()
        return False, recipient_id  # the same bytes (or acknowledged since): a repeat

    async def fetch(
        self, recipient_id: bytes, limit: int, max_bytes: int, now: int, nonce: NonceUse | None
    ) -> list[StoredMessage]:
        """The oldest messages, at most ``limit`` and about ``max_bytes``."""
        if nonce is None:
            return await self._recheck(recipient_id, limit, max_bytes)
        # One statement (its own transaction): the mailbox, the nonce record (only when the
        # mailbox exists), the activity stamp when it is old, and the oldest messages (only
        # when the nonce was fresh). A replay or an unknown mailbox reads and writes nothing.
        async with self._conn() as conn:
            cur = await self._execute(
                conn,
                _FETCH,
                {
                    "r": recipient_id,
                    "k": nonce.key,
                    "n": nonce.nonce,
                    "e": nonce.expires_at,
                    "now": now,
                    "stale": now - ACTIVITY_GRANULARITY,
                    "l": limit,
                    "mb": max_bytes,
                },
            )
            rows = await cur.fetchall()
        rules.require(rows[0][0] or None)
        if rows[0][1] != 1:
            raise replayed_request()
        return rules.within_bytes((r[2:] for r in rows if r[2] is not None), max_bytes)

    async def _recheck(
        self, recipient_id: bytes, limit: int, max_bytes: int
    ) -> list[StoredMessage]:
        """A long-poll's look after a wake-up: one statement, no transaction, no nonce."""
        async with self._conn() as conn:
            cur = await self._execute(
                conn,
                _RECHECK,
                {"r": recipient_id, "l": limit, "mb": max_bytes},
            )
            rows = await cur.fetchall()
        rules.require(rows or None)  # no row at all: the mailbox is gone
        return rules.within_bytes((r for r in rows if r[0] is not None), max_bytes)

    async def ack(self, recipient_id: bytes, message_ids: list[bytes], nonce: NonceUse) -> int:
        """Delete acknowledged messages."""
        # One statement (its own transaction): lock the mailbox, record the nonce (only when
        # the mailbox exists), delete (only when the nonce was fresh) and free the quota.
        async with self._conn() as conn:
            cur = await self._execute(
                conn,
                "WITH box AS (SELECT 1 FROM mailboxes WHERE recipient_id = %(r)s FOR UPDATE),"
                " used AS (INSERT INTO nonces (key, nonce, expires_at)"
                "  SELECT %(k)s, %(n)s, %(e)s WHERE EXISTS (SELECT 1 FROM box)"
                "  ON CONFLICT DO NOTHING RETURNING 1),"
                " gone AS (DELETE FROM messages WHERE recipient_id = %(r)s"
                "  AND message_id = ANY(%(ids)s) AND EXISTS (SELECT 1 FROM used)"
                "  RETURNING length(envelope) AS size),"
                " counted AS (SELECT count(*) AS n, coalesce(sum(size), 0) AS size FROM gone),"
                " updated AS (UPDATE mailboxes SET msg_count = msg_count - counted.n,"
                "  msg_bytes = msg_bytes - counted.size FROM counted"
                "  WHERE recipient_id = %(r)s AND counted.n > 0)"
                " SELECT (SELECT count(*) FROM box), (SELECT count(*) FROM used), n FROM counted",
                {
                    "r": recipient_id,
                    "k": nonce.key,
                    "n": nonce.nonce,
                    "e": nonce.expires_at,
                    "ids": rules.unique_ids(message_ids),
                },
            )
            row = await cur.fetchone()
        rules.require(row[0] or None)
        if row[1] != 1:
            raise replayed_request()
        return int(row[2])

    async def ack_and_fetch(
        self,
        recipient_id: bytes,
        message_ids: list[bytes],
        nonce: NonceUse,
        limit: int,
        max_bytes: int,
        now: int,
    ) -> tuple[int, list[StoredMessage]]:
        """The ack, then the fetch that follows it, in one statement (its own transaction):
        a replay or an unknown mailbox deletes, reads and writes nothing."""
        async with self._conn() as conn:
            cur = await self._execute(
                conn,
                _ACK_AND_FETCH,
                {
                    "r": recipient_id,
                    "k": nonce.key,
                    "n": nonce.nonce,
                    "e": nonce.expires_at,
                    "ids": rules.unique_ids(message_ids),
                    "now": now,
                    "stale": now - ACTIVITY_GRANULARITY,
                    "l": limit,
                    "mb": max_bytes,
                },
            )
            rows = await cur.fetchall()
        rules.require(rows[0][0] or None)
        if rows[0][1] != 1:
            raise replayed_request()
        messages = rules.within_bytes((r[3:] for r in rows if r[3] is not None), max_bytes)
        return int(rows[0][2]), messages

    async def status(self, recipient_id: bytes, nonce: NonceUse) -> MailboxStatus:
        """Count and bytes of one mailbox."""
        async with self._conn() as conn, conn.transaction():
            row = await self._box_and_nonce(
                conn,
                "SELECT msg_count, msg_bytes FROM mailboxes WHERE recipient_id = %s",
                (recipient_id,),
                nonce,
            )
            return MailboxStatus(int(row[0]), int(row[1]))

    async def delete_mailbox(self, recipient_id: bytes, nonce: NonceUse) -> None:
        """Delete the mailbox and its messages."""
        async with self._conn() as conn, conn.transaction():
            cur = await self._execute(
                conn, "DELETE FROM mailboxes WHERE recipient_id = %s RETURNING 1", (recipient_id,)
            )
            rules.require(await cur.fetchone())
            await self._use_nonce(conn, nonce)
            await self._execute(
                conn, "DELETE FROM messages WHERE recipient_id = %s", (recipient_id,)
            )

    async def sweep(self, now: int, ttl_seconds: int, idle_seconds: int) -> SweepResult:
        """Delete expired messages, idle mailboxes and old nonces; give connections idle
        for a while back to the pool (it may close them)."""
        await self._release_idle(CHECK_AFTER_IDLE, self._pool)
        async with self._conn() as conn, conn.transaction():
            cur = await self._execute(
                conn,
                "DELETE FROM mailboxes WHERE last_active < %s RETURNING recipient_id",
                (now - idle_seconds,),
            )
            idle = [row[0] for row in await cur.fetchall()]
            if idle:
                await self._execute(
                    conn, "DELETE FROM messages WHERE recipient_id = ANY(%s)", (idle,)
                )
            cur = await self._execute(
                conn,
                "DELETE FROM messages WHERE received_at < %s RETURNING recipient_id,"
                " length(envelope)",
                (now - ttl_seconds,),
            )
            freed: dict[bytes, list[int]] = {}
            for recipient_id, size in await cur.fetchall():
                entry = freed.setdefault(bytes(recipient_id), [0, 0])
                entry[0] += 1
                entry[1] += int(size)
            for recipient_id, (count, size) in freed.items():
                await self._execute(
                    conn,
                    "UPDATE mailboxes SET msg_count = msg_count - %s, msg_bytes = msg_bytes - %s"
                    " WHERE recipient_id = %s",
                    (count, size, recipient_id),
                )
            cur = await self._execute(conn, "DELETE FROM nonces WHERE expires_at < %s", (now,))
            nonces = cur.rowcount
            # buckets untouched for an hour are full again: a missing row means a full one
            await self._execute(
                conn,
                "DELETE FROM rate_buckets WHERE updated < extract(epoch from clock_timestamp())"
                " - 3600",
            )
            self._totals_at = 0.0
        expired = sum(count for count, _ in freed.values())
        return SweepResult(expired, len(idle), nonces)

    async def take_tokens(
        self, key: bytes, wanted: int, rate: float, burst: int
    ) -> tuple[int, float]:
        """Take up to ``wanted`` whole tokens from the shared bucket ``key`` (refilled at
        ``rate`` per second up to ``burst``, by the database's clock, so every instance
        agrees); return how many were granted and the bucket's tokens left."""
        async with self._conn() as conn:
            cur = await self._execute(
                conn, _TAKE_TOKENS, {"k": key, "n": wanted, "r": rate, "b": burst}
            )
            row = await cur.fetchone()
        return int(row[0]), float(row[1])

    async def totals(self) -> Totals:
        """Relay-wide totals (refreshed when older than a few seconds)."""
        async with self._conn() as conn:
            return await self._current_totals(conn)

    async def healthy(self) -> bool:
        """True when PostgreSQL answers."""
        try:
            async with self._conn() as conn:
                await self._execute(conn, "SELECT 1")
        except StorageUnavailable:
            return False
        return True
