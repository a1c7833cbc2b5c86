"""Where things live by default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

VAULT_ENV = "PEERJOURNAL_VAULT"


def default_vault_folder() -> Path:
    """``$PEERJOURNAL_VAULT`` if set, else the platform's user data folder / ``vault``."""
    configured = os.environ.get(VAULT_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("PeerJournal", appauthor=False)) / "vault"
