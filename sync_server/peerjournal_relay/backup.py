"""Operator backups: ``peerjournal-relay backup`` and ``restore`` for both backends.

SQLite: SQLite's online backup API copies the database while the relay runs (one step, in
one read transaction, so the copy is consistent); restore checks the copy and replaces the
database atomically while the relay is stopped. PostgreSQL: ``pg_dump --format=custom``
and ``pg_restore --clean``. Backups are created 0600 and never overwrite a file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from pathlib import Path

from .config import Settings
from .files import FILE_MODE, private_file, private_folder
from .storage.migrations import POSTGRES_VERSION, SQLITE_VERSION


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, for the operator."""


def database_file(settings: Settings) -> Path:
    """Where the SQLite backend keeps its data."""
    return Path(settings.data_dir) / "relay.sqlite3"


def backup(settings: Settings, target: Path) -> str:
    """Write a backup of the relay's data to ``target``; return a one-line summary."""
    if target.exists():
        raise BackupError(f"{target} exists; choose a new file name")
    private_file(target)
    try:
        if settings.database_url:
            _pg_tool(
                ["pg_dump", "--format=custom", "--no-owner", "--file", str(target)],
                settings.database_url,
            )
            return f"PostgreSQL database written to {target}"
        source = database_file(settings)
        if not source.exists():
            raise BackupError(f"no relay database at {source}")
        with (
            contextlib.closing(sqlite3.connect(source, timeout=30)) as src,
            contextlib.closing(sqlite3.connect(target)) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        return f"SQLite database written to {target} ({_describe(target)})"
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        raise


def restore(settings: Settings, source: Path, *, force: bool = False) -> str:
    """Replace the relay's data with the backup ``source`` (the relay must be stopped)."""
    if not source.is_file():
        raise BackupError(f"no backup file at {source}")
    if settings.database_url:
        if not force and _pg_has_relay_tables(settings.database_url):
            raise BackupError("the database holds relay data; add --force to replace it")
        _pg_tool(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
            ],
            settings.database_url,
            after=[str(source)],
        )
        return "PostgreSQL database restored"
    target = database_file(settings)
    version = _check_sqlite_backup(source)
    if target.exists() and not force:
        raise BackupError(f"{target} exists; stop the relay and add --force to replace it")
    private_folder(target.parent)
    temporary = target.with_name(target.name + ".restoring")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "wb") as out, source.open("rb") as backup_file:
        while chunk := backup_file.read(1 << 20):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    for companion in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{target}{companion}").unlink()
    os.replace(temporary, target)
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
    return f"SQLite database restored to {target} (schema {version}; {_describe(target)})"


def _check_sqlite_backup(path: Path) -> int:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"{path} is damaged (integrity check failed)")
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute("SELECT count(*) FROM mailboxes").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a relay database backup") from exc
    if not 1 <= version <= SQLITE_VERSION:
        raise BackupError(f"{path} has schema {version}; this relay reads 1 to {SQLITE_VERSION}")
    return version


def _describe(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        boxes, messages = conn.execute(
            "SELECT count(*), coalesce(sum(msg_count), 0) FROM mailboxes"
        ).fetchone()
    return f"{boxes} mailboxes, {messages} messages"


def _pg_has_relay_tables(url: str) -> bool:
    import psycopg

    with psycopg.connect(url, connect_timeout=10) as conn:
        row = conn.execute("SELECT to_regclass('public.mailboxes') IS NOT NULL").fetchone()
    return bool(row and row[0])


def _pg_tool(args: list[str], url: str, after: list[str] | None = None) -> None:
    """Run pg_dump or pg_restore on the database of ``url``.

    Every connection parameter of the URL reaches the tool (``hostaddr``, ``sslrootcert``,
    ``options``, ...: the relay itself connects with all of them), as a connection string
    on the command line, except the password: it goes in ``PGPASSWORD``, because other users
    can read a command line in the process list.
    """
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = {key: value for key, value in conninfo_to_dict(url).items() if value is not None}
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    password = params.pop("password", None)
    if password is not None:
        env["PGPASSWORD"] = str(password)
    conninfo = make_conninfo("", **params)
    if args[-1] != "--dbname":
        args = [*args, "--dbname"]
    try:
        done = subprocess.run(
            [*args, conninfo, *(after or [])], env=env, capture_output=True, text=True, check=False
        )
    except FileNotFoundError as exc:
        raise BackupError(f"{args[0]} is not installed (PostgreSQL client tools)") from exc
    if done.returncode != 0:
        # pg_dump's reason is on its first line ("connection to server ... failed: ..."),
        # a hint may follow on the next
        said = " ".join(line.strip() for line in done.stderr.strip().splitlines()[:3])
        raise BackupError(f"{args[0]} failed: {said or done.returncode}")


__all__ = ["POSTGRES_VERSION", "BackupError", "backup", "restore"]
