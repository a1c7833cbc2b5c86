"""Render resources/icons/peerjournal.svg to PNGs, and derive the dark-theme action icons.

Run ``QT_QPA_PLATFORM=offscreen python -m tools.render_icons`` after changing an
SVG. The PNGs and ``dark/*.svg`` are committed, so the app and the packagers do not need to
render anything at run time.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QGuiApplication

HERE = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
LIGHT_STROKE = "#34434D"  # the one colour of every action icon (for light backgrounds)
DARK_STROKE = "#D5DCE0"  # its partner for dark backgrounds


def write_dark_variants(icon_dir: Path = HERE) -> list[Path]:
    """Write ``dark/<name>.svg`` for every monochrome action icon, recoloured for dark themes."""
    out_dir = icon_dir / "dark"
    out_dir.mkdir(exist_ok=True)
    written = []
    for svg in sorted(icon_dir.glob("*.svg")):
        text = svg.read_text(encoding="utf-8")
        if LIGHT_STROKE not in text:
            continue  # the colourful app icon stays as it is
        target = out_dir / svg.name
        target.write_text(text.replace(LIGHT_STROKE, DARK_STROKE), encoding="utf-8")
        written.append(target)
    return written


def _packaging_icons() -> ModuleType:
    """packaging/icons.py, which draws the icon for the bundles: one renderer for both."""
    path = Path(__file__).resolve().parents[1] / "packaging" / "icons.py"
    spec = importlib.util.spec_from_file_location("pj_packaging_icons", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render(svg: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Render ``svg`` as ``<stem>-<size>.png`` for every size; return the files written."""
    icons = _packaging_icons()
    written = []
    for size in sizes:
        target = out_dir / f"{svg.stem}-{size}.png"
        target.write_bytes(icons.render_png(size, svg))
        written.append(target)
    return written


def main() -> int:
    """Render the app icon into resources/icons/png/."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out_dir = HERE / "png"
    out_dir.mkdir(exist_ok=True)
    for path in render(HERE / "peerjournal.svg", out_dir):
        print(path.relative_to(HERE))
    for path in write_dark_variants():
        print(path.relative_to(HERE))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
