"""Schema 3: a small rid-keyed index over the creation instant.

Day filters mean the user's local days (domain/timestamps.py), compared with
``created_us``; a search with a wide day filter checks each match in this index instead of
reading the entry rows (as ``entries_rid_day`` served the old per-offset ``day`` column).
"""

from __future__ import annotations

from typing import Any

VERSION = 3


def upgrade(conn: Any) -> None:
    """Add the index."""
    conn.execute("CREATE INDEX entries_rid_created ON entries (rid, trashed, created_us)")
