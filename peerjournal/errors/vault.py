"""Errors of the local encrypted store (the vault folder, its header and database)."""

from __future__ import annotations

from peerjournal.errors.base import PeerJournalError, register_texts

register_texts(
    {
        # reported beside an open vault (not errors: the vault did open)
        "vault.notice.recovery_slot_damaged": "The recovery slot of this vault's header is "
        "damaged, so your recovery code could not open the vault. Make a new recovery code "
        "now (peerjournal new-recovery-code).",
        "vault.notice.recovery_slot_weak": "The recovery slot of this vault's header uses a "
        "weaker key derivation than PeerJournal writes. Make a new recovery code "
        "(peerjournal new-recovery-code) to raise it.",
        "vault.notice.header_repaired": "The vault header had been modified by someone or "
        "something other than PeerJournal. Your recovery code proved the parts that were "
        "kept; the header was written again with your new passphrase.",
        "vault.notice.read_only": "The vault is read-only here: you can read, search and "
        "export, but not change anything.",
        "vault.notice.disk_full": "The disk of the vault is full: you can read, search and "
        "export, but nothing can be saved until you free some space.",
    }
)


class VaultError(PeerJournalError):
    """Base for errors of the local encrypted store."""

    messages = {
        "vault.error": "The vault could not be used.",
        "vault.no_wal": "The vault's database could not switch to write-ahead logging.",
        "vault.cannot_create": "No vault can be made at {folder} ({reason}); nothing was created.",
        "vault.kdf_memory": "There is not enough free memory to unlock: the key derivation "
        "needs {mib} MiB. Close some programs and try again; nothing was changed.",
    }


class VaultNotFound(VaultError):
    """There is no vault in the given folder."""

    messages = {
        "vault.not_found": "There is no PeerJournal vault in that folder.",
        "vault.not_found_in": "There is no PeerJournal vault in {folder}. "
        "Create one with `peerjournal init`, or point --vault at yours.",
    }


class VaultExists(VaultError):
    """A vault already exists where a new one was to be created."""

    messages = {
        "vault.exists": "A vault already exists in that folder.",
        "vault.exists_in": "There is already a vault in {folder}; nothing was changed.",
        "vault.exists_database_only": "This folder already holds a PeerJournal database "
        "but no vault.json header, so it cannot be opened; choose another folder. "
        "Nothing was changed.",
    }


class WrongPassphrase(VaultError):
    """The passphrase or recovery code does not unlock the vault."""

    messages = {
        "vault.wrong_passphrase": "That passphrase does not unlock this vault.",
        "vault.bad_recovery_code": "That is not a recovery code: one has 25 letters and "
        "digits, shown in five groups of five (ABCDE-FGHIJ-…); nothing was changed.",
        "vault.wrong_recovery_code": "That recovery code does not unlock this vault; nothing "
        "was changed. Check it against the one you wrote down (case, spaces and dashes do not "
        "matter); if a new recovery code was made since, only the newest one works.",
        "vault.wrong_backup_passphrase": "That passphrase does not open this backup; "
        "nothing was changed. A backup keeps the passphrase the vault had when the backup was "
        "made: if you have changed it since, try the earlier one, or open the backup with "
        "the recovery code of that time.",
        "vault.wrong_backup_recovery_code": "That recovery code does not open this backup; "
        "nothing was changed. A backup keeps the recovery code the vault had when the backup "
        "was made (a code made later does not open it); try that one, or the passphrase of "
        "that time.",
    }


class VaultInUse(VaultError):
    """Another process holds the vault open."""

    messages = {
        "vault.in_use": "This vault is open in another PeerJournal window or process.",
        "vault.in_use_agent": "An unlocked session holds this vault; run `peerjournal lock` "
        "first, then try again.",
    }


class VaultCorrupt(VaultError):
    """The header or the database is damaged."""

    messages = {
        "vault.corrupt": "The vault is damaged and cannot be opened. Nothing was changed.",
        "vault.database_missing": "The vault's database file is missing; nothing was changed.",
        "vault.lock_not_file": "The vault's lock file (vault.lock) is not a plain file (a "
        "folder, or a link to somewhere else); nothing was changed. Remove it and try again.",
        "vault.database_empty": "The vault's database file is empty (cut short or replaced), "
        "so it holds none of the journal; nothing was changed. Restore the vault from a "
        "backup (peerjournal backup restore).",
        "vault.header_damaged": "The vault header is damaged; nothing was changed.",
        "vault.header_foreign": "The vault header is not a PeerJournal header; "
        "nothing was changed.",
        "vault.header_no_version": "The vault header has no valid version; nothing was changed.",
        "vault.header_too_large": "The vault header is too large to be genuine; "
        "nothing was changed.",
        "vault.recovery_slot_damaged": "The recovery slot of the vault header is damaged, so "
        "no recovery code can open it; nothing was changed. Unlock with your passphrase and "
        "make a new recovery code (peerjournal new-recovery-code).",
        "vault.integrity": "The vault's database failed its integrity check: {detail}. "
        "Nothing was changed; restore it from a backup.",
    }


class VaultHeaderModified(VaultError):
    """The header's MAC does not match: someone changed it; it is not trusted."""

    messages = {
        "vault.header_modified": "The vault header was modified since PeerJournal last wrote "
        "it, so it is not trusted and nothing was changed. If you did not do this, someone "
        "who can write the vault folder did: unlock with your recovery code "
        "(peerjournal recover) or restore the vault from a backup.",
        "vault.header_weakened": "The vault header was modified: its passphrase slot asks for "
        "a weaker key derivation than PeerJournal ever writes. Nothing was changed; unlock "
        "with your recovery code (peerjournal recover) or restore the vault from a backup.",
        "vault.recovery_weakened": "The vault header was modified: its recovery slot asks for "
        "a weaker key derivation than PeerJournal ever writes. Nothing was changed; unlock "
        "with your passphrase and make a new recovery code (peerjournal new-recovery-code).",
    }


class VaultReadOnly(VaultError):
    """The vault's folder or file system cannot be written."""

    messages = {
        "vault.read_only": "The vault in {folder} is read-only (a read-only folder or disk), "
        "so nothing was changed. Reading commands (list, show, search, export) still work.",
    }


class VaultTooNew(VaultError):
    """The vault was written by a newer version of PeerJournal."""

    messages = {
        "vault.too_new": "This vault was made by a newer version of PeerJournal. "
        "Please update PeerJournal to open it; nothing was changed.",
    }


class VaultLocked(VaultError):
    """The vault was used after it was locked."""

    messages = {"vault.locked": "The vault is locked."}


class StorageFull(VaultError):
    """The disk is full; the write was not made."""

    messages = {
        "vault.disk_full": "The disk is full, so nothing was saved. Free some space and try again.",
    }


class BackupError(VaultError):
    """A backup file cannot be made, trusted or restored."""

    messages = {
        "backup.failed": "The backup could not be made; nothing was changed.",
        "backup.no_file": "There is no backup file at {path}; check the name. Nothing was changed.",
        "backup.is_folder": "{path} is a folder, not a backup file: give the backup file "
        "inside it. Nothing was changed.",
        "backup.empty": "{path} is empty, so it is not a backup (perhaps copying it did not "
        "finish); nothing was changed. Use another copy of the backup.",
        "backup.not_a_file": "{path} is not a plain file (a pipe or a device): a backup is "
        "checked where it lies, so save it to a file first; nothing was changed.",
        "backup.unrecognised": "{path} is not a PeerJournal backup (it is another kind of "
        "file, or a backup cut short); nothing was changed. Give a file that `peerjournal "
        "backup create` (or the app's Back up now) wrote.",
        "backup.damaged": "The backup file is damaged, so it cannot be used; nothing was changed.",
        "backup.truncated": "The backup file is cut short, so it cannot be used; nothing was "
        "changed.",
        "backup.modified": "The backup file was changed after it was made, so it is not "
        "trusted; nothing was changed.",
        "backup.too_new": "This backup was made by a newer version of PeerJournal; nothing "
        "was changed.",
        "backup.integrity": "The database in the backup failed its integrity check "
        "({detail}); nothing was changed.",
        "backup.target_not_file": "{path} is a folder, a device or a pipe; a backup is "
        "written to a new file of its own, so give a new file name (inside a folder: "
        "FOLDER/journal.pjbackup). Nothing was changed.",
        "backup.file_exists": "{path} already exists; a backup never overwrites a file, so "
        "choose a new name.",
        "backup.unwritable": "The backup could not be written to {path} ({reason}); nothing "
        "was changed.",
        "backup.target_not_empty": "{folder} is not empty. A backup is restored only into a "
        "new or empty folder, never over a vault; nothing was changed.",
        "backup.keep": "Keep between 1 and {limit} automatic backups.",
    }
