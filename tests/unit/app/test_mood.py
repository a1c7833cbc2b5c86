"""Mood service: check-ins, edits, vocabularies and labels stored in the vault."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from peerjournal.app.session import Session, open_vault
from peerjournal.errors import InvalidInput, NotFound
from tests.helpers.vault import PASSPHRASE, make_session

TZ = timezone(timedelta(hours=9))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = make_session(tmp_path)
    yield s
    if not s.locked:
        s.lock()


def test_add_get_list(session: Session, local_zone: Callable[[str], None]) -> None:
    local_zone("UTC")
    morning = session.mood.add(
        2, emotions=["tired", "Tired", " anxious "], activities=["study"], note="exam",
        at=datetime(2026, 6, 1, 8, tzinfo=TZ),
    )  # fmt: skip
    evening = session.mood.add(4, activities=["walk"], at=datetime(2026, 6, 1, 20, tzinfo=TZ))
    assert morning.emotions == ("tired", "anxious")
    assert session.mood.get(morning.id) == morning
    assert [m.id for m in session.mood.list()] == [evening.id, morning.id]
    assert [m.id for m in session.mood.list(limit=1)] == [evening.id]
    assert session.mood.list(since=date(2026, 6, 2)) == []
    # Days are the user's local days: in UTC the morning log was still on 31 May.
    assert [m.id for m in session.mood.list(since=date(2026, 6, 1), until=date(2026, 6, 1))] == [
        evening.id
    ]
    assert len(session.mood.list(since=date(2026, 5, 31), until=date(2026, 6, 1))) == 2


@pytest.mark.parametrize("level", [0, 6, -1, 3.5, "3", True, None])
def test_invalid_levels(session: Session, level: object) -> None:
    with pytest.raises(InvalidInput):
        session.mood.add(level)  # type: ignore[arg-type]
    assert session.mood.list() == []


def test_naive_time_rejected(session: Session) -> None:
    with pytest.raises(InvalidInput):
        session.mood.add(3, at=datetime(2026, 1, 1, 12))


def test_update_and_delete(session: Session) -> None:
    log = session.mood.add(3, note="meh")
    changed = session.mood.update(log.id, level=5, activities=["friends"])
    assert (changed.level, changed.activities, changed.note) == (5, ("friends",), "meh")
    assert session.mood.get(log.id) == changed
    with pytest.raises(InvalidInput):
        session.mood.update(log.id, level=9)
    session.mood.delete(log.id)
    with pytest.raises(NotFound):
        session.mood.get(log.id)
    with pytest.raises(NotFound):
        session.mood.delete(log.id)
    with pytest.raises(NotFound):
        session.mood.update(log.id, level=2)


def test_labels_and_vocabularies_persist_in_vault(tmp_path: Path, session: Session) -> None:
    assert session.mood.labels() == {1: "Awful", 2: "Bad", 3: "Okay", 4: "Good", 5: "Great"}
    assert "walk" in session.mood.activities() and "anxious" in session.mood.emotions()
    session.mood.set_labels({1: "Rough", 5: "Bright"})
    session.mood.set_emotions(["calm", "Calm", "", "tense"])
    session.mood.set_activities(["yoga"])
    with pytest.raises(InvalidInput):
        session.mood.set_labels({6: "x"})
    with pytest.raises(InvalidInput):
        session.mood.set_labels({2: "  "})
    session.lock()
    again = open_vault(tmp_path / "vault", PASSPHRASE)
    assert again.mood.labels()[1] == "Rough" and again.mood.labels()[3] == "Okay"
    assert again.mood.emotions() == ["calm", "tense"]
    assert again.mood.activities() == ["yoga"]
    again.lock()


def test_prefs_round_trip(session: Session) -> None:
    assert session.prefs.get("missing", 7) == 7
    session.prefs.set("people", ["Ana", "Bo"])
    session.prefs.set("people", ["Ana"])
    assert session.prefs.get("people") == ["Ana"]
    with pytest.raises(InvalidInput):
        session.prefs.set("bad", {1, 2})


def test_insights_from_service(session: Session) -> None:
    for day in range(1, 8):
        session.mood.add(
            4 if day % 2 else 2,
            activities=["walk"] if day % 2 else [],
            at=datetime(2026, 6, day, 12, tzinfo=TZ),
        )
    insights = session.mood.insights()
    assert len(insights.daily) == 7
    [walk] = insights.activities
    assert (walk.days_with, walk.mean_with, walk.days_without, walk.mean_without) == (4, 4, 3, 2)
    assert "On 4 days with walk your average mood was 4.0; on 3 days without it, 2.0." in (
        insights.sentences()
    )
    assert len(session.mood.insights(since=date(2026, 6, 5)).daily) == 3
