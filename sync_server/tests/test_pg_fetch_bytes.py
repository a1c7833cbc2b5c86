"""PostgreSQL sends a fetch only the envelopes its answer carries.

A fetch answer holds at most ``max_bytes`` of envelopes (4 MiB, less under the answer
budget), but the statement read ``limit`` rows (up to 500) and the relay cut them down in
Python: a mailbox full to its 16 MiB quota sent all 16 MiB to the relay on every fetch, and
``pool_size`` fetches at once held that many copies. The byte cut is now in the statement.
"""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

from conftest import PostgresDatabases
from peerjournal_relay.config import Settings
from peerjournal_relay.storage import limits_from
from peerjournal_relay.storage.base import NonceUse

SIZE = 65536
COUNT = 64


def _nonce(key: bytes) -> NonceUse:
    return NonceUse(key, secrets.token_bytes(16), 2**40)


class _Counted:
    """A cursor whose fetchall() also records how many rows it returned."""

    def __init__(self, cursor: Any, rows: list[int]) -> None:
        self._cursor = cursor
        self._rows = rows

    async def fetchall(self) -> Any:
        got = await self._cursor.fetchall()
        self._rows.append(len(got))
        return got

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


class _RowCounter:
    """Counts the rows each fetch statement of the storage hands to the relay."""

    def __init__(self, storage: Any) -> None:
        self.rows: list[int] = []
        execute = storage._execute

        async def counted(conn: Any, query: str, params: Any = None) -> Any:
            return _Counted(await execute(conn, query, params), self.rows)

        storage._execute = counted


def test_a_fetch_reads_only_the_envelopes_it_answers_with(
    pg_databases: PostgresDatabases,
) -> None:
    from peerjournal_relay.storage.postgres import PostgresStorage

    url = pg_databases.create()

    async def main() -> None:
        storage = PostgresStorage(url, limits_from(Settings()), pool_size=2)
        await storage.open()
        try:
            recipient_key, sender_key = secrets.token_bytes(32), secrets.token_bytes(32)
            recipient, sender = await storage.create_mailbox(
                recipient_key, 1000, _nonce(recipient_key)
            )
            await storage.secure(sender, sender_key, _nonce(sender_key))
            sent = []
            for n in range(COUNT):
                message_id = n.to_bytes(16, "big")
                envelope = bytes([n]) * SIZE
                await storage.put_message(sender, message_id, envelope, 1000, _nonce(sender_key))
                sent.append((message_id, envelope))
            counter = _RowCounter(storage)
            for nonce in (_nonce(recipient_key), None):  # a fetch, and a long-poll's recheck
                got = await storage.fetch(recipient, 500, 3 * SIZE, 1000, nonce)
                assert [(m.message_id, m.envelope) for m in got] == sent[:3]
                # the first always comes, even when it alone is over the cap
                got = await storage.fetch(recipient, 500, 10, 1000, nonce and _nonce(recipient_key))
                assert [(m.message_id, m.envelope) for m in got] == sent[:1]
            # before, each statement returned all 64 rows (4 MiB) to be cut in Python
            assert counter.rows == [3, 1, 3, 1]
            got = await storage.fetch(recipient, 500, 4 << 20, 1000, _nonce(recipient_key))
            assert len(got) == COUNT
            got = await storage.fetch(recipient, 10, 4 << 20, 1000, None)
            assert len(got) == 10
        finally:
            await storage.close()

    asyncio.run(main())
