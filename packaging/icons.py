"""The app icon for each platform, rendered from resources/icons/peerjournal.svg at build time.

- Linux: PNGs in the hicolor theme's sizes (and the SVG itself as ``scalable``);
- Windows: an ``.ico`` holding PNG images of 16 to 256 pixels (Windows Vista and later);
- macOS: an ``.icns`` holding PNG images of 16 to 1024 pixels (the ``ic04``-``ic14`` and
  ``icp4``-``icp6`` types; macOS 10.7 and later).

Both containers are simple and written here rather than through Pillow: the PNGs come from
Qt's SVG renderer, the one that draws the icon inside the app.  Used by
packaging/peerjournal.spec (.ico, .icns) and packaging/tarball.py (hicolor PNGs).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "peerjournal.svg"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types holding PNG data, by pixel size (the @2x types share the pixel sizes)
ICNS_TYPES = (
    (b"icp4", 16), (b"ic11", 32), (b"icp5", 32), (b"ic12", 64), (b"icp6", 64),
    (b"ic07", 128), (b"ic13", 256), (b"ic08", 256), (b"ic14", 512), (b"ic09", 512),
    (b"ic10", 1024),
)  # fmt: skip


def render_png(size: int, svg: Path = SVG) -> bytes:
    """The SVG drawn on a transparent square of ``size`` pixels, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["icons"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(f"could not encode a {size} px PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file with one PNG image per size (a 256 px entry is written as size 0)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = [], []
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset))
        images.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(images)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file with a PNG element for each type whose size is in ``pngs``."""
    elements = [
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
        if size in pngs
    ]
    body = b"".join(elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_ico(target: Path, svg: Path = SVG) -> Path:
    """Render and write the Windows icon; returns ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(ico_bytes({size: render_png(size, svg) for size in ICO_SIZES}))
    return target


def write_icns(target: Path, svg: Path = SVG) -> Path:
    """Render and write the macOS icon; returns ``target``."""
    sizes = sorted({size for _kind, size in ICNS_TYPES})
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(icns_bytes({size: render_png(size, svg) for size in sizes}))
    return target


def write_hicolor(share: Path, app_id: str, svg: Path = SVG) -> list[Path]:
    """Write ``share/icons/hicolor/<N>x<N>/apps/<app_id>.png`` and the scalable SVG."""
    written = []
    for size in HICOLOR_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render_png(size, svg))
        written.append(target)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(svg.read_bytes())
    written.append(scalable)
    return written
