"""Regenerate tests/vectors/envelopes.json and pairing.json byte for byte.

Standalone on purpose (pynacl and the standard library only, no PeerJournal import), so a
third party can read it next to docs/protocol.md sections 5 and 6. Every key, nonce and
secret comes from a fixed seed, so running it twice writes identical files:

    python tests/vectors/make_envelope_vectors.py
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from pathlib import Path

from nacl.public import Box, PrivateKey, PublicKey

HERE = Path(__file__).resolve().parent
BUCKETS = (1024, 4096, 16384, 65536)


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def det(label: str, size: int) -> bytes:
    """Deterministic bytes from a label (SHAKE-256), standing in for randomness."""
    return hashlib.shake_256(b"peerjournal-vectors:" + label.encode()).digest(size)


def pad(payload: bytes, overhead: int) -> bytes:
    need = len(payload) + 4 + overhead
    size = next(b for b in BUCKETS if need <= b)
    body = len(payload).to_bytes(4, "big") + payload
    return body + bytes(size - overhead - len(body))


def payload_json(doc: dict[str, object]) -> bytes:
    return json.dumps(doc, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()


def box_case(name: str, doc: dict[str, object], extra: int = 0) -> dict[str, object]:
    sender = PrivateKey(det(name + ":sender", 32))
    recipient = PrivateKey(det(name + ":recipient", 32))
    nonce = det(name + ":nonce", 24)
    payload = payload_json(doc) if not extra else payload_json({**doc, "pad": "x" * extra})
    padded = pad(payload, 41)
    ct = Box(sender, PublicKey(bytes(recipient.public_key))).encrypt(padded, nonce).ciphertext
    env = b"\x01" + nonce + ct
    return {
        "name": name,
        "type": 1,
        "sender_secret": b64u(bytes(sender)),
        "sender_pub": b64u(bytes(sender.public_key)),
        "recipient_secret": b64u(bytes(recipient)),
        "recipient_pub": b64u(bytes(recipient.public_key)),
        "nonce": b64u(nonce),
        "payload": payload.decode("utf-8"),
        "envelope_size": len(env),
        "envelope_sha256": hashlib.sha256(env).hexdigest(),
        # large envelopes are checked by their hash only, to keep the file small
        "envelope": b64u(env) if len(env) <= 4096 else None,
    }


def join_case(name: str, pseudonym: str) -> dict[str, object]:
    inviter = PrivateKey(det(name + ":inviter", 32))
    joiner = PrivateKey(det(name + ":joiner", 32))
    secret = det(name + ":secret", 32)
    nonce = det(name + ":nonce", 24)
    ipub, jpub = bytes(inviter.public_key), bytes(joiner.public_key)
    proof = hmac.new(secret, b"PJ-JOIN-1" + ipub + jpub, hashlib.sha256).digest()
    doc = {
        "v": 1,
        "id": "6f1c7a52-3b1e-4d0a-9a57-0d6c1f1e9b20",
        "kind": "join",
        "day": "2026-11-24",
        "body": {
            "pseudonym": pseudonym,
            "reply_sender_id": b64u(det(name + ":b", 16)),
            "proof": b64u(proof),
        },
    }
    payload = payload_json(doc)
    padded = pad(payload, 73)
    ct = Box(joiner, PublicKey(ipub)).encrypt(padded, nonce).ciphertext
    env = b"\x02" + jpub + nonce + ct
    return {
        "name": name,
        "type": 2,
        "inviter_secret": b64u(bytes(inviter)),
        "inviter_pub": b64u(ipub),
        "joiner_secret": b64u(bytes(joiner)),
        "joiner_pub": b64u(jpub),
        "invite_secret": b64u(secret),
        "nonce": b64u(nonce),
        "payload": payload.decode("utf-8"),
        "envelope_size": len(env),
        "envelope_sha256": hashlib.sha256(env).hexdigest(),
        "envelope": b64u(env),
    }


def safety(secret: bytes, a: bytes, b: bytes) -> str:
    digest = hashlib.blake2b(b"".join(sorted((a, b))), digest_size=32, key=secret).digest()
    return " ".join(
        f"{int.from_bytes(digest[i : i + 2], 'big') % 10000:04d}" for i in range(0, 10, 2)
    )


def pairing_vectors() -> dict[str, object]:
    cases = []
    for n in range(3):
        name = f"pairing-{n}"
        ipub = bytes(PrivateKey(det(name + ":inviter", 32)).public_key)
        jpub = bytes(PrivateKey(det(name + ":joiner", 32)).public_key)
        secret = det(name + ":secret", 32)
        sender_id = b64u(det(name + ":sender-id", 16))
        relay = ["https://relay.example.org", "http://127.0.0.1:8787", "https://r.example/pj"][n]
        doc = {
            "e": 1_800_000_000 + n,
            "k": b64u(ipub),
            "r": relay,
            "s": sender_id,
            "x": b64u(secret),
        }
        invite = "pj1:" + b64u(json.dumps(doc, separators=(",", ":"), sort_keys=True).encode())
        proof = hmac.new(secret, b"PJ-JOIN-1" + ipub + jpub, hashlib.sha256).digest()
        cases.append(
            {
                "name": name,
                "relay_url": relay,
                "sender_id": sender_id,
                "inviter_pub": b64u(ipub),
                "joiner_pub": b64u(jpub),
                "secret": b64u(secret),
                "expires": doc["e"],
                "invite": invite,
                "proof": b64u(proof),
                "safety_code": safety(secret, ipub, jpub),
            }
        )
    good = cases[0]

    def enc(d: dict[str, object]) -> str:
        return "pj1:" + b64u(json.dumps(d, separators=(",", ":"), sort_keys=True).encode())

    base = {
        "e": 1_800_000_000,
        "k": good["inviter_pub"],
        "r": good["relay_url"],
        "s": good["sender_id"],
        "x": good["secret"],
    }
    invalid = [
        {"why": "wrong prefix", "invite": "pj2:" + good["invite"][4:]},
        {"why": "not base64url", "invite": "pj1:***"},
        {"why": "not JSON", "invite": "pj1:" + b64u(b"hello")},
        {"why": "missing field", "invite": enc({k: v for k, v in base.items() if k != "x"})},
        {"why": "extra field", "invite": enc({**base, "z": 1})},
        {"why": "short key", "invite": enc({**base, "k": b64u(b"\x01" * 31)})},
        {"why": "short secret", "invite": enc({**base, "x": b64u(b"\x01" * 16)})},
        {"why": "bad sender id", "invite": enc({**base, "s": b64u(b"\x01" * 15)})},
        {"why": "ftp relay", "invite": enc({**base, "r": "ftp://relay.example.org"})},
        {"why": "expiry not int", "invite": enc({**base, "e": "soon"})},
        {"why": "expired", "invite": enc({**base, "e": 1_000})},
        {"why": "padded base64", "invite": good["invite"] + "=="},
    ]
    return {"now": 1_700_000_000, "valid": cases, "invalid": invalid}


def main() -> None:
    envelopes = {
        "buckets": list(BUCKETS),
        "box": [
            box_case(
                "box-entry-1k",
                {
                    "v": 1,
                    "id": "0b9f9a3e-8a59-4a3b-b6a1-6a7e3c0e2f11",
                    "kind": "entry",
                    "day": "2026-11-24",
                    "body": {
                        "title": "A day",
                        "body": "Walked by the river.",
                        "tags": ["walk"],
                        "mood": 4,
                        "content_warning": "",
                    },
                },
            ),
            box_case(
                "box-hello-1k",
                {
                    "v": 1,
                    "id": "2f0a7b9c-1d2e-4f5a-8b6c-7d8e9f0a1b2c",
                    "kind": "hello",
                    "day": "2026-11-24",
                    "body": {"pseudonym": "Otter"},
                },
            ),
            box_case(
                "box-reply-4k",
                {
                    "v": 1,
                    "id": "3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                    "kind": "reply",
                    "day": "2026-11-25",
                    "body": {"ref": "0b9f9a3e-8a59-4a3b-b6a1-6a7e3c0e2f11", "text": "Same here"},
                },
                extra=2000,
            ),
            box_case(
                "box-bye-16k",
                {
                    "v": 1,
                    "id": "4b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e",
                    "kind": "bye",
                    "day": "2026-11-26",
                    "body": {},
                },
                extra=9000,
            ),
            box_case(
                "box-entry-64k",
                {
                    "v": 1,
                    "id": "5c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f",
                    "kind": "entry",
                    "day": "2026-11-26",
                    "body": {
                        "title": "",
                        "body": "é",
                        "tags": [],
                        "mood": None,
                        "content_warning": "grief",
                    },
                },
                extra=40000,
            ),
        ],
        "join": [join_case("join-1k", "Quiet Heron")],
    }
    (HERE / "envelopes.json").write_text(json.dumps(envelopes, indent=1) + "\n", encoding="utf-8")
    (HERE / "pairing.json").write_text(
        json.dumps(pairing_vectors(), indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
