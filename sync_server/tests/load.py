"""A small closed-loop load for the CI tests: clients send, long-poll, ack; exactly-once check.

Receivers acknowledge what they got with their next long-poll (an ack that carries the
fetch) unless asked for the separate fetch and ack of older clients.

Every client owns one mailbox and sends to the others' mailboxes. A send is retried with the
same message id (and a fresh signature) until the relay answers 200 or 201, as the real
client's outbox does, through timeouts, 503s and a relay that is down for a while. Receivers
record every id they fetch and acknowledge after recording it. At the end every mailbox is
drained; the check is that the set delivered equals the set sent, with no id delivered
twice unless the relay lost an acknowledgement in a crash.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx
from relay_helpers import Client, Mailbox, envelope, message_id

RETRYABLE = {429, 500, 503, 507}


@dataclass
class LoadResult:
    """What was sent, what arrived, and how the relay answered."""

    sent: set[str] = field(default_factory=set)
    delivered: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def check_exactly_once(self, allow_redelivery: bool = False) -> None:
        """Nothing lost, nothing invented, nothing twice (unless a crash re-delivered)."""
        assert not self.errors, self.errors[:5]
        assert set(self.delivered) == self.sent, (
            f"lost {len(self.sent - set(self.delivered))}, "
            f"unexpected {len(set(self.delivered) - self.sent)}"
        )
        twice = [mid for mid, n in self.delivered.items() if n > 1]
        if not allow_redelivery:
            assert not twice, f"{len(twice)} messages delivered twice"


def _retry(call, result: LoadResult, deadline: float) -> httpx.Response:  # type: ignore[no-untyped-def]
    """Repeat ``call`` until a non-retryable answer (or ``deadline``)."""
    delay = 0.05
    while True:
        try:
            answer = call()
        except httpx.HTTPError as exc:
            result.statuses[type(exc).__name__] += 1
        else:
            result.statuses[str(answer.status_code)] += 1
            if answer.status_code not in RETRYABLE:
                return answer
        if time.monotonic() > deadline:
            raise TimeoutError("the relay did not come back in time")
        time.sleep(delay)
        delay = min(1.0, delay * 2)


def run_load(  # type: ignore[no-untyped-def]
    url: str,
    clients: int,
    seconds: float,
    hook=None,
    address_header: str = "X-Forwarded-For",
    on_start=None,
    ack_with_fetch: bool = True,
) -> LoadResult:
    """Run the load for ``seconds``; ``hook(elapsed)`` is called from the main thread every
    0.1 s (to kill or restart things mid-load); ``on_start(result)`` gets the result being
    filled in, so a hook can look at it mid-load. Receivers acknowledge with their next
    fetch (one request, docs/protocol.md section 3), or with ``ack_with_fetch=False`` fetch
    and acknowledge in two requests."""
    result = LoadResult()
    if on_start is not None:
        on_start(result)
    lock = threading.Lock()

    def new_client() -> Client:
        client = Client(url)
        client.http.headers[address_header] = client.address
        return client

    setup = new_client()
    boxes: list[Mailbox] = [setup.mailbox() for _ in range(clients)]
    setup.close()
    stop = threading.Event()
    give_up = time.monotonic() + seconds + 120

    def receive(client: Client, box: Mailbox, wait: int, due: list[str]) -> list[str]:
        """Fetch and record what arrived; return the ids still to acknowledge (none when
        nothing arrived). With
        ``ack_with_fetch`` the fetch is the ack of ``due`` (the previous answer's ids),
        else the ids are acknowledged at once in a request of their own."""
        if ack_with_fetch:
            answer = _retry(lambda: client.ack(box, due, limit=100, wait=wait), result, give_up)
        else:
            answer = _retry(lambda: client.fetch(box, limit=100, wait=wait), result, give_up)
        if answer.status_code != 200:
            result.errors.append(f"fetch {answer.status_code} {answer.text[:80]}")
            return []
        ids = [m["id"] for m in answer.json()["messages"]]
        if ids:
            with lock:
                result.delivered.update(ids)
        if ids and not ack_with_fetch:
            acked = _retry(lambda: client.ack(box, ids), result, give_up)
            if acked.status_code != 200:
                result.errors.append(f"ack {acked.status_code}")
            return []
        return ids

    def worker(index: int) -> None:
        client = new_client()
        own = boxes[index]
        rng = random.Random(index)
        due: list[str] = []
        try:
            while not stop.is_set():
                target = boxes[rng.randrange(clients)]
                mid, body = message_id(), envelope(rng.choice([1024, 4096]))
                answer = _retry(
                    lambda t=target, m=mid, b=body: client.send(t, m, b), result, give_up
                )
                if answer.status_code in (200, 201):
                    with lock:
                        result.sent.add(mid)
                else:
                    result.errors.append(f"send {answer.status_code} {answer.text[:80]}")
                due = receive(client, own, 1, due)
            due = receive(client, own, 0, due)
            while due:  # what is still waiting, until an answer brings nothing more
                due = receive(client, own, 0, due)
        except Exception as exc:  # reported by check_exactly_once
            result.errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            client.close()

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    while time.monotonic() - started < seconds:
        if hook is not None:
            hook(time.monotonic() - started)
        time.sleep(0.1)
    stop.set()
    for thread in threads:
        thread.join(timeout=180)
    drain = new_client()
    for box in boxes:  # whatever is left after every worker stopped
        while True:
            answer = _retry(lambda box=box: drain.fetch(box, limit=500), result, give_up)
            ids = [m["id"] for m in answer.json()["messages"]]
            if not ids:
                break
            result.delivered.update(ids)
            _retry(lambda box=box, ids=ids: drain.ack(box, ids), result, give_up)
    drain.close()
    return result
