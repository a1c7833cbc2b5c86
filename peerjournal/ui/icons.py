"""Icons from resources/icons/ (SVG sources scale cleanly on high-DPI screens)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QIcon

ICON_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"
APP_ICON = "peerjournal"


@lru_cache(maxsize=64)
def icon(name: str) -> QIcon:
    """The icon ``name`` (``name.svg``, or ``name.png``), or an empty icon if there is none."""
    for candidate in (ICON_DIR / f"{name}.svg", ICON_DIR / f"{name}.png"):
        if candidate.is_file():
            return QIcon(str(candidate))
    return QIcon()
