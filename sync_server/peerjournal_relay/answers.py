"""A memory budget for fetch answers waiting to be sent (docs/relay.md section 5).

A fetch answer carries up to about 4 MiB of envelopes, about 5.7 MB of JSON, and stays in
the relay's memory until the client has taken it. One address may hold 64 connections, so
without a bound one address could pin 64 such answers, and a few addresses the whole
``MemoryMax`` of the systemd unit. Answers therefore take their bytes from two budgets: the
client address's (``max_answer_bytes_per_client``) and the relay's (``max_answer_bytes``).
A fetch reserves room for one message's answer before it reads the mailbox (so a fetch
refused for want of room has recorded nothing), reads a page no larger than the budget has
room for, and then holds its answer's real size (``handlers._fit``). One that cannot get
room for even one message waits up to :data:`WAIT_SECONDS` for answers to drain, then
answers ``503 unavailable`` with ``Retry-After``. The reservation is given back when the
server has handed the answer to the kernel (or the connection closed): see ``server.py``.

A client that takes its answer a few bytes at a time keeps it (``send_timeout_seconds`` only
drops answers that make no progress), so a dozen addresses reading slowly could hold the
relay-wide budget, and every other fetch would wait and get 503. So when a fetch finds no
room, the oldest answers that have waited on their clients for more than
:data:`SHED_AFTER_SECONDS` are dropped with their connections (the client fetches again),
as many as it takes to make room for one message's answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable

from .config import BUCKETS
from .signing import b64u_bytes
from .storage.base import StoredMessage

WAIT_SECONDS = 2.0  # how long a fetch waits for room before 503
RETRY_AFTER_SECONDS = 2
SHED_AFTER_SECONDS = 10.0  # an answer waiting on its client longer may be dropped for room


def answer_bytes_bound(envelope_bytes: int) -> int:
    """Bytes of JSON a fetch answer of ``envelope_bytes`` of envelopes can take at most.

    An envelope's base64url text is 4/3 of its size, plus about 70 bytes of id, time and
    punctuation per message; envelopes are at least 1 KiB, so 1.43 times covers every mix.
    """
    return -(-envelope_bytes * 10 // 7) + 64


def envelope_bytes_within(answer_bytes: int) -> int:
    """The envelope bytes whose answer fits in ``answer_bytes`` (inverse of the bound)."""
    return max(0, (answer_bytes - 64) * 7 // 10)


def fetch_answer_body(messages: list[StoredMessage], acknowledged: int | None = None) -> bytes:
    """A fetch's answer, ``{"messages": [{"id", "envelope", "received_at"}, ...]}`` in
    compact JSON, led by ``"acknowledged": n`` for an ack that carried the fetch.

    Written directly: ids and envelopes are base64url, which JSON carries unescaped, so the
    bytes are those of ``json.dumps(..., separators=(",", ":"))`` without building a dict
    per message and scanning every envelope's text for characters to escape."""
    items = b",".join(
        b'{"id":"%s","envelope":"%s","received_at":%d}'
        % (b64u_bytes(m.message_id), b64u_bytes(m.envelope), m.received_at)
        for m in messages
    )
    if acknowledged is None:
        return b'{"messages":[' + items + b"]}"
    return b'{"acknowledged":%d,"messages":[%s]}' % (acknowledged, items)


def _one_message_answer() -> int:
    largest = max(BUCKETS)
    text = json.dumps(
        {"messages": [{"id": "A" * 22, "envelope": "A" * -(-largest * 4 // 3), "received_at": 0}]},
        separators=(",", ":"),
    )
    return max(len(text) + 16, answer_bytes_bound(largest))


# A fetch always carries at least one message when one is waiting: without room for the
# largest one it cannot answer.
ONE_MESSAGE_ANSWER = _one_message_answer()


class AnswerBudget:
    """Bytes reserved by fetch answers not yet handed to the kernel, per client and in all."""

    def __init__(self, per_client: int, total: int) -> None:
        self.per_client = per_client
        self.total = total
        self.held_total = 0
        self.held: dict[str, int] = {}
        self._waiters: list[asyncio.Future[None]] = []
        # answers written and waiting on their clients, oldest first, with when they began
        # to wait and how to drop them (see the module docstring)
        self._sent: dict[AnswerLease, tuple[float, Callable[[], None]]] = {}

    def available(self, client: str) -> int:
        """Bytes ``client`` could reserve now."""
        return min(self.per_client - self.held.get(client, 0), self.total - self.held_total)

    def _take(self, client: str, amount: int) -> None:
        self.held_total += amount
        self.held[client] = self.held.get(client, 0) + amount

    def _give(self, client: str, amount: int) -> None:
        if amount <= 0:
            return
        self.held_total -= amount
        left = self.held.get(client, 0) - amount
        if left > 0:
            self.held[client] = left
        else:
            self.held.pop(client, None)
        if self._waiters:
            waiters, self._waiters = self._waiters, []
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)

    def sent(self, lease: AnswerLease, drop: Callable[[], None]) -> None:
        """``lease``'s answer is written and waits on its client; ``drop`` closes its
        connection (which releases the lease)."""
        if lease.amount:
            self._sent[lease] = (time.monotonic(), drop)

    def _forget(self, lease: AnswerLease) -> None:
        self._sent.pop(lease, None)

    def shed(self, client: str, needed: int) -> int:
        """Drop the oldest answers waiting on their clients for more than
        SHED_AFTER_SECONDS until ``needed`` bytes will be free for ``client``: its own when
        its own budget is what is short, anyone's when the relay's is. How many.

        This only happens when answers fill a budget: a relay with room drops nothing."""
        short_own = self.per_client - self.held.get(client, 0) < needed
        deficit = needed - self.available(client)
        dropped = 0
        now = time.monotonic()
        for lease, (since, drop) in list(self._sent.items()):
            if deficit <= 0 or now - since < SHED_AFTER_SECONDS:
                break
            if short_own and lease.client != client:
                continue
            del self._sent[lease]
            deficit -= lease.amount
            dropped += 1
            drop()
        return dropped

    def grant(self, client: str, wanted: int) -> int:
        """Reserve up to ``wanted`` bytes for ``client`` now: what it got (0 when less than
        one message's answer was free)."""
        got = min(wanted, self.available(client))
        if got < min(wanted, ONE_MESSAGE_ANSWER):
            return 0
        self._take(client, got)
        return got

    async def reserve(
        self, client: str, wanted: int, wait: float = WAIT_SECONDS
    ) -> AnswerLease | None:
        """A lease of up to ``wanted`` bytes (at least one message's answer), waiting up to
        ``wait`` seconds for room; None when there was none. Without room for all of
        ``wanted``, answers read too slowly are dropped first (:meth:`shed`)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            remaining = deadline - loop.time()
            # answers read too slowly give way (released as their connections close)
            shed = self.available(client) < wanted and self.shed(client, wanted) > 0
            if not shed:
                got = self.grant(client, wanted)
                if got:
                    return AnswerLease(self, client, got)
            if remaining <= 0:
                return None
            await self._given_back(remaining)

    async def make_room(self, lease: AnswerLease, wanted: int, wait: float = WAIT_SECONDS) -> None:
        """Grow ``lease`` towards ``wanted`` bytes when answers read too slowly can be dropped
        for it (:meth:`shed`): wait up to ``wait`` seconds for their connections to give their
        room back, then take what is free. Without such answers, return at once."""
        client = lease.client
        missing = wanted - lease.amount
        if missing <= 0 or self.available(client) >= missing or not self.shed(client, missing):
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while self.available(client) < missing:
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            await self._given_back(remaining)
        lease.resize(lease.amount + max(0, min(missing, self.available(client))))

    async def _given_back(self, timeout: float) -> None:
        """Wait until some reservation is given back, or ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[None] = loop.create_future()
        self._waiters.append(waiter)
        timer = loop.call_later(timeout, _settle, waiter)
        try:
            await waiter
        finally:
            timer.cancel()
            with contextlib.suppress(ValueError):
                self._waiters.remove(waiter)


def _settle(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


class AnswerLease:
    """One fetch's reservation: resized to the answer, released once it is sent."""

    __slots__ = ("amount", "budget", "client")

    def __init__(self, budget: AnswerBudget, client: str, amount: int) -> None:
        self.budget = budget
        self.client = client
        self.amount = amount

    def resize(self, amount: int) -> None:
        """Hold exactly ``amount`` bytes from now on (the answer as built)."""
        if amount > self.amount:
            self.budget._take(self.client, amount - self.amount)
        else:
            self.budget._give(self.client, self.amount - amount)
        self.amount = amount

    def release(self) -> None:
        """Give everything back (idempotent)."""
        amount, self.amount = self.amount, 0
        self.budget._forget(self)
        self.budget._give(self.client, amount)
