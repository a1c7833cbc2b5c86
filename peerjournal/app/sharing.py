"""Sharing use cases: preview an anonymised entry, send it, share a mood, reply and react.

Nothing leaves the vault without an explicit :meth:`SharingUseCases.share_send`: the
preview runs the anonymiser (with the user's own people and places), and the user may edit
what it shows before sending. Everything sent is kept beside what was received
(:mod:`peerjournal.sync.store.items`).
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from peerjournal.anonymise import Anonymiser, Finding, apply_findings, coarsen_datetime
from peerjournal.app.relays import PeerUseCase
from peerjournal.app.share_choices import (
    KEEP_PREF,
    REDACT_PREF,
    ShareChoices,
    check_kept_words,
    chosen_numbers,
    remember_word,
    stored_words,
    word_lists,
)
from peerjournal.errors import InvalidInput, Text
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
from peerjournal.sync.sealing import queue_for
from peerjournal.sync.states import PAIRED
from peerjournal.sync.store.items import insert_item, insert_response, item_pairing
from peerjournal.sync.store.items import resolve_item as _resolve_item
from peerjournal.sync.store.pairings import get_pairing

__all__ = [
    "KEEP_PREF",
    "MAX_REPLY",
    "PEOPLE_PREF",
    "PLACES_PREF",
    "REACTIONS",
    "REDACT_PREF",
    "Finding",
    "ShareChoices",
    "SharePreview",
]

PEOPLE_PREF = "anonymise.people"
PLACES_PREF = "anonymise.places"


@dataclass(frozen=True)
class SharePreview:
    """Exactly what would be sent: already redacted, coarse day, chosen tags only.

    ``findings`` are numbered from 1 in this order, the title's first (``title_count`` of
    them); ``redacted`` holds the indexes (from 0) of those replaced in ``title``/``body``.
    """

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
    redacted: frozenset[int] = frozenset()
    title_count: int = 0


@dataclass(frozen=True)
class _Job:
    """One message to queue: what, for whom, and (for entries) the preview it came from."""

    pairing_id: str
    kind: str
    day: str
    body: dict[str, Any]
    payload_id: str
    preview: SharePreview | None = None


class SharingUseCases(PeerUseCase):
    """Sharing for one open session."""

    def anonymiser(
        self, keep: Iterable[str] | None = None, redact: Iterable[str] | None = None
    ) -> Anonymiser:
        """The anonymiser with the user's own people and places and "always" lists.

        ``keep``/``redact`` replace the stored "always" lists (a share's own words on top).
        """
        prefs = self._session.prefs
        people = stored_words(prefs, PEOPLE_PREF)
        places = stored_words(prefs, PLACES_PREF)
        return Anonymiser(
            people=people,
            places=places,
            keep=stored_words(prefs, KEEP_PREF) if keep is None else keep,
            redact=stored_words(prefs, REDACT_PREF) if redact is None else redact,
        )

    def word_lists(self) -> tuple[builtins.list[str], builtins.list[str]]:
        """The vault's "always keep" and "always redact" lists."""
        prefs = self._session.prefs
        return stored_words(prefs, KEEP_PREF), stored_words(prefs, REDACT_PREF)

    def remember_word(self, word: str, *, keep: bool) -> str:
        """Always keep (or always redact) ``word`` from now on; returns the word as stored."""
        return remember_word(self._session.prefs, word, keep=keep)

    def share_preview(
        self,
        entry_id: str,
        peer: str,
        *,
        tags: tuple[str, ...] = (),
        content_warning: str = "",
        include_mood: bool = False,
        choices: ShareChoices | None = None,
    ) -> SharePreview:
        """Redact an entry for ``peer`` as ``choices`` say; nothing is stored or sent."""
        p = self._paired(peer)
        entry = self._session.journal.get(entry_id)
        choices = choices or ShareChoices()
        keep, redact = word_lists(self._session.prefs, choices, (entry.title, entry.body))
        anonymiser = self.anonymiser(keep=keep, redact=redact)
        title_findings = anonymiser.find(entry.title)
        body_findings = anonymiser.find(entry.body)
        findings = (*title_findings, *body_findings)
        check_kept_words(findings, choices.keep_words)
        chosen = chosen_numbers(findings, choices)
        count = len(title_findings)
        title, _ = apply_findings(
            entry.title, [title_findings[i] for i in chosen if i < count], _every
        )
        body, _ = apply_findings(
            entry.body, [body_findings[i - count] for i in chosen if i >= count], _every
        )
        own = {t.casefold(): t for t in entry.tags}
        tags_chosen: builtins.list[str] = []
        for tag in tags:
            if tag.lstrip("#@").casefold() not in own:
                raise InvalidInput("share.no_such_tag", tag=tag)
            tags_chosen.append(own[tag.lstrip("#@").casefold()])
        mood = None
        if include_mood and entry.mood_id:
            mood = self._session.mood.get(entry.mood_id).level
        return SharePreview(
            entry_id=entry.id,
            peer_id=p.id,
            peer_name=p.name,
            day=coarsen_datetime(entry.created).isoformat(),
            title=title,
            body=body,
            tags=tuple(dict.fromkeys(tags_chosen)),
            mood=mood,
            content_warning=content_warning.strip(),
            findings=findings,
            redacted=chosen,
            title_count=count,
        )

    def with_text(self, preview: SharePreview, text: str) -> SharePreview:
        """``preview`` with the user's own final text (from an editor or a pipe).

        Refuses an empty text and one too long to share; surrounding blank space is dropped,
        as the share dialog drops it.
        """
        if not isinstance(text, str) or not text.strip():
            raise InvalidInput("share.text_empty")
        body = text.strip()
        _limit(body, MAX_BODY, "field.text")
        return replace(preview, body=body)

    def share_send(self, preview: SharePreview, *, send_now: bool = True) -> str:
        """Queue the (possibly user-edited) preview for its peer; returns the item id.

        With ``send_now`` the outbox of that peer is tried at once; otherwise the next
        sync sends it.
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
        self._queue(jobs)
        if send_now:
            for peer_id in dict.fromkeys(job.pairing_id for job in jobs):
                self._try_send(peer_id)
        return [job.payload_id for job in jobs]

    def share_mood(self, peer: str, level: int) -> str:
        """Tell a peer today's mood level (1-5) and nothing else; returns the message id."""
        if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= 5:
            raise InvalidInput("share.mood_level")
        p = self._paired(peer)
        message_id = new_id()
        self._queue([_Job(p.id, "mood", self._today().isoformat(), {"level": level}, message_id)])
        self._try_send(p.id)
        return message_id

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
        conn = self._session.conn
        item_id = _resolve_item(conn, item_ref)
        p = get_pairing(conn, item_pairing(conn, item_id) or "")
        if p.state not in PAIRED:
            raise InvalidInput("peer.unpaired")
        response_id = new_id()
        day = self._today().isoformat()
        self._queue([_Job(p.id, kind, day, {"ref": item_id, **extra}, response_id)])
        self._try_send(p.id)
        return response_id

    def _queue(self, jobs: builtins.list[_Job]) -> None:
        """Seal and store every job in one transaction, with a copy of what was shared."""
        for job in jobs:  # every payload is checked before anything is stored
            encode_payload(job.kind, job.day, job.body, payload_id=job.payload_id)
        with self._session.transaction() as conn:
            for job in jobs:
                p = get_pairing(conn, job.pairing_id)
                if p.state not in PAIRED or p.peer_box_pub is None or p.box_secret is None:
                    raise InvalidInput("peer.not_paired")
                queue_for(conn, p, job.kind, job.day, job.body, payload_id=job.payload_id)
                _keep_own(conn, p.id, job)


def _keep_own(conn: Any, pairing_id: str, job: _Job) -> None:
    """Keep what this vault shared (items, replies, reactions) beside what it received."""
    if job.preview is not None:  # job.body is the entry payload built from the preview
        entry_id = job.preview.entry_id
        insert_item(conn, job.payload_id, pairing_id, "out", job.day, job.body, entry_id=entry_id)
    elif job.kind in ("reply", "reaction"):
        insert_response(
            conn,
            job.kind,
            response_id=job.payload_id,
            item_id=job.body["ref"],
            pairing_id=pairing_id,
            direction="out",
            day=job.day,
            text=job.body["text"] if job.kind == "reply" else job.body["reaction"],
        )


def _every(_finding: Finding) -> bool:
    """Apply every finding given (the chosen ones, automatic or not)."""
    return True


def _limit(text: str, limit: int, field: str) -> None:
    if len(text) > limit:
        raise InvalidInput("share.too_long", field=Text(field), limit=limit)
