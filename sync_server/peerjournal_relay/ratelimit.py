"""Per-client rate limiting keyed by a keyed hash of the client address.

The address itself is never stored: only ``HMAC-SHA256(key, address)[:16]`` is kept in memory,
with a random key per process unless the operator configures one (so several instances behind
one load balancer can agree). With SQLite the buckets live in this process's memory
(:class:`RateLimiter`); with PostgreSQL in the shared table ``rate_buckets``
(:class:`SharedRateLimiter`), so the limits hold across instances. The sweep prunes both.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import math
import secrets
import time
from typing import Protocol

from .errors import RelayError

MAX_CLIENTS = 200_000


class Limiter(Protocol):
    """A rate limiter the relay asks before it does anything else with a request."""

    async def check(self, address: str) -> float:
        """Take one token for ``address``: 0 when allowed, else seconds until allowed."""
        ...

    def prune(self) -> int:
        """Forget state that no longer matters; return how many entries went."""
        ...


def client_key(key: bytes, address: str) -> bytes:
    """The keyed hash that stands for ``address`` (16 bytes)."""
    return hmac.new(key, address.encode("utf-8", "replace"), hashlib.sha256).digest()[:16]


_BLOCK = 64  # SHA-256's block size, HMAC's key length
_INNER_PAD = bytes(byte ^ 0x36 for byte in range(256))
_OUTER_PAD = bytes(byte ^ 0x5C for byte in range(256))


class ClientHasher:
    """:func:`client_key` for one key, keyed once: HMAC's inner and outer SHA-256 states
    (RFC 2104) after the padded key, copied for each address. The same bytes as ``hmac``
    in about a quarter of the time: copying an ``hmac.HMAC`` goes through Python code
    (4.3 against 1.0 us per address here), and every request pays it."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: bytes) -> None:
        if len(key) > _BLOCK:
            key = hashlib.sha256(key).digest()
        padded = key.ljust(_BLOCK, b"\0")
        self._inner = hashlib.sha256(padded.translate(_INNER_PAD))
        self._outer = hashlib.sha256(padded.translate(_OUTER_PAD))

    def __call__(self, address: str) -> bytes:
        """The keyed hash that stands for ``address`` (16 bytes)."""
        inner = self._inner.copy()
        inner.update(address.encode("utf-8", "replace"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()[:16]


def rate_limited(wait: float, message: str = "too many requests") -> RelayError:
    """429 rate_limited with Retry-After."""
    return RelayError(
        429, "rate_limited", message, headers={"Retry-After": retry_after_header(wait)}
    )


class RateLimiter:
    """Token buckets: ``rate`` tokens per second up to ``burst``; one token per request."""

    def __init__(self, rate: float, burst: int, key: bytes | None = None) -> None:
        self.rate = rate
        self.burst = float(burst)
        self._key = key or secrets.token_bytes(32)
        self._hash = ClientHasher(self._key)
        self._buckets: dict[bytes, tuple[float, float]] = {}

    def client_key(self, address: str) -> bytes:
        """The keyed hash that stands for ``address``."""
        return self._hash(address)

    async def check(self, address: str) -> float:
        """Take one token (see :meth:`take`)."""
        return self.take(address)

    def take(self, address: str, now: float | None = None) -> float:
        """Take one token; return 0 when allowed, else the seconds until the next token."""
        now = time.monotonic() if now is None else now
        key = self.client_key(address)
        tokens, last = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate
        if len(self._buckets) >= MAX_CLIENTS and key not in self._buckets:
            self.prune(now)
        self._buckets[key] = (tokens - 1.0, now)
        return 0.0

    def prune(self, now: float | None = None) -> int:
        """Forget clients whose bucket has refilled completely; return how many."""
        now = time.monotonic() if now is None else now
        full = [
            key
            for key, (tokens, last) in self._buckets.items()
            if tokens + (now - last) * self.rate >= self.burst
        ]
        for key in full:
            del self._buckets[key]
        return len(full)

    def __len__(self) -> int:
        return len(self._buckets)


def retry_after_header(seconds: float) -> str:
    """Whole seconds for a ``Retry-After`` header (at least 1)."""
    return str(max(1, math.ceil(seconds)))


class TokenStore(Protocol):
    """Where shared buckets live (the PostgreSQL backend)."""

    async def take_tokens(
        self, key: bytes, wanted: int, rate: float, burst: int
    ) -> tuple[int, float]:
        """Take up to ``wanted`` tokens; return (granted, tokens left)."""
        ...


LEASE_SECONDS = 1.0


class SharedRateLimiter:
    """Token buckets shared by every relay instance on one database (issue: scale-out).

    An instance takes tokens from the shared bucket a few at a time (50 ms of the refill
    rate, at least one) and spends them locally for at most ``LEASE_SECONDS``; tokens left
    when the lease ends are dropped, never handed back, so together the instances never
    exceed the limit, and each falls short of it by at most 5 % (one lease's leftovers per
    second). A refusal is remembered
    until the next token is due, so a flooding client costs one database round trip per
    refill, not one per request. While the database is unreachable the per-process limiter
    stands in.
    """

    def __init__(
        self, store: TokenStore, rate: float, burst: int, key: bytes | None, kind: bytes
    ) -> None:
        self.store = store
        self.rate = rate
        self.burst = burst
        self._key = key or secrets.token_bytes(32)
        self._hash = ClientHasher(self._key)
        self._kind = kind
        self._chunk = max(1, min(burst, math.ceil(rate * 0.05)))
        self._leases: dict[bytes, tuple[int, float]] = {}
        self._denied: dict[bytes, float] = {}
        self._claims: dict[bytes, asyncio.Future[None]] = {}
        self.fallback = RateLimiter(rate, burst, self._key)

    async def check(self, address: str) -> float:
        """Take one token for ``address`` (see the class docstring)."""
        key = self._kind + self._hash(address)
        while True:
            now = time.monotonic()
            denied_until = self._denied.get(key)
            if denied_until is not None:
                if now < denied_until:
                    return denied_until - now
                del self._denied[key]
            lease = self._leases.get(key)
            if lease is not None and lease[0] > 0 and now < lease[1]:
                self._leases[key] = (lease[0] - 1, lease[1])
                return 0.0
            pending = self._claims.get(key)
            if pending is None:
                return await self._claim(key, address)
            # one claim per client at a time: the others wait for it and share its tokens
            await asyncio.shield(pending)

    async def _claim(self, key: bytes, address: str) -> float:
        from .errors import StorageUnavailable

        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._claims[key] = done
        try:
            granted, left = await self.store.take_tokens(key, self._chunk, self.rate, self.burst)
        except StorageUnavailable:
            return self.fallback.take(address)
        finally:
            del self._claims[key]
            done.set_result(None)
        now = time.monotonic()
        if granted <= 0:
            wait = max(0.001, (1.0 - left) / self.rate)
            self._leases.pop(key, None)
            if len(self._denied) < MAX_CLIENTS:
                self._denied[key] = now + wait
            return wait
        if len(self._leases) >= MAX_CLIENTS:
            self.prune()
        self._leases[key] = (granted - 1, now + LEASE_SECONDS)
        return 0.0

    def prune(self) -> int:
        """Forget ended leases and refusals."""
        now = time.monotonic()
        ended = [k for k, (_, until) in self._leases.items() if until <= now]
        for k in ended:
            del self._leases[k]
        over = [k for k, until in self._denied.items() if until <= now]
        for k in over:
            del self._denied[k]
        return len(ended) + len(over) + self.fallback.prune()
