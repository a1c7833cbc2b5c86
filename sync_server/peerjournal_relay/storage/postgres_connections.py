"""The PostgreSQL backend's connections (``postgres.py`` has the SQL).

The pool (psycopg_pool), the connections the storage keeps between operations instead of
giving each back (the pool's own hand-over costs more CPU than a statement's round trip),
the operations waiting for one, and the connection that LISTENs for the notifications of
stored messages. Database trouble while a connection is borrowed becomes
``StorageUnavailable`` (a 503), never a 500.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import weakref
from collections import deque
from collections.abc import Callable
from types import TracebackType
from typing import Any

from ..errors import StorageUnavailable

try:  # the driver is an optional extra: pip install peerjournal-relay[postgres]
    import psycopg
    from psycopg_pool import AsyncConnectionPool, PoolTimeout
except ImportError:  # pragma: no cover - reported when a PostgreSQL URL is configured
    psycopg = None  # type: ignore[assignment]

# the backend's one logger, as before its connections had a module of their own
log = logging.getLogger("peerjournal_relay.storage.postgres")
CHANNEL = "peerjournal_relay"
# With notifications working, waiting fetches still re-check this often, in case one is lost.
SAFETY_RECHECK = 5.0
# A pooled connection used this recently is handed out without a test query: under load every
# borrow would otherwise cost one more round trip. One that sat idle longer (a server restart
# or a firewall may have cut it meanwhile) is tested first.
CHECK_AFTER_IDLE = 2.0
# How long a request waits for a connection (all of them busy, or the pool reconnecting).
POOL_TIMEOUT = 10.0
# A connection the storage keeps between requests goes back to the pool after this long in
# its hands, so the pool's own lifetime and health rules still apply to it.
KEEP_SECONDS = 30.0


def _expire(future: asyncio.Future[Any]) -> None:
    if not future.done():
        future.set_exception(StorageUnavailable("database unavailable"))


class _Borrowed:
    """``async with storage._conn() as conn``: a connection for one operation; database
    trouble becomes StorageUnavailable (a 503), never a 500."""

    __slots__ = ("_conn", "_storage")

    def __init__(self, storage: PostgresConnections) -> None:
        self._storage = storage
        self._conn: Any = None

    async def __aenter__(self) -> Any:
        self._conn = await self._storage._take()
        return self._conn

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self._storage._give(self._conn)
        if isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)):
            log.warning("PostgreSQL unavailable: %s", type(exc).__name__)
            raise StorageUnavailable("database unavailable") from exc


class PostgresConnections:
    """Connections for the operations of :class:`~.postgres.PostgresStorage` (see the
    module docstring): ``async with self._conn() as conn`` borrows one, ``_execute`` runs a
    statement on its reused cursor."""

    def __init__(self, url: str, pool_size: int) -> None:
        if psycopg is None:
            raise RuntimeError(
                "PostgreSQL support is not installed: pip install 'peerjournal-relay[postgres]'"
            )
        self.url = url
        self.pool_size = pool_size
        self._pool: AsyncConnectionPool[Any] | None = None
        self._listener: asyncio.Task[None] | None = None
        self._on_message: Callable[[bytes], None] | None = None
        self.listening = False
        # when each pooled connection was last given back (weak: the pool may drop one)
        self._used_at: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()
        # Connections taken from the pool are kept between operations (see _take): the
        # pool's getconn/putconn and its waiting machinery cost more CPU than a statement's
        # own round trip. Idle ones (with when they were given back), how many are out of
        # the pool, when each was taken from it, and the operations waiting for one.
        self._idle: list[tuple[Any, float]] = []
        self._held = 0
        self._taken_at: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()
        self._waiters: deque[asyncio.Future[Any]] = deque()
        self._cursors: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
        # The server processes behind the connections out of the pool now. A message this
        # process stores is announced by one of them, and its NOTIFY comes back to this
        # process's own listener: the send has already woken this process's waiting fetches
        # (Endpoints.put_message), so that echo is skipped. A pid is only in here while its
        # connection is held, so it cannot be another client's (pids are unique while alive).
        self._own_backends: set[int] = set()
        self._backend_of: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()

    def recheck_interval(self, configured: float) -> float | None:
        """While notifications work, re-check rarely (a safety net); otherwise poll."""
        return max(configured, SAFETY_RECHECK) if self.listening else configured

    def set_message_listener(self, callback: Callable[[bytes], None]) -> None:
        """Wake waiting fetches when any instance stores a message (LISTEN/NOTIFY)."""
        self._on_message = callback

    async def _listen(self) -> None:
        """Keep one connection LISTENing; reconnect after failures, polling meanwhile."""
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(self.url, autocommit=True)
                try:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    self.listening = True
                    async for notice in conn.notifies():
                        if notice.pid in self._own_backends:
                            continue  # this process's own send: it woke its waiters itself
                        callback = self._on_message
                        if callback is not None:
                            try:
                                callback(bytes.fromhex(notice.payload))
                            except ValueError:
                                log.warning("ignored a malformed notification")
                finally:
                    self.listening = False
                    await conn.close()
            except (psycopg.OperationalError, psycopg.InterfaceError):
                log.warning("PostgreSQL notifications lost; polling until reconnected")
            await asyncio.sleep(1.0)

    async def _open_pool(self) -> None:
        """Open the pool (its first connection made)."""
        self._pool = AsyncConnectionPool(
            self.url,
            min_size=1,
            max_size=self.pool_size,
            open=False,
            timeout=POOL_TIMEOUT,
            kwargs={"autocommit": True},
            check=self._check_connection,
        )
        try:
            await self._pool.open(wait=True, timeout=15.0)
        except PoolTimeout as exc:
            raise StorageUnavailable("cannot connect to PostgreSQL") from exc

    async def close(self) -> None:
        """Stop listening and close the pool."""
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await self._release_idle(0.0, pool)
            await pool.close()

    async def _check_connection(self, conn: Any) -> None:
        """The pool's check before it hands out ``conn`` (see :data:`CHECK_AFTER_IDLE`)."""
        used_at = self._used_at.get(conn)
        if conn.broken or used_at is None or time.monotonic() - used_at > CHECK_AFTER_IDLE:
            await AsyncConnectionPool.check_connection(conn)

    def _conn(self) -> _Borrowed:
        """A connection for one operation (``async with``)."""
        return _Borrowed(self)

    async def _execute(self, conn: Any, query: str, params: Any = None) -> Any:
        """``conn.execute`` on the connection's own cursor, made once and reused: a new
        cursor per statement (what ``conn.execute`` does) costs about a tenth of a
        statement's CPU. Each operation reads its results before the next one runs."""
        cursor = self._cursors.get(conn)
        if cursor is None or cursor.closed:
            cursor = conn.cursor()
            self._cursors[conn] = cursor
        return await cursor.execute(query, params)

    async def _take(self) -> Any:
        """The most recently used idle connection (it is warm and was working a moment
        ago), else a new one from the pool while fewer than ``pool_size`` are out, else the
        next one given back. One idle longer than CHECK_AFTER_IDLE goes back to the pool,
        which tests it before handing it out again."""
        while True:
            pool = self._pool
            if pool is None:
                raise StorageUnavailable("storage is closed")
            if self._idle:
                conn, since = self._idle.pop()
                if time.monotonic() - since <= CHECK_AFTER_IDLE and not conn.broken:
                    return conn
                await self._return(conn, pool)
            if self._held < self.pool_size:
                self._held += 1
                try:
                    conn = await pool.getconn()
                except BaseException as exc:
                    self._held -= 1
                    self._wake_waiter(None)
                    if isinstance(exc, (psycopg.OperationalError, PoolTimeout)):
                        log.warning("PostgreSQL unavailable: %s", type(exc).__name__)
                        raise StorageUnavailable("database unavailable") from exc
                    raise
                self._taken_at[conn] = time.monotonic()
                pid = conn.info.backend_pid
                self._backend_of[conn] = pid
                self._own_backends.add(pid)
                return conn
            handed = await self._wait_for_connection()
            if handed is not None:
                return handed
            # a connection went back to the pool: take one from it (loop)

    async def _wait_for_connection(self) -> Any:
        """Wait until a connection is given back (it, or None: the pool has room again)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        self._waiters.append(future)
        timer = loop.call_later(POOL_TIMEOUT, _expire, future)
        try:
            return await future
        except BaseException:
            if future.done() and not future.cancelled() and future.exception() is None:
                handed = future.result()  # handed over, then the wait was cancelled
                if handed is not None:
                    await self._give(handed)
            raise
        finally:
            timer.cancel()

    def _wake_waiter(self, conn: Any) -> bool:
        """Hand ``conn`` (or None: room in the pool) to the oldest waiting operation."""
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(conn)
                return True
        return False

    async def _give(self, conn: Any) -> None:
        """After an operation: to a waiting operation, else kept idle; to the pool when
        broken, inside a transaction, kept KEEP_SECONDS already, or the storage closed."""
        now = time.monotonic()
        self._used_at[conn] = now
        pool = self._pool
        if (
            pool is None
            or conn.broken
            or conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE
            or now - self._taken_at.get(conn, 0.0) > KEEP_SECONDS
        ):
            await self._return(conn, pool)
            return
        if not self._wake_waiter(conn):
            self._idle.append((conn, now))

    async def _return(self, conn: Any, pool: AsyncConnectionPool[Any] | None) -> None:
        """Give ``conn`` back to the pool (which resets, replaces or keeps it)."""
        self._own_backends.discard(self._backend_of.pop(conn, 0))
        self._held -= 1
        self._wake_waiter(None)
        if pool is None:
            await conn.close()
            return
        try:
            await pool.putconn(conn)
        except (psycopg.OperationalError, psycopg.InterfaceError):
            log.warning("PostgreSQL connection dropped")

    async def _release_idle(self, older_than: float, pool: AsyncConnectionPool[Any] | None) -> None:
        """Give idle connections unused for ``older_than`` seconds back to the pool."""
        now = time.monotonic()
        keep = [(conn, since) for conn, since in self._idle if now - since <= older_than]
        old = [conn for conn, since in self._idle if now - since > older_than]
        self._idle = keep
        for conn in old:
            await self._return(conn, pool)
