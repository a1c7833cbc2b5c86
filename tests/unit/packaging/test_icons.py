"""The app icon containers written from the SVG: Qt's own readers decode every image."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "packaging"))
_spec = importlib.util.spec_from_file_location("icons", ROOT / "packaging" / "icons.py")
assert _spec is not None and _spec.loader is not None
icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icons)


def _images(path: Path, fmt: bytes) -> list[QImage]:
    if fmt.decode() not in [bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()]:
        pytest.fail(f"Qt's {fmt.decode()} reader is missing from this PySide6")
    data = QByteArray(path.read_bytes())
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, fmt)
    found = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), (path.name, index, reader.errorString())
        found.append(image)
    return found


def test_ico_holds_every_size_from_16_to_256(qapp, tmp_path: Path) -> None:
    images = _images(icons.write_ico(tmp_path / "app.ico"), b"ico")
    assert sorted(image.width() for image in images) == list(icons.ICO_SIZES)
    big = max(images, key=QImage.width)
    assert big.pixelColor(128, 128).alpha() == 255 and big.pixelColor(0, 0).alpha() < 255


def test_icns_holds_16_to_1024(qapp, tmp_path: Path) -> None:
    path = icons.write_icns(tmp_path / "app.icns")
    assert path.read_bytes()[:4] == b"icns"
    assert int.from_bytes(path.read_bytes()[4:8], "big") == path.stat().st_size
    widths = {image.width() for image in _images(path, b"icns")}
    assert widths == {16, 32, 64, 128, 256, 512, 1024}


def test_hicolor_theme_layout(qapp, tmp_path: Path) -> None:
    written = icons.write_hicolor(tmp_path, "org.example.App")
    for size in icons.HICOLOR_SIZES:
        png = tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "org.example.App.png"
        assert png in written
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
    assert (tmp_path / "icons/hicolor/scalable/apps/org.example.App.svg").read_bytes() == (
        icons.SVG.read_bytes()
    )
