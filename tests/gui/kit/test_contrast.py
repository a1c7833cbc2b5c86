"""WCAG 2.1 AA contrast in both themes, computed from the colours the app really paints with.

Text (labels, hints, placeholders, links, disabled controls, chart and calendar labels)
needs 4.5:1 against what it sits on; graphics (chart lines and bars, mood marks, the year's
pixels against an empty day and the window) need 3:1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette

from peerjournal.ui.kit.prefs import THEME, UiPrefs
from peerjournal.ui.kit.theme import (
    STYLES_DIR,
    apply_theme,
    empty_pixel_colour,
    mood_colour,
    mood_marks,
    muted_text_colour,
)
from peerjournal.ui.mood.charts import DailyMoodChart, WeekdayChart

TEXT, GRAPHICS = 4.5, 3.0
ROLE = QPalette.ColorRole


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""
    r, g, b = (_channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` with its alpha composited over an opaque background."""
    a = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * a + background.redF() * (1 - a),
        colour.greenF() * a + background.greenF() * (1 - a),
        colour.blueF() * a + background.blueF() * (1 - a),
    )


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG 2 contrast ratio (a translucent ``a`` is first composited over ``b``)."""
    back = QColor(b)
    front = over(QColor(a), back)
    light, dark = sorted((luminance(front), luminance(back)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    half_black = QColor(0, 0, 0, 128)
    assert contrast(half_black, "#ffffff") == pytest.approx(contrast("#7f7f7f", "#ffffff"), 0.05)


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp, tmp_path: Path) -> Iterator[str]:
    prefs = UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    prefs.set(THEME, request.param)
    apply_theme(qapp, prefs)
    yield request.param
    prefs.set(THEME, "light")
    apply_theme(qapp, prefs)


def _failures(pairs: list[tuple[str, QColor, QColor, float]]) -> list[tuple[str, float]]:
    return [
        (what, round(contrast(fg, bg), 2))
        for what, fg, bg, need in pairs
        if contrast(fg, bg) < need
    ]


def test_palette_text_and_disabled_text(scheme: str, qapp) -> None:
    pal = qapp.palette()
    window, base, button = pal.color(ROLE.Window), pal.color(ROLE.Base), pal.color(ROLE.Button)
    muted = muted_text_colour(pal)
    disabled = pal.color(QPalette.ColorGroup.Disabled, ROLE.Text)
    pairs = [
        ("text on window", pal.color(ROLE.WindowText), window, TEXT),
        ("text on base", pal.color(ROLE.Text), base, TEXT),
        ("button text", pal.color(ROLE.ButtonText), button, TEXT),
        ("placeholder on base", pal.color(ROLE.PlaceholderText), base, TEXT),
        ("muted on window", muted, window, TEXT),
        ("muted on base", muted, base, TEXT),
        ("link on base", pal.color(ROLE.Link), base, TEXT),
        ("link on window", pal.color(ROLE.Link), window, TEXT),
        ("selected text", pal.color(ROLE.HighlightedText), pal.color(ROLE.Highlight), TEXT),
        ("tooltip", pal.color(ROLE.ToolTipText), pal.color(ROLE.ToolTipBase), TEXT),
        ("disabled text on window", disabled, window, TEXT),
        ("disabled text on button", disabled, button, TEXT),
    ]
    assert _failures(pairs) == []


def _blocks(qss: str) -> Iterator[tuple[str, dict[str, str]]]:
    for selector, body in re.findall(
        r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    ):
        props = dict(
            (name.strip(), value.strip())
            for name, value in (d.split(":", 1) for d in body.split(";") if ":" in d)
        )
        yield " ".join(selector.split()), props


def test_disabled_controls_in_the_stylesheet(scheme: str) -> None:
    # WCAG exempts inactive controls, but a user still has to read what is greyed out
    qss = (STYLES_DIR / f"{scheme}.qss").read_text(encoding="utf-8")
    pairs = []
    for selector, props in _blocks(qss):
        if ":disabled" in selector and "color" in props and "background-color" in props:
            fg, bg = QColor(props["color"]), QColor(props["background-color"])
            pairs.append((selector, fg, bg, TEXT))
    assert pairs, "the stylesheet styles disabled controls"
    assert _failures(pairs) == []


def test_chart_labels_lines_and_bars(scheme: str, qtbot, qapp) -> None:
    window = qapp.palette().color(ROLE.Window)
    daily, weekday = DailyMoodChart(), WeekdayChart()
    qtbot.addWidget(daily)
    qtbot.addWidget(weekday)
    pairs = [
        ("daily x labels", daily.x_axis.labelsColor(), window, TEXT),
        ("daily y labels", daily.y_axis.labelsColor(), window, TEXT),
        ("weekday x labels", weekday.x_axis.labelsColor(), window, TEXT),
        ("weekday bars", weekday.bars.color(), window, GRAPHICS),
    ]
    pairs.append(("daily 7-day average line", daily.average.pen().color(), window, GRAPHICS))
    assert _failures(pairs) == []


def test_mood_marks_and_the_year_in_pixels(scheme: str, qapp) -> None:
    pal = qapp.palette()
    window, base, empty = pal.color(ROLE.Window), pal.color(ROLE.Base), empty_pixel_colour(pal)
    pairs = []
    for level in range(1, 6):
        pixel = mood_colour(level, pal)
        pairs += [
            (f"level {level} pixel vs an empty day", pixel, empty, GRAPHICS),
            (f"level {level} pixel vs the window", pixel, window, GRAPHICS),
            (f"level {level} dot in a list", pixel, base, GRAPHICS),
            (f"level {level} legend mark", QColor(mood_marks(pal)[level]), window, GRAPHICS),
        ]
    # in-between averages (3.5 …) are drawn too
    pairs += [(f"mean {m}", mood_colour(m, pal), empty, GRAPHICS) for m in (1.5, 2.5, 3.5, 4.5)]
    pairs.append(("month and day labels", muted_text_colour(pal), window, TEXT))
    assert _failures(pairs) == []
