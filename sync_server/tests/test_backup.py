"""Operator backups: taken while the relay runs, restored with the relay stopped (both backends)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from relay_helpers import Client, envelope, message_id


def _cli(*args: str, settings) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PEERJOURNAL_RELAY_DATA_DIR": settings.data_dir,
        "PEERJOURNAL_RELAY_DATABASE_URL": settings.database_url,
    }
    return subprocess.run(
        [sys.executable, "-m", "peerjournal_relay", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_backup_while_running_then_restore(start_relay, tmp_path: Path) -> None:
    relay = start_relay()
    client = Client(relay.url)
    box = client.mailbox()
    before = [message_id() for _ in range(3)]
    for mid in before:
        assert client.send(box, mid, envelope()).status_code == 201
    target = tmp_path / "backups" / "relay.backup"
    target.parent.mkdir()
    done = _cli("backup", "--to", str(target), settings=relay.settings)  # relay still running
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = _cli("backup", "--to", str(target), settings=relay.settings)
    assert again.returncode == 1 and "exists" in again.stderr  # never overwritten
    after = message_id()
    assert client.send(box, after, envelope()).status_code == 201
    lost_box = client.mailbox()  # made after the backup
    client.close()
    relay.stop()

    refused = _cli("restore", "--from", str(target), settings=relay.settings)
    assert refused.returncode == 1 and "--force" in refused.stderr
    done = _cli("restore", "--from", str(target), "--force", settings=relay.settings)
    assert done.returncode == 0, done.stderr

    restored = start_relay(same_storage_as=relay)
    client = Client(restored.url)
    assert [m["id"] for m in client.fetch(box).json()["messages"]] == before
    assert client.status(lost_box).status_code == 401  # after the backup: gone
    assert client.send(box, message_id(), envelope()).status_code == 201  # keys restored
    client.close()


def test_restore_refuses_what_is_not_a_backup(start_relay, tmp_path: Path, backend: str) -> None:
    relay = start_relay()
    relay.stop()
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a database" * 100)
    done = _cli("restore", "--from", str(junk), "--force", settings=relay.settings)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    if backend == "sqlite":
        assert "not a relay database backup" in done.stderr
    missing = _cli("restore", "--from", str(tmp_path / "none"), settings=relay.settings)
    assert missing.returncode == 1 and "no backup file" in missing.stderr
    restarted = start_relay(same_storage_as=relay)  # the relay's data is untouched
    client = Client(restarted.url)
    assert client.http.get("/readyz").status_code == 200
    client.close()


def test_sqlite_backup_of_missing_database(tmp_path: Path) -> None:
    from peerjournal_relay.config import Settings

    settings = Settings().with_overrides({"data_dir": str(tmp_path / "none")})
    done = _cli("backup", "--to", str(tmp_path / "b"), settings=settings)
    assert done.returncode == 1 and "no relay database" in done.stderr
    assert not (tmp_path / "b").exists()
