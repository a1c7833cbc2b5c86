"""Round trips: export → import into a fresh vault → the same journal, for JSON and Markdown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from peerjournal.app.export import ExportOptions, export_to
from peerjournal.app.session import Session
from peerjournal.app.transfer import import_file
from tests.helpers.vault import make_session

ZONES = [
    timezone(timedelta(hours=2)),
    timezone(timedelta(hours=-4)),
    timezone(timedelta(hours=5, minutes=45)),
    timezone(timedelta(hours=-9, minutes=-30)),
    UTC,
]
BODIES = [
    "Windows lines\r\nkept\r\n",
    "trailing spaces   \nand a tab\t",
    "emoji 😀👨‍👩‍👧 and CJK 今日は晴れ",
    "",
    "---\nstarts with a rule\n---\nand looks like front matter",
    'quotes " and \\ backslashes, `code`, # not a heading',
    "no newline at the end",
]
TITLES = ["", "Evening", "../../etc/passwd", "CON", "Ünïcode — dash", "Evening", "a" * 300]


def fill(session: Session) -> None:
    base = datetime(2024, 3, 30, 22, 15, 7)
    for n in range(35):
        zone = ZONES[n % len(ZONES)]
        created = (base + timedelta(hours=7 * n, seconds=n)).replace(tzinfo=zone)
        entry = session.journal.add(
            BODIES[n % len(BODIES)] or "x",
            title=TITLES[n % len(TITLES)],
            tags=[["work"], [], ["long walks", "Ä tag"], ["家族"]][n % 4],
            starred=n % 3 == 0,
            created=created,
        )
        if n % 5 == 0:
            session.journal.update(entry.id, body=BODIES[n % len(BODIES)] + " edited")
        if n % 4 == 1:  # a linked mood log, an hour earlier, in another zone
            log = session.mood.add(
                1 + n % 5,
                at=(created - timedelta(hours=1)).astimezone(ZONES[(n + 1) % len(ZONES)]),
                emotions=[["calm"], [], ["anxious", "Hoffnung 🌱"]][n % 3],
                activities=[[], ["walk", "family"], ["学校"]][n % 3],
                note=["", 'slept badly\r\nthen "better"', "\u2028odd line\x85break"][n % 3],
            )
            session.journal.update(entry.id, mood_id=log.id)


def content(session: Session) -> list[tuple[object, ...]]:
    """Every live entry with its linked mood log, as stored."""
    rows = session.conn.execute(
        "SELECT e.id, e.created, e.updated, e.title, e.body, e.tags, e.starred, e.mood_id,"
        " m.at, m.level, m.emotions, m.activities, m.note FROM entries e"
        " LEFT JOIN mood_logs m ON m.id = e.mood_id"
        " WHERE e.trashed = 0 ORDER BY e.created_us, e.id"
    ).fetchall()
    return [tuple(row) for row in rows]


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_export_then_import_into_a_fresh_vault_gives_the_same_entries(
    tmp_path: Path, fmt: str
) -> None:
    first = make_session(tmp_path, "first")
    fill(first)
    target = tmp_path / ("export.json" if fmt == "json" else "export-md")
    report = export_to(first, target, ExportOptions(format=fmt))
    assert report.entries == 35
    second = make_session(tmp_path, "second")
    imported = import_file(second, target, "json" if fmt == "json" else "markdown")
    assert imported.entries_added == 35 and imported.problems == ()
    before, after = content(first), content(second)
    # ids, times with their offsets to the microsecond, text, tags, stars, mood logs
    assert after == before
    offsets = {row[1][-6:] for row in after}
    assert {"+02:00", "-04:00", "+05:45", "-09:30", "+00:00"} <= offsets
    assert imported.moods_added == 9 and sum(row[7] is not None for row in after) == 9
    assert len({row[12] for row in after if row[7]}) == 3, "each kind of note came through"
    again = import_file(second, target, "json" if fmt == "json" else "markdown")
    assert again.entries_added == 0 and again.moods_added == 0, "a re-import adds nothing"


def test_markdown_export_of_a_filtered_range_imports_only_that_range(tmp_path: Path) -> None:
    first = make_session(tmp_path, "first")
    fill(first)
    opts = ExportOptions(format="md", tags=("long walks",))
    export_to(first, tmp_path / "walks", opts)
    second = make_session(tmp_path, "second")
    import_file(second, tmp_path / "walks", "markdown")
    assert [row[5] for row in content(second)] == ["long walks\nÄ tag"] * len(content(second))
    assert 0 < len(content(second)) < 35
