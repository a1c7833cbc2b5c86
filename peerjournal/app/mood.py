"""Mood use cases: check-ins, editable labels and vocabularies, insights.

SQL text is composed only from fixed fragments (S608 waivers); values are bound.
"""

from __future__ import annotations

import builtins
import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from peerjournal.app.prefs import VaultPrefs
from peerjournal.domain import stats
from peerjournal.domain.models import (
    DEFAULT_ACTIVITIES,
    DEFAULT_EMOTIONS,
    DEFAULT_MOOD_LABELS,
    MAX_NOTE_CHARS,
    MOOD_LEVELS,
    MoodLog,
    aware,
    check_level,
    check_text,
    epoch_us,
    normalise_names,
)
from peerjournal.domain.timestamps import check_moment, day_bounds_us
from peerjournal.errors import InvalidInput, NotFound
from peerjournal.vault.store import Vault, translated_errors

PREF_LABELS = "mood.labels"
PREF_EMOTIONS = "mood.emotions"
PREF_ACTIVITIES = "mood.activities"
_COLUMNS = "id, at, level, emotions, activities, note"


def _row(row: Sequence[Any]) -> MoodLog:
    return MoodLog(
        id=row[0],
        at=datetime.fromisoformat(row[1]),
        level=int(row[2]),
        emotions=tuple(json.loads(row[3])),
        activities=tuple(json.loads(row[4])),
        note=row[5],
    )


def _note(note: object) -> str:
    return check_text(note, "field.note", MAX_NOTE_CHARS)


class MoodService:
    """Mood logs of one open vault. Not thread-safe."""

    def __init__(self, vault: Vault, prefs: VaultPrefs) -> None:
        self._vault = vault
        self._prefs = prefs

    def add(
        self,
        level: int,
        *,
        emotions: Iterable[str] = (),
        activities: Iterable[str] = (),
        note: str = "",
        at: datetime | None = None,
    ) -> MoodLog:
        """Record a check-in (several per day are fine)."""
        log = MoodLog(
            id=str(uuid.uuid4()),
            at=aware(at),
            level=check_level(level),
            emotions=normalise_names(emotions, "field.emotion"),
            activities=normalise_names(activities, "field.activity"),
            note=_note(note),
        )
        with self._vault.transaction() as conn:
            _insert(conn, log)
        return log

    def insert_exact(self, log: MoodLog) -> None:
        """Store a mood log exactly as given (id and time): for lossless imports."""
        checked = _checked_exact(log)
        with self._vault.transaction() as conn:
            _insert(conn, checked)

    def insert_exact_many(self, logs: Iterable[MoodLog], *, checked: bool = False) -> None:
        """:meth:`insert_exact` for many logs in one savepoint: all or none (imports).

        ``checked``: as for ``JournalService.insert_exact_many`` (the logs passed
        ``importers.source.checked_mood``, the same rules).
        """
        rows = list(logs) if checked else [_checked_exact(log) for log in logs]
        if not rows:
            return
        with self._vault.transaction() as conn:
            # One multi-row statement per chunk: each statement of its own makes the
            # search index flush what it holds (see JournalService.insert_exact_many).
            for start in range(0, len(rows), _ROWS_PER_STATEMENT):
                chunk = rows[start : start + _ROWS_PER_STATEMENT]
                conn.execute(
                    _INSERT + ", ".join([_VALUES] * len(chunk)),
                    [value for log in chunk for value in _row_values(log)],
                )

    def get(self, mood_id: str) -> MoodLog:
        """One mood log by id."""
        with translated_errors():
            row = self._vault.conn.execute(
                f"SELECT {_COLUMNS} FROM mood_logs WHERE id = ?",  # noqa: S608
                (mood_id,),
            ).fetchone()
        if row is None:
            raise NotFound("mood.not_found")
        return _row(row)

    def resolve(self, prefix: str) -> str:
        """The full id of the one mood log whose id starts with ``prefix`` (4+ characters)."""
        if not isinstance(prefix, str):
            raise NotFound("mood.not_found")
        key = prefix.strip().lower()
        if len(key) < 4:
            raise NotFound("mood.id_too_short")
        with translated_errors():
            rows = self._vault.conn.execute(
                "SELECT id FROM mood_logs WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                (key, key + "\uffff"),
            ).fetchall()
        ids = [str(row[0]) for row in rows]
        if key in ids:
            return key
        if not ids:
            raise NotFound("mood.not_found")
        if len(ids) > 1:
            raise NotFound("mood.id_ambiguous")
        return ids[0]

    def update(
        self,
        mood_id: str,
        *,
        level: int | None = None,
        emotions: Iterable[str] | None = None,
        activities: Iterable[str] | None = None,
        note: str | None = None,
        at: datetime | None = None,
    ) -> MoodLog:
        """Change only the given fields."""
        sets: builtins.list[str] = []
        args: builtins.list[Any] = []
        if level is not None:
            sets.append("level = ?")
            args.append(check_level(level))
        if emotions is not None:
            sets.append("emotions = ?")
            args.append(
                json.dumps(list(normalise_names(emotions, "field.emotion")), ensure_ascii=False)
            )
        if activities is not None:
            sets.append("activities = ?")
            names = normalise_names(activities, "field.activity")
            args.append(json.dumps(list(names), ensure_ascii=False))
        if note is not None:
            sets.append("note = ?")
            args.append(_note(note))
        if at is not None:
            moment = aware(at)
            sets += ["at = ?", "at_us = ?", "day = ?"]
            args += [moment.isoformat(), epoch_us(moment), moment.date().isoformat()]
        with self._vault.transaction() as conn:
            if sets:
                cur = conn.execute(
                    f"UPDATE mood_logs SET {', '.join(sets)} WHERE id = ?",  # noqa: S608
                    (*args, mood_id),
                )
                if cur.rowcount == 0:
                    raise NotFound("mood.not_found")
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM mood_logs WHERE id = ?",  # noqa: S608
                (mood_id,),
            ).fetchone()
            if row is None:
                raise NotFound("mood.not_found")
        return _row(row)

    def delete(self, mood_id: str) -> None:
        """Delete a mood log for good; entries linked to it keep their text."""
        with self._vault.transaction() as conn:
            cur = conn.execute("DELETE FROM mood_logs WHERE id = ?", (mood_id,))
            if cur.rowcount == 0:
                raise NotFound("mood.not_found")

    def list(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> builtins.list[MoodLog]:
        """Mood logs, newest first, optionally between two of the user's local days
        (inclusive; see :func:`peerjournal.domain.timestamps.day_bounds_us`).

        ``offset`` skips that many of the newest (for paged lists).
        """
        clauses: builtins.list[str] = []
        args: builtins.list[Any] = []
        start, end = day_bounds_us(since, until)
        if start is not None:
            clauses.append("at_us >= ?")
            args.append(start)
        if end is not None:
            clauses.append("at_us < ?")
            args.append(end)
        sql = f"SELECT {_COLUMNS} FROM mood_logs"  # noqa: S608
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY at_us DESC, rid DESC"
        if limit is not None and (not isinstance(limit, int) or limit < 0):
            raise InvalidInput("list.limit_negative")
        if not isinstance(offset, int) or offset < 0:
            raise InvalidInput("list.offset")
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            args += [-1 if limit is None else limit, offset]
        with translated_errors():
            rows = self._vault.conn.execute(sql, args).fetchall()
        return [_row(row) for row in rows]

    # -- vocabularies --------------------------------------------------------------------

    def labels(self) -> dict[int, str]:
        """Level → the user's label (defaults: Awful, Bad, Okay, Good, Great)."""
        stored = self._prefs.get(PREF_LABELS, {})
        labels = dict(DEFAULT_MOOD_LABELS)
        if isinstance(stored, dict):
            for key, value in stored.items():
                if str(key).isdigit() and int(key) in MOOD_LEVELS and isinstance(value, str):
                    labels[int(key)] = value
        return labels

    def set_labels(self, labels: dict[int, str]) -> None:
        """Replace some or all level labels (levels 1..5, non-empty text)."""
        merged = self.labels()
        for level, label in labels.items():
            check_level(level)
            if not isinstance(label, str) or not label.strip() or len(label) > 50:
                raise InvalidInput("mood.label")
            merged[level] = label.strip()
        self._prefs.set(PREF_LABELS, {str(k): v for k, v in merged.items()})

    def emotions(self) -> builtins.list[str]:
        """The user's emotion vocabulary."""
        stored = self._prefs.get(PREF_EMOTIONS)
        return list(stored) if isinstance(stored, list) else list(DEFAULT_EMOTIONS)

    def set_emotions(self, names: builtins.list[str]) -> None:
        """Replace the emotion vocabulary (past logs keep their words)."""
        self._prefs.set(PREF_EMOTIONS, list(normalise_names(names, "field.emotion")))

    def activities(self) -> builtins.list[str]:
        """The user's activity vocabulary."""
        stored = self._prefs.get(PREF_ACTIVITIES)
        return list(stored) if isinstance(stored, list) else list(DEFAULT_ACTIVITIES)

    def set_activities(self, names: builtins.list[str]) -> None:
        """Replace the activity vocabulary (past logs keep their words)."""
        self._prefs.set(PREF_ACTIVITIES, list(normalise_names(names, "field.activity")))

    def insights(
        self, *, since: date | None = None, until: date | None = None, year: int | None = None
    ) -> stats.Insights:
        """Statistics over the mood logs between two days (inclusive).

        ``year`` picks the year-in-pixels year (default: the year of the newest log).
        """
        return stats.build_insights(self.list(since=since, until=until), year=year)


def _checked_exact(log: MoodLog) -> MoodLog:
    if log.at.tzinfo is None:
        raise InvalidInput("mood.time_no_zone")
    return MoodLog(
        id=log.id,
        at=check_moment(log.at),
        level=check_level(log.level),
        emotions=normalise_names(log.emotions, "field.emotion"),
        activities=normalise_names(log.activities, "field.activity"),
        note=_note(log.note),
    )


_INSERT = "INSERT INTO mood_logs (id, at, at_us, day, level, emotions, activities, note) VALUES "
_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?)"
#: Rows per multi-row INSERT (8 values each).
_ROWS_PER_STATEMENT = 500


#: The JSON of name lists already written: a journal uses a few dozen emotions and
#: activities, so the same short lists come back in log after log (an import of 100,000
#: Daylio rows made 200,000 json.dumps calls). Bounded in count and in length.
_NAMES_JSON: dict[tuple[str, ...], str] = {}
_NAMES_JSON_MAX = 4096


def _names_json(names: tuple[str, ...]) -> str:
    """``json.dumps(list(names), ensure_ascii=False)``, remembered for short lists."""
    text = _NAMES_JSON.get(names) if type(names) is tuple else None
    if text is None:
        text = json.dumps(list(names), ensure_ascii=False)
        if type(names) is tuple and len(text) <= 256:
            if len(_NAMES_JSON) >= _NAMES_JSON_MAX:
                _NAMES_JSON.clear()
            _NAMES_JSON[names] = text
    return text


def _row_values(log: MoodLog) -> tuple[Any, ...]:
    return (
        log.id,
        log.at.isoformat(),
        epoch_us(log.at),
        log.at.date().isoformat(),
        log.level,
        _names_json(log.emotions),
        _names_json(log.activities),
        log.note,
    )


def _insert(conn: Any, log: MoodLog) -> None:
    conn.execute(_INSERT + _VALUES, _row_values(log))
