"""Shrink the ICU data library that Qt's Linux wheels carry (32 MB) to what Qt uses here.

``libicudata.so.73`` holds one ICU *common data* package: a header, a table of contents
and the items (``coll/de.res``, ``ibm-943_P15A-2003.cnv``, ...), exported as the symbol
``icudt73_dat``.  Qt calls ICU only for collation (``QCollator``, which the file dialog's
sorting uses), locale-aware case mapping (built into ICU's code, no data) and, as a
fallback, time zones; its locale data, text boundaries, IDNA and normalisation are Qt's
own.  So the bundle keeps the collation tree, the time-zone tables and the small
supplemental tables locale ids are resolved with, and drops conversion tables for legacy
encodings, break-iterator dictionaries, transliterators and the display names of
languages, regions, currencies, units and zones.

The package format (``udata.h``, ``ucmndata.h`` in ICU): a data header starting with its
16-bit size and the magic bytes ``da 27``, whose ``UDataInfo`` names the format ``CmnD``;
then, from the end of the header, a 32-bit item count and per item two 32-bit offsets (the
name, the data), both relative to the start of that table; names are NUL-terminated and
sorted; every item starts on a 16-byte boundary.  Little-endian only (x86-64, arm64).

The new library is assembled with binutils' ``as`` and ``ld`` (PyInstaller needs binutils
on Linux anyway).  Used by packaging/peerjournal.spec; tested in
tests/unit/packaging/test_icu_data.py.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MAGIC = b"\xda\x27"
COMMON_FORMAT = b"CmnD"
ALIGN = 16

# Items kept at the top of the package (besides the whole coll/ tree): the root of the
# locale tree, and the supplemental tables used to resolve and fall back locale ids,
# keywords (``de-u-co-phonebk``) and time zones.
KEEP_TOP = frozenset(
    {
        "res_index.res", "root.res", "pool.res", "icuver.res", "icustd.res",
        "likelySubtags.res", "langInfo.res", "metadata.res", "keyTypeData.res",
        "supplementalData.res", "zoneinfo64.res", "timezoneTypes.res", "metaZones.res",
        "windowsZones.res", "nfkc.nrm", "nfkc_cf.nrm", "uts46.nrm", "uemoji.icu",
        "ulayout.icu",
    }
)  # fmt: skip
KEEP_TREES = ("coll/",)


@dataclass(frozen=True)
class Package:
    """An ICU common data package: its header bytes and its items by name, in order."""

    header: bytes
    items: dict[str, bytes]

    @property
    def prefix(self) -> str:
        """The item names' shared prefix, e.g. ``icudt73l/``."""
        first = next(iter(self.items), "")
        return first.split("/", 1)[0] + "/" if "/" in first else ""


def find_package(blob: bytes) -> int:
    """The offset of the (first) common data package inside ``blob`` (a library file)."""
    for match in re.finditer(re.escape(COMMON_FORMAT), blob):
        start = match.start() - 12
        if start >= 0 and blob[start + 2 : start + 4] == MAGIC:
            return start
    raise ValueError("no ICU common data package found")


def read_package(blob: bytes, offset: int = 0, size: int | None = None) -> Package:
    """Parse the common data package at ``offset`` (``size`` bytes long, else to the end)."""
    (header_size,) = struct.unpack_from("<H", blob, offset)
    if blob[offset + 2 : offset + 4] != MAGIC or blob[offset + 12 : offset + 16] != COMMON_FORMAT:
        raise ValueError("not an ICU common data package")
    if blob[offset + 8] != 0:
        raise ValueError("big-endian ICU data is not supported")
    toc = offset + header_size
    (count,) = struct.unpack_from("<I", blob, toc)
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    end_of_package = offset + size if size is not None else len(blob)
    items: dict[str, bytes] = {}
    for index, (name_offset, data_offset) in enumerate(entries):
        name_start = toc + name_offset
        name = blob[name_start : blob.index(b"\0", name_start)].decode("ascii")
        # an item ends where the next begins, the last one where the package ends
        end = toc + entries[index + 1][1] if index + 1 < len(entries) else end_of_package
        items[name] = blob[toc + data_offset : end]
    return Package(header=blob[offset : offset + header_size], items=items)


def write_package(package: Package) -> bytes:
    """Serialise ``package`` (items sorted by name, each 16-byte aligned)."""
    names = sorted(package.items)
    encoded = [name.encode("ascii") + b"\0" for name in names]
    table_size = 4 + 8 * len(names)
    name_offsets, position = [], table_size
    for raw in encoded:
        name_offsets.append(position)
        position += len(raw)
    header_size = len(package.header)
    # item offsets are relative to the table, and items are aligned in the whole package
    data_start = _aligned(header_size + position) - header_size
    data_offsets, chunks, position = [], [], data_start
    for name in names:
        data = package.items[name]
        data_offsets.append(position)
        padded = data + b"\0" * (_aligned(len(data)) - len(data))
        chunks.append(padded)
        position += len(padded)
    table = struct.pack("<I", len(names)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    names_blob = b"".join(encoded)
    gap = data_start - table_size - len(names_blob)
    return package.header + table + names_blob + b"\xaa" * gap + b"".join(chunks)


def _aligned(size: int) -> int:
    return (size + ALIGN - 1) // ALIGN * ALIGN


def wanted(name: str, prefix: str) -> bool:
    """Whether the item ``name`` (with its ``icudtNNl/`` prefix) stays in the bundle."""
    short = name.removeprefix(prefix)
    return short in KEEP_TOP or short.startswith(KEEP_TREES)


def trimmed(package: Package, keep: Callable[[str, str], bool] = wanted) -> Package:
    """A copy of ``package`` with only the items ``keep`` accepts."""
    prefix = package.prefix
    return Package(
        header=package.header,
        items={name: data for name, data in package.items.items() if keep(name, prefix)},
    )


def symbol_name(library: Path) -> str:
    """The data symbol named by an ICU data library file: libicudata.so.73 -> icudt73_dat."""
    match = re.match(r"libicudata\.so\.(\d+)", library.name)
    if match is None:
        raise ValueError(f"not an ICU data library: {library.name}")
    return f"icudt{match.group(1)}_dat"


def build_library(data: bytes, soname: str, symbol: str, target: Path) -> None:
    """Write a shared library named ``soname`` that exports ``data`` as ``symbol``."""
    with tempfile.TemporaryDirectory(prefix="pj-icu-") as tmp:
        folder = Path(tmp)
        (folder / "data.bin").write_bytes(data)
        (folder / "data.s").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            f"\t.balign {ALIGN}\n"
            f"{symbol}:\n"
            '\t.incbin "data.bin"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run(["as", "-o", "data.o", "data.s"], cwd=folder, check=True)
        subprocess.run(
            [
                "ld",
                "-shared",
                "-z",
                "noexecstack",
                "-soname",
                soname,
                "-o",
                str(target.resolve()),
                "data.o",
            ],
            cwd=folder,
            check=True,
        )


def exported_data(library: Path) -> tuple[int, int]:
    """(file offset, size) of the library's data symbol, from binutils' ``nm``."""
    symbol = symbol_name(library)
    listing = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(library)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[3] == symbol:
            return int(fields[0], 16), int(fields[1], 16)
    raise ValueError(f"{library.name} does not export {symbol}")


def load_library_package(library: Path) -> Package:
    """The common data package inside an ICU data library."""
    blob = library.read_bytes()
    address, size = exported_data(library)
    offset = find_package(blob)
    if offset != address:  # the data segment is mapped at its file offset in these wheels
        raise ValueError(f"{library.name}: {symbol_name(library)} is not where its data is")
    return read_package(blob, offset, size)


def shrink_library(source: Path, target: Path) -> tuple[int, int, list[str]]:
    """Write a trimmed copy of the ICU data library ``source`` to ``target``.

    Returns (items before, items after, names dropped).
    """
    package = load_library_package(source)
    kept = trimmed(package)
    build_library(write_package(kept), source.name, symbol_name(source), target)
    dropped = sorted(set(package.items) - set(kept.items))
    return len(package.items), len(kept.items), dropped
