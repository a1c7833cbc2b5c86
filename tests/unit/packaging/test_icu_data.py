"""The trimmed ICU data library: the package format, what is kept, and Qt still working on it."""

from __future__ import annotations

import importlib.util
import json
import os
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pj_icu_data", ROOT / "packaging" / "icu_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


icu_data = _load()


def _qt_icu_library() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    found = [path for path in found if not path.is_symlink()]
    if not found and sys.platform.startswith("linux"):
        raise AssertionError("PySide6's Linux wheel should carry libicudata")
    if not found:
        pytest.skip("Qt carries no ICU data library on this system (only the Linux wheels do)")
    return found[0]


def _header() -> bytes:
    # a minimal valid header: size, magic, UDataInfo naming the CmnD format, padded to 32
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\1\0\0\0", b"\3\0\0\0")
    return (struct.pack("<H", 32) + b"\xda\x27" + info).ljust(32, b"\0")


def test_written_packages_read_back_sorted_and_aligned() -> None:
    items = {"icudt99l/zz.res": b"z" * 5, "icudt99l/coll/a.res": b"a" * 33, "icudt99l/b.cnv": b""}
    blob = icu_data.write_package(icu_data.Package(header=_header(), items=items))
    again = icu_data.read_package(blob)
    assert list(again.items) == sorted(items)
    assert again.prefix == "icudt99l/"
    for name, data in items.items():
        assert again.items[name][: len(data)] == data
        assert not again.items[name][len(data) :].strip(b"\0")  # only padding after
    toc = 32
    (count,) = struct.unpack_from("<I", blob, toc)
    offsets = [struct.unpack_from("<II", blob, toc + 4 + 8 * i)[1] for i in range(count)]
    assert all((toc + offset) % 16 == 0 for offset in offsets)


def test_reading_refuses_what_is_not_a_common_data_package() -> None:
    with pytest.raises(ValueError, match="not an ICU common data package"):
        icu_data.read_package(b"\x20\x00\xda\x27" + b"\0" * 8 + b"ResB" + b"\0" * 40)
    with pytest.raises(ValueError, match="no ICU common data package"):
        icu_data.find_package(b"\0" * 64)


def test_the_trim_keeps_collation_and_time_zones_and_drops_the_rest() -> None:
    prefix = "icudt73l/"
    keep = [
        "coll/de.res", "coll/ucadata.icu", "coll/zh.res", "root.res", "zoneinfo64.res",
        "likelySubtags.res", "keyTypeData.res", "res_index.res",
    ]  # fmt: skip
    drop = [
        "de.res", "ibm-943_P15A-2003.cnv", "brkitr/thaidict.dict", "zone/de.res",
        "curr/de.res", "translit/Any_Latin.res", "unames.icu", "cnvalias.icu",
    ]  # fmt: skip
    assert all(icu_data.wanted(prefix + name, prefix) for name in keep)
    assert not any(icu_data.wanted(prefix + name, prefix) for name in drop)


def test_the_real_library_round_trips_byte_for_byte() -> None:
    library = _qt_icu_library()
    package = icu_data.load_library_package(library)
    offset, size = icu_data.exported_data(library)
    assert icu_data.write_package(package) == library.read_bytes()[offset : offset + size]
    assert len(package.items) > 1000 and package.prefix.startswith("icudt")


# Qt calls that reach ICU: collation (as the file dialog sorts), locale case mapping, time
# zones.  Run once on Qt's own ICU data and once on the trimmed library, preloaded.
_PROBE = r"""
import functools, json, sys
from PySide6.QtCore import QCollator, QDate, QDateTime, QLocale, QTime, QTimeZone
words = ["Äpfel", "apfel", "Zebra", "Öl", "Tür", "Tuer", "ß", "ss", "Ångström", "Århus",
         "ırmak", "Istanbul", "中国", "北京", "東京", "서울", "Москва", "file10", "file2", "ção"]
out = {}
for name in ["en_US", "de_DE", "de-u-co-phonebk", "sv_SE", "tr_TR", "zh_CN", "ja_JP", "ko_KR"]:
    collator = QCollator(QLocale(name))
    collator.setNumericMode(True)
    out[name] = sorted(words, key=functools.cmp_to_key(collator.compare))
for name in ["tr_TR", "de_DE", "el_GR"]:
    out["case " + name] = QLocale(name).toUpper("istanbul ß ὀδυσσεύς")
zone = QTimeZone(b"Asia/Kolkata")
out["zone"] = [zone.isValid(), zone.offsetFromUtc(QDateTime(QDate(2026, 7, 1), QTime(12, 0), zone))]
print(json.dumps(out, ensure_ascii=False))
"""


def _probe(preload: Path | None) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if preload is not None:
        # the dynamic linker takes the preloaded library for Qt's DT_NEEDED of the same soname
        env["LD_PRELOAD"] = str(preload)
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_qt_sorts_and_maps_case_the_same_on_the_trimmed_library(tmp_path: Path) -> None:
    library = _qt_icu_library()
    target = tmp_path / library.name
    before, after, dropped = icu_data.shrink_library(library, target)
    assert after < before and len(dropped) == before - after
    assert target.stat().st_size < library.stat().st_size / 4
    assert set(icu_data.load_library_package(target).items) == set(
        name for name in icu_data.load_library_package(library).items if name not in dropped
    )
    full, trimmed = _probe(None), _probe(target)
    assert trimmed == full
    assert full["sv_SE"] != full["de_DE"]  # the tailorings are really in use (å, ä, ö)
    assert full["zone"] == [True, 19800]
