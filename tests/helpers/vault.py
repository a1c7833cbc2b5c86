"""Test helpers: fast vaults with the INSECURE test-only KDF cost."""

from __future__ import annotations

import os
from pathlib import Path

from peerjournal.app.session import Session, create_vault
from peerjournal.vault import KdfParams

PASSPHRASE = "correct horse battery staple"


def make_session(tmp_path: Path, name: str = "vault", passphrase: str = PASSPHRASE) -> Session:
    """Create a vault under ``tmp_path/name`` with fast test KDF params; returns the session."""
    session, _code = create_vault(tmp_path / name, passphrase, kdf=KdfParams.for_tests())
    return session


def make_vault(
    tmp_path: Path, name: str = "vault", passphrase: str = PASSPHRASE
) -> tuple[Session, str]:
    """Like :func:`make_session` but also returns the recovery code."""
    return create_vault(tmp_path / name, passphrase, kdf=KdfParams.for_tests())


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → bytes) for byte-identical checks."""
    out: dict[str, bytes] = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            out[str(path.relative_to(folder))] = path.read_bytes()
    return out
