"""Envelopes: NaCl encryption between per-pairing keys, padded to fixed size buckets.

Layout (docs/protocol.md section 5)::

    0x01 || nonce (24) || crypto_box(padded)                  "box" (protocol 1)
    0x02 || joiner box pub (32) || nonce (24) || crypto_box(padded)   "join"
    0x03 || nonce (24) || crypto_secretbox(padded, k_dir)     "box2" (protocol 2)

``k_dir`` is the sender's crypto_kx transmit key (the inviter is the kx "server", the
joiner the kx "client"), which is the receiver's receive key: each direction of a pairing
has its own key, so an envelope reflected back to its sender does not decrypt.

``padded`` is a 4-byte big-endian payload length, the payload, then zero bytes, so
that the whole envelope is exactly the smallest bucket that fits.
"""

from __future__ import annotations

import nacl.bindings
import nacl.exceptions
import nacl.utils
from nacl.public import Box, PrivateKey, PublicKey
from nacl.secret import SecretBox

BUCKETS: tuple[int, ...] = (1024, 4096, 16384, 65536)
TYPE_BOX = 0x01
TYPE_JOIN = 0x02
TYPE_BOX2 = 0x03
ENVELOPE_TYPES = (TYPE_BOX, TYPE_JOIN, TYPE_BOX2)
NONCE_SIZE = 24
KEY_SIZE = 32
MAC_SIZE = 16
_LEN_PREFIX = 4
BOX_OVERHEAD = 1 + NONCE_SIZE + MAC_SIZE
JOIN_OVERHEAD = 1 + KEY_SIZE + NONCE_SIZE + MAC_SIZE
MAX_BOX_PAYLOAD = BUCKETS[-1] - BOX_OVERHEAD - _LEN_PREFIX
MAX_JOIN_PAYLOAD = BUCKETS[-1] - JOIN_OVERHEAD - _LEN_PREFIX


def _check_bytes(name: str, value: object, size: int | None = None) -> bytes:
    if not isinstance(value, bytes):
        raise TypeError(f"{name} must be bytes")
    if size is not None and len(value) != size:
        raise ValueError(f"{name} must be {size} bytes")
    return value


def bucket_for(payload_len: int, overhead: int) -> int:
    """The smallest bucket that holds a payload of ``payload_len`` bytes plus overhead."""
    if payload_len < 0:
        raise ValueError("negative length")
    need = payload_len + _LEN_PREFIX + overhead
    for size in BUCKETS:
        if need <= size:
            return size
    raise ValueError("payload too large for the largest envelope bucket")


def pad(payload: bytes, size: int) -> bytes:
    """Length-prefix ``payload`` and zero-fill it to exactly ``size`` bytes."""
    _check_bytes("payload", payload)
    if len(payload) + _LEN_PREFIX > size:
        raise ValueError("payload does not fit")
    body = len(payload).to_bytes(_LEN_PREFIX, "big") + payload
    return body + bytes(size - len(body))


def unpad(padded: bytes) -> bytes:
    """Undo :func:`pad`; raise ``ValueError`` if the length or the filler is wrong."""
    _check_bytes("padded", padded)
    if len(padded) < _LEN_PREFIX:
        raise ValueError("padded text too short")
    length = int.from_bytes(padded[:_LEN_PREFIX], "big")
    end = _LEN_PREFIX + length
    if end > len(padded):
        raise ValueError("padded length out of range")
    if any(padded[end:]):
        raise ValueError("padding is not zero")
    return padded[_LEN_PREFIX:end]


def seal_box(
    payload: bytes, recipient_pub: bytes, sender_secret: bytes, *, nonce: bytes | None = None
) -> bytes:
    """Seal ``payload`` for ``recipient_pub`` as a type 0x01 envelope."""
    _check_bytes("recipient_pub", recipient_pub, KEY_SIZE)
    _check_bytes("sender_secret", sender_secret, KEY_SIZE)
    nonce = _check_bytes("nonce", nonce, NONCE_SIZE) if nonce is not None else _random_nonce()
    size = bucket_for(len(_check_bytes("payload", payload)), BOX_OVERHEAD)
    padded = pad(payload, size - BOX_OVERHEAD)
    try:
        box = Box(PrivateKey(sender_secret), PublicKey(recipient_pub))
    except nacl.exceptions.CryptoError as exc:
        raise ValueError("unusable recipient key") from exc
    ciphertext = box.encrypt(padded, nonce).ciphertext
    return bytes([TYPE_BOX]) + nonce + ciphertext


def open_box(envelope: bytes, sender_pub: bytes, recipient_secret: bytes) -> bytes:
    """Open a type 0x01 envelope from ``sender_pub``; ``ValueError`` if anything is off."""
    _check_bytes("envelope", envelope)
    _check_bytes("sender_pub", sender_pub, KEY_SIZE)
    _check_bytes("recipient_secret", recipient_secret, KEY_SIZE)
    if len(envelope) not in BUCKETS:
        raise ValueError("envelope is not a bucket size")
    if envelope[0] != TYPE_BOX:
        raise ValueError("not a box envelope")
    nonce = envelope[1 : 1 + NONCE_SIZE]
    try:
        box = Box(PrivateKey(recipient_secret), PublicKey(sender_pub))
        padded = box.decrypt(envelope[1 + NONCE_SIZE :], nonce)
    except nacl.exceptions.CryptoError as exc:
        raise ValueError("envelope does not decrypt") from exc
    return unpad(padded)


def seal_join(
    payload: bytes, inviter_pub: bytes, joiner_secret: bytes, *, nonce: bytes | None = None
) -> bytes:
    """Seal a join ``payload`` for the inviter as a type 0x02 envelope."""
    _check_bytes("inviter_pub", inviter_pub, KEY_SIZE)
    _check_bytes("joiner_secret", joiner_secret, KEY_SIZE)
    nonce = _check_bytes("nonce", nonce, NONCE_SIZE) if nonce is not None else _random_nonce()
    size = bucket_for(len(_check_bytes("payload", payload)), JOIN_OVERHEAD)
    padded = pad(payload, size - JOIN_OVERHEAD)
    secret = PrivateKey(joiner_secret)
    try:
        ciphertext = Box(secret, PublicKey(inviter_pub)).encrypt(padded, nonce).ciphertext
    except nacl.exceptions.CryptoError as exc:
        raise ValueError("unusable inviter key") from exc
    return bytes([TYPE_JOIN]) + bytes(secret.public_key) + nonce + ciphertext


def open_join(envelope: bytes, inviter_secret: bytes) -> tuple[bytes, bytes]:
    """Open a type 0x02 envelope; return ``(joiner box pub, payload)``."""
    _check_bytes("envelope", envelope)
    _check_bytes("inviter_secret", inviter_secret, KEY_SIZE)
    if len(envelope) not in BUCKETS:
        raise ValueError("envelope is not a bucket size")
    if envelope[0] != TYPE_JOIN:
        raise ValueError("not a join envelope")
    joiner_pub = envelope[1 : 1 + KEY_SIZE]
    nonce = envelope[1 + KEY_SIZE : 1 + KEY_SIZE + NONCE_SIZE]
    try:
        box = Box(PrivateKey(inviter_secret), PublicKey(joiner_pub))
        padded = box.decrypt(envelope[1 + KEY_SIZE + NONCE_SIZE :], nonce)
    except nacl.exceptions.CryptoError as exc:
        raise ValueError("envelope does not decrypt") from exc
    return joiner_pub, unpad(padded)


def envelope_type(envelope: bytes) -> int:
    """The type byte of an envelope of a valid bucket size; ``ValueError`` otherwise."""
    _check_bytes("envelope", envelope)
    if len(envelope) not in BUCKETS:
        raise ValueError("envelope is not a bucket size")
    if envelope[0] not in ENVELOPE_TYPES:
        raise ValueError("unknown envelope type")
    return envelope[0]


def direction_keys(my_secret: bytes, peer_pub: bytes, *, inviter: bool) -> tuple[bytes, bytes]:
    """``(receive key, transmit key)`` of this side of a pairing (crypto_kx session keys).

    The inviter takes the kx server role, the joiner the client role, so one side's
    transmit key is the other side's receive key and the two directions never share one.
    """
    _check_bytes("my_secret", my_secret, KEY_SIZE)
    _check_bytes("peer_pub", peer_pub, KEY_SIZE)
    my_pub = box_public(my_secret)
    try:
        if inviter:
            rx, tx = nacl.bindings.crypto_kx_server_session_keys(my_pub, my_secret, peer_pub)
        else:
            rx, tx = nacl.bindings.crypto_kx_client_session_keys(my_pub, my_secret, peer_pub)
    except nacl.exceptions.CryptoError as exc:
        raise ValueError("unusable peer key") from exc
    return bytes(rx), bytes(tx)


def seal_box2(payload: bytes, tx_key: bytes, *, nonce: bytes | None = None) -> bytes:
    """Seal ``payload`` under this side's transmit key as a type 0x03 envelope."""
    _check_bytes("tx_key", tx_key, KEY_SIZE)
    nonce = _check_bytes("nonce", nonce, NONCE_SIZE) if nonce is not None else _random_nonce()
    size = bucket_for(len(_check_bytes("payload", payload)), BOX_OVERHEAD)
    padded = pad(payload, size - BOX_OVERHEAD)
    ciphertext = SecretBox(tx_key).encrypt(padded, nonce).ciphertext
    return bytes([TYPE_BOX2]) + nonce + ciphertext


def open_box2(envelope: bytes, rx_key: bytes) -> bytes:
    """Open a type 0x03 envelope with this side's receive key; ``ValueError`` if anything
    is off (an envelope this side sealed itself never opens: it used the other key)."""
    _check_bytes("envelope", envelope)
    _check_bytes("rx_key", rx_key, KEY_SIZE)
    if len(envelope) not in BUCKETS:
        raise ValueError("envelope is not a bucket size")
    if envelope[0] != TYPE_BOX2:
        raise ValueError("not a box2 envelope")
    nonce = envelope[1 : 1 + NONCE_SIZE]
    try:
        padded = SecretBox(rx_key).decrypt(envelope[1 + NONCE_SIZE :], nonce)
    except nacl.exceptions.CryptoError as exc:
        raise ValueError("envelope does not decrypt") from exc
    return unpad(padded)


def new_box_secret() -> bytes:
    """A fresh X25519 secret key (32 bytes)."""
    return bytes(PrivateKey.generate())


def box_public(secret: bytes) -> bytes:
    """The X25519 public key of ``secret``."""
    return bytes(PrivateKey(_check_bytes("secret", secret, KEY_SIZE)).public_key)


def _random_nonce() -> bytes:
    return nacl.utils.random(NONCE_SIZE)
