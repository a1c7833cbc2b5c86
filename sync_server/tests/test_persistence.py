"""Restarts keep data; several PostgreSQL-backed instances share mailboxes, nonces and waits."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from peerjournal_relay.config import Settings
from relay_helpers import Client, RelayThread, envelope, error_code, message_id


def test_restart_keeps_data(start_relay) -> None:
    first = start_relay()
    client = Client(first.url)
    box = client.mailbox()
    ids = [message_id() for _ in range(5)]
    for mid in ids:
        assert client.send(box, mid, envelope()).status_code == 201
    client.close()
    first.stop()
    second = start_relay(same_storage_as=first)
    client = Client(second.url)
    assert [m["id"] for m in client.fetch(box).json()["messages"]] == ids
    assert client.send(box, ids[0], envelope()).status_code == 409  # still remembered
    assert client.status(box).json()["messages"] == 5
    client.close()


def test_a_request_replayed_after_a_restart_is_refused(start_relay) -> None:
    """The replay store outlives the process (SQLite keeps its lookup in memory and a new
    process rebuilds it from the nonces the database recorded)."""
    first = start_relay()
    client = Client(first.url)
    box = client.mailbox()
    path = f"/v1/mailboxes/{box.recipient_id}"
    nonce = "bm9uY2Vub25jZW5vbmNlMQ"
    timestamp = int(time.time())
    answer = client.signed("GET", path, box.recipient_key, nonce=nonce, timestamp=timestamp)
    assert answer.status_code == 200
    client.close()
    first.stop()
    second = start_relay(same_storage_as=first)
    client = Client(second.url)
    replay = client.signed("GET", path, box.recipient_key, nonce=nonce, timestamp=timestamp)
    assert replay.status_code == 401 and error_code(replay) == "replayed_request"
    # the nonce is refused with the same key only: another mailbox may use the same text
    other = client.mailbox()
    fresh = client.signed(
        "GET", f"/v1/mailboxes/{other.recipient_id}", other.recipient_key, nonce=nonce
    )
    assert fresh.status_code == 200
    client.close()


def _pg_settings(url: str, tmp_path: Path, poll: float = 0.1) -> Settings:
    return (
        Settings()
        .with_overrides(
            {
                "port": 0,
                "data_dir": str(tmp_path),
                "database_url": url,
                "trust_forwarded_for": True,
                "rate_limit_per_second": 1000.0,
                "rate_limit_burst": 5000,
                "mailbox_creations_per_hour": 100000,
                "poll_interval_seconds": poll,
            }
        )
        .validate()
    )


def test_postgres_instances_share_state(pg_databases, tmp_path: Path) -> None:
    url = pg_databases.create()
    # B re-checks the database only every 60 s: only a notification can wake it sooner
    a = RelayThread(_pg_settings(url, tmp_path)).start()
    b = RelayThread(_pg_settings(url, tmp_path, poll=60.0)).start()
    try:
        via_a, via_b = Client(a.url), Client(b.url)
        box = via_a.mailbox()
        # a request replayed against another instance is still a replay
        nonce = "bm9uY2Vub25jZW5vbmNlMQ"
        path = f"/v1/mailboxes/{box.recipient_id}"
        assert via_a.signed("GET", path, box.recipient_key, nonce=nonce).status_code == 200
        replay = via_b.signed("GET", path, box.recipient_key, nonce=nonce)
        assert replay.status_code == 401 and error_code(replay) == "replayed_request"
        # a long-poll on B wakes up (LISTEN/NOTIFY) for a message sent through A
        for _ in range(100):  # the listener connects in the background after startup
            if b.app.storage.listening:
                break
            time.sleep(0.05)
        assert b.app.storage.listening
        mid = message_id()
        sent: list[int] = []

        def send_later() -> None:
            time.sleep(0.3)
            sent.append(via_a.send(box, mid, envelope()).status_code)

        thread = threading.Thread(target=send_later)
        thread.start()
        started = time.monotonic()
        fetched = via_b.fetch(box, wait=30).json()["messages"]
        waited = time.monotonic() - started
        thread.join()
        assert sent == [201]
        assert [m["id"] for m in fetched] == [mid]
        # woken by the notification soon after the send (0.3 s in): B re-checks only every
        # 60 s and the wait is 30 s, so nothing else can answer this early
        assert 0.25 <= waited < 3.0, waited
        # deleting through B is seen by A (A had the keys cached)
        assert via_b.delete(box).status_code == 204
        gone = via_a.send(box, message_id(), envelope())
        assert gone.status_code == 401 and error_code(gone) == "auth_failed"
        via_a.close()
        via_b.close()
    finally:
        a.stop()
        b.stop()


def test_postgres_connections_lost_and_recovered(pg_databases, tmp_path: Path) -> None:
    url = pg_databases.create()
    relay = RelayThread(_pg_settings(url, tmp_path)).start()
    try:
        client = Client(relay.url)
        box = client.mailbox()
        before = message_id()
        assert client.send(box, before, envelope()).status_code == 201
        assert pg_databases.terminate_connections(url) >= 1  # as if the server restarted
        statuses: list[int] = []
        after = message_id()
        body = envelope()
        for _ in range(20):
            answer = client.send(box, after, body)
            statuses.append(answer.status_code)
            if answer.status_code in (200, 201):
                break
            assert answer.status_code == 503 and error_code(answer) == "unavailable"
            time.sleep(0.2)
        assert statuses[-1] in (200, 201)
        ids = [m["id"] for m in client.fetch(box).json()["messages"]]
        assert ids == [before, after]  # exactly once, in order
        client.close()
    finally:
        relay.stop()


def test_sqlite_refuses_newer_schema(tmp_path: Path) -> None:
    import asyncio
    import sqlite3

    from peerjournal_relay.storage import limits_from
    from peerjournal_relay.storage.sqlite import SQLiteStorage

    path = tmp_path / "relay.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=99")
    conn.close()
    storage = SQLiteStorage(path, limits_from(Settings()))
    with pytest.raises(RuntimeError, match="newer than this relay"):
        asyncio.run(storage.open())
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99  # nothing changed
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()


def test_sqlite_files_are_private(tmp_path: Path) -> None:
    """The data folder is 0700 and the database files 0600, also when they were not."""
    import stat

    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    (data / "relay.sqlite3").touch(mode=0o644)
    (data / "relay.sqlite3").chmod(0o644)
    settings = Settings().with_overrides({"port": 0, "data_dir": str(data)}).validate()
    relay = RelayThread(settings).start()
    try:
        client = Client(relay.url)
        box = client.mailbox()
        assert client.send(box, message_id(), envelope()).status_code == 201
        client.close()
        assert stat.S_IMODE(data.stat().st_mode) == 0o700
        files = sorted(data.iterdir())
        assert {f.name for f in files} >= {"relay.sqlite3", "relay.sqlite3-wal"}
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    finally:
        relay.stop()
    fresh = tmp_path / "new" / "deeper"
    relay = RelayThread(
        Settings().with_overrides({"port": 0, "data_dir": str(fresh)}).validate()
    ).start()
    relay.stop()
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    assert stat.S_IMODE((fresh / "relay.sqlite3").stat().st_mode) == 0o600
