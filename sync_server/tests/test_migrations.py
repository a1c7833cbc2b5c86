"""Both backends upgrade a database frozen at schema version 1 and keep everything in it.

``fixtures/relay-v1.sqlite3`` and ``fixtures/postgres-v1.sql`` (a ``pg_dump``) were written by
the relay of schema version 1, with the mailboxes, keys and message ids in
``fixtures/relay-v1.json``; they are never regenerated.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from nacl.signing import SigningKey
from peerjournal_relay.config import Settings
from peerjournal_relay.storage.migrations import POSTGRES_VERSION, SQLITE_VERSION
from relay_helpers import Client, Mailbox, RelayThread, envelope, message_id

FIXTURES = Path(__file__).parent / "fixtures"
FROZEN: dict[str, list[dict[str, Any]]] = json.loads(
    (FIXTURES / "relay-v1.json").read_text(encoding="utf-8")
)


def _mailboxes(backend: str) -> list[tuple[Mailbox, list[str]]]:
    out = []
    for box in FROZEN[backend]:
        mailbox = Mailbox(
            box["recipient_id"],
            box["sender_id"],
            SigningKey(bytes.fromhex(box["recipient_seed_hex"])),
            SigningKey(bytes.fromhex(box["sender_seed_hex"])),
        )
        out.append((mailbox, box["message_ids"]))
    return out


def _settings(folder: Path, url: str = "") -> Settings:
    return (
        Settings()
        .with_overrides(
            {
                "port": 0,
                "data_dir": str(folder),
                "database_url": url,
                "trust_forwarded_for": True,
                "min_free_disk_bytes": 0,
                # the frozen mailboxes were last active long ago: keep the sweep away
                "idle_mailbox_days": 100000.0,
                "ttl_days": 100000.0,
            }
        )
        .validate()
    )


def _check_upgraded_relay(relay: RelayThread, backend: str) -> None:
    client = Client(relay.url)
    try:
        for box, ids in _mailboxes(backend):
            fetched = client.fetch(box).json()["messages"]
            assert [m["id"] for m in fetched] == ids  # every message, oldest first
            status = client.status(box).json()
            assert status["messages"] == len(ids) and status["bytes"] == 1024 * len(ids)
            new = message_id()
            assert client.send(box, new, envelope()).status_code == 201  # sender key kept
            assert [m["id"] for m in client.fetch(box).json()["messages"]] == [*ids, new]
            assert client.ack(box, [*ids, new]).json() == {"acknowledged": len(ids) + 1}
        fresh = client.mailbox()  # new mailboxes work on the upgraded schema
        assert client.send(fresh, message_id(), envelope()).status_code == 201
    finally:
        client.close()


def test_sqlite_upgrades_from_version_1(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "relay-v1.sqlite3", data / "relay.sqlite3")
    conn = sqlite3.connect(data / "relay.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    relay = RelayThread(_settings(data)).start()
    try:
        _check_upgraded_relay(relay, "sqlite")
    finally:
        relay.stop()
    conn = sqlite3.connect(data / "relay.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SQLITE_VERSION
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'messages'").fetchone()[0]
    assert "AUTOINCREMENT" not in sql  # migration 2 ran
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def _restore_v1(pg_databases: Any) -> str:
    import psycopg

    url = pg_databases.create()
    lines = (FIXTURES / "postgres-v1.sql").read_text(encoding="utf-8").splitlines()
    script = "\n".join(line for line in lines if not line.startswith(("--", "\\")))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(script)  # type: ignore[arg-type]
        conn.execute("SELECT pg_catalog.set_config('search_path', 'public', false)")
    return url


def test_postgres_upgrades_from_version_1(pg_databases: Any, tmp_path: Path) -> None:
    import psycopg

    url = _restore_v1(pg_databases)
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT max(version) FROM relay_schema").fetchone() == (1,)
    relay = RelayThread(_settings(tmp_path, url)).start()
    try:
        _check_upgraded_relay(relay, "postgres")
    finally:
        relay.stop()
    with psycopg.connect(url) as conn:
        versions = conn.execute("SELECT version FROM relay_schema").fetchall()
        assert versions == [(POSTGRES_VERSION,)]
        tables = {
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        }
    assert {"mailboxes", "messages", "nonces", "relay_schema", "rate_buckets"} <= tables


@pytest.mark.parametrize("backend_name", ["sqlite", "postgres"])
def test_a_fresh_database_is_at_the_current_version(
    backend_name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = ""
    if backend_name == "postgres":
        url = request.getfixturevalue("pg_databases").create()
    relay = RelayThread(_settings(tmp_path, url)).start()
    relay.stop()
    if backend_name == "sqlite":
        conn = sqlite3.connect(tmp_path / "relay.sqlite3")
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SQLITE_VERSION
        conn.close()
    else:
        import psycopg

        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT version FROM relay_schema").fetchall() == [
                (POSTGRES_VERSION,)
            ]


def test_postgres_refuses_newer_schema(pg_databases: Any, tmp_path: Path) -> None:
    import asyncio

    import psycopg
    from peerjournal_relay.storage import limits_from
    from peerjournal_relay.storage.migrations import NewerSchema
    from peerjournal_relay.storage.postgres import PostgresStorage

    url = pg_databases.create()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE relay_schema (version integer NOT NULL)")
        conn.execute("INSERT INTO relay_schema VALUES (99)")
    storage = PostgresStorage(url, limits_from(Settings()))

    async def open_and_close() -> None:
        try:
            await storage.open()
        finally:
            await storage.close()

    with pytest.raises(NewerSchema):
        asyncio.run(open_and_close())
    with psycopg.connect(url) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()
    assert tables == (1,)  # nothing was created next to relay_schema
