"""Envelopes: byte-exact vectors, bucket padding and hostile input."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerjournal.crypto import envelope as env
from peerjournal.crypto.b64 import b64u_decode, b64u_encode

VECTORS = json.loads(
    (Path(__file__).resolve().parents[2] / "vectors" / "envelopes.json").read_text("utf-8")
)


@pytest.mark.parametrize("case", VECTORS["box"], ids=lambda c: c["name"])
def test_box_vectors_are_reproduced_byte_for_byte(case: dict[str, object]) -> None:
    sealed = env.seal_box(
        str(case["payload"]).encode("utf-8"),
        b64u_decode(str(case["recipient_pub"])),
        b64u_decode(str(case["sender_secret"])),
        nonce=b64u_decode(str(case["nonce"])),
    )
    assert len(sealed) == case["envelope_size"]
    assert hashlib.sha256(sealed).hexdigest() == case["envelope_sha256"]
    if case["envelope"] is not None:
        assert b64u_encode(sealed) == case["envelope"]
    opened = env.open_box(
        sealed, b64u_decode(str(case["sender_pub"])), b64u_decode(str(case["recipient_secret"]))
    )
    assert opened.decode("utf-8") == case["payload"]


@pytest.mark.parametrize("case", VECTORS["join"], ids=lambda c: c["name"])
def test_join_vectors_are_reproduced_byte_for_byte(case: dict[str, object]) -> None:
    sealed = env.seal_join(
        str(case["payload"]).encode("utf-8"),
        b64u_decode(str(case["inviter_pub"])),
        b64u_decode(str(case["joiner_secret"])),
        nonce=b64u_decode(str(case["nonce"])),
    )
    assert b64u_encode(sealed) == case["envelope"]
    joiner_pub, payload = env.open_join(sealed, b64u_decode(str(case["inviter_secret"])))
    assert b64u_encode(joiner_pub) == case["joiner_pub"]
    assert payload.decode("utf-8") == case["payload"]


def test_bucket_boundaries_are_exact() -> None:
    limit_1k = 1024 - env.BOX_OVERHEAD - 4
    assert env.bucket_for(limit_1k, env.BOX_OVERHEAD) == 1024
    assert env.bucket_for(limit_1k + 1, env.BOX_OVERHEAD) == 4096
    assert env.bucket_for(env.MAX_BOX_PAYLOAD, env.BOX_OVERHEAD) == 65536
    with pytest.raises(ValueError):
        env.bucket_for(env.MAX_BOX_PAYLOAD + 1, env.BOX_OVERHEAD)


@given(st.binary(max_size=env.MAX_BOX_PAYLOAD))
def test_pad_round_trips_and_hits_a_bucket(payload: bytes) -> None:
    size = env.bucket_for(len(payload), env.BOX_OVERHEAD)
    padded = env.pad(payload, size - env.BOX_OVERHEAD)
    assert len(padded) + env.BOX_OVERHEAD == size
    assert size in env.BUCKETS
    assert env.unpad(padded) == payload
    smaller = [b for b in env.BUCKETS if b < size]
    assert all(len(payload) + 4 + env.BOX_OVERHEAD > b for b in smaller)


@given(st.binary(max_size=2048))
def test_unpad_never_crashes_on_garbage(data: bytes) -> None:
    try:
        out = env.unpad(data)
    except ValueError:
        return
    assert len(out) == int.from_bytes(data[:4], "big")


def test_unpad_rejects_nonzero_filler_and_long_length() -> None:
    padded = env.pad(b"abc", 32)
    with pytest.raises(ValueError):
        env.unpad(padded[:-1] + b"\x01")
    with pytest.raises(ValueError):
        env.unpad((100).to_bytes(4, "big") + bytes(10))


def _keys() -> tuple[bytes, bytes, bytes, bytes]:
    a, b = env.new_box_secret(), env.new_box_secret()
    return a, env.box_public(a), b, env.box_public(b)


def test_round_trip_uses_random_nonces() -> None:
    a_sec, a_pub, b_sec, b_pub = _keys()
    one = env.seal_box(b"same", b_pub, a_sec)
    two = env.seal_box(b"same", b_pub, a_sec)
    assert one != two
    assert env.open_box(one, a_pub, b_sec) == b"same"
    assert env.open_box(two, a_pub, b_sec) == b"same"


def test_tampered_or_misaddressed_envelopes_are_value_errors() -> None:
    a_sec, a_pub, b_sec, b_pub = _keys()
    c_sec, c_pub = env.new_box_secret(), b""
    sealed = env.seal_box(b"hi", b_pub, a_sec)
    flipped = sealed[:100] + bytes([sealed[100] ^ 1]) + sealed[101:]
    for bad in (flipped, sealed[:-1], sealed + b"\0", b"\x02" + sealed[1:], b"", b"\x01" * 1024):
        with pytest.raises(ValueError):
            env.open_box(bad, a_pub, b_sec)
    with pytest.raises(ValueError):
        env.open_box(sealed, env.box_public(c_sec), b_sec)
    with pytest.raises(ValueError):  # all-zero (low order) sender key
        env.open_box(sealed, bytes(32), b_sec)
    assert c_pub == b""


def test_join_with_low_order_joiner_key_is_rejected() -> None:
    inviter = env.new_box_secret()
    bogus = b"\x02" + bytes(32) + bytes(1024 - 33)
    with pytest.raises(ValueError):
        env.open_join(bogus, inviter)


def test_type_errors_for_wrong_argument_types() -> None:
    with pytest.raises(TypeError):
        env.seal_box("text", bytes(32), bytes(32))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        env.seal_box(b"x", bytes(31), bytes(32))
    with pytest.raises(ValueError):
        env.envelope_type(b"\x04" + bytes(1023))
    assert env.envelope_type(b"\x02" + bytes(1023)) == env.TYPE_JOIN
