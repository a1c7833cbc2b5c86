"""What ``peerjournal info`` reports about an open vault: its key-derivation cost, schema
version and counts (nothing that says what is written in it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peerjournal.app.session import Session
from peerjournal.vault import migrations
from peerjournal.vault.database import DB_NAME
from peerjournal.vault.store import translated_errors


@dataclass(frozen=True)
class SlotCost:
    """The Argon2id cost one key slot is sealed with."""

    opslimit: int
    memlimit: int


@dataclass(frozen=True)
class VaultInfo:
    """Facts about one open vault."""

    folder: Path
    passphrase_kdf: SlotCost
    recovery_kdf: SlotCost | None
    header_authenticated: bool
    schema: int
    schema_latest: int
    entries: int
    trashed: int
    starred: int
    mood_logs: int
    tags: int
    database_bytes: int


def vault_info(session: Session) -> VaultInfo:
    """The facts about the vault ``session`` holds open."""
    vault = session._vault
    header = vault.header
    conn = session.conn
    with translated_errors():
        live, trashed, starred = conn.execute(
            "SELECT count(*) - coalesce(sum(trashed), 0), coalesce(sum(trashed), 0),"
            " coalesce(sum(starred * (1 - trashed)), 0) FROM entries"
        ).fetchone()
        moods = conn.execute("SELECT count(*) FROM mood_logs").fetchone()[0]
        tags = conn.execute("SELECT count(*) FROM tags WHERE live_count > 0").fetchone()[0]
        schema = migrations.current_version(conn)
    recovery = header.recovery
    try:
        size = (vault.folder / DB_NAME).stat().st_size
    except OSError:
        size = 0
    return VaultInfo(
        folder=vault.folder,
        passphrase_kdf=SlotCost(
            header.passphrase.params.opslimit, header.passphrase.params.memlimit
        ),
        recovery_kdf=None
        if recovery is None
        else SlotCost(recovery.params.opslimit, recovery.params.memlimit),
        header_authenticated=bool(header.authenticated),
        schema=schema,
        schema_latest=migrations.latest_version(),
        entries=int(live),
        trashed=int(trashed),
        starred=int(starred),
        mood_logs=int(moods),
        tags=int(tags),
        database_bytes=size,
    )
