"""Per-client rate limiting keyed by a keyed hash of the client address.

The address itself is never stored: only ``HMAC-SHA256(key, address)[:16]`` is kept in memory,
with a random key per process unless the operator configures one (so several instances behind
one load balancer can agree). Buckets live in memory only and are pruned by the sweep.
"""

from __future__ import annotations

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
        self._buckets: dict[bytes, tuple[float, float]] = {}

    def client_key(self, address: str) -> bytes:
        """The keyed hash that stands for ``address``."""
        return client_key(self._key, address)

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
