"""Use cases the UI and the command line call (see docs/architecture.md)."""

from __future__ import annotations

from peerjournal.app.journal import JournalService
from peerjournal.app.mood import MoodService
from peerjournal.app.prefs import VaultPrefs
from peerjournal.app.session import (
    Session,
    create_vault,
    default_vault_folder,
    open_vault,
    recover_vault,
    vault_exists,
)

__all__ = [
    "JournalService",
    "MoodService",
    "Session",
    "VaultPrefs",
    "create_vault",
    "default_vault_folder",
    "open_vault",
    "recover_vault",
    "vault_exists",
]
