"""Opening, creating and locking a vault; the :class:`Session` the UI and CLI work through."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerjournal.app.journal import JournalService
from peerjournal.app.mood import MoodService
from peerjournal.app.prefs import VaultPrefs
from peerjournal.crypto.kdf import KdfParams
from peerjournal.errors import Text, VaultLocked
from peerjournal.paths import default_vault_folder
from peerjournal.vault.backup import BackupMeta
from peerjournal.vault.database import folder_writable
from peerjournal.vault.store import Vault
from peerjournal.vault.store import vault_exists as _vault_exists

if TYPE_CHECKING:
    from peerjournal.app.peers import PeersService

__all__ = [
    "Session",
    "create_vault",
    "default_vault_folder",
    "open_vault",
    "recover_vault",
    "vault_exists",
    "vault_writable",
]


class Session:
    """One unlocked vault and its services. Not thread-safe: use from one thread at a time.

    ``conn`` and :meth:`transaction` are what the sync layer's ``Db`` protocol asks for, so
    a session is passed to it as it is.
    """

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self.folder: Path = vault.folder
        self.prefs = VaultPrefs(vault)
        self.journal = JournalService(vault)
        self.mood = MoodService(vault, self.prefs)
        self._peers: PeersService | None = None

    @property
    def peers(self) -> PeersService:
        """Peer exchange (made on first use: the sync stack is imported only then); it
        keeps one relay client per relay until the session is locked."""
        if self._peers is None:
            from peerjournal.app.peers import PeersService

            self._peers = PeersService(self)
        return self._peers

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
        """Close relay connections and the database, forget the key; later calls raise
        VaultLocked."""
        peers, self._peers = self._peers, None
        try:
            if peers is not None:
                peers.close()
        finally:
            self._vault.close()

    @property
    def locked(self) -> bool:
        """Whether :meth:`lock` was called."""
        return self._vault.closed

    @property
    def changes(self) -> int:
        """Rows this session has inserted, changed or deleted since it was opened (so a
        caller can tell whether a command changed the vault before something else failed)."""
        if self._vault.closed:
            raise VaultLocked()
        return int(self._vault.conn.total_changes)

    @property
    def conn(self) -> Any:
        """The sqlcipher3 connection (autocommit mode) for app services and the sync layer."""
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


def open_vault(
    folder: Path,
    passphrase: str,
    *,
    read_only: bool | None = None,
    progress: Callable[[int, int], None] | None = None,
    lock_wait: float = 0.0,
) -> Session:
    """Unlock an existing vault (``read_only``: None = when it cannot be written).

    ``progress(done, total)`` hears how a long schema upgrade (a search index build) goes.
    ``lock_wait``: seconds to wait while another process holds the vault (VaultInUse after).
    """
    vault = Vault.open(
        Path(folder), passphrase, read_only=read_only, progress=progress, lock_wait=lock_wait
    )
    return Session(vault)


def open_snapshot(folder: Path, passphrase: str) -> Session:
    """Open read-only beside another process that holds the vault (for backups)."""
    return Session(Vault.open_snapshot(Path(folder), passphrase))


def recover_vault(folder: Path, recovery_code: str, new_passphrase: str) -> Session:
    """Unlock with the recovery code and set a new passphrase (the code stays valid)."""
    return Session(Vault.recover(Path(folder), recovery_code, new_passphrase))


def vault_exists(folder: Path) -> bool:
    """Whether ``folder`` holds a vault."""
    return _vault_exists(Path(folder))


def vault_writable(folder: Path) -> bool:
    """Whether the vault in ``folder`` can be changed (known before any key derivation)."""
    return folder_writable(Path(folder))
