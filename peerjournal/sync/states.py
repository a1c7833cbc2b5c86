"""The three state machines of the client: pairing, outbox message, inbox message.

Each has one state type and one transition table, ``(state, event) -> next state``; a pair
that is not in the table is not allowed, and :func:`step` says so with
:class:`NotAllowed`. The code that moves a pairing or a message asks the table rather
than testing states by hand, and ``docs/protocol.md`` section 8 draws these tables with
these names. Pure data and functions: no I/O.

Pairing (stored in ``pairings.state``)::

    (new) --INVITE_CREATED--> INVITED --JOIN_ACCEPTED--> ACTIVE
    (new) --INVITE_ACCEPTED-> JOINING --HELLO_RECEIVED-> ACTIVE
    ACTIVE --CODE_COMPARED (the user says both compared the safety code)--> VERIFIED
    INVITED --INVITE_LAPSED (a day after the invite's expiry)--> ENDED
    INVITED | JOINING | ACTIVE | VERIFIED --UNPAIRED (by me)--> ENDED
    JOINING | ACTIVE | VERIFIED --BYE_RECEIVED (from the peer)--> ENDED
    ACTIVE --HELLO_RECEIVED (again)--> ACTIVE      VERIFIED --HELLO_RECEIVED--> VERIFIED
    VERIFIED --CODE_COMPARED (again)--> VERIFIED

Content may flow in ACTIVE and VERIFIED (:data:`PAIRED`); VERIFIED only records that this
side's user confirmed comparing the safety code out of band (nothing is sent: each side
verifies for itself).

Outbox message (one ``sync_outbox`` row; its state follows from the row)::

    QUEUED --STORED (201/200)--> SENT (row deleted)
    QUEUED --HELD_BACK (network, 5xx, 429, full, clock)--> WAITING, and the rest of the
           pairing's queue waits too (its order is kept)
    QUEUED --REFUSED (the relay refuses this message only)--> WAITING
    WAITING --DUE (next_attempt reached)--> QUEUED
    QUEUED | WAITING --ABANDONED (ended pairing, undeliverable)--> DROPPED (row deleted)

Inbox message (one fetched envelope, within one transaction)::

    FETCHED --SEEN_BEFORE (relay or payload id recorded)--> DUPLICATE
    FETCHED --REFUSED (unreadable, invalid, not allowed now)--> REJECTED (recorded)
    FETCHED --VALID (applied)--> APPLIED (recorded)
    FETCHED --PAIRING_ENDED--> IGNORED (nothing applied or recorded: the pairing is over)
    FETCHED --REF_UNKNOWN (a reply/reaction before its item)--> HELD (kept in the vault;
           applied when the item arrives, dropped after 14 days)
    DUPLICATE | IGNORED | REJECTED | APPLIED | HELD --ACKNOWLEDGED (after the commit)--> ACKED
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

_K = TypeVar("_K", bound=Any)  # the states a table starts from (may include None: new)
_S = TypeVar("_S", bound=Any)  # the states it leads to
_E = TypeVar("_E", bound=Any)


class NotAllowed(ValueError):
    """An event that the state machine does not allow in the current state."""


class PairingState(StrEnum):
    """Where a pairing is; the values are what ``pairings.state`` stores."""

    INVITED = "invited"  # inviter: mailbox A made, invite handed out, waiting for a join
    JOINING = "joining"  # joiner: mailbox B made, A secured, join queued; waiting for hello
    ACTIVE = "active"  # both sides hold each other's keys; content may flow
    VERIFIED = "verified"  # ACTIVE, and this user confirmed comparing the safety code
    ENDED = "ended"  # unpaired, by either side, or an unanswered invite lapsed


class PairingEvent(StrEnum):
    """What happens to a pairing."""

    INVITE_CREATED = "invite_created"
    INVITE_ACCEPTED = "invite_accepted"
    JOIN_ACCEPTED = "join_accepted"  # the inviter received a join with a good proof
    HELLO_RECEIVED = "hello_received"
    UNPAIRED = "unpaired"
    BYE_RECEIVED = "bye_received"
    INVITE_LAPSED = "invite_lapsed"
    CODE_COMPARED = "code_compared"  # the user confirmed both compared the safety code


#: The pairing machine; ``None`` is a pairing not yet stored.
PAIRING: Mapping[tuple[PairingState | None, PairingEvent], PairingState] = {
    (None, PairingEvent.INVITE_CREATED): PairingState.INVITED,
    (None, PairingEvent.INVITE_ACCEPTED): PairingState.JOINING,
    (PairingState.INVITED, PairingEvent.JOIN_ACCEPTED): PairingState.ACTIVE,
    (PairingState.INVITED, PairingEvent.INVITE_LAPSED): PairingState.ENDED,
    (PairingState.INVITED, PairingEvent.UNPAIRED): PairingState.ENDED,
    (PairingState.JOINING, PairingEvent.HELLO_RECEIVED): PairingState.ACTIVE,
    (PairingState.JOINING, PairingEvent.UNPAIRED): PairingState.ENDED,
    (PairingState.JOINING, PairingEvent.BYE_RECEIVED): PairingState.ENDED,
    (PairingState.ACTIVE, PairingEvent.HELLO_RECEIVED): PairingState.ACTIVE,
    (PairingState.ACTIVE, PairingEvent.UNPAIRED): PairingState.ENDED,
    (PairingState.ACTIVE, PairingEvent.BYE_RECEIVED): PairingState.ENDED,
    (PairingState.ACTIVE, PairingEvent.CODE_COMPARED): PairingState.VERIFIED,
    (PairingState.VERIFIED, PairingEvent.CODE_COMPARED): PairingState.VERIFIED,
    (PairingState.VERIFIED, PairingEvent.HELLO_RECEIVED): PairingState.VERIFIED,
    (PairingState.VERIFIED, PairingEvent.UNPAIRED): PairingState.ENDED,
    (PairingState.VERIFIED, PairingEvent.BYE_RECEIVED): PairingState.ENDED,
}

#: States in which entries, replies, reactions and moods may be sent and received.
PAIRED = frozenset({PairingState.ACTIVE, PairingState.VERIFIED})


class OutboxState(StrEnum):
    """Where one outgoing message is."""

    QUEUED = "queued"  # stored in the vault, due now
    WAITING = "waiting"  # a failed attempt; due again at next_attempt
    SENT = "sent"  # the relay stored it; the row is gone
    DROPPED = "dropped"  # an ended pairing's message that can never arrive; the row is gone


class OutboxEvent(StrEnum):
    """What happens to one outgoing message."""

    STORED = "stored"
    HELD_BACK = "held_back"
    REFUSED = "refused"
    DUE = "due"
    ABANDONED = "abandoned"


#: The outbox machine (per message).
OUTBOX: Mapping[tuple[OutboxState, OutboxEvent], OutboxState] = {
    (OutboxState.QUEUED, OutboxEvent.STORED): OutboxState.SENT,
    (OutboxState.QUEUED, OutboxEvent.HELD_BACK): OutboxState.WAITING,
    (OutboxState.QUEUED, OutboxEvent.REFUSED): OutboxState.WAITING,
    (OutboxState.WAITING, OutboxEvent.DUE): OutboxState.QUEUED,
    (OutboxState.QUEUED, OutboxEvent.ABANDONED): OutboxState.DROPPED,
    (OutboxState.WAITING, OutboxEvent.ABANDONED): OutboxState.DROPPED,
}

#: Outcomes after which the rest of a pairing's queue waits as well, keeping its order.
HOLDS_THE_QUEUE = frozenset({OutboxEvent.HELD_BACK})

#: Relay codes after which the same request may well succeed later (HELD_BACK); any other
#: relay refusal concerns this message only (REFUSED). Network failures are HELD_BACK.
TRANSIENT_RELAY_CODES = frozenset(
    {"mailbox_full", "rate_limited", "relay_full", "stale_request", "replayed_request"}
)


def outbox_state(next_attempt: float, now: float) -> OutboxState:
    """The state of a stored row at time ``now``."""
    return OutboxState.QUEUED if next_attempt <= now else OutboxState.WAITING


class InboxState(StrEnum):
    """Where one fetched message is."""

    FETCHED = "fetched"
    DUPLICATE = "duplicate"
    IGNORED = "ignored"
    REJECTED = "rejected"
    APPLIED = "applied"
    HELD = "held"  # a reply or reaction whose item has not arrived yet: kept in the vault
    ACKED = "acked"


class InboxEvent(StrEnum):
    """What happens to one fetched message."""

    SEEN_BEFORE = "seen_before"
    REFUSED = "refused"
    VALID = "valid"
    PAIRING_ENDED = "pairing_ended"
    REF_UNKNOWN = "ref_unknown"  # valid, but its item is not known yet
    ACKNOWLEDGED = "acknowledged"


#: The inbox machine (per message).
INBOX: Mapping[tuple[InboxState, InboxEvent], InboxState] = {
    (InboxState.FETCHED, InboxEvent.SEEN_BEFORE): InboxState.DUPLICATE,
    (InboxState.FETCHED, InboxEvent.REFUSED): InboxState.REJECTED,
    (InboxState.FETCHED, InboxEvent.VALID): InboxState.APPLIED,
    (InboxState.FETCHED, InboxEvent.PAIRING_ENDED): InboxState.IGNORED,
    (InboxState.FETCHED, InboxEvent.REF_UNKNOWN): InboxState.HELD,
    (InboxState.DUPLICATE, InboxEvent.ACKNOWLEDGED): InboxState.ACKED,
    (InboxState.IGNORED, InboxEvent.ACKNOWLEDGED): InboxState.ACKED,
    (InboxState.REJECTED, InboxEvent.ACKNOWLEDGED): InboxState.ACKED,
    (InboxState.APPLIED, InboxEvent.ACKNOWLEDGED): InboxState.ACKED,
    (InboxState.HELD, InboxEvent.ACKNOWLEDGED): InboxState.ACKED,
}


def step(table: Mapping[tuple[_K, _E], _S], state: _K, event: _E) -> _S:
    """The state after ``event`` in ``state``, or :class:`NotAllowed`."""
    try:
        return table[(state, event)]
    except KeyError:
        raise NotAllowed(f"{event} is not allowed in state {state}") from None


def allows(table: Mapping[tuple[_K, _E], _S], state: _K, event: _E) -> bool:
    """Whether ``event`` may happen in ``state``."""
    return (state, event) in table
