"""The exception tree of PeerJournal.

Every error the program raises on purpose derives from :class:`PeerJournalError`.
Each carries a plain-language ``message`` that the GUI and the command line show to
the user as it is. Anything that is *not* a ``PeerJournalError`` is a bug: it is
logged with its traceback and reported as a bug, never shown raw to the user.

::

    PeerJournalError                     root; .message is user-facing
    ├── VaultError                       the local encrypted store
    │   ├── VaultNotFound                no vault in that folder
    │   ├── VaultExists                  a vault is already there (on create)
    │   ├── WrongPassphrase              passphrase or recovery code does not unlock it
    │   ├── VaultInUse                   another process has it open
    │   ├── VaultCorrupt                 header or database damaged
    │   ├── VaultTooNew                  made by a newer PeerJournal (schema or header)
    │   ├── VaultLocked                  used after lock()
    │   └── StorageFull                  the disk is full; nothing was written
    ├── NotFound                         an entry, mood log or peer id that does not exist
    ├── InvalidInput                     a value the user gave is not acceptable
    ├── ImportExportError                a file to import is unreadable or malformed
    └── SyncError                        peer exchange
        ├── InvalidInvite                a pairing code that cannot be used
        ├── RelayUnreachable             network down or relay not answering
        ├── RelayRejected                the relay answered with a documented error code
        └── ProtocolError                a relay or peer sent something malformed or hostile
"""

from __future__ import annotations


class PeerJournalError(Exception):
    """Root of every expected error; ``message`` is shown to the user as is."""

    default_message = "Something went wrong."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class VaultError(PeerJournalError):
    """Base for errors of the local encrypted store."""

    default_message = "The vault could not be used."


class VaultNotFound(VaultError):
    """There is no vault in the given folder."""

    default_message = "There is no PeerJournal vault in that folder."


class VaultExists(VaultError):
    """A vault already exists where a new one was to be created."""

    default_message = "A vault already exists in that folder."


class WrongPassphrase(VaultError):
    """The passphrase or recovery code does not unlock the vault."""

    default_message = "That passphrase does not unlock this vault."


class VaultInUse(VaultError):
    """Another process holds the vault open."""

    default_message = "This vault is open in another PeerJournal window or process."


class VaultCorrupt(VaultError):
    """The header or the database is damaged."""

    default_message = "The vault is damaged and cannot be opened. Nothing was changed."


class VaultTooNew(VaultError):
    """The vault was written by a newer version of PeerJournal."""

    default_message = (
        "This vault was made by a newer version of PeerJournal. "
        "Please update PeerJournal to open it; nothing was changed."
    )


class VaultLocked(VaultError):
    """The vault was used after it was locked."""

    default_message = "The vault is locked."


class StorageFull(VaultError):
    """The disk is full; the write was not made."""

    default_message = "The disk is full, so nothing was saved. Free some space and try again."


class NotFound(PeerJournalError):
    """An entry, mood log, peer or item id that does not exist."""

    default_message = "Not found."


class InvalidInput(PeerJournalError):
    """A value given by the user is not acceptable."""

    default_message = "That value is not valid."


class ImportExportError(PeerJournalError):
    """A file to import is unreadable or malformed, or an export could not be written."""

    default_message = "The file could not be read. Nothing was imported."


class SyncError(PeerJournalError):
    """Base for peer-exchange errors."""

    default_message = "Sharing with your peers did not work this time."


class InvalidInvite(SyncError):
    """A pairing code that cannot be used (malformed, expired, or already used)."""

    default_message = "That invite code is not valid. Ask your peer for a new one."


class RelayUnreachable(SyncError):
    """The relay could not be reached."""

    default_message = "The relay could not be reached. Your messages wait and go out later."


class RelayRejected(SyncError):
    """The relay answered with a documented error code."""

    default_message = "The relay refused the request."

    def __init__(self, message: str | None = None, code: str = "", status: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


class ProtocolError(SyncError):
    """A relay or peer sent something malformed or hostile."""

    default_message = "The relay or a peer sent data that is not valid; it was ignored."
