"""Icons from resources/icons/ (SVG sources scale cleanly on high-DPI screens).

Action icons are drawn in one ink colour (see resources/icons/README.md); in the dark
theme that colour is swapped for a light one so one set of files serves both themes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

ICON_DIR = Path(__file__).resolve().parents[3] / "resources" / "icons"
APP_ICON = "peerjournal"
_INK = "#34434D"
_DARK_INK = "#E3E8EB"
_SIZES = (16, 24, 32, 48)


def _scheme() -> str:
    app = QApplication.instance()
    value = app.property("peerjournal_scheme") if app is not None else None
    return value if isinstance(value, str) else "light"


def icon(name: str) -> QIcon:
    """The icon ``name`` (``name.svg`` or ``name.png``) for the current theme; empty if none."""
    return _icon(name, _scheme())


@lru_cache(maxsize=128)
def _icon(name: str, scheme: str) -> QIcon:
    svg = ICON_DIR / f"{name}.svg"
    if svg.is_file():
        if scheme != "dark" or name == APP_ICON:
            return QIcon(str(svg))
        data = svg.read_text(encoding="utf-8").replace(_INK, _DARK_INK)
        renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
        result = QIcon()
        for size in _SIZES:
            for ratio in (1, 2):  # crisp on high-DPI screens
                pixmap = QPixmap(size * ratio, size * ratio)
                pixmap.fill(Qt.GlobalColor.transparent)
                painter = QPainter(pixmap)
                renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
                painter.end()
                pixmap.setDevicePixelRatio(ratio)
                result.addPixmap(pixmap)
        return result
    png = ICON_DIR / f"{name}.png"
    return QIcon(str(png)) if png.is_file() else QIcon()
