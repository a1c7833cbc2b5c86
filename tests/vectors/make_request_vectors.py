#!/usr/bin/env python3
"""Write tests/vectors/request_signing.json: byte-exact request-signing vectors.

Standalone on purpose (pynacl and the standard library only, no project imports) so it is a
second, independent implementation of docs/protocol.md section 2. Everything is derived from
fixed seeds, so running it again gives the same file byte for byte:

    python tests/vectors/make_request_vectors.py            # rewrite the file
    python tests/vectors/make_request_vectors.py --check    # exit 1 if the file differs
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from pathlib import Path
from urllib.parse import quote

from nacl.signing import SigningKey

OUT = Path(__file__).with_name("request_signing.json")


def b64u(data: bytes) -> str:
    """Unpadded base64url."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def seed(label: str) -> bytes:
    """A fixed 32-byte value derived from a label."""
    return hashlib.sha256(b"peerjournal-test-vector:" + label.encode()).digest()


def pct(value: str) -> str:
    """RFC 3986 percent-encoding of UTF-8; unreserved A-Z a-z 0-9 - . _ ~ kept."""
    return quote(value, safe="~", encoding="utf-8")


def canonical_query(params: list[tuple[str, str]]) -> str:
    """Encoded name=value pairs sorted by encoded name, then encoded value, joined by &."""
    pairs = sorted((pct(name), pct(value)) for name, value in params)
    return "&".join(f"{name}={value}" for name, value in pairs)


def vector(
    name: str,
    key_label: str,
    method: str,
    path: str,
    params: list[tuple[str, str]],
    timestamp: int,
    body: bytes,
    *,
    new_key_header: bool = False,
) -> dict[str, object]:
    """One signed request, with every intermediate value spelled out."""
    key = SigningKey(seed(key_label))
    public = bytes(key.verify_key)
    nonce = b64u(seed("nonce:" + name)[:16])
    query = canonical_query(params)
    body_hash = hashlib.sha256(body).hexdigest()
    message = "\n".join(
        ["PJ-REQ-1", method.upper(), path, query, str(timestamp), nonce, body_hash]
    ).encode("utf-8")
    signature = key.sign(message).signature
    headers = {"PJ-Timestamp": str(timestamp), "PJ-Nonce": nonce, "PJ-Signature": b64u(signature)}
    if new_key_header:
        headers["PJ-Key"] = b64u(public)
    return {
        "name": name,
        "signing_key_seed_hex": seed(key_label).hex(),
        "public_key_b64u": b64u(public),
        "method": method,
        "path": path,
        "query_params": [list(pair) for pair in params],
        "canonical_query": query,
        "timestamp": timestamp,
        "nonce": nonce,
        "body_b64u": b64u(body),
        "body_sha256_hex": body_hash,
        "signed_message": message.decode("utf-8"),
        "signed_message_hex": message.hex(),
        "signature_b64u": b64u(signature),
        "headers": headers,
    }


def build() -> dict[str, object]:
    """All vectors."""
    recipient = b64u(seed("recipient-id")[:16])
    sender = b64u(seed("sender-id")[:16])
    message_id = b64u(seed("message-id")[:16])
    envelope = bytes([0x01]) + bytes(range(256)) * 3 + bytes(255)  # 1024 bytes
    ack_body = json.dumps({"ids": [message_id]}, separators=(",", ":")).encode()
    ts = 1_795_000_000
    vectors = [
        vector(
            "create_mailbox",
            "recipient-key",
            "POST",
            "/v1/mailboxes",
            [],
            ts,
            b"",
            new_key_header=True,
        ),
        vector(
            "secure_sender",
            "sender-key",
            "POST",
            f"/v1/mailboxes/{sender}/secure",
            [],
            ts + 1,
            b"",
            new_key_header=True,
        ),
        vector(
            "send_envelope",
            "sender-key",
            "PUT",
            f"/v1/mailboxes/{sender}/messages/{message_id}",
            [],
            ts + 2,
            envelope,
        ),
        vector(
            "fetch_long_poll",
            "recipient-key",
            "GET",
            f"/v1/mailboxes/{recipient}/messages",
            [("wait", "30"), ("limit", "50")],
            ts + 3,
            b"",
        ),
        vector(
            "ack_batch",
            "recipient-key",
            "POST",
            f"/v1/mailboxes/{recipient}/ack",
            [],
            ts + 4,
            ack_body,
        ),
        vector("status", "recipient-key", "GET", f"/v1/mailboxes/{recipient}", [], ts + 5, b""),
        vector(
            "delete_mailbox",
            "recipient-key",
            "DELETE",
            f"/v1/mailboxes/{recipient}",
            [],
            ts + 6,
            b"",
        ),
        vector(
            "query_encoding",
            "recipient-key",
            "GET",
            f"/v1/mailboxes/{recipient}/messages",
            [("z", "a b"), ("a", "x/y~z"), ("a", "\u00e9t\u00e9"), ("b", ""), ("A", "+&=")],
            ts + 7,
            b"",
        ),
    ]
    return {
        "description": "Request-signing vectors for docs/protocol.md section 2. "
        "Generated by tests/vectors/make_request_vectors.py; do not edit by hand.",
        "protocol": 1,
        "vectors": vectors,
    }


def render() -> str:
    """The file's exact text."""
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    """Write the file, or with --check compare it."""
    text = render()
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
