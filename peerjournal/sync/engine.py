"""One sync round over every pairing: send the outbox, fetch, apply, acknowledge, tidy up.

Core code reports through a plain result object; the CLI prints it and the GUI turns it
into signals. Errors of one pairing never stop the others; they are collected as plain
messages.

So that the relay cannot link a user's pairings by connection, each pairing is served by
its own relay client (``relay_for`` is asked once per pairing and the client is closed
after it: no keep-alive connection carries two pairings' mailboxes), the pairings are
visited in random order, and a random pause (at most :data:`MAX_PAUSE` seconds, all of a
round's pauses together at most :data:`ROUND_PAUSE_BUDGET`) separates two pairings.
Tests inject the order's randomness (``order``) and the pause (``pause``). ``stop`` ends a
round early, before its next pairing and during a pause (the desktop app locking), and
the pairings not reached wait for the next round.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from peerjournal.errors import RelayRejected, SyncError, Text
from peerjournal.sync.inbox import apply_batch, expire_held
from peerjournal.sync.outbox import SEND_WORKERS, send_due
from peerjournal.sync.pairing import invite_lapsed, lapse
from peerjournal.sync.relay_client import Fetched, Mailbox
from peerjournal.sync.sealing import announce_version
from peerjournal.sync.states import PAIRED, PairingState
from peerjournal.sync.store import Db
from peerjournal.sync.store.outbox import drop_undeliverable, outbox_count
from peerjournal.sync.store.pairings import Pairing, get_pairing, pairings_with_work
from peerjournal.sync.store.pairings import update_pairing as _update

FETCH_LIMIT = 100
MAX_PAGES = 200
GIVE_UP_AFTER = 8  # attempts at sending what is left of an ended pairing
#: Longest pause between two pairings of a round, in seconds.
MAX_PAUSE = 2.0
#: All pauses of one round together, in seconds, however many pairings there are.
ROUND_PAUSE_BUDGET = 8.0
_SYSTEM_RANDOM = random.SystemRandom()
# Relay answers after which a message of an ended pairing can never arrive (the peer's
# mailbox is gone or was never ours to use).
HOPELESS = ("auth_failed", "already_secured")


class Relay(Protocol):
    """Every relay call the engine uses (RelayClient and the test fakes provide it)."""

    def create_mailbox(self, recipient_seed: bytes) -> Mailbox:
        """Create a mailbox."""

    def secure(self, sender_id: str, sender_seed: bytes) -> None:
        """Claim a mailbox's sending side."""

    def put_message(
        self, sender_id: str, sender_seed: bytes, message_id: str, envelope: bytes
    ) -> bool:
        """Store one envelope."""

    def fetch(
        self, recipient_id: str, recipient_seed: bytes, *, limit: int = 100, wait: int = 0
    ) -> list[Fetched]:
        """Fetch waiting messages."""

    def ack(self, recipient_id: str, recipient_seed: bytes, ids: list[str]) -> int:
        """Acknowledge messages."""

    def ack_and_fetch(
        self,
        recipient_id: str,
        recipient_seed: bytes,
        ids: list[str],
        *,
        limit: int = 100,
        wait: int = 0,
    ) -> tuple[int, list[Fetched] | None]:
        """Acknowledge messages and fetch the next ones in one request (None: the relay
        only acknowledged, fetch on your own)."""

    def delete_mailbox(self, recipient_id: str, recipient_seed: bytes) -> None:
        """Delete an own mailbox."""


@dataclass
class SyncReport:
    """What a round did, summed over pairings."""

    sent: int = 0
    received: int = 0
    duplicates: int = 0
    rejected: int = 0
    waiting: int = 0
    paired: list[str] = field(default_factory=list)
    ended: list[str] = field(default_factory=list)
    expired: list[str] = field(default_factory=list)
    errors: list[Text] = field(default_factory=list)  # "peer: problem", one per pairing


def sync_once(
    db: Db,
    relay_for: Callable[[str], Relay],
    *,
    today: date | None = None,
    now: Callable[[], float] = time.time,
    rand: Callable[[], float] = random.random,
    wait: int = 0,
    after_apply: Callable[[], None] | None = None,
    order: random.Random | None = None,
    pause: Callable[[float], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> SyncReport:
    """Run one round for every pairing that has work; never raises SyncError.

    ``relay_for`` gives a new client (new connections) for each pairing; it is closed once
    that pairing is done. ``order`` shuffles the pairings and draws the pauses (default:
    the system's randomness); ``pause`` waits that many seconds (default: sleep, cut short
    by ``stop``); once ``stop()`` is true no further pairing is visited.
    """
    report = SyncReport()
    day = (today or date.today()).isoformat()
    expire_held(db, now=now())
    rng = order or _SYSTEM_RANDOM
    stopped = stop or _never
    wait_for = pause or (lambda seconds: _pause(seconds, stopped))
    pairings = pairings_with_work(db.conn)
    rng.shuffle(pairings)
    longest = pause_limit(len(pairings))
    for index, pairing in enumerate(pairings):
        if index and not stopped():
            wait_for(rng.uniform(0.0, longest))
        if stopped():
            break
        relay = relay_for(pairing.relay_url)
        try:
            _sync_pairing(db, relay, pairing, report, day, now, rand, wait, after_apply)
        except SyncError as exc:
            report.errors.append(Text("sync.peer_problem", peer=pairing.name, problem=exc.text))
        finally:
            close_client(relay)
    report.waiting = outbox_count(db.conn)
    return report


def pause_limit(pairings: int) -> float:
    """The longest pause between two of ``pairings`` pairings in one round."""
    if pairings < 2:
        return 0.0
    return min(MAX_PAUSE, ROUND_PAUSE_BUDGET / (pairings - 1))


def close_client(relay: object) -> None:
    """Close a relay client's connections (a client without connections has no ``close``)."""
    close = getattr(relay, "close", None)
    if callable(close):
        close()


def _never() -> bool:
    return False


def pause_until(seconds: float, stop: Callable[[], bool]) -> None:
    """Sleep ``seconds``, waking every 50 ms to see whether ``stop()`` became true."""
    end = time.monotonic() + seconds
    while not stop():
        left = end - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(0.05, left))


_pause = pause_until  # the default; tests replace it so that they never wait


def _sync_pairing(
    db: Db,
    relay: Relay,
    pairing: Pairing,
    report: SyncReport,
    day: str,
    now: Callable[[], float],
    rand: Callable[[], float],
    wait: int,
    after_apply: Callable[[], None] | None,
) -> None:
    if announce_version(db, pairing.id, day=day):  # once per pairing (protocol 2)
        pairing = get_pairing(db.conn, pairing.id)
    _send(db, relay, pairing, report, now, rand)
    if pairing.state != PairingState.ENDED:
        before = pairing.state
        _receive(db, relay, pairing, report, day, wait, after_apply)
        pairing = get_pairing(db.conn, pairing.id)
        if before not in PAIRED and pairing.state in PAIRED:
            report.paired.append(pairing.name)
        if pairing.state == PairingState.ENDED:
            report.ended.append(pairing.name)
        elif invite_lapsed(pairing, now()):
            with db.transaction() as conn:
                lapse(conn, pairing)
            pairing = get_pairing(db.conn, pairing.id)
            report.expired.append(pairing.name)
        announce_version(db, pairing.id, day=day)  # a pairing that just became active
        _send(db, relay, pairing, report, now, rand)  # e.g. the hello queued by a join
    if pairing.state == PairingState.ENDED:
        _teardown(db, relay, pairing)


def _send(
    db: Db,
    relay: Relay,
    pairing: Pairing,
    report: SyncReport,
    now: Callable[[], float],
    rand: Callable[[], float],
) -> None:
    result = send_due(
        db, relay, get_pairing(db.conn, pairing.id), now=now(), rand=rand, workers=SEND_WORKERS
    )
    report.sent += result.sent
    report.errors.extend(
        Text("sync.peer_problem", peer=pairing.name, problem=e) for e in result.errors[:1]
    )


def _receive(
    db: Db,
    relay: Relay,
    pairing: Pairing,
    report: SyncReport,
    day: str,
    wait: int,
    after_apply: Callable[[], None] | None,
) -> None:
    inbox, seed = pairing.inbox_recipient_id, pairing.recipient_seed
    if seed is None:
        return
    messages: list[Fetched] | None = relay.fetch(inbox, seed, limit=FETCH_LIMIT, wait=wait)
    for page in range(MAX_PAGES):
        if messages is None:  # the relay only acknowledged (it predates ack-and-fetch)
            messages = relay.fetch(inbox, seed, limit=FETCH_LIMIT, wait=0)
        if not messages:
            return
        result = apply_batch(db, pairing.id, messages, day=day)
        # A hello is a pairing event (reported as `paired`), not something to read.
        report.received += result.applied - result.kinds.get("hello", 0)
        report.duplicates += result.duplicates
        report.rejected += result.rejected
        if after_apply is not None:
            after_apply()  # tests use this to "crash" between commit and ack
        if result.ended or len(messages) < FETCH_LIMIT or page == MAX_PAGES - 1:
            relay.ack(inbox, seed, result.ack_ids)
            return
        # a full page: more may be waiting, so the ack (after the commit) carries the
        # next fetch, one request per page instead of two
        _count, messages = relay.ack_and_fetch(inbox, seed, result.ack_ids, limit=FETCH_LIMIT)


def _teardown(db: Db, relay: Relay, pairing: Pairing) -> None:
    """Finish an ended pairing: delete the own mailbox, then forget the signing keys."""
    pairing = get_pairing(db.conn, pairing.id)
    if not pairing.inbox_deleted and pairing.recipient_seed is not None:
        try:
            relay.delete_mailbox(pairing.inbox_recipient_id, pairing.recipient_seed)
        except RelayRejected as exc:
            if exc.relay_code != "auth_failed":  # auth_failed: already gone (e.g. expired)
                raise
        with db.transaction() as conn:
            _update(conn, pairing.id, inbox_deleted=1, recipient_seed=None)
    with db.transaction() as conn:
        # A bye the peer can no longer receive (its mailbox is gone) is ABANDONED (DROPPED).
        drop_undeliverable(conn, pairing.id, max_attempts=GIVE_UP_AFTER, hopeless=HOPELESS)
    if outbox_count(db.conn, pairing.id) == 0 and pairing.sender_seed is not None:
        with db.transaction() as conn:
            _update(conn, pairing.id, sender_seed=None)
