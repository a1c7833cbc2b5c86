"""Regenerate tests/vectors/envelopes-v2.json (protocol 2 envelopes) byte for byte.

Standalone on purpose (pynacl and the standard library only, no PeerJournal import), so a
third party can read it next to docs/protocol.md section 5. Every key and nonce comes from
a fixed seed, so running it twice writes an identical file:

    .venv/bin/python tools/make_protocol_vectors.py           # write the file
    .venv/bin/python tools/make_protocol_vectors.py --check   # exit 1 if it differs

The direction keys are crypto_kx session keys; they are computed here twice, with
libsodium's crypto_kx and from its definition (BLAKE2b-512 of the X25519 shared secret,
the client's and the server's public key), and the two must agree.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import nacl.bindings
from nacl.public import PrivateKey
from nacl.secret import SecretBox

TARGET = Path(__file__).resolve().parents[1] / "tests" / "vectors" / "envelopes-v2.json"
BUCKETS = (1024, 4096, 16384, 65536)
OVERHEAD = 41  # type (1) + nonce (24) + Poly1305 tag (16)


def b64u(data: bytes) -> str:
    """Unpadded base64url."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def det(label: str, size: int) -> bytes:
    """Deterministic bytes from a label (SHAKE-256), standing in for randomness."""
    return hashlib.shake_256(b"peerjournal-vectors-v2:" + label.encode()).digest(size)


def pad(payload: bytes) -> bytes:
    """4-byte big-endian length, payload, zeros: the smallest bucket minus the overhead."""
    need = len(payload) + 4 + OVERHEAD
    size = next(b for b in BUCKETS if need <= b)
    body = len(payload).to_bytes(4, "big") + payload
    return body + bytes(size - OVERHEAD - len(body))


def payload_json(doc: dict[str, Any]) -> bytes:
    """The canonical payload text the client writes (any valid JSON is accepted)."""
    return json.dumps(doc, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()


def kx_keys(inviter: PrivateKey, joiner: PrivateKey) -> dict[str, bytes]:
    """Both sides' (rx, tx); the inviter is the kx server, the joiner the kx client."""
    ipub, jpub = bytes(inviter.public_key), bytes(joiner.public_key)
    i_rx, i_tx = nacl.bindings.crypto_kx_server_session_keys(ipub, bytes(inviter), jpub)
    j_rx, j_tx = nacl.bindings.crypto_kx_client_session_keys(jpub, bytes(joiner), ipub)
    shared = nacl.bindings.crypto_scalarmult(bytes(joiner), ipub)
    digest = hashlib.blake2b(shared + jpub + ipub, digest_size=64).digest()
    if (j_rx, j_tx, i_tx, i_rx) != (digest[:32], digest[32:], digest[:32], digest[32:]):
        raise SystemExit("crypto_kx does not match its definition")
    return {"inviter_rx": i_rx, "inviter_tx": i_tx, "joiner_rx": j_rx, "joiner_tx": j_tx}


def case(name: str, sender: str, doc: dict[str, Any]) -> dict[str, Any]:
    """One protocol-2 envelope from ``sender`` ("inviter" or "joiner") to the other side."""
    inviter = PrivateKey(det(name + ":inviter", 32))
    joiner = PrivateKey(det(name + ":joiner", 32))
    keys = kx_keys(inviter, joiner)
    nonce = det(name + ":nonce", 24)
    payload = payload_json(doc)
    sealed = SecretBox(keys[sender + "_tx"]).encrypt(pad(payload), nonce).ciphertext
    envelope = b"\x03" + nonce + sealed
    return {
        "name": name,
        "type": 3,
        "sender": sender,
        "inviter_secret": b64u(bytes(inviter)),
        "inviter_pub": b64u(bytes(inviter.public_key)),
        "joiner_secret": b64u(bytes(joiner)),
        "joiner_pub": b64u(bytes(joiner.public_key)),
        **{k: b64u(v) for k, v in keys.items()},
        "nonce": b64u(nonce),
        "payload": payload.decode("utf-8"),
        "envelope_size": len(envelope),
        "envelope_sha256": hashlib.sha256(envelope).hexdigest(),
        # large envelopes are checked by their hash only, to keep the file small
        "envelope": b64u(envelope) if len(envelope) <= 4096 else None,
    }


def _doc(kind: str, uid: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"v": 2, "id": uid, "kind": kind, "day": "2026-12-02", "body": body}


def _entry(title: str, text: str) -> dict[str, Any]:
    return {"title": title, "body": text, "tags": ["walk"], "mood": None, "content_warning": ""}


def vectors() -> dict[str, Any]:
    """The whole file's content."""
    ref = "3d4f0c1e-5b6a-4c7d-8e9f-0a1b2c3d4e5f"
    return {
        "protocol": 2,
        "buckets": list(BUCKETS),
        "overhead": OVERHEAD,
        "box2": [
            case(
                "box2-entry-1k",
                "joiner",
                _doc("entry", ref, _entry("A day", "Walked by the river.")),
            ),
            case(
                "box2-mood-1k",
                "inviter",
                _doc("mood", "7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d", {"level": 3}),
            ),
            case(
                "box2-hello-1k",
                "inviter",
                _doc("hello", "8b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", {"pseudonym": "Otter"}),
            ),
            case(
                "box2-reply-4k",  # 700 characters of 3 bytes each: past the 1 KiB bucket
                "joiner",
                _doc(
                    "reply",
                    "9c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
                    {"ref": ref, "text": "\u3042" * 700},
                ),
            ),
            case(
                "box2-entry-16k",
                "inviter",
                _doc("entry", "0d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a", _entry("Long", "w" * 10_000)),
            ),
            case(
                "box2-entry-64k",  # 20,000 characters (the limit) of 3 bytes each
                "joiner",
                _doc(
                    "entry",
                    "1e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8b",
                    _entry("Longest", "\u6c34" * 20_000),
                ),
            ),
        ],
    }


def render() -> str:
    """The file's exact text."""
    return json.dumps(vectors(), indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    """Write the file, or with ``--check`` compare it."""
    text = render()
    if "--check" in argv:
        return 0 if TARGET.read_text("utf-8") == text else 1
    TARGET.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
