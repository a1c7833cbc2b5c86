"""Small checkers shared by the importers: every failure names where in the file it is.

Each checker raises :class:`ImportExportError` ``import.invalid`` with *where* (an
``import.where.*`` text such as "entry 12") and *what* is wrong (an ``import.problem.*``
text), e.g. "entry 12: 'date' must look like 2024-05-31, found '31/05/2024'. Nothing was
imported.", so the user can find and fix the spot. Values quoted back are shortened so a
hostile file cannot flood the terminal.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from peerjournal.errors import ImportExportError, Param, Text

#: Where a problem is: an ``import.where.*`` text, or None for "somewhere in the file".
Where = Text | None


def entry_at(index: int) -> Text:
    """Where entry ``index`` (0-based) of a file is."""
    return Text("import.where.entry", number=index + 1)


def mood_at(index: int) -> Text:
    """Where mood log ``index`` (0-based) of a file is."""
    return Text("import.where.mood", number=index + 1)


def whole_file(format_name: str) -> Text:
    """The file as a whole ("the jrnl file")."""
    return Text("import.where.file", format=format_name)


def in_key(key: str) -> Text:
    """Inside the object under ``key`` of the file."""
    return Text("import.where.key", key=key)


def shorten(value: object, limit: int = 40) -> str:
    """A short, printable rendering of a value for an error message."""
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def fail(where: Where, problem: str, **params: Param) -> ImportExportError:
    """The error for the ``import.problem.*`` ``problem`` at ``where``."""
    what = Text(f"import.problem.{problem}", **params)
    if where is None:
        return ImportExportError("import.invalid_anywhere", problem=what)
    return ImportExportError("import.invalid", where=where, problem=what)


def type_name(value: object) -> Text:
    """The JSON name of a parsed value's type."""
    if value is None:
        return Text("json.null")
    if isinstance(value, bool):
        return Text("json.bool")
    if isinstance(value, int | float):
        return Text("json.number")
    if isinstance(value, str):
        return Text("json.text")
    if isinstance(value, list):
        return Text("json.list")
    return Text("json.object")


def as_object(value: object, where: Where) -> dict[str, Any]:
    """Require a JSON object."""
    if not isinstance(value, dict):
        raise fail(where, "not_object", found=type_name(value))
    return value


def as_list(value: object, where: Where, key: str) -> list[Any]:
    """Require a JSON list."""
    if not isinstance(value, list):
        raise fail(where, "not_list", key=key, found=type_name(value))
    return value


def as_text(
    value: object, where: Where, key: str, *, max_chars: int, allow_empty: bool = True
) -> str:
    """Require a string of bounded length without NUL characters."""
    if not isinstance(value, str):
        raise fail(where, "not_text", key=key, found=type_name(value))
    if len(value) > max_chars:
        raise fail(where, "too_long", key=key, limit=max_chars)
    if "\x00" in value:
        raise fail(where, "nul", key=key)
    if not allow_empty and not value.strip():
        raise fail(where, "empty", key=key)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise fail(where, "surrogate", key=key) from exc
    return value


def as_bool(value: object, where: Where, key: str) -> bool:
    """Require true or false."""
    if not isinstance(value, bool):
        raise fail(where, "not_bool", key=key, value=shorten(value))
    return value


def as_level(value: object, where: Where, key: str) -> int:
    """Require a whole mood level 1 to 5."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise fail(where, "not_level", key=key, value=shorten(value))
    return value


def as_uuid(value: object, where: Where, key: str) -> str:
    """Require a UUID string; returned in canonical lower-case form."""
    if not isinstance(value, str) or len(value) > 64:
        raise fail(where, "not_uuid", key=key, value=shorten(value))
    try:
        parsed = uuid.UUID(value)
    except ValueError as exc:
        raise fail(where, "not_uuid", key=key, value=shorten(value)) from exc
    if str(parsed) != value.lower():
        raise fail(where, "uuid_form", key=key)
    return str(parsed)


def as_aware_datetime(value: object, where: Where, key: str) -> datetime:
    """Require an ISO-8601 date and time with a UTC offset."""
    if not isinstance(value, str) or len(value) > 64:
        raise fail(where, "not_time", key=key, value=shorten(value))
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise fail(where, "not_time", key=key, value=shorten(value)) from exc
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise fail(where, "no_offset", key=key, value=shorten(value))
    if not 1900 <= parsed.year <= 9998:
        raise fail(where, "year", key=key, year=parsed.year)
    return parsed


def names_list(
    value: object, where: Where, key: str, *, max_items: int, max_chars: int
) -> tuple[str, ...]:
    """Require a list of short non-empty names (tags, emotions, activities)."""
    items = as_list(value, where, key)
    if len(items) > max_items:
        raise fail(where, "too_many", key=key, limit=max_items)
    names: list[str] = []
    for item in items:
        name = as_text(item, where, key, max_chars=max_chars, allow_empty=False).strip()
        if any(ch in name for ch in "\r\n\t"):
            raise fail(where, "multiline", key=key, value=shorten(name))
        names.append(name)
    return tuple(names)
