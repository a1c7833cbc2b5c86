"""The check-in history: by day, edit and delete with the keyboard, undo, charts follow;
and the daily chart's time axis: ticks on whole days, Mondays or months."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerjournal.ui.kit.i18n import install_translator
from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.mood.charts import day_x, time_ticks
from peerjournal.ui.mood.history import HeadingRole, LogRole
from peerjournal.ui.mood.page import MoodPage
from tests.helpers.gui import run_job


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    prefs = UiPrefs()
    prefs.set(LANGUAGE, "en")
    install_translator(qapp, prefs)


def _at(days_ago: int, hour: int = 12) -> datetime:
    return datetime.combine(date.today() - timedelta(days=days_ago), time(hour)).astimezone()


@pytest.fixture
def page(qtbot, worker: DbWorker) -> Iterator[MoodPage]:
    page = MoodPage(worker)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    yield page
    qtbot.waitUntil(lambda: not worker.busy)


def _refresh(qtbot, page: MoodPage) -> None:
    with qtbot.waitSignal(page.refreshed), qtbot.waitSignal(page.history.loaded):
        page.refresh()


def _seed(qtbot, worker: DbWorker) -> dict[str, object]:
    def seed(session) -> dict[str, object]:
        logs = [
            session.mood.add(2, note="rough morning", at=_at(1, 8)),
            session.mood.add(4, activities=["walk"], at=_at(1, 18)),
            session.mood.add(3, at=_at(3)),
        ]
        entry = session.journal.add("linked to the evening", mood_id=logs[1].id)
        return {"logs": logs, "entry": entry}

    return run_job(qtbot, worker, seed)


def test_history_lists_check_ins_by_day_newest_first(qtbot, worker, page) -> None:
    _seed(qtbot, worker)
    _refresh(qtbot, page)
    model = page.history.model
    assert model.rowCount() == 3
    levels = [model.index(i).data(LogRole).level for i in range(3)]
    assert levels == [4, 2, 3]
    headings = [model.index(i).data(HeadingRole) for i in range(3)]
    assert headings[0] and headings[1] == "" and headings[2]  # one heading per day
    assert "rough morning" in model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)


def test_delete_with_the_keyboard_then_undo_and_the_charts_follow(qtbot, worker, page) -> None:
    seeded = _seed(qtbot, worker)
    _refresh(qtbot, page)
    assert page.daily_chart.points.count() == 2  # two days
    history = page.history
    history.list.setFocus()
    qtbot.keyClick(history.list, Qt.Key.Key_Home)
    qtbot.keyClick(history.list, Qt.Key.Key_Down)  # the 08:00 check-in of yesterday
    assert history.selected().note == "rough morning"
    with qtbot.waitSignal(page.refreshed), qtbot.waitSignal(history.loaded):
        qtbot.keyClick(history.list, Qt.Key.Key_Delete)
    assert history.model.rowCount() == 2
    assert history.undo_row.isVisible()
    remaining = run_job(qtbot, worker, lambda s: [log.level for log in s.mood.list()])
    assert sorted(remaining) == [3, 4]
    # the chart's point for yesterday is now the mean of the one check-in left (4.0)
    ys = {page.daily_chart.points.at(i).x(): page.daily_chart.points.at(i).y() for i in range(2)}
    assert ys[day_x(date.today() - timedelta(days=1))] == 4.0

    # delete the evening one too (an entry links to it), then undo: the link comes back
    qtbot.keyClick(history.list, Qt.Key.Key_Home)
    with qtbot.waitSignal(history.loaded):
        qtbot.keyClick(history.list, Qt.Key.Key_Delete)
    entry_id = seeded["entry"].id
    assert run_job(qtbot, worker, lambda s: s.journal.get(entry_id).mood_id) is None
    with qtbot.waitSignal(page.refreshed), qtbot.waitSignal(history.loaded):
        qtbot.keyClick(history.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    evening = seeded["logs"][1]
    assert run_job(qtbot, worker, lambda s: s.mood.get(evening.id)) == evening
    assert run_job(qtbot, worker, lambda s: s.journal.get(entry_id).mood_id) == evening.id
    assert not history.undo_row.isVisible()


def test_return_edits_a_check_in_and_the_page_follows(qtbot, worker, page) -> None:
    _seed(qtbot, worker)
    _refresh(qtbot, page)
    history = page.history
    history.list.setFocus()
    qtbot.keyClick(history.list, Qt.Key.Key_End)  # the oldest: level 3, three days ago
    qtbot.keyClick(history.list, Qt.Key.Key_Return)
    dialog = page.edit_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    qtbot.waitUntil(lambda: dialog.level() == 3)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.level_buttons[1], Qt.Key.Key_Space)
    with qtbot.waitSignal(page.refreshed):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: history.model.rowCount() == 3)
    assert history.model.index(2).data(LogRole).level == 1
    ys = {page.daily_chart.points.at(i).x(): page.daily_chart.points.at(i).y() for i in range(2)}
    assert ys[day_x(date.today() - timedelta(days=3))] == 1.0


@pytest.mark.parametrize(
    ("first", "last", "room", "step"),
    [
        (date(2026, 11, 26), date(2026, 12, 2), 8, "day"),
        (date(2026, 9, 4), date(2026, 12, 2), 8, "2weeks"),
        (date(2025, 12, 3), date(2026, 12, 2), 12, "month"),
        (date(2025, 12, 3), date(2026, 12, 2), 8, "quarter"),
        (date(2021, 1, 10), date(2026, 12, 2), 8, "year"),
    ],
)
def test_ticks_fall_on_whole_days_mondays_or_months(
    first: date, last: date, room: int, step: str
) -> None:
    chosen, ticks = time_ticks(first, last, max_ticks=room)
    assert chosen == step
    assert ticks and all(first <= t <= last for t in ticks) and len(ticks) <= room
    if step == "day":
        assert ticks == [first + timedelta(days=n) for n in range(7)]
    elif step == "2weeks":
        assert all(t.weekday() == 0 for t in ticks)
        assert all((b - a).days == 14 for a, b in itertools.pairwise(ticks))
    elif step == "month":
        assert all(t.day == 1 for t in ticks) and len(ticks) == 12
    elif step == "quarter":
        assert [(t.month, t.day) for t in ticks] == [(1, 1), (4, 1), (7, 1), (10, 1)]
    else:
        assert all((t.month, t.day) == (1, 1) for t in ticks)


def test_chart_ticks_and_points_share_whole_days(qtbot, worker, page) -> None:
    def seed(session) -> None:
        for days_ago in (0, 1, 2, 4, 6):  # a week with two days skipped
            session.mood.add(3, at=_at(days_ago))

    run_job(qtbot, worker, seed)
    page.period.setFocus()
    with qtbot.waitSignal(page.refreshed):
        qtbot.keyClick(page.period, Qt.Key.Key_Up)  # "Last 3 months" -> "Last 30 days"
    assert page.period.currentIndex() == 0
    chart = page.daily_chart
    today = date.today()
    assert chart.tick_step == "day"
    assert chart.tick_days == [today - timedelta(days=n) for n in range(6, -1, -1)]
    ticks = {day_x(d) for d in chart.tick_days}
    xs = {chart.points.at(i).x() for i in range(chart.points.count())}
    assert xs <= ticks  # every point sits on its day's tick, none between two days
    assert len(chart.tick_labels()) == 7
    assert "begin on" in page.range_label.text()  # shorter than 30 days: it says so
