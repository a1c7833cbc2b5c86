"""RelayClient against the REAL relay on 127.0.0.1: every endpoint and its error mapping."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerjournal.crypto.b64 import b64u_encode
from peerjournal.crypto.signing import new_signing_seed
from peerjournal.errors import RelayRejected
from peerjournal.sync.relay_client import RelayClient
from tests.helpers.relay import running_relay


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RelayClient]:
    folder: Path = tmp_path_factory.mktemp("relay")
    with running_relay(folder / "data") as relay:
        c = RelayClient(relay.url)
        yield c
        c.close()


def _mid() -> str:
    return b64u_encode(secrets.token_bytes(16))


def test_mailbox_round_trip(client: RelayClient) -> None:
    owner, sender, other = new_signing_seed(), new_signing_seed(), new_signing_seed()
    box = client.create_mailbox(owner)
    assert box.recipient_id != box.sender_id
    client.secure(box.sender_id, sender)
    client.secure(box.sender_id, sender)  # the same key again is fine
    with pytest.raises(RelayRejected) as info:
        client.secure(box.sender_id, other)
    assert info.value.relay_code == "already_secured"
    mid, envelope = _mid(), b"\x01" + secrets.token_bytes(1023)
    assert client.put_message(box.sender_id, sender, mid, envelope) is True
    assert client.put_message(box.sender_id, sender, mid, envelope) is False  # idempotent
    with pytest.raises(RelayRejected) as info:
        client.put_message(box.sender_id, sender, mid, b"\x01" + bytes(1023))
    assert info.value.relay_code == "message_conflict"
    with pytest.raises(RelayRejected) as info:
        client.put_message(box.sender_id, sender, _mid(), b"\x01" * 1000)
    assert info.value.relay_code == "bad_envelope_size"
    got = client.fetch(box.recipient_id, owner, limit=10)
    assert [(m.id, m.envelope) for m in got] == [(mid, envelope)]
    assert client.status(box.recipient_id, owner)["messages"] == 1
    assert client.ack(box.recipient_id, owner, [mid, _mid()]) == 1
    assert client.fetch(box.recipient_id, owner) == []
    with pytest.raises(RelayRejected) as info:
        client.fetch(box.recipient_id, other)
    assert info.value.relay_code == "auth_failed"
    client.delete_mailbox(box.recipient_id, owner)
    with pytest.raises(RelayRejected) as info:
        client.status(box.recipient_id, owner)
    assert (info.value.relay_code, info.value.status) == ("auth_failed", 401)


def test_acks_go_out_in_batches_of_500(client: RelayClient) -> None:
    owner, sender = new_signing_seed(), new_signing_seed()
    box = client.create_mailbox(owner)
    client.secure(box.sender_id, sender)
    ids = [_mid() for _ in range(510)]
    for mid in ids:
        client.put_message(box.sender_id, sender, mid, b"\x01" + bytes(1023))
    fetched = []
    while page := client.fetch(box.recipient_id, owner, limit=100):
        fetched.extend(m.id for m in page)
        if len(fetched) >= 510:
            break
        client.ack(box.recipient_id, owner, [m.id for m in page])
    assert client.ack(box.recipient_id, owner, ids) == 10
    assert client.status(box.recipient_id, owner)["messages"] == 0
