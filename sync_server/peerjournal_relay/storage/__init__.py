"""Storage backends behind one interface: SQLite (default) and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from .base import Limits, Storage


def limits_from(settings: Settings) -> Limits:
    """The storage quotas configured in ``settings``."""
    return Limits(
        max_messages_per_mailbox=settings.max_messages_per_mailbox,
        max_bytes_per_mailbox=settings.max_bytes_per_mailbox,
        max_total_messages=settings.max_total_messages,
        max_total_bytes=settings.max_total_bytes,
        max_mailboxes=settings.max_mailboxes,
    )


def make_storage(settings: Settings) -> Storage:
    """The backend ``settings`` ask for: PostgreSQL when a database URL is set, else SQLite."""
    limits = limits_from(settings)
    if settings.database_url:
        from .postgres import PostgresStorage

        return PostgresStorage(settings.database_url, limits, settings.pool_size)
    from .sqlite import SQLiteStorage

    return SQLiteStorage(
        Path(settings.data_dir) / "relay.sqlite3", limits, settings.sqlite_synchronous
    )


__all__ = ["Limits", "Storage", "limits_from", "make_storage"]
