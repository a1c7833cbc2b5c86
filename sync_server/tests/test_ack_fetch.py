"""An ack that carries the next fetch (docs/protocol.md section 3, Ack), on both backends.

``POST …/ack?limit=N&wait=S`` acknowledges its ids first (committed), then answers like
``GET …/messages?limit=N&wait=S``: one signed request per batch for a receiving client
instead of two. Without ``limit`` and ``wait`` the ack answers as it always did.
"""

from __future__ import annotations

import threading
import time

import pytest
from relay_helpers import Client, RelayThread, envelope, error_code, message_id


def _metric(client: Client, name: str) -> float:
    for line in client.http.get("/metrics").text.splitlines():
        if line.startswith(name + " "):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(name)


def test_an_ack_with_limit_acknowledges_then_answers_the_next_messages(client: Client) -> None:
    box = client.mailbox()
    mids = [message_id() for _ in range(5)]
    for mid in mids:
        assert client.send(box, mid, envelope()).status_code == 201
    first = client.fetch(box, limit=2).json()["messages"]
    assert [m["id"] for m in first] == mids[:2]
    answer = client.ack(box, [m["id"] for m in first], limit=2)
    assert answer.status_code == 200
    body = answer.json()
    assert body["acknowledged"] == 2
    # the acknowledged ones are gone before the fetch reads: the next two, oldest first
    assert [m["id"] for m in body["messages"]] == mids[2:4]
    assert set(body["messages"][0]) == {"id", "envelope", "received_at"}
    last = client.ack(box, [m["id"] for m in body["messages"]], wait=0).json()
    assert last["acknowledged"] == 2 and [m["id"] for m in last["messages"]] == mids[4:]
    assert client.ack(box, mids[4:], limit=100).json() == {"acknowledged": 1, "messages": []}
    assert client.status(box).json()["messages"] == 0


def test_an_ack_without_fetch_parameters_answers_as_before(client: Client) -> None:
    box = client.mailbox()
    mids = [message_id() for _ in range(2)]
    for mid in mids:
        client.send(box, mid, envelope())
    # another parameter (signed, as every parameter is) does not make it a fetch
    answer = client.ack(box, mids[:1], params=[("other", "1")])
    assert answer.status_code == 200 and answer.json() == {"acknowledged": 1}
    assert [m["id"] for m in client.fetch(box).json()["messages"]] == mids[1:]


def test_an_ack_with_wait_long_polls_until_a_send(client: Client, relay: RelayThread) -> None:
    box = client.mailbox()
    old = message_id()
    client.send(box, old, envelope())
    mid = message_id()
    sender = Client(relay.url)
    sent: list[int] = []

    def send_later() -> None:
        time.sleep(0.3)
        sent.append(sender.send(box, mid, envelope()).status_code)

    thread = threading.Thread(target=send_later)
    thread.start()
    started = time.monotonic()
    answer = client.ack(box, [old], limit=100, wait=20)
    waited = time.monotonic() - started
    thread.join()
    sender.close()
    assert sent == [201]
    assert answer.json()["acknowledged"] == 1
    assert [m["id"] for m in answer.json()["messages"]] == [mid]
    assert 0.25 <= waited < 3.0, waited  # woken by the send, not by the end of the wait


def test_an_ack_with_wait_ends_empty(client: Client) -> None:
    box = client.mailbox()
    mid = message_id()
    client.send(box, mid, envelope())
    started = time.monotonic()
    answer = client.ack(box, [mid], wait=1)
    assert time.monotonic() - started >= 0.9
    assert answer.status_code == 200
    assert answer.json() == {"acknowledged": 1, "messages": []}


@pytest.mark.parametrize(
    "params",
    [
        [("limit", "0")],
        [("limit", "-1")],
        [("limit", "1e2")],
        [("wait", "")],
        [("wait", "x")],
        [("wait", " 1")],
        [("limit", "5"), ("limit", "6")],
        [("wait", "1"), ("wait", "1")],
        [("limit", "5"), ("other", "1"), ("other", "2")],
    ],
)
def test_a_bad_limit_or_wait_is_400_and_acknowledges_nothing(
    client: Client, params: list[tuple[str, str]]
) -> None:
    box = client.mailbox()
    mid = message_id()
    client.send(box, mid, envelope())
    answer = client.ack(box, [mid], params=params)
    assert answer.status_code == 400 and error_code(answer) == "bad_request"
    assert [m["id"] for m in client.fetch(box).json()["messages"]] == [mid]


def test_large_limit_and_wait_are_clamped_as_for_a_fetch(client: Client) -> None:
    box = client.mailbox()
    mids = [message_id() for _ in range(3)]
    for mid in mids:
        client.send(box, mid, envelope())
    answer = client.ack(box, mids[:1], limit="99999999999999", wait="000")
    assert answer.status_code == 200
    assert [m["id"] for m in answer.json()["messages"]] == mids[1:]


def test_an_ack_with_fetch_is_signed_over_its_query_and_used_once(client: Client) -> None:
    box = client.mailbox()
    mid = message_id()
    client.send(box, mid, envelope())
    path = f"/v1/mailboxes/{box.recipient_id}/ack"
    body = b'{"ids": []}'
    headers = {"Content-Type": "application/json"}
    first = client.signed("POST", path, box.recipient_key, body, [("limit", "5")], headers=headers)
    assert first.status_code == 200 and len(first.json()["messages"]) == 1
    # the same signing headers with another query: the signature does not cover it
    nonce = "A" * 21 + "A"
    again = client.signed(
        "POST", path, box.recipient_key, body, [("limit", "5")], nonce=nonce, headers=headers
    )
    assert again.status_code == 200
    replayed = client.signed(
        "POST", path, box.recipient_key, body, [("limit", "5")], nonce=nonce, headers=headers
    )
    assert replayed.status_code == 401 and error_code(replayed) == "replayed_request"
    # a replay deletes nothing: its ids acknowledged nothing the first time (the message
    # was not there yet), and the replayed request is refused before any of its work
    later = message_id()
    acking = b'{"ids": ["%s"]}' % later.encode()
    other = "Q" * 21 + "A"
    first_ack = client.signed(
        "POST", path, box.recipient_key, acking, [("limit", "5")], nonce=other, headers=headers
    )
    assert first_ack.json()["acknowledged"] == 0
    client.send(box, later, envelope())
    replayed = client.signed(
        "POST", path, box.recipient_key, acking, [("limit", "5")], nonce=other, headers=headers
    )
    assert replayed.status_code == 401 and error_code(replayed) == "replayed_request"
    assert later in [m["id"] for m in client.fetch(box).json()["messages"]]
    forged = client.http.post(
        path + "?limit=6",
        content=body,
        headers={**headers, **{k: first.request.headers[k] for k in _SIGNING}},
    )
    assert forged.status_code == 401


_SIGNING = ("PJ-Timestamp", "PJ-Nonce", "PJ-Signature")


def test_an_ack_with_fetch_of_another_mailbox_is_refused(client: Client) -> None:
    box, other = client.mailbox(), client.mailbox()
    mid = message_id()
    client.send(box, mid, envelope())
    path = f"/v1/mailboxes/{box.recipient_id}/ack"
    answer = client.signed(
        "POST",
        path,
        other.recipient_key,
        b'{"ids": ["%s"]}' % mid.encode(),
        [("limit", "5")],
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 401 and error_code(answer) == "auth_failed"
    assert [m["id"] for m in client.fetch(box).json()["messages"]] == [mid]


def test_acks_with_fetch_are_counted(client: Client) -> None:
    box = client.mailbox()
    name = "peerjournal_relay_acks_with_fetch_total"
    before = _metric(client, name)
    client.ack(box, [], limit=1)
    client.ack(box, [])
    assert _metric(client, name) == before + 1


def test_an_ack_with_fetch_counts_as_activity(start_relay) -> None:
    """A fetch keeps a mailbox alive (protocol.md section 3, Create); so does an ack that
    carries one, on both backends, though its read uses no nonce of its own."""
    relay = start_relay(idle_mailbox_days=3.0)
    client = Client(relay.url)
    box, idle = client.mailbox(), client.mailbox()
    now = int(time.time())

    async def two_days_later() -> None:
        relay.app.endpoints.clock = lambda: now + 2 * DAY

    relay.call(two_days_later())
    assert client.ack(box, [], limit=1).status_code == 200
    swept = relay.call(relay.app.sweep_once(now + 3 * DAY + 10))
    assert swept.mailboxes == 1  # the idle one only
    assert client.status(box).status_code == 200
    assert error_code(client.status(idle)) == "auth_failed"
    client.close()


DAY = 86400
