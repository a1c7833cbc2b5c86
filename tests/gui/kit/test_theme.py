"""Themes: palette and font follow UiPrefs; charts restyle; the mood colour scale."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from peerjournal.ui.kit.prefs import FONT_SIZE, THEME, UiPrefs
from peerjournal.ui.kit.theme import (
    MOOD_COLOURS,
    MOOD_MARKS_LIGHT,
    STYLES_DIR,
    apply_theme,
    build_palette,
    is_dark,
    mood_colour,
    resolve_scheme,
)
from peerjournal.ui.mood.charts import DailyMoodChart


@pytest.fixture
def prefs(tmp_path: Path) -> UiPrefs:
    return UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture(autouse=True)
def _restore_app_look(qapp) -> Iterator[None]:
    """Other tests share the QApplication: put its look back afterwards."""
    palette, font, sheet = QPalette(qapp.palette()), qapp.font(), qapp.styleSheet()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


def test_dark_and_light_change_the_palette(qapp, prefs: UiPrefs) -> None:
    prefs.set(THEME, "dark")
    apply_theme(qapp, prefs)
    assert is_dark(qapp.palette())
    dark_window = qapp.palette().color(QPalette.ColorRole.Window)
    prefs.set(THEME, "light")
    apply_theme(qapp, prefs)
    assert not is_dark(qapp.palette())
    assert qapp.palette().color(QPalette.ColorRole.Window) != dark_window
    text = qapp.palette().color(QPalette.ColorRole.Text)
    base = qapp.palette().color(QPalette.ColorRole.Base)
    assert base.lightness() - text.lightness() > 120  # readable contrast


def test_stylesheet_and_font_size_are_applied(qapp, prefs: UiPrefs) -> None:
    prefs.set(THEME, "dark")
    prefs.set(FONT_SIZE, 15)
    apply_theme(qapp, prefs)
    assert qapp.font().pointSize() == 15
    expected = STYLES_DIR / "dark.qss"
    if expected.exists():
        text = expected.read_text(encoding="utf-8")
        assert qapp.styleSheet() == text.replace("@STYLES@", expected.parent.as_posix())
        assert "@STYLES@" not in qapp.styleSheet()
    prefs.set(FONT_SIZE, 99)  # out of range values are clamped, not obeyed
    apply_theme(qapp, prefs)
    assert qapp.font().pointSize() == 24


def test_system_theme_follows_the_platform_scheme(qapp, prefs: UiPrefs) -> None:
    prefs.set(THEME, "system")
    apply_theme(qapp, prefs)
    platform_dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    assert resolve_scheme("system") == ("dark" if platform_dark else "light")
    assert is_dark(qapp.palette()) == platform_dark


def test_charts_restyle_when_the_theme_changes(qtbot, qapp, prefs: UiPrefs) -> None:
    prefs.set(THEME, "light")
    apply_theme(qapp, prefs)
    chart = DailyMoodChart()
    qtbot.addWidget(chart)
    light_labels = chart.y_axis.labelsColor()
    prefs.set(THEME, "dark")
    apply_theme(qapp, prefs)
    qtbot.waitUntil(lambda: chart.y_axis.labelsColor() != light_labels)
    assert chart.y_axis.labelsColor().lightness() > light_labels.lightness()


def test_mood_colour_scale_is_continuous_and_clamped() -> None:
    dark = build_palette("dark")  # the pastel scale; the light theme draws deeper tones
    assert mood_colour(1, dark) == QColor(MOOD_COLOURS[1])
    assert mood_colour(5, dark) == QColor(MOOD_COLOURS[5])
    assert mood_colour(0, dark) == QColor(MOOD_COLOURS[1])
    assert mood_colour(9, dark) == QColor(MOOD_COLOURS[5])
    light = build_palette("light")
    assert mood_colour(1, light) == QColor(MOOD_MARKS_LIGHT[1])
    middle = mood_colour(3.5, dark)
    low, high = QColor(MOOD_COLOURS[3]), QColor(MOOD_COLOURS[4])
    assert min(low.green(), high.green()) <= middle.green() <= max(low.green(), high.green())
    assert middle not in (low, high)


def test_system_theme_follows_a_platform_switch(qapp, prefs: UiPrefs) -> None:
    prefs.set(THEME, "system")
    apply_theme(qapp, prefs)
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert is_dark(qapp.palette())
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not is_dark(qapp.palette())
    prefs.set(THEME, "light")  # an explicit choice is not overridden by the platform
    apply_theme(qapp, prefs)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark(qapp.palette())
