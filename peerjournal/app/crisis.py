"""The offline list of crisis lines (``resources/crisis/crisis_resources.json``).

It ships with the app and is read without any network access, so it works while the vault
is locked and when the computer is offline.  The loader is pure apart from reading the
file; it validates every record and raises :class:`ValueError` naming the bad field, which
is a packaging bug rather than something the user can fix.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import phonenumbers

SCHEMA = 1
KINDS = ("emergency", "helpline")
AUDIENCES = ("everyone", "youth", "adults")
_RESOURCE = Path("resources") / "crisis" / "crisis_resources.json"


@dataclass(frozen=True)
class CrisisLine:
    """One service: an emergency number or a helpline in one country."""

    country: str  # ISO 3166-1 alpha-2, upper case
    name: str
    kind: str  # "emergency" or "helpline"
    phone: str | None
    sms: str | None  # a number, or an instruction such as "Text HOME to 741741"
    url: str | None
    hours: str | None
    audience: str  # "everyone", "youth" or "adults"
    languages: tuple[str, ...]
    notes: str
    source: str | None = None  # where the number and hours were checked (https)


@dataclass(frozen=True)
class Directory:
    """A website listing helplines in many countries."""

    name: str
    url: str
    description: str


@dataclass(frozen=True)
class CrisisResources:
    """Every crisis line, with the date the list was last checked."""

    last_reviewed: date
    note: str
    lines: tuple[CrisisLine, ...]
    directories: tuple[Directory, ...]

    def countries(self) -> list[str]:
        """Country codes that have at least one line, sorted."""
        return sorted({line.country for line in self.lines})

    def for_country(self, code: str) -> list[CrisisLine]:
        """Lines for one country (case-insensitive code), emergency numbers first."""
        wanted = code.strip().upper()
        chosen = [line for line in self.lines if line.country == wanted]
        return sorted(chosen, key=lambda line: KINDS.index(line.kind))


def default_path() -> Path:
    """Where the bundled list lives: next to the sources, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if isinstance(bundle, str):
        candidate = Path(bundle) / _RESOURCE
        if candidate.is_file():
            return candidate
    return Path(__file__).resolve().parents[2] / _RESOURCE


def is_country_code(code: object) -> bool:
    """True for an upper-case ISO 3166-1 alpha-2 code of a real country or territory."""
    return (
        isinstance(code, str)
        and len(code) == 2
        and code.isascii()
        and code.isupper()
        and code in phonenumbers.SUPPORTED_REGIONS
    )


def _text(record: dict[str, Any], key: str, where: str, *, required: bool) -> str | None:
    value = record.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: '{key}' must be a non-empty string")
    return value.strip()


def _line(record: object, where: str) -> CrisisLine:
    if not isinstance(record, dict):
        raise ValueError(f"{where}: must be an object")
    country = record.get("country")
    if not is_country_code(country):
        raise ValueError(f"{where}: 'country' must be an ISO 3166 alpha-2 code, not {country!r}")
    kind = _text(record, "kind", where, required=True)
    if kind not in KINDS:
        raise ValueError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
    audience = _text(record, "audience", where, required=True)
    if audience not in AUDIENCES:
        raise ValueError(f"{where}: 'audience' must be one of {', '.join(AUDIENCES)}")
    phone = _text(record, "phone", where, required=False)
    sms = _text(record, "sms", where, required=False)
    url = _text(record, "url", where, required=False)
    if phone is None and sms is None and url is None:
        raise ValueError(f"{where}: needs at least one of 'phone', 'sms', 'url'")
    source = _text(record, "source", where, required=False)
    for key, value in (("url", url), ("source", source)):
        if value is not None and not value.startswith("https://"):
            raise ValueError(f"{where}: '{key}' must start with https://")
    languages = record.get("languages", [])
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise ValueError(f"{where}: 'languages' must be a list of strings")
    return CrisisLine(
        country=str(country),
        name=_text(record, "name", where, required=True) or "",
        kind=kind,
        phone=phone,
        sms=sms,
        url=url,
        hours=_text(record, "hours", where, required=False),
        audience=audience,
        languages=tuple(languages),
        notes=_text(record, "notes", where, required=False) or "",
        source=source,
    )


def _directory(record: object, where: str) -> Directory:
    if not isinstance(record, dict):
        raise ValueError(f"{where}: must be an object")
    url = _text(record, "url", where, required=True) or ""
    if not url.startswith("https://"):
        raise ValueError(f"{where}: 'url' must start with https://")
    return Directory(
        name=_text(record, "name", where, required=True) or "",
        url=url,
        description=_text(record, "description", where, required=False) or "",
    )


def parse_crisis_resources(data: object) -> CrisisResources:
    """Validate decoded JSON and build typed records; ``ValueError`` names the bad field."""
    if not isinstance(data, dict):
        raise ValueError("crisis resources: the top level must be an object")
    if data.get("schema") != SCHEMA:
        raise ValueError(f"crisis resources: unsupported schema {data.get('schema')!r}")
    try:
        reviewed = date.fromisoformat(str(data.get("last_reviewed")))
    except ValueError:
        raise ValueError("crisis resources: 'last_reviewed' must be a YYYY-MM-DD date") from None
    raw_lines = data.get("lines")
    raw_directories = data.get("directories", [])
    if not isinstance(raw_lines, list) or not isinstance(raw_directories, list):
        raise ValueError("crisis resources: 'lines' and 'directories' must be lists")
    lines = tuple(_line(record, f"lines[{i}]") for i, record in enumerate(raw_lines))
    seen: set[tuple[str, str, str | None]] = set()
    for i, line in enumerate(lines):
        key = (line.country, line.name.casefold(), line.phone)
        if key in seen:
            raise ValueError(f"lines[{i}]: duplicate of an earlier entry ({line.name})")
        seen.add(key)
    note = _text(data, "note", "crisis resources", required=True) or ""
    return CrisisResources(
        last_reviewed=reviewed,
        note=note,
        lines=lines,
        directories=tuple(
            _directory(record, f"directories[{i}]") for i, record in enumerate(raw_directories)
        ),
    )


def load_crisis_resources(path: Path | None = None) -> CrisisResources:
    """Read and validate the list (default: the bundled one)."""
    source = path if path is not None else default_path()
    with source.open(encoding="utf-8") as handle:
        return parse_crisis_resources(json.load(handle))
