"""Passphrase and recovery-code key derivation (Argon2id) and data-key wrapping (secretbox).

Pure functions over bytes. The vault's random 256-bit data key never depends on the
passphrase: it is *wrapped* (encrypted with XSalsa20-Poly1305) under a key-encryption key
derived from the passphrase, and a second time under one derived from the recovery code.
Each derivation is purpose-separated: the Argon2id output is never used directly, but
through a keyed BLAKE2b with a per-purpose personalisation string.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any

import nacl.exceptions
import nacl.pwhash.argon2id as argon2id
import nacl.secret

from peerjournal.errors import InvalidInput, WrongPassphrase

SALT_BYTES = argon2id.SALTBYTES
KEY_BYTES = 32
ALGORITHM = "argon2id13"

MAX_OPSLIMIT = 64
MAX_MEMLIMIT = 4 * 1024**3  # 4 GiB

#: Purposes for :func:`subkey`; each a 16-byte-or-shorter BLAKE2b personalisation.
PURPOSE_PASSPHRASE_WRAP = b"pj1-wrap-pass"
PURPOSE_RECOVERY_WRAP = b"pj1-wrap-recover"

#: Alphabet of recovery codes: RFC 4648 base32 (no 0/1/8/9, so 0/1/8 can be read as O/I/B).
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
RECOVERY_CODE_CHARS = 25  # 125 bits
_RECOVERY_GROUP = 5


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters; stored in the vault header so they can be raised later."""

    opslimit: int
    memlimit: int  # bytes

    @classmethod
    def default(cls) -> KdfParams:
        """Passphrase cost: 256 MiB, 3 passes (about 0.36 s on the 2-core reference machine)."""
        return cls(opslimit=3, memlimit=256 * 1024 * 1024)

    @classmethod
    def recovery_default(cls) -> KdfParams:
        """Recovery-code cost: cheaper, because the code itself carries 125 random bits."""
        return cls(opslimit=2, memlimit=64 * 1024 * 1024)

    @classmethod
    def for_tests(cls) -> KdfParams:
        """INSECURE minimum cost for tests only; never use for a real vault."""
        return cls(opslimit=argon2id.OPSLIMIT_MIN, memlimit=argon2id.MEMLIMIT_MIN)

    def validate(self) -> None:
        """Raise ValueError when the parameters are outside what libsodium accepts."""
        if not isinstance(self.opslimit, int) or not isinstance(self.memlimit, int):
            raise TypeError("KDF parameters must be integers")
        # Upper bounds far above any sane cost, so a damaged header fails fast instead of
        # making the unlock run for hours or exhaust memory.
        if not argon2id.OPSLIMIT_MIN <= self.opslimit <= MAX_OPSLIMIT:
            raise ValueError(f"opslimit {self.opslimit} out of range")
        if not argon2id.MEMLIMIT_MIN <= self.memlimit <= MAX_MEMLIMIT:
            raise ValueError(f"memlimit {self.memlimit} out of range")

    def to_json(self) -> dict[str, Any]:
        """The header representation."""
        return {"alg": ALGORITHM, "opslimit": self.opslimit, "memlimit": self.memlimit}

    @classmethod
    def from_json(cls, data: Any) -> KdfParams:
        """Parse and validate the header representation (ValueError/TypeError if bad)."""
        if not isinstance(data, dict) or data.get("alg") != ALGORITHM:
            raise ValueError("unknown key-derivation algorithm")
        params = cls(opslimit=data.get("opslimit"), memlimit=data.get("memlimit"))  # type: ignore[arg-type]
        params.validate()
        return params


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC-normalise and encode, so the same typed passphrase unlocks on every platform."""
    if not isinstance(passphrase, str):
        raise TypeError("passphrase must be str")
    try:
        return unicodedata.normalize("NFC", passphrase).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidInput("passphrase.unusable") from exc


def new_salt() -> bytes:
    """A fresh random Argon2id salt."""
    return secrets.token_bytes(SALT_BYTES)


def new_data_key() -> bytearray:
    """A fresh random 256-bit key (a bytearray so it can be zeroed later)."""
    return bytearray(secrets.token_bytes(KEY_BYTES))


def derive(secret: bytes, salt: bytes, params: KdfParams, purpose: bytes) -> bytes:
    """Argon2id over ``secret``, then a purpose-bound subkey of its output."""
    params.validate()
    if len(salt) != SALT_BYTES:
        raise ValueError("salt has the wrong length")
    master = argon2id.kdf(
        KEY_BYTES, secret, salt, opslimit=params.opslimit, memlimit=params.memlimit
    )
    return subkey(master, purpose)


def subkey(master: bytes, purpose: bytes) -> bytes:
    """Derive a 32-byte key for one purpose from ``master`` (keyed BLAKE2b)."""
    if not 1 <= len(purpose) <= 16:
        raise ValueError("purpose must be 1..16 bytes")
    return hashlib.blake2b(b"", digest_size=KEY_BYTES, key=master, person=purpose).digest()


def wrap_key(kek: bytes, data_key: bytes | bytearray) -> bytes:
    """Encrypt ``data_key`` under ``kek``; returns nonce || ciphertext || MAC."""
    return bytes(nacl.secret.SecretBox(kek).encrypt(bytes(data_key)))


def unwrap_key(kek: bytes, wrapped: bytes) -> bytearray:
    """Decrypt a wrapped key; a failed MAC raises :class:`WrongPassphrase`."""
    try:
        plain = nacl.secret.SecretBox(kek).decrypt(wrapped)
    except nacl.exceptions.CryptoError as exc:
        raise WrongPassphrase() from exc
    if len(plain) != KEY_BYTES:
        raise WrongPassphrase()
    return bytearray(plain)


def new_recovery_code() -> str:
    """A one-time recovery code: 25 base32 characters (125 bits) in groups of five."""
    raw = "".join(secrets.choice(_B32) for _ in range(RECOVERY_CODE_CHARS))
    return "-".join(raw[i : i + _RECOVERY_GROUP] for i in range(0, len(raw), _RECOVERY_GROUP))


def normalise_recovery_code(code: str) -> bytes:
    """Canonical form of a typed recovery code: case, spaces and dashes do not matter.

    Raises :class:`WrongPassphrase` when the text cannot be a recovery code at all.
    """
    cleaned = "".join(ch for ch in code.upper() if ch not in " -\t\n")
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    if len(cleaned) != RECOVERY_CODE_CHARS or any(ch not in _B32 for ch in cleaned):
        raise WrongPassphrase("vault.bad_recovery_code")
    return cleaned.encode("ascii")


def b64(data: bytes) -> str:
    """Standard base64 text."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any) -> bytes:
    """Decode base64 text strictly (ValueError if malformed)."""
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def zero(buffer: bytearray) -> None:
    """Overwrite a key buffer in place (best effort: Python may hold other copies)."""
    for i in range(len(buffer)):
        buffer[i] = 0
