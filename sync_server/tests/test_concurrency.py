"""Concurrent senders lose and duplicate nothing; concurrent identical sends store once."""

from __future__ import annotations

import threading
from collections import Counter

from relay_helpers import Client, RelayThread, envelope, message_id

THREADS = 8
PER_THREAD = 25


def test_concurrent_senders_lose_nothing(client: Client, relay: RelayThread) -> None:
    boxes = [client.mailbox() for _ in range(3)]
    sent: dict[str, list[tuple[str, bytes]]] = {box.recipient_id: [] for box in boxes}
    errors: list[str] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        sender = Client(relay.url)
        try:
            for n in range(PER_THREAD):
                box = boxes[(index + n) % len(boxes)]
                mid, body = message_id(), envelope()
                answer = sender.send(box, mid, body)
                if answer.status_code != 201:
                    errors.append(f"{answer.status_code} {answer.text}")
                    continue
                with lock:
                    sent[box.recipient_id].append((mid, body))
        finally:
            sender.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for box in boxes:
        received: list[dict[str, object]] = []
        while True:
            page = client.fetch(box, limit=30).json()["messages"]
            if not page:
                break
            received.extend(page)
            assert client.ack(box, [str(m["id"]) for m in page]).status_code == 200
        ids = [str(m["id"]) for m in received]
        assert len(ids) == len(set(ids))  # no duplicates
        assert set(ids) == {mid for mid, _ in sent[box.recipient_id]}  # nothing lost
    assert sum(len(v) for v in sent.values()) == THREADS * PER_THREAD


def test_concurrent_identical_sends_store_once(client: Client, relay: RelayThread) -> None:
    box = client.mailbox()
    mid, body = message_id(), envelope()
    statuses: list[int] = []
    barrier = threading.Barrier(6)

    def worker() -> None:
        sender = Client(relay.url)
        barrier.wait()
        statuses.append(sender.send(box, mid, body).status_code)
        sender.close()

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Counter(statuses) == Counter({201: 1, 200: 5})
    assert client.status(box).json()["messages"] == 1
