"""The storage rules every backend shares, written once; backends keep only their SQL.

Each backend runs an operation as one transaction: it reads what the rule needs with its own
SQL, asks the rule here what follows, and writes the outcome. The rules raise the protocol
errors, so SQLite and PostgreSQL answer every case with the same code.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..errors import RelayError, auth_failed
from .base import Limits, StoredMessage, Totals


def mailbox_full() -> RelayError:
    """409 mailbox_full."""
    return RelayError(409, "mailbox_full", "the mailbox quota is reached")


def relay_full() -> RelayError:
    """507 relay_full."""
    return RelayError(507, "relay_full", "the relay's storage cap is reached")


def message_conflict() -> RelayError:
    """409 message_conflict."""
    return RelayError(409, "message_conflict", "a different message with this id exists")


def already_secured() -> RelayError:
    """409 already_secured."""
    return RelayError(409, "already_secured", "the mailbox is secured by another key")


class SenderBox(NamedTuple):
    """What a send needs to know about the target mailbox (read under a lock/transaction)."""

    recipient_id: bytes
    messages: int
    bytes: int


def require(found: object | None) -> None:
    """An unknown mailbox (or one not secured by the signing key) is 401 auth_failed."""
    if found is None:
        raise auth_failed()


def check_create(totals: Totals, limits: Limits) -> None:
    """A new mailbox fits under the relay-wide cap (else 507 relay_full)."""
    if totals.mailboxes >= limits.max_mailboxes:
        raise relay_full()


def secure_needs_write(current_key: bytes | None, new_key: bytes) -> bool:
    """True when the sender key must be set now; the same key again is fine (no write)."""
    if current_key is None:
        return True
    if current_key != new_key:
        raise already_secured()
    return False


def is_new_message(stored: bytes | None, envelope: bytes) -> bool:
    """False for an idempotent repeat of the same bytes; 409 message_conflict for others."""
    if stored is None:
        return True
    if stored != envelope:
        raise message_conflict()
    return False


def fits_relay(totals: Totals, size: int, limits: Limits) -> bool:
    """A new envelope of ``size`` bytes fits under the relay-wide caps."""
    return (
        totals.messages < limits.max_total_messages
        and totals.bytes + size <= limits.max_total_bytes
    )


def check_quota(box: SenderBox, size: int, totals: Totals, limits: Limits) -> None:
    """A new envelope of ``size`` bytes fits the relay-wide cap and the mailbox quota.

    Both backends' sends evaluate the mailbox half in SQL too (``_PUT_MESSAGE`` in
    ``postgres.py``, ``_STORE_WITHIN_QUOTA`` in ``sqlite.py``) and ask this function whenever
    they stored nothing: keep them equal.
    """
    if not fits_relay(totals, size, limits):
        raise relay_full()
    if (
        box.messages >= limits.max_messages_per_mailbox
        or box.bytes + size > limits.max_bytes_per_mailbox
    ):
        raise mailbox_full()


def within_bytes(rows: Iterable[tuple[bytes, bytes, int]], max_bytes: int) -> list[StoredMessage]:
    """The oldest rows whose envelopes add up to at most ``max_bytes`` (always at least one)."""
    out: list[StoredMessage] = []
    total = 0
    for message_id, envelope, received_at in rows:
        size = len(envelope)
        if out and total + size > max_bytes:
            break
        total += size
        out.append(StoredMessage(bytes(message_id), bytes(envelope), int(received_at)))
    return out


def unique_ids(message_ids: list[bytes]) -> list[bytes]:
    """Ack ids in order with duplicates removed (a duplicate counts once)."""
    return list(dict.fromkeys(message_ids))


def totals_after(totals: Totals, mailboxes: int = 0, messages: int = 0, size: int = 0) -> Totals:
    """Relay-wide totals moved by a committed change."""
    return Totals(totals.mailboxes + mailboxes, totals.messages + messages, totals.bytes + size)
