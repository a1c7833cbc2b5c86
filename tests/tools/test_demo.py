"""The demo journal the screenshots show: realistic, deterministic, built through the app API."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.helpers.vault import make_session
from tools.demo import fill_demo


def test_demo_journal_is_realistic_and_deterministic(tmp_path: Path) -> None:
    first = make_session(tmp_path, "one")
    second = make_session(tmp_path, "two")
    try:
        summary = fill_demo(first, today=date(2026, 3, 1))
        fill_demo(second, today=date(2026, 3, 1))
        assert summary.entries == first.journal.count() == 60
        assert 55 <= summary.moods <= 85  # most of the 90 days have a check-in
        listed = first.journal.list(limit=100)
        assert listed[0].created.date() <= date(2026, 3, 1)
        assert listed[-1].created.date() >= date(2025, 12, 2)
        assert any(item.mood_level for item in listed)  # some entries link a mood
        assert {1, 2, 3, 4, 5} >= {log.level for log in first.mood.list()}
        assert [e.title for e in listed] == [e.title for e in second.journal.list(limit=100)]
    finally:
        first.lock()
        second.lock()
