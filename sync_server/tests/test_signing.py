"""The relay's signing code against the shared byte-exact vectors in tests/vectors/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from nacl.signing import SigningKey
from peerjournal_relay.signing import (
    b64u_decode,
    b64u_encode,
    canonical_query,
    parse_query,
    signed_message,
    verify_signature,
)

VECTORS_DIR = Path(__file__).resolve().parents[2] / "tests" / "vectors"
VECTORS: list[dict[str, Any]] = json.loads(
    (VECTORS_DIR / "request_signing.json").read_text(encoding="utf-8")
)["vectors"]


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_vector(vector: dict[str, Any]) -> None:
    key = SigningKey(bytes.fromhex(vector["signing_key_seed_hex"]))
    public = bytes(key.verify_key)
    assert b64u_encode(public) == vector["public_key_b64u"]
    params = [tuple(pair) for pair in vector["query_params"]]
    query = canonical_query(params)
    assert query == vector["canonical_query"]
    # the relay parses the canonical query from the wire back to the same parameters
    assert sorted(parse_query(query.encode())) == sorted(params)
    body = b64u_decode(vector["body_b64u"])
    message = signed_message(
        vector["method"], vector["path"], query, vector["timestamp"], vector["nonce"], body
    )
    assert message == bytes.fromhex(vector["signed_message_hex"])
    assert message.decode() == vector["signed_message"]
    signature = b64u_decode(vector["signature_b64u"], length=64)
    assert key.sign(message).signature == signature  # Ed25519 is deterministic
    assert verify_signature(public, message, signature)
    assert not verify_signature(public, message + b"x", signature)
    assert vector["headers"]["PJ-Signature"] == vector["signature_b64u"]


def test_vectors_file_is_reproducible() -> None:
    script = VECTORS_DIR / "make_request_vectors.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("text", ["", "AA", "AAA", "AAAA", "_-8"])
def test_b64u_round_trip(text: str) -> None:
    assert b64u_encode(b64u_decode(text)) == text


@pytest.mark.parametrize("text", ["A", "AA==", "A+/B", "AB", "a b", "AAAAA"])
def test_b64u_rejects_non_canonical(text: str) -> None:
    with pytest.raises(ValueError):
        b64u_decode(text)


def test_b64u_length_check() -> None:
    with pytest.raises(ValueError):
        b64u_decode(b64u_encode(b"x" * 15), length=16)


def test_parse_query_rejects_bad_utf8() -> None:
    with pytest.raises(UnicodeDecodeError):
        parse_query(b"a=%ff")
    assert parse_query(b"a=1&&b=+x") == [("a", "1"), ("b", " x")]


# The definitions the fast paths in signing.py must agree with.
def _reference_b64u_decode(text: str) -> bytes:
    import base64
    import re

    if not re.fullmatch(r"[A-Za-z0-9_-]*", text) or len(text) % 4 == 1:
        raise ValueError("not unpadded base64url")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if base64.urlsafe_b64encode(data).rstrip(b"=").decode() != text:
        raise ValueError("not canonical")
    return data


B64U_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@given(st.text(alphabet=B64U_ALPHABET + "=+/ .é", max_size=30))
def test_b64u_decode_accepts_exactly_the_canonical_spellings(text: str) -> None:
    try:
        expected: bytes | None = _reference_b64u_decode(text)
    except ValueError:
        expected = None
    if expected is None:
        with pytest.raises(ValueError):
            b64u_decode(text)
    else:
        assert b64u_decode(text) == expected


@given(st.lists(st.tuples(st.text(max_size=8), st.text(max_size=8)), max_size=4))
def test_canonical_query_encodes_every_pair_like_percent_encoding_does(
    params: list[tuple[str, str]],
) -> None:
    from urllib.parse import quote

    def encode(text: str) -> str:
        return quote(text, safe="~", encoding="utf-8", errors="strict")

    try:
        expected = "&".join(
            f"{n}={v}" for n, v in sorted((encode(n), encode(v)) for n, v in params)
        )
    except UnicodeEncodeError:  # lone surrogates have no UTF-8 form
        with pytest.raises(UnicodeEncodeError):
            canonical_query(params)
        return
    assert canonical_query(params) == expected
    assert sorted(parse_query(expected.encode())) == sorted(params)


def test_the_query_parser_remembers_short_queries_within_its_bound() -> None:
    from peerjournal_relay import signing

    parse = signing.QueryParser()
    raw = b"wait=5&limit=100"
    first = parse(raw)
    assert first.pairs == tuple(parse_query(raw))
    assert first.canonical == canonical_query(parse_query(raw)) == "limit=100&wait=5"
    assert parse(raw) is first  # remembered
    long = b"a=" + b"x" * signing.MEMO_QUERY_BYTES
    assert parse(long) is not parse(long)  # parsed every time, never kept
    for number in range(signing.MEMO_QUERIES + 1):
        parse(b"n=%d" % number)
    assert len(parse._known) <= signing.MEMO_QUERIES
    with pytest.raises(UnicodeDecodeError):
        parse(b"a=%ff")  # malformed queries raise every time (nothing remembered)
    with pytest.raises(UnicodeDecodeError):
        parse(b"a=%ff")
