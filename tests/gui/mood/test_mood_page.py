"""Mood page: charts, pixels and insights load through the worker and follow check-ins."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QColor, QPalette

from peerjournal.ui.kit.i18n import install_translator
from peerjournal.ui.kit.mood_labels import display_labels
from peerjournal.ui.kit.prefs import LANGUAGE, THEME, UiPrefs
from peerjournal.ui.kit.theme import apply_theme, build_palette, is_dark, mood_colour
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.mood.charts import day_x
from peerjournal.ui.mood.checkin import CheckInDialog
from peerjournal.ui.mood.page import MoodPage
from tests.helpers.gui import run_job


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    """The English catalogue supplies plural forms ("1 day", "6 days")."""
    prefs = UiPrefs()
    prefs.set(LANGUAGE, "en")
    install_translator(qapp, prefs)


def _page(qtbot, worker: DbWorker) -> MoodPage:
    page = MoodPage(worker)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    with qtbot.waitSignal(page.refreshed):
        page.refresh()
    return page


def _at(days_ago: int) -> datetime:
    return datetime.combine(date.today() - timedelta(days=days_ago), time(12)).astimezone()


def test_empty_vault_invites_a_first_checkin(qtbot, worker: DbWorker) -> None:
    page = _page(qtbot, worker)
    assert page.stack.currentWidget() is page.empty_state
    with qtbot.waitSignal(page.checkin_requested):
        page.empty_button.click()


def test_checkin_updates_charts_pixels_and_insights(qtbot, worker: DbWorker) -> None:
    def seed(session) -> None:
        for i in range(10):
            walk = i % 2 == 0
            session.mood.add(
                4 if walk else 2, activities=["walk"] if walk else ["work"], at=_at(i + 1)
            )

    run_job(qtbot, worker, seed)
    page = _page(qtbot, worker)
    assert page.stack.currentIndex() == 1
    assert page.daily_chart.points.count() == 10
    before = page.insights_view.texts()
    assert any("walk" in t and "4.0" in t and "2.0" in t for t in before), before
    assert page.pixels.shown_days() >= 1

    dialog = CheckInDialog(worker)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    dialog.set_level(5)
    dialog.activities.chips["walk"].setChecked(True)
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    assert saved.args[0]
    with qtbot.waitSignal(page.refreshed):
        page.refresh()

    assert page.daily_chart.points.count() == 11
    today_x = day_x(date.today())
    ys = {page.daily_chart.points.at(i).x(): page.daily_chart.points.at(i).y() for i in range(11)}
    assert ys[today_x] == 5.0
    after = page.insights_view.texts()
    assert after != before
    # 6 days with walk now (5 at 4, today at 5): mean 4.2; 5 days without at 2.0.
    assert any("6 days" in t and "walk" in t and "4.2" in t for t in after), after
    assert page.pixels.value_for(date.today()) == 5.0
    weekday = date.today().weekday()
    assert page.weekday_chart.values()[weekday] > 0


def test_period_selector_limits_the_daily_line(qtbot, worker: DbWorker) -> None:
    run_job(qtbot, worker, lambda s: [s.mood.add(3, at=_at(d)) for d in (1, 2, 50, 200)])
    page = _page(qtbot, worker)
    assert page.daily_chart.points.count() == 3  # last 3 months by default
    with qtbot.waitSignal(page.refreshed):
        page.period.setCurrentIndex(0)  # last 30 days
    assert page.daily_chart.points.count() == 2
    with qtbot.waitSignal(page.refreshed):
        page.period.setCurrentIndex(3)  # all time
    assert page.daily_chart.points.count() == 4


def test_pixels_tooltip_and_year_navigation(qtbot, worker: DbWorker) -> None:
    last_year = date.today().year - 1
    run_job(qtbot, worker, lambda s: s.mood.add(2, at=datetime(last_year, 3, 5, 12).astimezone()))
    page = _page(qtbot, worker)
    pixels = page.pixels
    assert pixels.year == date.today().year
    assert page.prev_year.isEnabled() and not page.next_year.isEnabled()
    page.prev_year.click()
    assert pixels.year == last_year
    assert page.year_label.text() == str(last_year)
    centre = pixels.cell_rect(3, 5).center()
    assert pixels.day_at(centre) == date(last_year, 3, 5)
    assert "2.0" in pixels.tooltip_text(date(last_year, 3, 5))
    assert "no check-in" in pixels.tooltip_text(date(last_year, 3, 6))
    # 30 February does not exist, so there is no square to hover.
    assert pixels.day_at(pixels.cell_rect(2, 30).center()) is None
    assert pixels.day_at(QPoint(1, 1)) is None


def test_pressing_previous_year_past_the_first_year_never_goes_forward(
    qtbot, worker: DbWorker
) -> None:
    """‹ turns itself off at the first year; the focus then used to fall onto ›, so the
    next press of Space went forward again. It lands on that year's days instead."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    this_year = date.today().year
    run_job(
        qtbot, worker, lambda s: s.mood.add(3, at=datetime(this_year - 2, 6, 1, 12).astimezone())
    )
    page = _page(qtbot, worker)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.prev_year.setFocus()
    qtbot.waitUntil(page.prev_year.hasFocus)
    for _press in range(3):  # one press more than there are earlier years
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert page.pixels.year == this_year - 2
    assert not page.prev_year.isEnabled()
    assert QApplication.focusWidget() is page.pixels
    # and the same at the other end
    page.next_year.setFocus()
    for _press in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert page.pixels.year == this_year
    assert QApplication.focusWidget() is page.pixels


def test_user_labels_reach_the_chart_axis(qtbot, worker: DbWorker) -> None:
    def seed(session) -> None:
        session.mood.set_labels({1: "Stormy", 5: "Sunny"})
        session.mood.add(4, at=_at(1))

    run_job(qtbot, worker, seed)
    page = _page(qtbot, worker)
    labels = page.daily_chart.y_axis.categoriesLabels()
    assert labels[0] == "Stormy" and labels[-1] == "Sunny"


def test_loaded_pages_can_be_destroyed_while_hidden(qtbot, worker: DbWorker) -> None:
    """Regression: a hidden page with data, destroyed after loading, once crashed later."""
    run_job(qtbot, worker, lambda s: [s.mood.add(1 + d % 5, at=_at(d)) for d in range(1, 15)])
    for _ in range(30):
        page = MoodPage(worker)
        page.resize(1000, 900)
        with qtbot.waitSignal(page.refreshed):
            page.refresh()
        assert page.daily_chart.points.count() == 14
        del page
        qtbot.wait(1)
    assert run_job(qtbot, worker, lambda s: len(s.mood.list())) == 14


def test_result_for_a_destroyed_page_is_dropped(qtbot, worker: DbWorker) -> None:
    page = MoodPage(worker)
    page.refresh()
    del page  # the worker's job must not keep the page alive or call into it
    with qtbot.assertNotEmitted(worker.bug):
        assert run_job(qtbot, worker, lambda s: s.mood.list()) == []


def test_chart_tooltips_say_date_value_and_count(qtbot, worker: DbWorker) -> None:
    day = date.today() - timedelta(days=1)
    run_job(qtbot, worker, lambda s: [s.mood.add(lvl, at=_at(1)) for lvl in (2, 5)])
    page = _page(qtbot, worker)
    point = page.daily_chart.points.at(0)
    text = page.daily_chart.tooltip_text(point.x(), point.y())
    assert "3.5" in text and str(day.day) in text
    weekday = page.weekday_chart.tooltip_text(day.weekday())
    assert "3.5" in weekday and "2 check-ins" in weekday
    other = (day.weekday() + 1) % 7
    assert "no check-ins" in page.weekday_chart.tooltip_text(other)


@pytest.fixture
def _restore_look(qapp):
    palette, sheet = QPalette(qapp.palette()), qapp.styleSheet()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


@pytest.mark.usefixtures("_restore_look")
def test_legend_swatches_are_the_colours_of_the_dots_they_explain_in_both_themes(
    qtbot, qapp, worker: DbWorker, tmp_path
) -> None:
    def seed(session) -> None:
        for level in range(1, 6):
            session.mood.add(level, at=_at(level))

    run_job(qtbot, worker, seed)
    prefs = UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    prefs.set(THEME, "light")
    apply_theme(qapp, prefs)
    page = _page(qtbot, worker)
    chart = page.daily_chart
    legend = chart.chart().legend()
    # The dots' own marker ("Daily average" in one colour) is not shown; the levels are.
    assert not any(m.isVisible() for m in legend.markers(chart.points))
    names = [m.label() for k in chart.level_keys.values() for m in legend.markers(k)]
    assert names == [display_labels({})[level] for level in range(1, 6)]
    seen: dict[str, dict[int, QColor]] = {}
    for theme in ("light", "dark"):
        prefs.set(THEME, theme)
        apply_theme(qapp, prefs)
        assert is_dark() == (theme == "dark")
        qtbot.waitUntil(lambda: chart.legend_swatches()[1] == mood_colour(1))
        # the year's legend recolours when the pixels take the new palette, which may come later
        qtbot.waitUntil(lambda: page.legend_swatches()[1] == mood_colour(1))
        dots = {round(chart.points.at(i).y()): chart.dot_colour(i) for i in range(5)}
        assert chart.legend_swatches() == dots
        # The year pixels' legend: its squares are the colours the pixels are painted in.
        image = page.pixels.grab().toImage()
        dpr = image.devicePixelRatio()
        for level, colour in page.legend_swatches().items():
            day = date.today() - timedelta(days=level)
            if day.year != page.pixels.year:
                continue
            centre = page.pixels.cell_rect(day.month, day.day).center()
            painted = image.pixelColor(round(centre.x() * dpr), round(centre.y() * dpr))
            assert painted == colour, (theme, level)
            assert f"color:{colour.name()}" in page._legend_labels[level - 1].text()
        seen[theme] = dots
    assert seen["light"] != seen["dark"]


@pytest.mark.usefixtures("_restore_look")
def test_the_year_legend_takes_the_pixels_new_colours_when_only_the_page_changes_palette(
    qtbot, qapp, worker: DbWorker, tmp_path
) -> None:
    # Qt tells a parent of its new palette before its children take it; a legend computed on
    # the page's own change would keep the old theme's colours until the next change.
    prefs = UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    prefs.set(THEME, "light")
    apply_theme(qapp, prefs)
    qapp.setStyleSheet("")  # a style sheet stops a palette set on a parent reaching children
    page = _page(qtbot, worker)
    light = page.legend_swatches()
    assert light[1] == mood_colour(1, page.pixels.palette())
    page.setPalette(build_palette("dark"))
    qtbot.waitUntil(lambda: is_dark(page.pixels.palette()))
    dark = mood_colour(1, page.pixels.palette())
    assert dark != light[1]
    qtbot.waitUntil(lambda: page.legend_swatches()[1] == dark, timeout=2000)
    assert page.legend_swatches() == {n: mood_colour(n, page.pixels.palette()) for n in range(1, 6)}
