"""docs/protocol.md section 5, the rules an independent client found open, one test each."""

from __future__ import annotations

import json
from typing import Any

import pytest

from peerjournal.crypto import envelope as env
from peerjournal.sync.payloads import MAX_TITLE, PayloadError, parse_payload

UUID = "0b9f9a3e-8a59-4a3b-b6a1-6a7e3c0e2f11"


def _entry(**body: Any) -> bytes:
    fields = {"title": "t", "body": "b", "tags": [], "mood": None, "content_warning": ""}
    doc = {"v": 2, "id": UUID, "kind": "entry", "day": "2026-12-02", "body": {**fields, **body}}
    return json.dumps(doc).encode()  # non-ASCII as \uXXXX escapes, lone surrogates too


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\x85", "\x9f", "\ud800"])
def test_c0_del_c1_and_lone_surrogates_are_refused(char: str) -> None:
    with pytest.raises(PayloadError):
        parse_payload(_entry(title=f"a{char}b"))


@pytest.mark.parametrize("char", ["\u00a0", "\u200d", "\u2028", "\U000e0001", "\U0010fffd"])
def test_every_other_code_point_is_allowed(char: str) -> None:
    assert parse_payload(_entry(title=f"a{char}b")).body["title"] == f"a{char}b"


def test_newline_and_tab_only_in_multiline_fields() -> None:
    assert parse_payload(_entry(body="a\n\tb")).body["body"] == "a\n\tb"
    with pytest.raises(PayloadError):
        parse_payload(_entry(title="a\nb"))


def test_lengths_are_code_points_not_utf16_units() -> None:
    emoji = "\U0001f600"  # 1 code point, 2 UTF-16 units, 4 bytes
    assert parse_payload(_entry(title=emoji * MAX_TITLE)).body["title"] == emoji * MAX_TITLE
    with pytest.raises(PayloadError):
        parse_payload(_entry(title=emoji * (MAX_TITLE + 1)))


@pytest.mark.parametrize("tag", ["", " ", "\u3000"])
def test_blank_tags_are_refused(tag: str) -> None:
    with pytest.raises(PayloadError):
        parse_payload(_entry(tags=[tag]))


@pytest.mark.parametrize("mood", [1.0, "1", True, 1e0])
def test_integers_must_be_json_integers(mood: object) -> None:
    with pytest.raises(PayloadError):
        parse_payload(_entry(mood=mood))


def test_any_uuid_version_in_canonical_lower_case_is_accepted() -> None:
    v1 = "c232ab00-9414-11ec-b3c8-9e6bdeced846"
    doc = json.loads(_entry())
    doc["id"] = v1
    assert parse_payload(json.dumps(doc).encode()).id == v1
    doc["id"] = v1.upper()
    with pytest.raises(PayloadError):
        parse_payload(json.dumps(doc).encode())


def test_a_payload_in_a_larger_bucket_than_needed_is_read() -> None:
    tx = bytes(range(32))
    payload = _entry()
    padded = env.pad(payload, 4096 - env.BOX_OVERHEAD)  # fits 1 KiB, sent in 4 KiB
    from nacl.secret import SecretBox

    nonce = bytes(24)
    sealed = bytes([env.TYPE_BOX2]) + nonce + SecretBox(tx).encrypt(padded, nonce).ciphertext
    assert len(sealed) == 4096
    assert env.open_box2(sealed, tx) == payload


def test_envelope_overheads_are_41_and_73_bytes() -> None:
    assert (env.BOX_OVERHEAD, env.JOIN_OVERHEAD) == (41, 73)
    assert len(env.seal_box2(b"", bytes(32))) == 1024
    assert env.bucket_for(1024 - 41 - 4, env.BOX_OVERHEAD) == 1024
    assert env.bucket_for(1024 - 73 - 4 + 1, env.JOIN_OVERHEAD) == 4096
