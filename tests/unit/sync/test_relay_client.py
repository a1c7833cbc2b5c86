"""RelayClient against the REAL relay on 127.0.0.1: every endpoint and its error mapping."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


class _RecordingClient(RelayClient):
    """The real client, noting the body of every request it signs and sends."""

    def __init__(self, base_url: str) -> None:
        super().__init__(base_url)
        self.sent: list[tuple[str, str, bytes]] = []

    def _request(self, method: str, path: str, seed: bytes | None, **kwargs: Any) -> Any:
        self.sent.append((method, path, kwargs.get("body", b"")))
        return super()._request(method, path, seed, **kwargs)


def test_acks_go_out_in_batches_of_500(client: RelayClient) -> None:
    """510 ids leave as one request of 500 and one of 10, in order, and the relay's counts
    from both are added up: three stored messages, one in the first batch and two in the
    second, are acknowledged by one call (three PUTs, not 510)."""
    owner, sender = new_signing_seed(), new_signing_seed()
    box = client.create_mailbox(owner)
    client.secure(box.sender_id, sender)
    ids = [_mid() for _ in range(510)]
    stored = [ids[0], ids[505], ids[509]]
    for mid in stored:
        client.put_message(box.sender_id, sender, mid, b"\x01" + bytes(1023))
    recording = _RecordingClient(client.base_url)
    try:
        assert recording.ack(box.recipient_id, owner, ids) == 3
        assert recording.ack(box.recipient_id, owner, []) == 0  # nothing to say: no request
    finally:
        recording.close()
    batches = [json.loads(body)["ids"] for method, path, body in recording.sent]
    assert [(m, p.rsplit("/", 1)[1]) for m, p, _ in recording.sent] == [("POST", "ack")] * 2
    assert batches == [ids[:500], ids[500:]]
    assert client.fetch(box.recipient_id, owner) == []


def test_an_ack_carries_the_next_fetch_in_one_request(client: RelayClient) -> None:
    """The ids are acknowledged and the next messages come back in the same signed request;
    more than 500 ids: the earlier batches are plain acks, the last one carries the fetch."""
    owner, sender = new_signing_seed(), new_signing_seed()
    box = client.create_mailbox(owner)
    client.secure(box.sender_id, sender)
    mids = [_mid() for _ in range(4)]
    for mid in mids:
        client.put_message(box.sender_id, sender, mid, b"\x01" + bytes(1023))
    recording = _RecordingClient(client.base_url)
    try:
        first = recording.fetch(box.recipient_id, owner, limit=2)
        count, following = recording.ack_and_fetch(
            box.recipient_id, owner, [m.id for m in first], limit=2
        )
        assert count == 2
        assert following is not None and [m.id for m in following] == mids[2:]
        assert [(m, p.rsplit("/", 1)[1]) for m, p, _ in recording.sent] == [
            ("GET", "messages"),
            ("POST", "ack"),
        ]
        recording.sent.clear()
        extra = [_mid() for _ in range(505)]
        count, following = recording.ack_and_fetch(
            box.recipient_id, owner, [*extra[:300], *[m.id for m in following], *extra[300:]]
        )
        assert (count, following) == (2, [])
        assert [len(json.loads(body)["ids"]) for _, _, body in recording.sent] == [500, 7]
    finally:
        recording.close()
    assert client.status(box.recipient_id, owner)["messages"] == 0
