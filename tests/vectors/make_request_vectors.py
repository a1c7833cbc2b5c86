#!/usr/bin/env python3
"""Write tests/vectors/request_signing.json and request_rejections.json (signing vectors).

Standalone on purpose (pynacl and the standard library only, no project imports) so it is a
second, independent implementation of docs/protocol.md section 2. Everything is derived from
fixed seeds, so running it again gives the same file byte for byte:

    python tests/vectors/make_request_vectors.py            # rewrite the files
    python tests/vectors/make_request_vectors.py --check    # exit 1 if a file differs

``request_signing.json`` holds requests a relay accepts, every intermediate value spelled
out; ``request_rejections.json`` holds requests whose exact bytes a relay must refuse, with
the status and error code docs/protocol.md section 2 gives for each (a relay checks them with
its clock at the vector's ``relay_time``).
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
REJECTIONS = Path(__file__).with_name("request_rejections.json")


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
    relay_url: str = "https://relay.example.org",
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
    prefix = relay_url.split("://", 1)[1].partition("/")[2].rstrip("/")
    target = ("/" + prefix if prefix else "") + path + ("?" + query if query else "")
    return {
        "name": name,
        "relay_url": relay_url,
        "request_target": target,
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
        # The relay URL has a path: the request goes to /pj/v1/…, but the signature covers
        # the path relative to the relay URL (/v1/…), which is what the relay sees behind a
        # proxy that strips /pj.
        vector(
            "relay_url_with_path",
            "recipient-key",
            "GET",
            f"/v1/mailboxes/{recipient}/messages",
            [("limit", "10")],
            ts + 8,
            b"",
            relay_url="https://example.org/pj/",
        ),
    ]
    return {
        "description": "Request-signing vectors for docs/protocol.md section 2. "
        "Generated by tests/vectors/make_request_vectors.py; do not edit by hand.",
        "protocol": 1,
        "vectors": vectors,
    }


def rejection(
    name: str,
    headers: dict[str, str],
    status: int,
    code: str,
    why: str,
    *,
    path: str = "",
    query: str = "",
) -> dict[str, object]:
    """A request refused for its exact bytes; signed by ``recipient-key`` where it says so."""
    recipient = b64u(seed("unknown-recipient-id")[:16])
    return {
        "name": name,
        "method": "GET",
        "request_target": (path or f"/v1/mailboxes/{recipient}") + (f"?{query}" if query else ""),
        "headers": headers,
        "relay_time": 1_795_000_000,
        "status": status,
        "code": code,
        "why": why,
    }


def build_rejections() -> dict[str, object]:
    """Requests whose bytes decide the answer (section 2, order of checks)."""
    recipient = b64u(seed("unknown-recipient-id")[:16])
    path = f"/v1/mailboxes/{recipient}"
    key = SigningKey(seed("recipient-key"))
    nonce = b64u(seed("nonce:rejections")[:16])

    def signed(timestamp_text: str, query: str = "") -> dict[str, str]:
        message = "\n".join(
            ["PJ-REQ-1", "GET", path, query, timestamp_text, nonce, hashlib.sha256(b"").hexdigest()]
        ).encode("utf-8")
        return {
            "PJ-Timestamp": timestamp_text,
            "PJ-Nonce": nonce,
            "PJ-Signature": b64u(key.sign(message).signature),
        }

    good = signed("1795000000")
    cases = [
        rejection(
            "timestamp_leading_zero",
            signed("01795000000"),
            400,
            "bad_request",
            "the timestamp is canonical decimal: no leading zero, even when signed as sent",
        ),
        rejection("timestamp_plus_sign", signed("+1795000000"), 400, "bad_request", "no sign"),
        rejection(
            "timestamp_thirteen_digits",
            signed("1795000000000"),
            400,
            "bad_request",
            "at most 12 digits",
        ),
        rejection("timestamp_fraction", signed("1795000000.0"), 400, "bad_request", "an integer"),
        rejection(
            "timestamp_stale",
            signed("1794999699"),
            401,
            "stale_request",
            "301 s before the relay's clock",
        ),
    ]
    for missing in ("PJ-Timestamp", "PJ-Nonce", "PJ-Signature"):
        headers = {k: v for k, v in good.items() if k != missing}
        cases.append(
            rejection(
                f"missing_{missing.lower().replace('-', '_')}",
                headers,
                401,
                "auth_failed",
                f"{missing} missing (each of the three alone gives auth_failed)",
            )
        )
    cases.append(
        rejection(
            "missing_header_wins_over_malformed",
            {"PJ-Timestamp": "soon", "PJ-Nonce": nonce},
            401,
            "auth_failed",
            "a missing header is checked before the others' syntax",
        )
    )
    cases.append(
        rejection(
            "nonce_not_canonical",
            {**good, "PJ-Nonce": nonce[:-1] + "B"},
            400,
            "bad_request",
            "the last character of 16 bytes in b64u is one of A, Q, g, w",
        )
    )
    cases.append(
        rejection(
            "signature_of_other_key",
            good,
            401,
            "auth_failed",
            "a valid signature by a key that is not this mailbox's (here: an unknown mailbox)",
        )
    )
    cases.append(
        rejection(
            "limit_zero",
            signed("1795000000", "limit=0"),
            400,
            "bad_request",
            "limit is at least 1",
            path=path + "/messages",
            query="limit=0",
        )
    )
    cases.append(
        rejection(
            "wait_negative",
            signed("1795000000", "wait=-1"),
            400,
            "bad_request",
            "wait is decimal digits only",
            path=path + "/messages",
            query="wait=-1",
        )
    )
    return {
        "description": "Requests a relay refuses for their exact bytes (docs/protocol.md "
        "section 2). Generated by tests/vectors/make_request_vectors.py; do not edit by hand.",
        "protocol": 1,
        "rejections": cases,
    }


def render() -> str:
    """The signing vectors' exact text."""
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


def render_rejections() -> str:
    """The rejection vectors' exact text."""
    return json.dumps(build_rejections(), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    """Write the files, or with --check compare them."""
    outputs = {OUT: render(), REJECTIONS: render_rejections()}
    if "--check" in sys.argv[1:]:
        stale = [p for p, text in outputs.items() if not p.exists() or p.read_text("utf-8") != text]
        for path in stale:
            print(f"{path} is out of date", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
