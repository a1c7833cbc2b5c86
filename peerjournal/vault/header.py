"""The vault header file (``vault.json``): KDF parameters, salts and the wrapped data key.

Layout (JSON, UTF-8)::

    {
      "format": "peerjournal-vault",
      "version": 1,
      "passphrase": {"kdf": {"alg": "argon2id13", "opslimit": 3, "memlimit": 268435456},
                     "salt": "<base64 16 bytes>", "wrapped_key": "<base64 72 bytes>"},
      "recovery":   {"kdf": {...}, "salt": "...", "wrapped_key": "..."}
    }

``wrapped_key`` is a secretbox (nonce 24 || ciphertext 32 || MAC 16) of the 32-byte data
key under a purpose-bound subkey of Argon2id(secret, salt). The MAC is the key check:
a wrong passphrase fails to decrypt. The file is always replaced atomically.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from peerjournal.crypto import kdf
from peerjournal.errors import VaultCorrupt, VaultNotFound, VaultTooNew
from peerjournal.fsutil import atomic_write

HEADER_NAME = "vault.json"
FORMAT_NAME = "peerjournal-vault"
HEADER_VERSION = 1
_MAX_HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class KeySlot:
    """One wrap of the data key under a secret (passphrase or recovery code)."""

    params: kdf.KdfParams
    salt: bytes
    wrapped_key: bytes

    def to_json(self) -> dict[str, Any]:
        """The header representation."""
        return {
            "kdf": self.params.to_json(),
            "salt": kdf.b64(self.salt),
            "wrapped_key": kdf.b64(self.wrapped_key),
        }

    @classmethod
    def from_json(cls, data: Any) -> KeySlot:
        """Parse one slot (ValueError/TypeError if malformed)."""
        if not isinstance(data, dict):
            raise ValueError("key slot is not an object")
        slot = cls(
            params=kdf.KdfParams.from_json(data.get("kdf")),
            salt=kdf.unb64(data.get("salt")),
            wrapped_key=kdf.unb64(data.get("wrapped_key")),
        )
        if len(slot.salt) != kdf.SALT_BYTES or len(slot.wrapped_key) != 72:
            raise ValueError("key slot has wrong sizes")
        return slot

    @classmethod
    def seal(
        cls, secret: bytes, data_key: bytes | bytearray, params: kdf.KdfParams, purpose: bytes
    ) -> KeySlot:
        """Wrap ``data_key`` under a key derived from ``secret`` with a fresh salt."""
        salt = kdf.new_salt()
        kek = kdf.derive(secret, salt, params, purpose)
        return cls(params=params, salt=salt, wrapped_key=kdf.wrap_key(kek, data_key))

    def open(self, secret: bytes, purpose: bytes) -> bytearray:
        """Unwrap the data key; raises WrongPassphrase when ``secret`` is wrong."""
        kek = kdf.derive(secret, self.salt, self.params, purpose)
        return kdf.unwrap_key(kek, self.wrapped_key)


@dataclass(frozen=True)
class Header:
    """The parsed header file."""

    passphrase: KeySlot
    recovery: KeySlot
    version: int = HEADER_VERSION

    def to_bytes(self) -> bytes:
        """Serialise for writing."""
        doc = {
            "format": FORMAT_NAME,
            "version": self.version,
            "passphrase": self.passphrase.to_json(),
            "recovery": self.recovery.to_json(),
        }
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> Header:
        """Parse; VaultTooNew for a newer format version, VaultCorrupt for anything else bad."""
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise VaultCorrupt("vault.header_damaged") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
            raise VaultCorrupt("vault.header_foreign")
        version = doc.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise VaultCorrupt("vault.header_no_version")
        if version > HEADER_VERSION:
            raise VaultTooNew()
        try:
            return cls(
                passphrase=KeySlot.from_json(doc.get("passphrase")),
                recovery=KeySlot.from_json(doc.get("recovery")),
                version=version,
            )
        except (TypeError, ValueError) as exc:
            raise VaultCorrupt("vault.header_damaged") from exc

    def with_passphrase(self, slot: KeySlot) -> Header:
        """A copy with a new passphrase slot."""
        return replace(self, passphrase=slot)

    def with_recovery(self, slot: KeySlot) -> Header:
        """A copy with a new recovery slot."""
        return replace(self, recovery=slot)


def header_path(folder: Path) -> Path:
    """Where the header of the vault in ``folder`` lives."""
    return Path(folder) / HEADER_NAME


def read_header(folder: Path) -> Header:
    """Read and parse the header; VaultNotFound if there is none."""
    path = header_path(folder)
    try:
        with path.open("rb") as handle:
            raw = handle.read(_MAX_HEADER_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise VaultNotFound() from exc
    except IsADirectoryError as exc:
        raise VaultCorrupt() from exc
    if len(raw) > _MAX_HEADER_BYTES:
        raise VaultCorrupt("vault.header_too_large")
    return Header.from_bytes(raw)


def write_header(folder: Path, header: Header) -> None:
    """Atomically replace the header file."""
    atomic_write(header_path(folder), header.to_bytes())
