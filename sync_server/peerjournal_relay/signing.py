"""Request signing (docs/protocol.md section 2): canonical message and Ed25519 verification.

Pure functions only; the relay's request handling calls them, and the test vectors in
``tests/vectors/request_signing.json`` check them byte for byte.
"""

from __future__ import annotations

import binascii
import hashlib
import re
from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import quote, unquote_to_bytes

from nacl.bindings import crypto_sign_BYTES, crypto_sign_open, crypto_sign_PUBLICKEYBYTES
from nacl.exceptions import BadSignatureError

SIGNING_PREFIX = "PJ-REQ-1"
# base64url to the standard alphabet, which strict decoding checks; "+", "/" and "=" are not
# base64url, so they become a character it refuses. (A regular expression over the text and
# str.translate cost 3-7 us per id or signature, four times per request; this is C only.)
_TO_STANDARD = bytes.maketrans(b"-_+/=", b"+/!!!")
_PADDING = (b"", b"", b"==", b"=")  # by len(text) % 4 (1 is never valid)
_TO_URLSAFE = bytes.maketrans(b"+/", b"-_")
# Canonical text leaves the unused low bits of its last character zero: with two characters
# in the last group (one byte) four bits are unused, with three (two bytes) two bits are.
_CANONICAL_LAST = (
    None,
    None,
    frozenset("AQgw"),
    frozenset("AEIMQUYcgkosw048"),
)
MEMO_QUERY_BYTES = 64
MEMO_QUERIES = 256
# Query names and values made of these characters are their own percent-encoding.
_UNRESERVED_RE = re.compile(r"[A-Za-z0-9._~-]*\Z")


def b64u_encode(data: bytes) -> str:
    """Unpadded base64url of ``data``."""
    return b64u_bytes(data).decode("ascii")


def b64u_bytes(data: bytes) -> bytes:
    """Unpadded base64url of ``data``, as ASCII bytes."""
    return binascii.b2a_base64(data, newline=False).translate(_TO_URLSAFE).rstrip(b"=")


def b64u_decode(text: str, *, length: int | None = None) -> bytes:
    """Decode canonical unpadded base64url; raise ``ValueError`` on anything else.

    Canonical means: no padding, only the base64url alphabet, and re-encoding gives the same
    text (so one value has exactly one spelling: the unused bits of the last character are
    zero). ``length`` checks the decoded size.
    """
    if not isinstance(text, str) or not text.isascii():
        raise ValueError("not unpadded base64url")
    rest = len(text) % 4
    if rest == 1:
        raise ValueError("not unpadded base64url")
    last = _CANONICAL_LAST[rest]
    if last is not None and text[-1] not in last:
        raise ValueError("not canonical base64url")
    standard = text.encode("ascii").translate(_TO_STANDARD) + _PADDING[rest]
    try:
        data = binascii.a2b_base64(standard, strict_mode=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not unpadded base64url") from exc
    if length is not None and len(data) != length:
        raise ValueError(f"expected {length} bytes")
    return data


def percent_encode(value: str) -> str:
    """RFC 3986 percent-encoding of UTF-8: unreserved characters kept, others ``%XX``."""
    return quote(value, safe="~", encoding="utf-8", errors="strict")


def canonical_query(params: Iterable[tuple[str, str]]) -> str:
    """The canonical query: encoded ``name=value`` pairs sorted by encoded name, then value."""
    encoded = sorted((_encoded(name), _encoded(value)) for name, value in params)
    return "&".join(f"{name}={value}" for name, value in encoded)


def _encoded(text: str) -> str:
    return text if _UNRESERVED_RE.match(text) else percent_encode(text)


def parse_query(raw: bytes) -> list[tuple[str, str]]:
    """Parse a raw query string as sent on the wire; raise ``ValueError`` when malformed.

    ``+`` means a space (form encoding); percent escapes must decode to valid UTF-8.
    """
    if not raw:
        return []
    plain = raw.isascii() and b"%" not in raw and b"+" not in raw
    pairs: list[tuple[str, str]] = []
    for part in raw.split(b"&"):
        if not part:
            continue
        name, _sep, value = part.partition(b"=")
        if plain:  # nothing to decode
            pairs.append((name.decode("ascii"), value.decode("ascii")))
        else:
            pairs.append((_unquote(name), _unquote(value)))
    return pairs


class ParsedQuery(NamedTuple):
    """A raw query string's pairs (in order) and its canonical text."""

    pairs: tuple[tuple[str, str], ...]
    canonical: str


class QueryParser:
    """:func:`parse_query` and :func:`canonical_query` of a raw query string, remembered for
    the short ones: a client sends the same query with every long-poll
    (``limit=100&wait=30``), and parsing, percent-encoding and sorting it cost several
    microseconds per request. Only queries up to :data:`MEMO_QUERY_BYTES` are kept, at most
    :data:`MEMO_QUERIES` of them (all forgotten when full)."""

    def __init__(self) -> None:
        self._known: dict[bytes, ParsedQuery] = {}

    def __call__(self, raw: bytes) -> ParsedQuery:
        """The parsed query; ``ValueError`` or ``UnicodeDecodeError`` when malformed."""
        known = self._known.get(raw)
        if known is None:
            pairs = tuple(parse_query(raw))
            known = ParsedQuery(pairs, canonical_query(pairs))
            if len(raw) <= MEMO_QUERY_BYTES:
                if len(self._known) >= MEMO_QUERIES:
                    self._known.clear()
                self._known[raw] = known
        return known


def _unquote(raw: bytes) -> str:
    data = unquote_to_bytes(raw.replace(b"+", b" "))
    return data.decode("utf-8", errors="strict")


def signed_message(
    method: str, path: str, query: str, timestamp: int, nonce: str, body: bytes
) -> bytes:
    """The exact bytes an Ed25519 request signature covers."""
    lines = [
        SIGNING_PREFIX,
        method.upper(),
        path,
        query,
        str(timestamp),
        nonce,
        hashlib.sha256(body).hexdigest(),
    ]
    return "\n".join(lines).encode("utf-8")


def verify_signature(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """True when ``signature`` is a valid Ed25519 signature of ``message`` by ``public_key``.

    What ``VerifyKey(public_key).verify(message, signature)`` checks, without making a key
    object per request: the sizes, then libsodium's ``crypto_sign_open``."""
    if not (
        isinstance(public_key, bytes)
        and isinstance(signature, bytes)
        and isinstance(message, bytes)
        and len(public_key) == crypto_sign_PUBLICKEYBYTES
        and len(signature) == crypto_sign_BYTES
    ):
        return False
    try:
        crypto_sign_open(signature + message, public_key)
    except BadSignatureError:
        return False
    return True
