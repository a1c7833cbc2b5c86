"""Errors of the local encrypted store (the vault folder, its header and database)."""

from __future__ import annotations

from peerjournal.errors.base import PeerJournalError


class VaultError(PeerJournalError):
    """Base for errors of the local encrypted store."""

    messages = {
        "vault.error": "The vault could not be used.",
        "vault.no_wal": "The vault's database could not switch to write-ahead logging.",
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
        "vault.bad_recovery_code": "That is not a valid recovery code.",
    }


class VaultInUse(VaultError):
    """Another process holds the vault open."""

    messages = {
        "vault.in_use": "This vault is open in another PeerJournal window or process.",
    }


class VaultCorrupt(VaultError):
    """The header or the database is damaged."""

    messages = {
        "vault.corrupt": "The vault is damaged and cannot be opened. Nothing was changed.",
        "vault.database_missing": "The vault's database file is missing; nothing was changed.",
        "vault.header_damaged": "The vault header is damaged; nothing was changed.",
        "vault.header_foreign": "The vault header is not a PeerJournal header; "
        "nothing was changed.",
        "vault.header_no_version": "The vault header has no valid version; nothing was changed.",
        "vault.header_too_large": "The vault header is too large to be genuine; "
        "nothing was changed.",
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
