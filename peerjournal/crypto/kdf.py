"""Passphrase and recovery-code key derivation (Argon2id) and data-key wrapping (secretbox).

Pure functions over bytes. The vault's random 256-bit data key never depends on the
passphrase: it is *wrapped* (encrypted with XSalsa20-Poly1305) under a key-encryption key
derived from the passphrase, and a second time under one derived from the recovery code.
Each derivation is purpose-separated: the Argon2id output is never used directly, but
through a keyed BLAKE2b with a per-purpose personalisation string.

Key material stays in ``bytearray`` buffers that the caller can :func:`zero`: the
derivation, the subkeys, wrapping and unwrapping call libsodium (through PyNaCl's cffi
binding) with those buffers as input and output, so no immutable ``bytes`` copy of a key
is made on the way. The passphrase itself arrives as a Python ``str`` and cannot be wiped.

Cost floor: no slot is ever sealed below :func:`floor` for its kind (the current default
cost), and a weaker slot is raised at the next unlock (see :mod:`peerjournal.vault.store`).
"""

from __future__ import annotations

import base64
import hmac
import os
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

import nacl.pwhash.argon2id as argon2id
import nacl.utils
from nacl._sodium import ffi, lib

from peerjournal.errors import InvalidInput, VaultError, WrongPassphrase

SALT_BYTES = argon2id.SALTBYTES
KEY_BYTES = 32
ALGORITHM = "argon2id13"

#: The costliest derivation a header may ask for: 10 passes over 1 GiB (about 13 times
#: the default). PeerJournal writes the default; the margin leaves room for a later,
#: stronger default. A header asking for more was not written by PeerJournal, and
#: obeying it would let whoever edited it make every unlock take minutes and gigabytes
#: (64 passes over 4 GiB: about 40 minutes here) before the header's MAC can be checked.
MAX_OPSLIMIT = 10
MAX_MEMLIMIT = 1024**3  # 1 GiB

#: Purposes for :func:`subkey`; each a 16-byte-or-shorter BLAKE2b personalisation.
PURPOSE_PASSPHRASE_WRAP = b"pj1-wrap-pass"
PURPOSE_RECOVERY_WRAP = b"pj1-wrap-recover"
PURPOSE_HEADER_MAC = b"pj1-header-mac"

#: Slot kinds, each with its own default cost.
SlotKind = Literal["passphrase", "recovery"]
#: INSECURE, test-only (same variable as ``peerjournal.vault.INSECURE_TEST_KDF_ENV``): when
#: "1", new vaults get the minimum cost and the floor below which slots are raised drops
#: to that minimum too. It never lowers a slot: it only spares test vaults the raise.
INSECURE_TEST_KDF_ENV = "PEERJOURNAL_INSECURE_TEST_KDF"
NONCE_BYTES = 24
MAC_BYTES = 16
WRAPPED_KEY_BYTES = NONCE_BYTES + MAC_BYTES + 32

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

    def below(self, other: KdfParams) -> bool:
        """Whether this cost is weaker than ``other`` in passes or in memory."""
        return self.opslimit < other.opslimit or self.memlimit < other.memlimit

    def at_least(self, other: KdfParams) -> KdfParams:
        """This cost raised, in each parameter, to at least ``other``."""
        return KdfParams(max(self.opslimit, other.opslimit), max(self.memlimit, other.memlimit))

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


def insecure_test_cost() -> bool:
    """Whether the INSECURE test-only cost is switched on for this process."""
    return os.environ.get(INSECURE_TEST_KDF_ENV) == "1"


def floor(kind: SlotKind) -> KdfParams:
    """The lowest cost a slot of ``kind`` is ever sealed with: today's default for it."""
    if insecure_test_cost():
        return KdfParams.for_tests()
    return KdfParams.default() if kind == "passphrase" else KdfParams.recovery_default()


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


def _buffer(data: bytes | bytearray) -> Any:
    """A cffi view of ``data`` without copying it (read-only for bytes)."""
    return ffi.from_buffer(data)


def derive(secret: bytes, salt: bytes, params: KdfParams, purpose: bytes) -> bytearray:
    """Argon2id over ``secret``, then a purpose-bound subkey of its output (both wiped)."""
    params.validate()
    if len(salt) != SALT_BYTES:
        raise ValueError("salt has the wrong length")
    master = bytearray(KEY_BYTES)
    try:
        status = lib.crypto_pwhash(
            ffi.from_buffer(master),
            KEY_BYTES,
            secret,
            len(secret),
            salt,
            params.opslimit,
            params.memlimit,
            lib.crypto_pwhash_alg_argon2id13(),
        )
        if status != 0:
            # libsodium fails only when it cannot allocate the memory the cost asks for.
            raise VaultError("vault.kdf_memory", mib=params.memlimit // (1024 * 1024))
        return subkey(master, purpose)
    finally:
        zero(master)


def subkey(master: bytes | bytearray, purpose: bytes) -> bytearray:
    """Derive a 32-byte key for one purpose from ``master`` (keyed BLAKE2b, personalised).

    Equal to ``hashlib.blake2b(b"", digest_size=32, key=master, person=purpose)``.
    """
    if not 1 <= len(purpose) <= 16:
        raise ValueError("purpose must be 1..16 bytes")
    if not 16 <= len(master) <= 64:
        raise ValueError("master key must be 16..64 bytes")
    out = bytearray(KEY_BYTES)
    person = purpose.ljust(16, b"\0")
    lib.crypto_generichash_blake2b_salt_personal(
        ffi.from_buffer(out), KEY_BYTES, ffi.NULL, 0, _buffer(master), len(master),
        ffi.NULL, person,
    )  # fmt: skip
    return out


def wrap_key(kek: bytes | bytearray, data_key: bytes | bytearray) -> bytes:
    """Encrypt ``data_key`` under ``kek``; returns nonce || MAC || ciphertext (72 bytes)."""
    if len(kek) != KEY_BYTES or len(data_key) != KEY_BYTES:
        raise ValueError("keys must be 32 bytes")
    nonce = nacl.utils.random(NONCE_BYTES)
    out = bytearray(MAC_BYTES + KEY_BYTES)
    lib.crypto_secretbox_easy(
        ffi.from_buffer(out), _buffer(data_key), KEY_BYTES, nonce, _buffer(kek)
    )
    return nonce + bytes(out)


def unwrap_key(kek: bytes | bytearray, wrapped: bytes) -> bytearray:
    """Decrypt a wrapped key straight into a new buffer; a failed MAC is WrongPassphrase."""
    if len(kek) != KEY_BYTES:
        raise ValueError("kek must be 32 bytes")
    if len(wrapped) != WRAPPED_KEY_BYTES:
        raise WrongPassphrase()
    plain = bytearray(KEY_BYTES)
    box = wrapped[NONCE_BYTES:]
    status = lib.crypto_secretbox_open_easy(
        ffi.from_buffer(plain), box, len(box), wrapped[:NONCE_BYTES], _buffer(kek)
    )
    if status != 0:
        zero(plain)
        raise WrongPassphrase()
    return plain


def header_mac(data_key: bytes | bytearray, message: bytes) -> bytes:
    """The MAC of a vault header's canonical bytes, under a header-only subkey."""
    key = subkey(data_key, PURPOSE_HEADER_MAC)
    try:
        out = bytearray(KEY_BYTES)
        lib.crypto_generichash_blake2b_salt_personal(
            ffi.from_buffer(out), KEY_BYTES, message, len(message), ffi.from_buffer(key),
            KEY_BYTES, ffi.NULL, PURPOSE_HEADER_MAC.ljust(16, b"\0"),
        )  # fmt: skip
        return bytes(out)
    finally:
        zero(key)


def same_mac(a: bytes | bytearray, b: bytes | bytearray) -> bool:
    """Constant-time comparison of two MACs (or keys)."""
    return hmac.compare_digest(a, b)


def sqlcipher_key(data_key: bytes | bytearray) -> bytearray:
    """SQLCipher's raw-key form ``x'<hex>'`` as a wipeable buffer (for ``set_key``).

    Built digit by digit, so no immutable hex string of the key is ever made.
    """
    digits = b"0123456789abcdef"
    out = bytearray(3 + 2 * len(data_key))
    out[0:2] = b"x'"
    for i, byte in enumerate(data_key):
        out[2 + 2 * i] = digits[byte >> 4]
        out[3 + 2 * i] = digits[byte & 15]
    out[-1] = ord("'")
    return out


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
    """Overwrite a key buffer in place (libsodium's memzero, which the compiler keeps)."""
    if len(buffer):
        lib.sodium_memzero(ffi.from_buffer(buffer), len(buffer))
