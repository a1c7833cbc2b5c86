"""The vault header file (``vault.json``): KDF parameters, salts, the wrapped data key, a MAC.

Layout (JSON, UTF-8)::

    {
      "format": "peerjournal-vault",
      "version": 2,
      "passphrase": {"kdf": {"alg": "argon2id13", "opslimit": 3, "memlimit": 268435456},
                     "salt": "<base64 16 bytes>", "wrapped_key": "<base64 72 bytes>"},
      "recovery":   {"kdf": {...}, "salt": "...", "wrapped_key": "..."},
      "mac": "<base64 32 bytes>"
    }

``wrapped_key`` is a secretbox (nonce 24 || MAC 16 || ciphertext 32) of the 32-byte data
key under a purpose-bound subkey of Argon2id(secret, salt). The secretbox MAC is the key
check: a wrong passphrase fails to decrypt.

``mac`` (version 2) authenticates everything the header says — the version, both slots,
every cost parameter, salt and wrapped key — with keyed BLAKE2b under a header-only
subkey of the data key, over :meth:`Header.canonical_bytes` (the parsed values in one fixed
JSON form, so whitespace or key order in the file do not matter and nothing unparsed is
trusted). It can only be checked once the data key is unwrapped, and it is, after every
unlock. Version-1 headers (no MAC) are upgraded at their next unlock; the database then
records that its header is authenticated, so stripping the MAC is noticed too.

The file is always replaced atomically.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from peerjournal.crypto import kdf
from peerjournal.errors import VaultCorrupt, VaultHeaderModified, VaultNotFound, VaultTooNew
from peerjournal.fsutil import atomic_write

HEADER_NAME = "vault.json"
FORMAT_NAME = "peerjournal-vault"
HEADER_VERSION = 2
#: The first header version that carries a MAC.
MAC_VERSION = 2
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
        if len(slot.salt) != kdf.SALT_BYTES or len(slot.wrapped_key) != kdf.WRAPPED_KEY_BYTES:
            raise ValueError("key slot has wrong sizes")
        return slot

    @classmethod
    def seal(
        cls,
        secret: bytes,
        data_key: bytes | bytearray,
        params: kdf.KdfParams,
        purpose: bytes,
        kind: kdf.SlotKind,
    ) -> KeySlot:
        """Wrap ``data_key`` under a key derived from ``secret`` with a fresh salt.

        The cost is raised to the floor for ``kind`` if ``params`` are weaker: no slot is
        ever sealed below today's default cost.
        """
        params = params.at_least(kdf.floor(kind))
        salt = kdf.new_salt()
        kek = kdf.derive(secret, salt, params, purpose)
        try:
            return cls(params=params, salt=salt, wrapped_key=kdf.wrap_key(kek, data_key))
        finally:
            kdf.zero(kek)

    def open(self, secret: bytes, purpose: bytes) -> bytearray:
        """Unwrap the data key; raises WrongPassphrase when ``secret`` is wrong."""
        kek = kdf.derive(secret, self.salt, self.params, purpose)
        try:
            return kdf.unwrap_key(kek, self.wrapped_key)
        finally:
            kdf.zero(kek)


@dataclass(frozen=True)
class Header:
    """The parsed header file.

    ``recovery`` is None when the file's recovery slot cannot be parsed: the passphrase
    still opens the vault (and then reports the ruined slot) instead of nothing opening.
    """

    passphrase: KeySlot
    recovery: KeySlot | None
    version: int = HEADER_VERSION
    mac: bytes | None = None

    @property
    def authenticated(self) -> bool:
        """Whether this header carries a MAC (version 2 and later)."""
        return self.version >= MAC_VERSION

    def canonical_bytes(self) -> bytes:
        """What the MAC covers: the parsed content in one fixed form."""
        doc = {
            "format": FORMAT_NAME,
            "version": self.version,
            "passphrase": self.passphrase.to_json(),
            "recovery": None if self.recovery is None else self.recovery.to_json(),
        }
        return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("ascii")

    def sealed(self, data_key: bytes | bytearray) -> Header:
        """This header as the current version with a fresh MAC under ``data_key``."""
        upgraded = replace(self, version=HEADER_VERSION, mac=None)
        return replace(upgraded, mac=kdf.header_mac(data_key, upgraded.canonical_bytes()))

    def verify(self, data_key: bytes | bytearray) -> None:
        """Raise VaultHeaderModified unless the MAC matches (headers without one pass)."""
        if not self.authenticated:
            return
        expected = kdf.header_mac(data_key, self.canonical_bytes())
        if self.mac is None or not kdf.same_mac(expected, self.mac):
            raise VaultHeaderModified()

    def to_bytes(self) -> bytes:
        """Serialise for writing (a header of version 2 or later must be sealed first)."""
        if self.authenticated and self.mac is None:
            raise ValueError("an authenticated header needs its MAC: call sealed() first")
        doc: dict[str, Any] = {
            "format": FORMAT_NAME,
            "version": self.version,
            "passphrase": self.passphrase.to_json(),
            "recovery": None if self.recovery is None else self.recovery.to_json(),
        }
        if self.mac is not None:
            doc["mac"] = kdf.b64(self.mac)
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> Header:
        """Parse; VaultTooNew for a newer format version, VaultCorrupt for anything else bad."""
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            # RecursionError: JSON nested thousands deep, which no header is.
            raise VaultCorrupt("vault.header_damaged") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
            raise VaultCorrupt("vault.header_foreign")
        version = doc.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise VaultCorrupt("vault.header_no_version")
        if version > HEADER_VERSION:
            raise VaultTooNew()
        try:
            passphrase = KeySlot.from_json(doc.get("passphrase"))
        except (TypeError, ValueError) as exc:
            raise VaultCorrupt("vault.header_damaged") from exc
        try:
            recovery: KeySlot | None = KeySlot.from_json(doc.get("recovery"))
        except (TypeError, ValueError):
            recovery = None
        mac = None
        if version >= MAC_VERSION:
            try:
                mac = kdf.unb64(doc.get("mac"))
            except (TypeError, ValueError) as exc:
                raise VaultHeaderModified() from exc
            if len(mac) != kdf.KEY_BYTES:
                raise VaultHeaderModified()
        return cls(passphrase=passphrase, recovery=recovery, version=version, mac=mac)

    def with_passphrase(self, slot: KeySlot) -> Header:
        """A copy with a new passphrase slot (unsealed: call :meth:`sealed`)."""
        return replace(self, passphrase=slot, mac=None)

    def with_recovery(self, slot: KeySlot) -> Header:
        """A copy with a new recovery slot (unsealed: call :meth:`sealed`)."""
        return replace(self, recovery=slot, mac=None)


def header_path(folder: Path) -> Path:
    """Where the header of the vault in ``folder`` lives."""
    return Path(folder) / HEADER_NAME


def parse_header_bytes(raw: bytes) -> Header:
    """Parse header bytes read from anywhere (a vault folder or a backup file)."""
    if len(raw) > _MAX_HEADER_BYTES:
        raise VaultCorrupt("vault.header_too_large")
    return Header.from_bytes(raw)


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
    return parse_header_bytes(raw)


def write_header(folder: Path, header: Header) -> None:
    """Atomically replace the header file."""
    atomic_write(header_path(folder), header.to_bytes())
