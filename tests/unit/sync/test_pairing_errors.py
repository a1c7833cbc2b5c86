"""Pairing refusals are recognised by their type, never by the words of an exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerjournal.crypto import pairing as crypto_pairing
from peerjournal.errors import InvalidInput, InvalidInvite
from peerjournal.sync import pairing

VECTORS = json.loads(
    (Path(__file__).resolve().parents[2] / "vectors" / "pairing.json").read_text("utf-8")
)


def test_an_expired_invite_says_it_expired() -> None:
    case = VECTORS["valid"][0]
    with pytest.raises(InvalidInvite) as info:
        pairing.parse_invite(str(case["invite"]), now=int(case["expires"]))
    assert info.value.code == "invite.expired"
    assert isinstance(info.value.__cause__, crypto_pairing.InviteExpired)


def test_a_defect_whose_words_mention_expiry_is_not_called_expired(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def decode(_code: object, *, now: int) -> crypto_pairing.Invite:
        raise ValueError("the 'expired' field is not readable")

    monkeypatch.setattr(pairing, "decode_invite", decode)
    with pytest.raises(InvalidInvite) as info:
        pairing.parse_invite("pj1:whatever", now=0)
    assert info.value.code == "invite.invalid"


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("ftp://relay.example", "pairing.relay_url"),
        ("https://relay.example/ with space", "pairing.relay_url"),
        ("https://relay.example/?q=1", "pairing.relay_url_extras"),
        ("https://user@relay.example", "pairing.relay_url_extras"),
        ("https://relay.example:99999", "pairing.relay_url_port"),
    ],
)
def test_an_unusable_relay_address_says_which_rule_it_breaks(url: str, code: str) -> None:
    with pytest.raises(InvalidInput) as info:
        pairing.create_invite(None, None, url, pseudonym=None, now=0)  # type: ignore[arg-type]
    assert info.value.code == code
    assert info.value.message.startswith("That relay address is not usable")
