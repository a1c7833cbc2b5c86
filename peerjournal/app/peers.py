"""Peer exchange use cases: invite, accept, list, unpair, share, sync, feed, reply, react, mute.

The UI and CLI call :class:`PeersService`; it wires the vault session to the sync layer
(relay client, pairing, outbox/inbox state machines) and runs the anonymiser before anything
is shared. Nothing leaves the vault without an explicit :meth:`PeersService.share_send`.
"""

from __future__ import annotations

import builtins
import json
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from peerjournal.anonymise import Anonymiser, Finding, coarsen_datetime
from peerjournal.app.session import Session
from peerjournal.crypto import envelope as env
from peerjournal.errors import InvalidInput, NotFound, SyncError, Text
from peerjournal.sync import engine, pairing, store
from peerjournal.sync.inbox import new_relay_id
from peerjournal.sync.outbox import SEND_WORKERS, send_due
from peerjournal.sync.payloads import (
    MAX_BODY,
    MAX_CW,
    MAX_REPLY,
    MAX_TAG,
    MAX_TAGS,
    MAX_TITLE,
    REACTIONS,
    encode_payload,
    new_id,
)
from peerjournal.sync.qr import invite_qr_png, invite_qr_svg, invite_qr_text
from peerjournal.sync.relay_client import RelayClient

PEOPLE_PREF = "anonymise.people"
PLACES_PREF = "anonymise.places"


@dataclass(frozen=True)
class PeerInfo:
    """A pairing as the user sees it."""

    id: str
    name: str
    my_pseudonym: str
    state: str  # invited, joining, active, ended
    role: str
    relay_url: str
    safety_code: str | None
    muted: bool
    waiting: int  # messages not yet on the relay
    invite_code: str | None
    next_step: str


@dataclass(frozen=True)
class SharePreview:
    """Exactly what would be sent: already redacted, coarse day, chosen tags only."""

    entry_id: str
    peer_id: str
    peer_name: str
    day: str
    title: str
    body: str
    tags: tuple[str, ...]
    mood: int | None
    content_warning: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Response:
    """A reply or reaction on a shared item."""

    id: str
    direction: str  # "in" from the peer, "out" from me
    day: str
    text: str  # reply text or reaction kind


@dataclass(frozen=True)
class FeedItem:
    """A shared item received from a peer, with the responses on it (no counters)."""

    id: str
    peer: str
    peer_state: str
    day: str
    title: str
    body: str
    tags: tuple[str, ...]
    mood: int | None
    content_warning: str
    replies: list[Response] = field(default_factory=list)
    reactions: list[Response] = field(default_factory=list)


@dataclass(frozen=True)
class _Job:
    """One message to queue: what, for whom, and (for entries) the preview it came from."""

    pairing_id: str
    kind: str
    day: str
    body: dict[str, Any]
    payload_id: str
    preview: SharePreview | None


def _record_own(conn: Any, pairing_id: str, job: _Job) -> None:
    """Keep what this vault shared (items, replies, reactions) beside what it received."""
    if job.preview is not None:
        item = {
            "id": job.payload_id,
            "pairing_id": pairing_id,
            "direction": "out",
            "entry_id": job.preview.entry_id,
            "day": job.day,
            **job.body,
        }
        store.insert_item(conn, item)
    elif job.kind in ("reply", "reaction"):
        table = "item_replies" if job.kind == "reply" else "item_reactions"
        row = {
            "id": job.payload_id,
            "item_id": job.body["ref"],
            "pairing_id": pairing_id,
            "direction": "out",
            "day": job.day,
            "text": job.body.get("text", ""),
            "reaction": job.body.get("reaction", ""),
        }
        store.insert_response(conn, table, row)


class _SessionDb:
    """Adapts a :class:`Session` to the sync layer's ``Db`` protocol."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @property
    def conn(self) -> Any:
        return self._session.connection

    def transaction(self) -> AbstractContextManager[Any]:
        return self._session.transaction()


class PeersService:
    """Peer exchange for one open session (not thread-safe, like every service)."""

    def __init__(
        self,
        session: Session,
        *,
        relay_for: Callable[[str], engine.Relay] | None = None,
        clock: Callable[[], float] = time.time,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._session = session
        self._db = _SessionDb(session)
        self._clients: dict[str, engine.Relay] = {}
        self._relay_for = relay_for or self._default_relay
        self._clock = clock
        self._today = today

    def _default_relay(self, url: str) -> engine.Relay:
        if url not in self._clients:
            self._clients[url] = RelayClient(url)
        return self._clients[url]

    def close(self) -> None:
        """Close pooled relay connections."""
        for client in self._clients.values():
            closer = getattr(client, "close", None)
            if callable(closer):
                closer()
        self._clients.clear()

    # -- pairing ---------------------------------------------------------------------------

    def invite(self, relay_url: str, *, pseudonym: str | None = None) -> tuple[PeerInfo, str]:
        """Create a one-time invite on ``relay_url``; returns the pending peer and the code."""
        relay = self._relay_for(relay_url.rstrip("/"))
        created = pairing.create_invite(
            self._db, relay, relay_url, pseudonym=pseudonym, now=int(self._clock())
        )
        return self._info(created.pairing), created.code

    def accept(self, code: str, *, pseudonym: str | None = None) -> PeerInfo:
        """Join with an invite code; the join message goes out at once when the relay answers."""
        p = pairing.accept_invite(
            self._db,
            self._relay_for,
            code,
            pseudonym=pseudonym,
            now=int(self._clock()),
            today=self._today(),
        )
        self._try_send(p.id)
        return self._info(store.get_pairing(self._db.conn, p.id))

    def list(self, *, include_ended: bool = False) -> list[PeerInfo]:
        """Pairings, oldest first."""
        rows = store.list_pairings(self._db.conn, include_ended=include_ended)
        return [self._info(p) for p in rows]

    def get(self, name: str) -> PeerInfo:
        """A live pairing by name or id prefix."""
        return self._info(store.find_pairing(self._db.conn, name))

    def remove(self, name: str) -> PeerInfo:
        """Unpair: queue a bye, mark ended, forget keys; the relay side is tidied at once if
        reachable, otherwise by the next sync."""
        p = store.find_pairing(self._db.conn, name)
        pairing.unpair(self._db, p.id, today=self._today())
        self.sync()
        return self._info(store.get_pairing(self._db.conn, p.id))

    def mute(self, name: str, muted: bool = True) -> PeerInfo:
        """Hide (or show again) a peer's items in the feed; nothing is sent."""
        p = store.find_pairing(self._db.conn, name)
        with self._db.transaction() as conn:
            store.update_pairing(conn, p.id, muted=int(muted))
        return self._info(store.get_pairing(self._db.conn, p.id))

    # -- sharing ---------------------------------------------------------------------------

    def anonymiser(self) -> Anonymiser:
        """The anonymiser with the user's own people and places lists."""
        people = self._session.prefs.get(PEOPLE_PREF, []) or []
        places = self._session.prefs.get(PLACES_PREF, []) or []
        return Anonymiser(people=[str(x) for x in people], places=[str(x) for x in places])

    def share_preview(
        self,
        entry_id: str,
        peer: str,
        *,
        tags: tuple[str, ...] = (),
        content_warning: str = "",
        include_mood: bool = False,
    ) -> SharePreview:
        """Redact an entry for ``peer``; nothing is stored or sent."""
        p = self._active(peer)
        entry = self._session.journal.get(entry_id)
        anonymiser = self.anonymiser()
        title = anonymiser.redact(entry.title)
        body = anonymiser.redact(entry.body)
        own = {t.casefold(): t for t in entry.tags}
        chosen: list[str] = []
        for tag in tags:
            if tag.lstrip("#@").casefold() not in own:
                raise InvalidInput("share.no_such_tag", tag=tag)
            chosen.append(own[tag.lstrip("#@").casefold()])
        mood = None
        if include_mood and entry.mood_id:
            mood = self._session.mood.get(entry.mood_id).level
        return SharePreview(
            entry_id=entry.id,
            peer_id=p.id,
            peer_name=p.name,
            day=coarsen_datetime(entry.created).isoformat(),
            title=title.text,
            body=body.text,
            tags=tuple(dict.fromkeys(chosen)),
            mood=mood,
            content_warning=content_warning.strip(),
            findings=title.findings + body.findings,
        )

    def share_send(self, preview: SharePreview, *, send_now: bool = True) -> str:
        """Queue the (possibly user-edited) preview for its peer; returns the item id.

        With ``send_now`` the outbox of that peer is tried at once; otherwise the next
        :meth:`sync` sends it.
        """
        return self.share_send_many([preview], send_now=send_now)[0]

    def share_send_many(
        self, previews: Iterable[SharePreview], *, send_now: bool = True
    ) -> builtins.list[str]:
        """Queue several previews in one transaction (all or none); returns the item ids."""
        jobs = []
        for preview in previews:
            _limit(preview.title, MAX_TITLE, "field.title")
            _limit(preview.body, MAX_BODY, "field.text")
            _limit(preview.content_warning, MAX_CW, "field.content_warning")
            if len(preview.tags) > MAX_TAGS or any(len(t) > MAX_TAG for t in preview.tags):
                raise InvalidInput("share.tags")
            body = {
                "title": preview.title,
                "body": preview.body,
                "tags": list(preview.tags),
                "mood": preview.mood,
                "content_warning": preview.content_warning,
            }
            jobs.append(_Job(preview.peer_id, "entry", preview.day, body, new_id(), preview))
        self._queue_all(jobs)
        if send_now:
            for peer_id in dict.fromkeys(job.pairing_id for job in jobs):
                self._try_send(peer_id)
        return [job.payload_id for job in jobs]

    def share_mood(self, peer: str, level: int) -> str:
        """Tell a peer today's mood level (1-5) and nothing else; returns the message id."""
        if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= 5:
            raise InvalidInput("share.mood_level")
        p = self._active(peer)
        message_id = new_id()
        self._queue(p.id, "mood", self._today().isoformat(), {"level": level}, message_id)
        self._try_send(p.id)
        return message_id

    def peer_moods(self, peer: str) -> builtins.list[tuple[str, int]]:
        """(day, level) of the mood check-ins a peer shared, newest first."""
        p = store.find_pairing(self._db.conn, peer)
        rows = self._db.conn.execute(
            "SELECT day, level FROM peer_moods WHERE pairing_id = ? ORDER BY day DESC, received"
            " DESC",
            (p.id,),
        ).fetchall()
        return [(str(r[0]), int(r[1])) for r in rows]

    def reply(self, item_id: str, text: str) -> str:
        """Reply to a shared item (either direction); returns the reply id."""
        text = text.strip()
        if not text:
            raise InvalidInput("share.empty_reply")
        _limit(text, MAX_REPLY, "field.reply")
        return self._respond(item_id, "reply", {"text": text})

    def react(self, item_id: str, reaction: str) -> str:
        """React to a shared item with one of heart, hug, strength, same, thanks."""
        if reaction not in REACTIONS:
            raise InvalidInput("share.reaction", reactions=", ".join(REACTIONS))
        return self._respond(item_id, "reaction", {"reaction": reaction})

    def _respond(self, item_ref: str, kind: str, extra: dict[str, str]) -> str:
        item_id = store.resolve_item(self._db.conn, item_ref)
        pairing_id = store.item_pairing(self._db.conn, item_id)
        p = store.get_pairing(self._db.conn, pairing_id or "")
        if p.state != "active":
            raise InvalidInput("peer.unpaired")
        body = {"ref": item_id, **extra}
        response_id = new_id()
        self._queue(p.id, kind, self._today().isoformat(), body, response_id)
        self._try_send(p.id)
        return response_id

    def _queue(
        self, pairing_id: str, kind: str, day: str, body: dict[str, Any], payload_id: str
    ) -> None:
        self._queue_all([_Job(pairing_id, kind, day, body, payload_id, None)])

    def _queue_all(self, jobs: builtins.list[_Job]) -> None:
        sealed_jobs = [
            (job, encode_payload(job.kind, job.day, job.body, payload_id=job.payload_id))
            for job in jobs
        ]
        with self._db.transaction() as conn:
            for job, raw in sealed_jobs:
                p = store.get_pairing(conn, job.pairing_id)
                if p.state != "active" or p.peer_box_pub is None or p.box_secret is None:
                    raise InvalidInput("peer.not_paired")
                sealed = env.seal_box(raw, p.peer_box_pub, p.box_secret)
                store.enqueue(conn, p.id, job.kind, new_relay_id(), sealed)
                _record_own(conn, p.id, job)

    # -- sync and feed ---------------------------------------------------------------------

    def sync(self, *, wait: int = 0) -> engine.SyncReport:
        """One round: send the outbox, fetch, apply, acknowledge; errors are in the report."""
        return engine.sync_once(
            self._db, self._relay_for, today=self._today(), now=self._clock, wait=wait
        )

    def feed(self, *, limit: int = 50, offset: int = 0) -> builtins.list[FeedItem]:
        """Items received from peers (muted peers left out), newest first."""
        items: builtins.list[FeedItem] = []
        for row in store.iter_feed_rows(self._db.conn, limit=limit, offset=offset):
            item_id = row[0]
            items.append(
                FeedItem(
                    id=item_id,
                    peer=row[2],
                    peer_state=row[9],
                    day=row[3],
                    title=row[4],
                    body=row[5],
                    tags=tuple(json.loads(row[6])),
                    mood=row[7],
                    content_warning=row[8],
                    replies=self._responses("item_replies", item_id),
                    reactions=self._responses("item_reactions", item_id),
                )
            )
        return items

    def shared(self, *, limit: int = 50, offset: int = 0) -> builtins.list[FeedItem]:
        """Items the user shared, newest first, with the replies and reactions they got."""
        rows = self._db.conn.execute(
            "SELECT i.id, p.name, p.state, i.day, i.title, i.body, i.tags, i.mood,"
            " i.content_warning FROM shared_items i JOIN pairings p ON p.id = i.pairing_id"
            " WHERE i.direction = 'out' ORDER BY i.day DESC, i.seq DESC LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        return [
            FeedItem(
                id=r[0],
                peer=r[1],
                peer_state=r[2],
                day=r[3],
                title=r[4],
                body=r[5],
                tags=tuple(json.loads(r[6])),
                mood=r[7],
                content_warning=r[8],
                replies=self._responses("item_replies", r[0]),
                reactions=self._responses("item_reactions", r[0]),
            )
            for r in rows
        ]

    def _responses(self, table: str, item_id: str) -> builtins.list[Response]:
        column = "text" if table == "item_replies" else "reaction"
        rows = self._db.conn.execute(
            f"SELECT id, direction, day, {column} FROM {table} WHERE item_id = ?"  # noqa: S608
            " ORDER BY seq",
            (item_id,),
        ).fetchall()
        return [Response(r[0], r[1], r[2], r[3]) for r in rows]

    def _try_send(self, pairing_id: str) -> None:
        p = store.get_pairing(self._db.conn, pairing_id)
        try:
            send_due(
                self._db,
                self._relay_for(p.relay_url),
                p,
                now=self._clock(),
                rand=_random,
                workers=SEND_WORKERS,
            )
        except SyncError:
            return  # stays in the outbox; the next sync sends it

    # -- helpers ---------------------------------------------------------------------------

    def _active(self, name: str) -> store.Pairing:
        p = store.find_pairing(self._db.conn, name)
        if p.state != "active":
            raise InvalidInput("peer.not_active", name=p.name)
        return p

    def _info(self, p: store.Pairing) -> PeerInfo:
        return PeerInfo(
            id=p.id,
            name=p.name,
            my_pseudonym=p.my_pseudonym,
            state=p.state,
            role=p.role,
            relay_url=p.relay_url,
            safety_code=p.safety_code,
            muted=bool(p.muted),
            waiting=store.outbox_count(self._db.conn, p.id),
            invite_code=p.invite_code,
            next_step=_next_step(p),
        )


def _next_step(p: store.Pairing) -> str:
    if p.state == "invited":
        return (
            "Give your peer the invite code (or let them scan the QR code). "
            "After they accept it, run `peerjournal sync` to finish pairing."
        )
    if p.state == "joining":
        return (
            "Ask your peer to run `peerjournal sync`, then run it yourself to finish "
            "pairing. Compare the safety code with your peer."
        )
    if p.state == "active":
        return "Paired. Compare the safety code with your peer by phone or in person."
    return "This pairing has ended."


def _limit(text: str, limit: int, field: str) -> None:
    if len(text) > limit:
        raise InvalidInput("share.too_long", field=Text(field), limit=limit)


def _random() -> float:
    import random

    return random.random()


@contextmanager
def peers_service(session: Session) -> Iterator[PeersService]:
    """A :class:`PeersService` whose relay connections are closed afterwards."""
    service = PeersService(session)
    try:
        yield service
    finally:
        service.close()


__all__ = [
    "FeedItem",
    "NotFound",
    "PeerInfo",
    "PeersService",
    "Response",
    "SharePreview",
    "invite_qr_png",
    "invite_qr_svg",
    "invite_qr_text",
    "peers_service",
]
