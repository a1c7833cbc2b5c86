"""Unpadded base64url, the encoding of every binary value in the exchange protocol."""

from __future__ import annotations

import base64
import binascii
import re

_ALPHABET = re.compile(r"^[A-Za-z0-9_-]*$")


def b64u_encode(data: bytes) -> str:
    """Encode bytes as unpadded base64url text."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("b64u_encode expects bytes")
    return base64.urlsafe_b64encode(bytes(data)).rstrip(b"=").decode("ascii")


def b64u_decode(text: str, *, length: int | None = None) -> bytes:
    """Decode strict unpadded base64url; ``length`` (if given) must match exactly.

    Raises ``ValueError`` on padding, foreign characters, impossible lengths or
    non-canonical trailing bits, and ``TypeError`` when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError("b64u_decode expects text")
    if not _ALPHABET.match(text) or len(text) % 4 == 1:
        raise ValueError("not unpadded base64url")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not unpadded base64url") from exc
    if b64u_encode(data) != text:
        raise ValueError("non-canonical base64url")
    if length is not None and len(data) != length:
        raise ValueError(f"expected {length} bytes, got {len(data)}")
    return data
