"""Request signing: canonical form, shared vectors and signature validity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from nacl.signing import VerifyKey

from peerjournal.crypto import signing
from peerjournal.crypto.b64 import b64u_decode, b64u_encode

VECTOR_FILE = Path(__file__).resolve().parents[2] / "vectors" / "request_signing.json"


def test_canonical_query_sorts_and_percent_encodes() -> None:
    query = signing.canonical_query([("wait", "5"), ("limit", "10"), ("a b", "é/~")])
    assert query == "a%20b=%C3%A9%2F~&limit=10&wait=5"
    assert signing.canonical_query([]) == ""


def test_signed_message_layout() -> None:
    msg = signing.signed_message("get", "/v1/x", "limit=1", 1700000000, "bm9uY2U", b"")
    lines = msg.decode().split("\n")
    assert lines[:6] == ["PJ-REQ-1", "GET", "/v1/x", "limit=1", "1700000000", "bm9uY2U"]
    assert lines[6] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_sign_request_headers_verify_with_the_public_key() -> None:
    seed = signing.new_signing_seed()
    headers = signing.sign_request(
        seed, "PUT", "/v1/mailboxes/abc/messages/def", body=b"payload", timestamp=123
    )
    msg = signing.signed_message(
        "PUT", "/v1/mailboxes/abc/messages/def", "", 123, headers["PJ-Nonce"], b"payload"
    )
    VerifyKey(signing.verify_key(seed)).verify(msg, b64u_decode(headers["PJ-Signature"]))
    assert len(b64u_decode(headers["PJ-Nonce"])) == 16
    other = signing.sign_request(seed, "PUT", "/v1/x", timestamp=123)
    assert other["PJ-Nonce"] != headers["PJ-Nonce"]


def test_bad_seed_is_rejected() -> None:
    with pytest.raises(ValueError):
        signing.sign_request(b"short", "GET", "/v1/info")
    with pytest.raises(TypeError):
        signing.verify_key("seed")  # type: ignore[arg-type]


def _vector_cases() -> list[dict[str, object]]:
    doc = json.loads(VECTOR_FILE.read_text("utf-8"))
    return list(doc["vectors"])


@pytest.mark.parametrize("case", _vector_cases(), ids=lambda c: str(c["name"]))
def test_relay_request_signing_vectors(case: dict[str, object]) -> None:
    """The relay's shared vectors, reproduced byte for byte by the client's signer."""
    seed = bytes.fromhex(str(case["signing_key_seed_hex"]))
    params = [(str(k), str(v)) for k, v in case["query_params"]]  # type: ignore[attr-defined]
    assert signing.canonical_query(params) == case["canonical_query"]
    assert b64u_encode(signing.verify_key(seed)) == case["public_key_b64u"]
    body = b64u_decode(str(case["body_b64u"]))
    nonce = b64u_decode(str(case["nonce"]))
    headers = signing.sign_request(
        seed,
        str(case["method"]),
        str(case["path"]),
        params,
        body,
        timestamp=int(str(case["timestamp"])),
        nonce=nonce,
    )
    message = signing.signed_message(
        str(case["method"]),
        str(case["path"]),
        str(case["canonical_query"]),
        int(str(case["timestamp"])),
        str(case["nonce"]),
        body,
    )
    assert message.decode("utf-8") == case["signed_message"]
    assert headers["PJ-Signature"] == case["signature_b64u"]
    expected = case["headers"]
    assert isinstance(expected, dict)
    for name in ("PJ-Timestamp", "PJ-Nonce", "PJ-Signature"):
        assert headers[name] == expected[name]
