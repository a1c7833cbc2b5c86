"""Opening, creating and locking a vault; the :class:`Session` the UI and CLI work through."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peerjournal.app.journal import JournalService
from peerjournal.app.mood import MoodService
from peerjournal.app.prefs import VaultPrefs
from peerjournal.crypto.kdf import KdfParams
from peerjournal.errors import Text, VaultLocked
from peerjournal.paths import default_vault_folder
from peerjournal.vault.backup import BackupMeta
from peerjournal.vault.store import Vault
from peerjournal.vault.store import vault_exists as _vault_exists

__all__ = [
    "Session",
    "create_vault",
    "default_vault_folder",
    "open_vault",
    "recover_vault",
    "vault_exists",
]


class Session:
    """One unlocked vault and its services. Not thread-safe: use from one thread at a time."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self.folder: Path = vault.folder
        self.prefs = VaultPrefs(vault)
        self.journal = JournalService(vault)
        self.mood = MoodService(vault, self.prefs)

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key under ``new``; WrongPassphrase if ``old`` is wrong."""
        self._vault.change_passphrase(old, new)

    def write_backup(
        self, target: Path, progress: Callable[[int, int], None] | None = None
    ) -> BackupMeta:
        """Write an encrypted backup of this vault (use app.backups.create_backup)."""
        return self._vault.write_backup(target, progress)

    def new_recovery_code(self) -> str:
        """Replace the recovery code; returns the new one (show it once; the old one stops)."""
        return self._vault.new_recovery_code()

    @property
    def notices(self) -> list[Text]:
        """What the user should know about this vault (read-only, a ruined recovery slot)."""
        return list(self._vault.notices)

    @property
    def read_only(self) -> bool:
        """Whether the vault was opened read-only (read-only folder or disk, or a full disk)."""
        return self._vault.read_only

    def lock(self) -> None:
        """Close the database and forget the key; later calls raise VaultLocked."""
        self._vault.close()

    @property
    def locked(self) -> bool:
        """Whether :meth:`lock` was called."""
        return self._vault.closed

    @property
    def connection(self) -> Any:
        """The sqlcipher3 connection (autocommit mode) for other app services only."""
        if self._vault.closed:
            raise VaultLocked()
        return self._vault.conn

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """A ``BEGIN IMMEDIATE``/``COMMIT`` block, errors translated; yields the connection."""
        with self._vault.transaction() as conn:
            yield conn

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()


def create_vault(
    folder: Path, passphrase: str, *, kdf: KdfParams | None = None
) -> tuple[Session, str]:
    """Create a vault; returns the open session and the one-time recovery code."""
    vault, code = Vault.create(Path(folder), passphrase, kdf_params=kdf)
    return Session(vault), code


def open_vault(folder: Path, passphrase: str, *, read_only: bool | None = None) -> Session:
    """Unlock an existing vault (``read_only``: None = when it cannot be written)."""
    return Session(Vault.open(Path(folder), passphrase, read_only=read_only))


def open_snapshot(folder: Path, passphrase: str) -> Session:
    """Open read-only beside another process that holds the vault (for backups)."""
    return Session(Vault.open_snapshot(Path(folder), passphrase))


def recover_vault(folder: Path, recovery_code: str, new_passphrase: str) -> Session:
    """Unlock with the recovery code and set a new passphrase (the code stays valid)."""
    return Session(Vault.recover(Path(folder), recovery_code, new_passphrase))


def vault_exists(folder: Path) -> bool:
    """Whether ``folder`` holds a vault."""
    return _vault_exists(Path(folder))
