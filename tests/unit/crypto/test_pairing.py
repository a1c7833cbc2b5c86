"""Invite codes, join proofs and safety codes: vectors, strict parsing, properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerjournal.crypto import pairing
from peerjournal.crypto.b64 import b64u_decode, b64u_encode

VECTORS = json.loads(
    (Path(__file__).resolve().parents[2] / "vectors" / "pairing.json").read_text("utf-8")
)
NOW = VECTORS["now"]


@pytest.mark.parametrize("case", VECTORS["valid"], ids=lambda c: c["name"])
def test_pairing_vectors(case: dict[str, object]) -> None:
    invite = pairing.Invite(
        relay_url=str(case["relay_url"]),
        sender_id=str(case["sender_id"]),
        inviter_pub=b64u_decode(str(case["inviter_pub"])),
        secret=b64u_decode(str(case["secret"])),
        expires=int(str(case["expires"])),
    )
    assert pairing.encode_invite(invite) == case["invite"]
    assert pairing.decode_invite(str(case["invite"]), now=NOW) == invite
    joiner_pub = b64u_decode(str(case["joiner_pub"]))
    proof = pairing.join_proof(invite.secret, invite.inviter_pub, joiner_pub)
    assert b64u_encode(proof) == case["proof"]
    assert pairing.verify_join_proof(invite.secret, invite.inviter_pub, joiner_pub, proof)
    code = pairing.safety_code(invite.secret, invite.inviter_pub, joiner_pub)
    assert code == case["safety_code"]
    assert pairing.safety_code(invite.secret, joiner_pub, invite.inviter_pub) == code


@pytest.mark.parametrize("case", VECTORS["invalid"], ids=lambda c: c["why"])
def test_invalid_invites_are_rejected(case: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        pairing.decode_invite(case["invite"], now=NOW)


def test_expiry_is_checked_against_now() -> None:
    code = str(VECTORS["valid"][0]["invite"])
    expires = int(VECTORS["valid"][0]["expires"])
    assert pairing.decode_invite(code, now=expires - 1).expires == expires
    with pytest.raises(ValueError, match="expired"):
        pairing.decode_invite(code, now=expires)


def test_whitespace_around_pasted_code_is_ignored() -> None:
    code = str(VECTORS["valid"][1]["invite"])
    assert pairing.decode_invite(f"  {code}\n", now=NOW).relay_url == "http://127.0.0.1:8787"


def test_wrong_proof_fails() -> None:
    case = VECTORS["valid"][0]
    secret = b64u_decode(str(case["secret"]))
    ipub, jpub = b64u_decode(str(case["inviter_pub"])), b64u_decode(str(case["joiner_pub"]))
    good = pairing.join_proof(secret, ipub, jpub)
    assert not pairing.verify_join_proof(secret, jpub, ipub, good)
    assert not pairing.verify_join_proof(bytes(32), ipub, jpub, good)
    assert not pairing.verify_join_proof(secret, ipub, jpub, good[:-1])


def test_safety_code_shape() -> None:
    code = pairing.safety_code(pairing.new_secret(), bytes(32), b"\x01" * 32)
    groups = code.split(" ")
    assert len(groups) == 5
    assert all(len(g) == 4 and g.isdigit() for g in groups)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "relay.example",
        "ftp://x",
        "http://",
        "https://a b",
        "https://u:p@x",
        "https://x?q=1",
        "https://x:99999",
        "https://x#f",
        42,
    ],
)
def test_bad_relay_urls(url: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        pairing.check_relay_url(url)


def test_relay_url_trailing_slash_is_dropped() -> None:
    assert pairing.check_relay_url("https://relay.example/") == "https://relay.example"


@given(st.text(max_size=300))
def test_decode_invite_never_crashes_on_text(text: str) -> None:
    try:
        pairing.decode_invite(text, now=NOW)
    except ValueError:
        return
    raise AssertionError("random text decoded as an invite")


@given(st.binary(max_size=400))
def test_decode_invite_never_crashes_on_random_payloads(raw: bytes) -> None:
    with pytest.raises(ValueError):
        pairing.decode_invite("pj1:" + b64u_encode(raw), now=NOW)


@given(
    relay=st.sampled_from(["https://relay.example.org", "http://127.0.0.1:1", "https://x.y/p"]),
    sender=st.binary(min_size=16, max_size=16),
    pub=st.binary(min_size=32, max_size=32),
    secret=st.binary(min_size=32, max_size=32),
    expires=st.integers(min_value=NOW + 1, max_value=2**40),
)
def test_invite_round_trip(
    relay: str, sender: bytes, pub: bytes, secret: bytes, expires: int
) -> None:
    invite = pairing.Invite(relay, b64u_encode(sender), pub, secret, expires)
    code = pairing.encode_invite(invite)
    assert len(code) < pairing.MAX_INVITE_CHARS
    assert pairing.decode_invite(code, now=NOW) == invite


def _invite_text(**over: object) -> str:
    good = VECTORS["valid"][0]
    doc = {
        "r": good["relay_url"],
        "s": good["sender_id"],
        "k": good["inviter_pub"],
        "x": good["secret"],
        "e": good["expires"],
        **over,
    }
    return "pj1:" + b64u_encode(json.dumps(doc).encode())


def test_an_invite_relay_url_must_be_canonical_without_trailing_slash() -> None:
    with pytest.raises(ValueError, match="canonical"):
        pairing.decode_invite(_invite_text(r="https://relay.example.org/"), now=NOW)


@pytest.mark.parametrize("expires", [1.8e9, "1800000000", True, 0, -5])
def test_the_invite_expiry_is_a_positive_json_integer(expires: object) -> None:
    with pytest.raises(ValueError):
        pairing.decode_invite(_invite_text(e=expires), now=NOW)


def test_the_joiner_refuses_an_invite_whose_expiry_is_not_after_now() -> None:
    expires = VECTORS["valid"][0]["expires"]
    assert pairing.decode_invite(_invite_text(), now=expires - 1).expires == expires
    with pytest.raises(pairing.InviteExpired):
        pairing.decode_invite(_invite_text(), now=expires)


def test_white_space_around_an_invite_is_ignored_but_not_inside() -> None:
    text = _invite_text()
    assert (
        pairing.decode_invite(f"  {text}\n", now=NOW).relay_url == VECTORS["valid"][0]["relay_url"]
    )
    with pytest.raises(ValueError):
        pairing.decode_invite(text[:10] + " " + text[10:], now=NOW)
