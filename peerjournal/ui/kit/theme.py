"""Light and dark themes, the font size, and the calm mood colour scale.

``apply_theme`` sets a QPalette for the chosen scheme (so every widget, chart and custom
painting follows it) and then layers ``resources/styles/<light|dark>.qss`` on top when that
stylesheet exists. "system" follows the platform colour scheme reported by
``QStyleHints.colorScheme()`` and falls back to light when the platform does not say.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from peerjournal.ui.kit.prefs import FONT_SIZE, THEME, UiPrefs

log = logging.getLogger(__name__)

STYLES_DIR = Path(__file__).resolve().parents[3] / "resources" / "styles"

THEMES = ("system", "light", "dark")
MIN_FONT_SIZE = 8
MAX_FONT_SIZE = 24

# Calm, low-saturation colours from a heavy day (1) to a bright one (5); the same scale is
# used by the check-in buttons, the chart points and the year in pixels so they read alike.
MOOD_COLOURS: dict[int, str] = {
    1: "#8f84c2",  # muted lavender
    2: "#79a3d4",  # soft blue
    3: "#9dbfb6",  # sage grey
    4: "#86c79b",  # soft green
    5: "#f0c36a",  # warm honey
}

# On the light window the pastel scale is too pale to see (the "Okay" pixel was 1.55:1 next
# to an empty day): the light theme draws marks in deeper tones of the same hues, each at
# least 3:1 against the window and an empty pixel (WCAG 2.1 AA for graphics). The pastels
# meet that on the dark window, and stay for tints behind text.
MOOD_MARKS_LIGHT: dict[int, str] = {
    1: "#7466b0",  # lavender
    2: "#3f78b5",  # blue
    3: "#4b877a",  # sage
    4: "#3d8c58",  # green
    5: "#9a6c16",  # honey
}

_LIGHT = {
    "window": "#f6f5f2",
    "base": "#ffffff",
    "alt": "#efeee9",
    "text": "#2d2f33",
    "muted": "#6b6f76",
    "disabled": "#5f6368",  # as in light.qss: 4.5:1 on buttons and disabled fields
    "button": "#ecebe6",
    "highlight": "#36689a",  # as the stylesheet's selection: white text on it is 5.9:1
    "highlight_text": "#ffffff",
    "link": "#3f74a3",
    "tooltip": "#2d2f33",
    "tooltip_text": "#f6f5f2",
}
_DARK = {
    "window": "#1f2125",
    "base": "#26292e",
    "alt": "#2c2f35",
    "text": "#e4e2dd",
    "muted": "#9a9ea6",
    "disabled": "#9ea2aa",
    "button": "#30343a",
    "highlight": "#6a9fcb",
    "highlight_text": "#14161a",
    "link": "#8ab8e0",
    "tooltip": "#e4e2dd",
    "tooltip_text": "#1f2125",
}


def resolve_scheme(theme: str) -> str:
    """Return "light" or "dark" for a theme setting ("system" asks the platform)."""
    if theme in ("light", "dark"):
        return theme
    hints = QGuiApplication.styleHints()
    if hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether a palette (default: the application's) has a dark window colour."""
    pal = palette if palette is not None else QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def build_palette(scheme: str) -> QPalette:
    """A complete QPalette for "light" or "dark"."""
    c = _DARK if scheme == "dark" else _LIGHT
    pal = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: c["window"],
        role.WindowText: c["text"],
        role.Base: c["base"],
        role.AlternateBase: c["alt"],
        role.Text: c["text"],
        role.Button: c["button"],
        role.ButtonText: c["text"],
        role.BrightText: "#ffffff",
        role.Highlight: c["highlight"],
        role.HighlightedText: c["highlight_text"],
        role.Link: c["link"],
        role.ToolTipBase: c["tooltip"],
        role.ToolTipText: c["tooltip_text"],
        role.PlaceholderText: c["muted"],
        role.Mid: c["muted"],
        role.Light: c["alt"],
        role.Midlight: c["alt"],
        role.Dark: c["muted"],
        role.Shadow: "#000000",
    }
    for r, colour in pairs.items():
        pal.setColor(r, QColor(colour))
    disabled = QColor(c["disabled"])
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, disabled)
    return pal


def muted_text_colour(palette: QPalette | None = None) -> QColor:
    """A softer text colour for axis labels, hints and captions."""
    return QColor(_DARK["muted"] if is_dark(palette) else _LIGHT["muted"])


def mood_marks(palette: QPalette | None = None) -> dict[int, str]:
    """The mood scale for marks (points, pixels, dots) on the palette's window colour."""
    return MOOD_COLOURS if is_dark(palette) else MOOD_MARKS_LIGHT


def empty_pixel_colour(palette: QPalette | None = None) -> QColor:
    """The fill of a day without a check-in: a shade off the window colour."""
    pal = palette if palette is not None else QGuiApplication.palette()
    window = QColor(pal.color(QPalette.ColorRole.Window))
    return window.lighter(135) if is_dark(pal) else window.darker(108)


def mood_colour(level: float, palette: QPalette | None = None) -> QColor:
    """The scale colour for a (possibly fractional) mean level 1–5, for marks drawn on the
    palette's window (default: the application's)."""
    scale = mood_marks(palette)
    level = min(5.0, max(1.0, float(level)))
    low = int(level)
    high = min(5, low + 1)
    frac = level - low
    a, b = QColor(scale[low]), QColor(scale[high])
    return QColor(
        round(a.red() + (b.red() - a.red()) * frac),
        round(a.green() + (b.green() - a.green()) * frac),
        round(a.blue() + (b.blue() - a.blue()) * frac),
    )


def _stylesheet(scheme: str) -> str:
    path = STYLES_DIR / f"{scheme}.qss"
    try:
        # url() in a stylesheet resolves against the working folder, so images are named
        # through @STYLES@ and pointed at this folder here.
        return path.read_text(encoding="utf-8").replace("@STYLES@", STYLES_DIR.as_posix())
    except FileNotFoundError:
        return ""
    except OSError:
        # A missing stylesheet only costs looks; keep the palette and say why in the log.
        log.warning("could not read stylesheet %s", path, exc_info=True)
        return ""


class _SystemSchemeFollower(QObject):
    """Re-applies the theme when the platform switches light/dark and the user chose "system"."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.prefs: UiPrefs | None = None
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self.scheme_changed)

    def scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """Follow the platform when the theme setting is "system"."""
        app = QApplication.instance()
        if self.prefs is None or not isinstance(app, QApplication):
            return
        if self.prefs.get(THEME) not in ("light", "dark"):
            _apply(app, self.prefs, "dark" if scheme == Qt.ColorScheme.Dark else "light")


_follower: _SystemSchemeFollower | None = None


def apply_theme(app: QApplication, prefs: UiPrefs) -> None:
    """Apply the theme and base font size from the UI preferences to the application.

    With the "system" theme, later platform switches between light and dark are followed.
    """
    global _follower
    if _follower is None or _follower.parent() is not app:
        _follower = _SystemSchemeFollower(app)
    _follower.prefs = prefs
    theme = prefs.get(THEME)
    _apply(app, prefs, resolve_scheme(theme if theme in THEMES else "system"))


def _apply(app: QApplication, prefs: UiPrefs, scheme: str) -> None:
    style = app.style()
    if style is None or style.name().lower() != "fusion":
        # Fusion honours the palette on every platform. Set it once: replacing the style
        # while widgets exist deletes the old one under them.
        app.setStyle("Fusion")
    app.setPalette(build_palette(scheme))
    font = QFont(app.font())
    size = min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, prefs.get(FONT_SIZE)))
    font.setPointSize(size)
    app.setFont(font)
    app.setStyleSheet(_stylesheet(scheme))
    app.setProperty("peerjournal_scheme", scheme)
