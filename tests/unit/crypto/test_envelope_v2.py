"""Protocol-2 envelopes: byte-exact vectors, direction keys, and reflection refused."""

from __future__ import annotations

import hashlib
import json
import runpy
from pathlib import Path
from typing import Any

import pytest

from peerjournal.crypto import envelope as env
from peerjournal.crypto.b64 import b64u_decode, b64u_encode
from peerjournal.sync.payloads import parse_payload

ROOT = Path(__file__).resolve().parents[3]
VECTORS = json.loads((ROOT / "tests" / "vectors" / "envelopes-v2.json").read_text("utf-8"))
OTHER = {"inviter": "joiner", "joiner": "inviter"}


def _keys(case: dict[str, Any], side: str) -> tuple[bytes, bytes]:
    other = OTHER[side]
    return env.direction_keys(
        b64u_decode(case[f"{side}_secret"]),
        b64u_decode(case[f"{other}_pub"]),
        inviter=side == "inviter",
    )


@pytest.mark.parametrize("case", VECTORS["box2"], ids=lambda c: c["name"])
def test_box2_vectors_are_reproduced_byte_for_byte(case: dict[str, Any]) -> None:
    sender, receiver = case["sender"], OTHER[case["sender"]]
    rx, tx = _keys(case, sender)
    assert (b64u_encode(rx), b64u_encode(tx)) == (case[f"{sender}_rx"], case[f"{sender}_tx"])
    payload = case["payload"].encode("utf-8")
    sealed = env.seal_box2(payload, tx, nonce=b64u_decode(case["nonce"]))
    assert len(sealed) == case["envelope_size"] == env.bucket_for(len(payload), 41)
    assert hashlib.sha256(sealed).hexdigest() == case["envelope_sha256"]
    if case["envelope"] is not None:
        assert b64u_encode(sealed) == case["envelope"]
    assert env.open_box2(sealed, _keys(case, receiver)[0]) == payload
    assert parse_payload(payload).version == 2  # the vectors' payloads are valid ones


@pytest.mark.parametrize("case", VECTORS["box2"], ids=lambda c: c["name"])
def test_a_box2_envelope_does_not_open_for_its_own_sender(case: dict[str, Any]) -> None:
    rx, tx = _keys(case, case["sender"])
    sealed = env.seal_box2(case["payload"].encode("utf-8"), tx)
    with pytest.raises(ValueError, match="does not decrypt"):
        env.open_box2(sealed, rx)


def test_the_vector_file_is_what_the_tool_writes() -> None:
    tool = runpy.run_path(str(ROOT / "tools" / "make_protocol_vectors.py"))
    assert tool["render"]() == (ROOT / "tests" / "vectors" / "envelopes-v2.json").read_text("utf-8")


def test_each_direction_has_its_own_key() -> None:
    inviter, joiner = env.new_box_secret(), env.new_box_secret()
    i_rx, i_tx = env.direction_keys(inviter, env.box_public(joiner), inviter=True)
    j_rx, j_tx = env.direction_keys(joiner, env.box_public(inviter), inviter=False)
    assert (i_tx, i_rx) == (j_rx, j_tx) and i_rx != i_tx


def test_box2_refuses_other_types_and_sizes() -> None:
    key = bytes(32)
    with pytest.raises(ValueError):
        env.open_box2(b"\x01" + bytes(1023), key)
    with pytest.raises(ValueError):
        env.open_box2(b"\x03" + bytes(1000), key)
    with pytest.raises(TypeError):
        env.seal_box2("text", key)  # type: ignore[arg-type]
    assert env.envelope_type(b"\x03" + bytes(1023)) == env.TYPE_BOX2
