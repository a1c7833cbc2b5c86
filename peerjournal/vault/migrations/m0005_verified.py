"""Schema 5: a pairing can be VERIFIED (both users compared the safety code), and the app
remembers that the user already agreed to share with a peer not yet verified.

``pairings.state``'s CHECK constraint gains ``'verified'``. SQLite cannot alter a CHECK
constraint, and rebuilding the table is not possible inside the migration's transaction
without its ``ON DELETE CASCADE`` children losing their rows (``PRAGMA foreign_keys``
cannot be switched off in a transaction). The constraint only widens, so no stored row
changes meaning: the table's SQL text is edited in place, the documented way for changes
"that do not affect the on-disk content" (https://sqlite.org/lang_altertable.html, section
"Making Other Kinds Of Table Schema Changes"), with the schema version bumped so every
connection re-reads it.
"""

from __future__ import annotations

from typing import Any

VERSION = 5

_OLD = "CHECK (state IN ('invited', 'joining', 'active', 'ended'))"
_NEW = "CHECK (state IN ('invited', 'joining', 'active', 'verified', 'ended'))"


def upgrade(conn: Any) -> None:
    """Widen the state check; add ``unverified_share_ok``."""
    (sql,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'pairings'"
    ).fetchone()
    if sql.count(_OLD) != 1:
        raise RuntimeError("pairings table is not the schema-2 shape")
    schema_version = int(conn.execute("PRAGMA schema_version").fetchone()[0])
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'pairings'",
            (sql.replace(_OLD, _NEW),),
        )
        conn.execute(f"PRAGMA schema_version = {schema_version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    # 1 once the user said "share anyway" to this peer while it was not verified: the
    # question is asked once per pairing, not at every share.
    conn.execute("ALTER TABLE pairings ADD COLUMN unverified_share_ok INTEGER NOT NULL DEFAULT 0")
