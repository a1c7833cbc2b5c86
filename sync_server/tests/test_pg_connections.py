"""The PostgreSQL storage keeps its connections between operations
(storage/postgres_connections.py): never more than ``pool_size`` at once, handed straight to
waiting operations, none lost when a waiting operation is cancelled, and broken ones
replaced."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from conftest import PostgresDatabases
from peerjournal_relay.config import Settings
from peerjournal_relay.storage import limits_from

POOL = 2


def _run(pg_databases: PostgresDatabases, scenario: Any) -> Any:
    from peerjournal_relay.storage.postgres import PostgresStorage

    url = pg_databases.create()

    async def main() -> Any:
        storage = PostgresStorage(url, limits_from(Settings()), pool_size=POOL)
        await storage.open()
        try:
            return await scenario(storage, url)
        finally:
            await storage.close()

    return asyncio.run(main())


async def _server_connections(storage: Any) -> int:
    async with storage._conn() as conn:
        cur = await conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND query NOT ILIKE 'LISTEN%%'"
        )
        row = await cur.fetchone()
    return int(row[0])


async def _hold_all(storage: Any) -> None:
    """Every connection busy at once: POOL operations each inside their own connection."""
    inside = 0
    all_in = asyncio.Event()
    release = asyncio.Event()

    async def hold() -> None:
        nonlocal inside
        async with storage._conn():
            inside += 1
            if inside == POOL:
                all_in.set()
            await release.wait()

    tasks = [asyncio.create_task(hold()) for _ in range(POOL)]
    await asyncio.wait_for(all_in.wait(), 10)
    release.set()
    await asyncio.gather(*tasks)


def test_many_operations_share_pool_size_connections(pg_databases: PostgresDatabases) -> None:
    async def scenario(storage: Any, url: str) -> tuple[list[bool], int]:
        answers = await asyncio.gather(*(storage.healthy() for _ in range(60)))
        return answers, await _server_connections(storage)

    answers, connections = _run(pg_databases, scenario)
    assert answers == [True] * 60
    assert 1 <= connections <= POOL


def test_cancelled_waiting_operations_lose_no_connection(pg_databases: PostgresDatabases) -> None:
    async def scenario(storage: Any, url: str) -> bool:
        waiting: list[asyncio.Task[bool]] = []
        async with contextlib.AsyncExitStack() as stack:
            for _ in range(POOL):
                await stack.enter_async_context(storage._conn())
            waiting = [asyncio.create_task(storage.healthy()) for _ in range(6)]
            while len(storage._waiters) < len(waiting):  # all of them queued for one
                await asyncio.sleep(0)
            waiting[5].cancel()  # cancelled while it waits
        # the connections were handed to the first two waiters, which have not run yet:
        # cancelled now, they must give them back
        waiting[0].cancel()
        waiting[1].cancel()
        done = await asyncio.gather(*waiting, return_exceptions=True)
        cancelled = [i for i, d in enumerate(done) if isinstance(d, asyncio.CancelledError)]
        assert cancelled == [0, 1, 5]
        assert [done[i] for i in (2, 3, 4)] == [True, True, True]
        await asyncio.wait_for(_hold_all(storage), 10)  # both connections still there
        return await storage.healthy()

    assert _run(pg_databases, scenario) is True


def test_broken_connections_are_replaced(pg_databases: PostgresDatabases) -> None:
    async def scenario(storage: Any, url: str) -> list[bool]:
        await _hold_all(storage)  # both connections taken and kept
        assert pg_databases.terminate_connections(url) >= POOL
        outcomes = []
        for _ in range(POOL + 3):
            outcomes.append(await storage.healthy())
        return outcomes

    outcomes = _run(pg_databases, scenario)
    # each broken connection fails at most one operation, then the pool replaces it
    assert outcomes.count(False) <= POOL
    assert outcomes[-1] is True


def test_own_sends_are_not_announced_back_to_this_process(
    pg_databases: PostgresDatabases,
) -> None:
    """A send wakes this process's waiting fetches itself (Endpoints.put_message); its NOTIFY
    coming back is skipped. Another process's send still arrives (they come in commit
    order, so when the other's has arrived, ours would have before it)."""
    import secrets
    import time

    from peerjournal_relay.storage.base import NonceUse
    from peerjournal_relay.storage.postgres import PostgresStorage

    url = pg_databases.create()

    def nonce(key: bytes) -> NonceUse:
        return NonceUse(key, secrets.token_bytes(16), int(time.time()) + 600)

    async def send_one(storage: PostgresStorage) -> bytes:
        sender_key = secrets.token_bytes(32)
        recipient_key = secrets.token_bytes(32)
        now = int(time.time())
        recipient_id, sender_id = await storage.create_mailbox(
            recipient_key, now, nonce(recipient_key)
        )
        await storage.secure(sender_id, sender_key, nonce(sender_key))
        stored, _ = await storage.put_message(
            sender_id, secrets.token_bytes(16), b"x" * 1024, now, nonce(sender_key)
        )
        assert stored
        return recipient_id

    async def main() -> tuple[bytes, bytes, list[bytes]]:
        heard: list[bytes] = []
        arrived = asyncio.Event()
        ours = PostgresStorage(url, limits_from(Settings()), pool_size=POOL)
        other = PostgresStorage(url, limits_from(Settings()), pool_size=POOL)
        await ours.open()
        await other.open()
        try:
            while not ours.listening:
                await asyncio.sleep(0.01)
            ours.set_message_listener(lambda rid: (heard.append(rid), arrived.set()))
            own = await send_one(ours)
            foreign = await send_one(other)
            while foreign not in heard:
                await asyncio.wait_for(arrived.wait(), 10)
                arrived.clear()
            return own, foreign, heard
        finally:
            await other.close()
            await ours.close()

    own, foreign, heard = asyncio.run(main())
    assert heard == [foreign]
    assert own not in heard
