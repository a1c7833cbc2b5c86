"""PostgreSQL backups use the whole database URL the relay uses, password kept off the command line.

``backup`` and ``restore`` used to hand pg_dump only six parameters (host, port, user,
password, dbname, sslmode) and drop the rest: a URL the relay served with, such as one with
``hostaddr=`` (or ``sslrootcert=``, ``options=``), made the backup fail or connect otherwise.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from peerjournal_relay.config import Settings
from relay_helpers import Client, RelayThread


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "peerjournal_relay", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_backup_and_restore_keep_every_connection_parameter(pg_databases, tmp_path: Path) -> None:
    url = pg_databases.create()
    parts = urlsplit(url)
    # the host name does not resolve; hostaddr says where to connect (libpq uses it, and
    # keeps the name only for TLS and Kerberos checks)
    unresolvable = urlunsplit(
        parts._replace(
            netloc=parts.netloc.replace(parts.hostname or "", "relay-db.invalid"),
            query=f"hostaddr={parts.hostname}&application_name=relay-backup",
        )
    )
    settings = Settings().with_overrides(
        {"port": 0, "database_url": unresolvable, "data_dir": str(tmp_path)}
    )
    relay = RelayThread(settings.validate()).start()  # the relay serves with this URL
    try:
        client = Client(relay.url)
        box = client.mailbox()
        client.close()
    finally:
        relay.stop()
    target = tmp_path / "relay.dump"
    done = _cli("backup", "--database-url", unresolvable, "--to", str(target))
    assert done.returncode == 0, done.stderr
    assert target.stat().st_size > 0
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DELETE FROM mailboxes")
    done = _cli("restore", "--database-url", unresolvable, "--from", str(target), "--force")
    assert done.returncode == 0, done.stderr
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM mailboxes").fetchone()
    assert row == (1,), box


def test_a_failed_pg_dump_says_why(tmp_path: Path) -> None:
    done = _cli(
        "backup",
        "--database-url",
        "postgresql://relay:s3cret@127.0.0.1:1/relay",
        "--to",
        str(tmp_path / "x.dump"),
    )
    assert done.returncode == 1
    line = done.stderr.strip()
    assert line.startswith("peerjournal-relay: pg_dump failed:") and "\n" not in line
    assert "port 1 failed" in line  # the reason, not only the hint that follows it
    assert "s3cret" not in done.stderr
    assert not (tmp_path / "x.dump").exists()
