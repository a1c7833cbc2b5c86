"""Correcting check-ins: delete one with everything needed to undo it, and undo.

A check-in can be linked from journal entries; deleting it unlinks them (the database
does that), so :func:`delete_checkin` remembers which entries were linked and
:func:`restore_checkin` puts the check-in back exactly (same id and time) and links them
again, without touching the entries' own "updated" times.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peerjournal.domain.models import MoodLog


@dataclass(frozen=True)
class DeletedCheckin:
    """A deleted check-in and the entries that were linked to it."""

    log: MoodLog
    entry_ids: tuple[str, ...]


def delete_checkin(session: Any, mood_id: str) -> DeletedCheckin:
    """Delete a check-in for good; the result can undo it (:func:`restore_checkin`)."""
    with session.transaction():
        log = session.mood.get(mood_id)
        linked = tuple(session.journal.linked_to_mood(mood_id))
        session.mood.delete(mood_id)
    return DeletedCheckin(log, linked)


def restore_checkin(session: Any, deleted: DeletedCheckin) -> MoodLog:
    """Put a deleted check-in back, linked to the same entries as before."""
    with session.transaction():
        session.mood.insert_exact(deleted.log)
        if deleted.entry_ids:
            session.journal.relink_mood(deleted.log.id, deleted.entry_ids)
    return deleted.log
