"""The storage interface every backend implements, and the values it passes around.

Backends raise :class:`~peerjournal_relay.errors.RelayError` for protocol outcomes (replayed
nonce, unknown mailbox, quota reached, conflicting message) and
:class:`~peerjournal_relay.errors.StorageUnavailable` when the database cannot be reached.
Every mutating call takes the request's :class:`NonceUse` and records it in the same
transaction, so a replayed request changes nothing and several relay instances sharing one
database share one replay store.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple, Protocol

ID_BYTES = 16


def new_id() -> bytes:
    """A fresh random 16-byte mailbox id."""
    return secrets.token_bytes(ID_BYTES)


@dataclass(frozen=True)
class Limits:
    """Quotas the storage enforces inside its transactions."""

    max_messages_per_mailbox: int
    max_bytes_per_mailbox: int
    max_total_messages: int
    max_total_bytes: int
    max_mailboxes: int


class NonceUse(NamedTuple):
    """A request nonce to remember for ``key`` until ``expires_at`` (unix seconds)."""

    key: bytes
    nonce: bytes
    expires_at: int


class StoredMessage(NamedTuple):
    """One envelope as fetched by the recipient."""

    message_id: bytes
    envelope: bytes
    received_at: int


@dataclass(frozen=True)
class MailboxStatus:
    """Current use of one mailbox."""

    messages: int
    bytes: int


class Totals(NamedTuple):
    """Relay-wide totals (for caps and aggregate metrics)."""

    mailboxes: int
    messages: int
    bytes: int


@dataclass(frozen=True)
class SweepResult:
    """What one sweep removed."""

    messages: int
    mailboxes: int
    nonces: int


class Storage(Protocol):
    """Mailboxes, messages and used nonces. All methods are safe to call concurrently."""

    name: str

    def recheck_interval(self, configured: float) -> float | None:
        """How often a waiting fetch must re-check the database; None when every new message
        wakes it (one process owns the data, or change notifications are working)."""
        ...

    def set_message_listener(self, callback: Callable[[bytes], None]) -> None:
        """Call ``callback(recipient_id)`` when another process stores a message."""

    async def open(self) -> None:
        """Connect and create or upgrade the schema."""

    async def close(self) -> None:
        """Release connections and threads."""

    async def create_mailbox(
        self, recipient_key: bytes, now: int, nonce: NonceUse
    ) -> tuple[bytes, bytes]:
        """Create a mailbox; return ``(recipient_id, sender_id)``."""
        ...

    async def recipient_key(self, recipient_id: bytes) -> bytes | None:
        """The recipient key of a mailbox, or None when it does not exist."""
        ...

    async def sender_key(self, sender_id: bytes) -> bytes | None:
        """The sender key of a mailbox, or None when unknown or not secured yet."""
        ...

    async def secure(self, sender_id: bytes, sender_key: bytes, nonce: NonceUse) -> None:
        """Set the sender key once; the same key again is fine, another raises already_secured."""

    async def put_message(
        self, sender_id: bytes, message_id: bytes, envelope: bytes, now: int, nonce: NonceUse
    ) -> tuple[bool, bytes]:
        """Store an envelope; return (stored now, recipient id); False if already stored."""
        ...

    async def fetch(
        self, recipient_id: bytes, limit: int, max_bytes: int, now: int, nonce: NonceUse | None
    ) -> list[StoredMessage]:
        """Up to ``limit`` oldest messages; ``nonce`` is None on long-poll re-checks."""
        ...

    async def ack(self, recipient_id: bytes, message_ids: list[bytes], nonce: NonceUse) -> int:
        """Delete the given messages; return how many existed."""
        ...

    async def ack_and_fetch(
        self,
        recipient_id: bytes,
        message_ids: list[bytes],
        nonce: NonceUse,
        limit: int,
        max_bytes: int,
        now: int,
    ) -> tuple[int, list[StoredMessage]]:
        """``ack``, then ``fetch`` without a nonce, in one transaction: how many existed,
        and the oldest messages left."""
        ...

    async def status(self, recipient_id: bytes, nonce: NonceUse) -> MailboxStatus:
        """Message count and bytes of a mailbox."""
        ...

    async def delete_mailbox(self, recipient_id: bytes, nonce: NonceUse) -> None:
        """Delete a mailbox and its messages."""

    async def sweep(self, now: int, ttl_seconds: int, idle_seconds: int) -> SweepResult:
        """Delete messages older than the TTL, idle mailboxes and expired nonces."""
        ...

    async def totals(self) -> Totals:
        """Relay-wide totals."""
        ...

    async def healthy(self) -> bool:
        """True when the database answers."""
        ...
