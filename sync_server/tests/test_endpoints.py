"""Every endpoint against the real relay, over SQLite and PostgreSQL (same tests for both)."""

from __future__ import annotations

import asyncio
import base64
import json
import secrets
import threading
import time
from typing import Any

import pytest
from relay_helpers import (
    Client,
    RelayThread,
    b64u,
    envelope,
    error_code,
    message_id,
    new_key,
    wait_for_long_polls,
)


def test_info_healthz_openapi(client: Client, relay: RelayThread) -> None:
    info = client.http.get("/v1/info")
    assert info.status_code == 200
    body = info.json()
    assert body["protocol"] == 1  # the relay API, the same for exchange protocols 1 and 2
    assert body["protocols"] == [1, 2]
    assert body["buckets"] == [1024, 4096, 16384, 65536]
    assert body["max_messages"] == relay.settings.max_messages_per_mailbox
    assert body["max_bytes"] == relay.settings.max_bytes_per_mailbox
    assert body["ttl_days"] == relay.settings.ttl_days
    assert abs(body["time"] - time.time()) < 120
    assert client.http.get("/healthz").json() == {"status": "ok"}
    schema = client.http.get("/openapi.json").json()
    assert "/v1/mailboxes/{sender_id}/messages/{message_id}" in schema["paths"]


def test_full_mailbox_lifecycle(client: Client) -> None:
    box = client.mailbox()
    ids = [message_id() for _ in range(3)]
    bodies = [envelope(1024), envelope(4096), envelope(65536)]
    for mid, body in zip(ids, bodies, strict=True):
        answer = client.send(box, mid, body)
        assert answer.status_code == 201, answer.text
    status = client.status(box).json()
    assert status["messages"] == 3
    assert status["bytes"] == 1024 + 4096 + 65536
    assert status["max_messages"] > 0 and status["max_bytes"] > 0
    fetched = client.fetch(box).json()["messages"]
    assert [m["id"] for m in fetched] == ids  # oldest first
    for m, body in zip(fetched, bodies, strict=True):
        assert base64.urlsafe_b64decode(m["envelope"] + "==") == body
        assert isinstance(m["received_at"], int)
    limited = client.fetch(box, limit=2).json()["messages"]
    assert [m["id"] for m in limited] == ids[:2]
    acked = client.ack(box, [*ids[:2], message_id()])
    assert acked.status_code == 200
    assert acked.json() == {"acknowledged": 2}
    assert [m["id"] for m in client.fetch(box).json()["messages"]] == ids[2:]
    assert client.status(box).json()["messages"] == 1
    deleted = client.delete(box)
    assert deleted.status_code == 204
    gone = client.status(box)
    assert gone.status_code == 401 and error_code(gone) == "auth_failed"
    resend = client.send(box, message_id(), envelope())
    assert resend.status_code == 401 and error_code(resend) == "auth_failed"


def test_create_answer_shape(client: Client) -> None:
    created = client.create(new_key())
    assert created.status_code == 201
    data = created.json()
    assert set(data) == {"recipient_id", "sender_id", "expires_idle_days"}
    assert data["recipient_id"] != data["sender_id"]
    for value in (data["recipient_id"], data["sender_id"]):
        assert len(base64.urlsafe_b64decode(value + "==")) == 16


def test_idempotent_and_conflicting_send(client: Client) -> None:
    box = client.mailbox()
    mid, body = message_id(), envelope()
    assert client.send(box, mid, body).status_code == 201
    again = client.send(box, mid, body)
    assert again.status_code == 200
    other = client.send(box, mid, envelope())
    assert other.status_code == 409 and error_code(other) == "message_conflict"
    assert client.status(box).json()["messages"] == 1


def test_secure_once(client: Client) -> None:
    rkey, skey = new_key(), new_key()
    sender_id = client.create(rkey).json()["sender_id"]
    unsecured = client.signed(
        "PUT", f"/v1/mailboxes/{sender_id}/messages/{message_id()}", skey, envelope()
    )
    assert unsecured.status_code == 401 and error_code(unsecured) == "auth_failed"
    assert client.secure(sender_id, skey).status_code == 204
    assert client.secure(sender_id, skey).status_code == 204  # same key again is fine
    thief = client.secure(sender_id, new_key())
    assert thief.status_code == 409 and error_code(thief) == "already_secured"
    unknown = client.secure(b64u(b"\x00" * 16), new_key())
    assert unknown.status_code == 401 and error_code(unknown) == "auth_failed"


def test_unknown_mailbox_and_wrong_key_answer_alike(client: Client) -> None:
    box = client.mailbox()
    wrong = client.signed("GET", f"/v1/mailboxes/{box.recipient_id}", new_key())
    unknown = client.signed("GET", f"/v1/mailboxes/{b64u(b'x' * 16)}", new_key())
    sender_as_recipient = client.signed("GET", f"/v1/mailboxes/{box.sender_id}", box.sender_key)
    assert wrong.status_code == unknown.status_code == sender_as_recipient.status_code == 401
    assert wrong.content == unknown.content == sender_as_recipient.content
    assert error_code(wrong) == "auth_failed"
    wrong_send = client.signed(
        "PUT", f"/v1/mailboxes/{box.sender_id}/messages/{message_id()}", new_key(), envelope()
    )
    unknown_send = client.signed(
        "PUT", f"/v1/mailboxes/{b64u(b'y' * 16)}/messages/{message_id()}", new_key(), envelope()
    )
    assert wrong_send.content == unknown_send.content == wrong.content


def test_forged_signatures(client: Client) -> None:
    box = client.mailbox()
    path = f"/v1/mailboxes/{box.recipient_id}"
    # signed for another path, another method, a tampered body
    other_path = client.signed("GET", path, box.recipient_key, sign_path=path + "/messages")
    assert other_path.status_code == 401 and error_code(other_path) == "auth_failed"
    mid = message_id()
    body = envelope()
    forged_body = client.signed(
        "PUT",
        f"/v1/mailboxes/{box.sender_id}/messages/{mid}",
        box.sender_key,
        body,
        headers={"PJ-Signature": b64u(box.sender_key.sign(b"something else").signature)},
    )
    assert forged_body.status_code == 401 and error_code(forged_body) == "auth_failed"
    missing = client.http.get(path)
    assert missing.status_code == 401 and error_code(missing) == "auth_failed"
    malformed = client.http.get(
        path, headers={"PJ-Timestamp": "soon", "PJ-Nonce": "x", "PJ-Signature": "y"}
    )
    assert malformed.status_code == 400 and error_code(malformed) == "bad_request"
    assert client.status(box).status_code == 200  # the genuine key still works


def test_replayed_nonce(client: Client) -> None:
    box = client.mailbox()
    nonce = b64u(b"n" * 16)
    first = client.signed(
        "GET", f"/v1/mailboxes/{box.recipient_id}", box.recipient_key, nonce=nonce
    )
    assert first.status_code == 200
    replay = client.signed(
        "GET", f"/v1/mailboxes/{box.recipient_id}", box.recipient_key, nonce=nonce
    )
    assert replay.status_code == 401 and error_code(replay) == "replayed_request"
    mid, body = message_id(), envelope()
    path = f"/v1/mailboxes/{box.sender_id}/messages/{mid}"
    assert client.signed("PUT", path, box.sender_key, body, nonce=nonce).status_code == 201
    replayed_send = client.signed("PUT", path, box.sender_key, body, nonce=nonce)
    assert replayed_send.status_code == 401 and error_code(replayed_send) == "replayed_request"


def test_replayed_fetch_and_ack_change_nothing(client: Client) -> None:
    box = client.mailbox()
    first, second = message_id(), message_id()
    assert client.send(box, first, envelope()).status_code == 201
    path = f"/v1/mailboxes/{box.recipient_id}/messages"
    nonce = b64u(secrets.token_bytes(16))
    fetched = client.signed("GET", path, box.recipient_key, nonce=nonce)
    assert [m["id"] for m in fetched.json()["messages"]] == [first]
    replayed = client.signed("GET", path, box.recipient_key, nonce=nonce)
    assert replayed.status_code == 401 and error_code(replayed) == "replayed_request"

    ack_path = f"/v1/mailboxes/{box.recipient_id}/ack"
    ack_nonce = b64u(secrets.token_bytes(16))
    body = json.dumps({"ids": [first, second]}).encode()
    headers = {"Content-Type": "application/json"}
    acked = client.signed(
        "POST", ack_path, box.recipient_key, body, nonce=ack_nonce, headers=headers
    )
    assert acked.json() == {"acknowledged": 1}
    assert client.send(box, second, envelope()).status_code == 201
    again = client.signed(
        "POST", ack_path, box.recipient_key, body, nonce=ack_nonce, headers=headers
    )
    assert again.status_code == 401 and error_code(again) == "replayed_request"
    # the replay deleted nothing: the second message is still there and counted
    assert [m["id"] for m in client.fetch(box).json()["messages"]] == [second]
    assert client.status(box).json()["messages"] == 1


def test_fetch_of_a_deleted_mailbox_records_no_nonce(client: Client) -> None:
    box = client.mailbox()
    assert client.delete(box).status_code == 204
    nonce = b64u(secrets.token_bytes(16))
    path = f"/v1/mailboxes/{box.recipient_id}/messages"
    for _ in range(2):  # the same nonce twice: auth_failed both times, never replayed_request
        answer = client.signed("GET", path, box.recipient_key, nonce=nonce)
        assert answer.status_code == 401 and error_code(answer) == "auth_failed"


@pytest.mark.parametrize("offset", [-301, 301, -100_000, 10**9])
def test_stale_and_future_timestamps(client: Client, offset: int) -> None:
    box = client.mailbox()
    answer = client.signed(
        "GET",
        f"/v1/mailboxes/{box.recipient_id}",
        box.recipient_key,
        timestamp=int(time.time()) + offset,
    )
    assert answer.status_code == 401 and error_code(answer) == "stale_request"


def test_timestamp_inside_window_accepted(client: Client) -> None:
    box = client.mailbox()
    for offset in (-250, 250):
        answer = client.signed(
            "GET",
            f"/v1/mailboxes/{box.recipient_id}",
            box.recipient_key,
            timestamp=int(time.time()) + offset,
        )
        assert answer.status_code == 200


@pytest.mark.parametrize("size", [0, 1, 1023, 1025, 2048, 65535])
def test_bad_envelope_size(client: Client, size: int) -> None:
    box = client.mailbox()
    answer = client.send(box, message_id(), b"\x01" * size)
    assert answer.status_code == 400 and error_code(answer) == "bad_envelope_size"


def test_oversized_body(client: Client, relay: RelayThread) -> None:
    box = client.mailbox()
    path = f"/v1/mailboxes/{box.sender_id}/messages/{message_id()}"
    declared = client.signed("PUT", path, box.sender_key, b"\x01" * (65536 * 2))
    assert declared.status_code == 413 and error_code(declared) == "payload_too_large"

    def chunks():  # no Content-Length: the relay must stop reading at the limit
        for _ in range(64):
            yield b"\x02" * 4096

    streamed = client.http.put(
        path, content=chunks(), headers={"Content-Type": "application/octet-stream"}
    )
    assert streamed.status_code == 413 and error_code(streamed) == "payload_too_large"


def test_routes_and_malformed_input(client: Client) -> None:
    assert error_code(client.http.get("/v2/nothing")) == "not_found"
    assert client.http.get("/v1/mailboxes/").status_code == 404
    wrong_method = client.http.patch("/v1/info")
    assert wrong_method.status_code == 405 and error_code(wrong_method) == "method_not_allowed"
    box = client.mailbox()
    bad_id = client.signed("GET", "/v1/mailboxes/not-an-id", box.recipient_key)
    assert bad_id.status_code == 400 and error_code(bad_id) == "bad_request"
    for params in (
        [("limit", "0")],
        [("limit", "x")],
        [("limit", "")],
        [("limit", "-5")],
        [("limit", "+5")],
        [("limit", "1.0")],
        [("wait", "-1")],
        [("wait", "1"), ("wait", "2")],
    ):
        answer = client.signed(
            "GET", f"/v1/mailboxes/{box.recipient_id}/messages", box.recipient_key, params=params
        )
        assert answer.status_code == 400, params
    for body in (
        b"not json",
        b"[]",
        b'{"ids": "x"}',
        b'{"ids": [1]}',
        b'{"ids": ["zz"]}',
        b'{"ids": [' + b'"AAAAAAAAAAAAAAAAAAAAAA",' * 500 + b'"AAAAAAAAAAAAAAAAAAAAAA"]}',
    ):
        answer = client.signed(
            "POST",
            f"/v1/mailboxes/{box.recipient_id}/ack",
            box.recipient_key,
            body,
            headers={"Content-Type": "application/json"},
        )
        assert answer.status_code == 400 and error_code(answer) == "bad_request", body[:20]
    no_key = client.signed("POST", "/v1/mailboxes", new_key())
    assert no_key.status_code == 400


def test_long_poll_wakes_on_send(client: Client, relay: RelayThread) -> None:
    box = client.mailbox()
    mid = message_id()
    sender = Client(relay.url)
    sent: list[int] = []

    def send_later() -> None:
        time.sleep(0.3)
        sent.append(sender.send(box, mid, envelope()).status_code)

    thread = threading.Thread(target=send_later)
    thread.start()
    started = time.monotonic()
    answer = client.fetch(box, wait=20)
    waited = time.monotonic() - started
    thread.join()
    sender.close()
    assert sent == [201]
    assert [m["id"] for m in answer.json()["messages"]] == [mid]
    # woken by the send (0.3 s in), not by the end of the 20 s wait nor by a periodic
    # re-check (PostgreSQL re-checks every 5 s as a safety net)
    assert 0.25 <= waited < 3.0, waited


def test_a_woken_long_poll_answers_exactly_what_a_fetch_reads(
    client: Client, relay: RelayThread
) -> None:
    """A send hands its message to the waiting long-poll (no read back from the database):
    the answer carries the same id, bytes and received_at a later fetch reads, the message
    is still stored until acknowledged, and every waiter of the mailbox gets it."""
    box = client.mailbox()
    mid, body = message_id(), envelope(4096)
    answers: list[dict[str, object]] = []

    def poll() -> None:
        poller = Client(relay.url)
        answers.append(poller.fetch(box, wait=20).json())
        poller.close()

    threads = [threading.Thread(target=poll) for _ in range(2)]
    for thread in threads:
        thread.start()
    wait_for_long_polls(relay, 2)  # both get the handed-over message, none reads it back
    assert client.send(box, mid, body).status_code == 201
    for thread in threads:
        thread.join(timeout=30)
    stored = client.fetch(box).json()["messages"]
    assert [m["id"] for m in stored] == [mid]
    assert answers == [{"messages": stored}, {"messages": stored}]
    assert base64.urlsafe_b64decode(str(stored[0]["envelope"]) + "==") == body
    assert client.ack(box, [mid]).json() == {"acknowledged": 1}


def test_long_poll_times_out_empty(client: Client) -> None:
    box = client.mailbox()
    answer = client.fetch(box, wait=1)
    assert answer.status_code == 200 and answer.json() == {"messages": []}


def test_metrics_are_aggregate_only(client: Client) -> None:
    box = client.mailbox()
    client.send(box, message_id(), envelope())
    client.status(box)
    text = client.http.get("/metrics").text
    assert 'route="/v1/mailboxes/{sender_id}/messages/{message_id}"' in text
    assert "peerjournal_relay_messages_stored_total" in text
    assert "peerjournal_relay_bytes_stored_total" in text
    for secret in (box.recipient_id, box.sender_id, client.address):
        assert secret not in text


def test_rejected_request_does_not_use_its_nonce(client: Client) -> None:
    box = client.mailbox()
    mid = message_id()
    assert client.send(box, mid, envelope()).status_code == 201
    nonce = b64u(b"r" * 16)
    path = f"/v1/mailboxes/{box.sender_id}/messages/{mid}"
    other = envelope()
    first = client.signed("PUT", path, box.sender_key, other, nonce=nonce)
    again = client.signed("PUT", path, box.sender_key, other, nonce=nonce)
    assert error_code(first) == error_code(again) == "message_conflict"


def test_openapi_lists_every_route(client: Client, relay: RelayThread) -> None:
    paths = client.http.get("/openapi.json").json()["paths"]
    served = {
        (route.path, method.lower())
        for route in relay.app.web.routes
        for method in route.methods
        if method != "HEAD"
    }
    documented = {(path, method) for path, methods in paths.items() for method in methods}
    assert served == documented


def test_a_send_hands_its_message_only_to_long_polls_waiting_before_it(start_relay) -> None:
    """A send is committed (and visible to fetches) before its handler hands the message to
    waiting long-polls. A long-poll that started after the commit may already have had the
    message, and had it acknowledged, through an ordinary fetch: it must not get it again."""
    relay = start_relay()
    storage = relay.app.storage
    committed, release = threading.Event(), threading.Event()
    original = storage.put_message

    async def put_then_hold(*args: Any) -> Any:
        result = await original(*args)
        committed.set()
        while not release.is_set():  # the send's handler is slow to go on (a busy loop)
            await asyncio.sleep(0.01)
        return result

    storage.put_message = put_then_hold  # type: ignore[method-assign]
    client, sender, poller = Client(relay.url), Client(relay.url), Client(relay.url)
    box = client.mailbox()
    mid = message_id()
    sent: list[int] = []
    send = threading.Thread(
        target=lambda: sent.append(sender.send(box, mid, envelope()).status_code)
    )
    send.start()
    assert committed.wait(10)
    assert [m["id"] for m in client.fetch(box).json()["messages"]] == [mid]
    assert client.ack(box, [mid]).json() == {"acknowledged": 1}
    polled: list[Any] = []
    poll = threading.Thread(target=lambda: polled.append(poller.fetch(box, wait=2)))
    poll.start()
    # waiting before the send goes on: a poll that arrived later would pass however the
    # hand-over treated it (a sleep did not make sure of that on a busy machine)
    wait_for_long_polls(relay)
    release.set()
    send.join(10)
    poll.join(10)
    for c in (client, sender, poller):
        c.close()
    assert sent == [201]
    assert polled[0].status_code == 200
    assert polled[0].json()["messages"] == []  # the acknowledged message is not handed over
