"""Small checkers shared by the importers: every failure names where in the file it is.

Each checker raises :class:`ImportExportError` with a message like
``"entry 12: 'date' must look like 2024-05-31, not '31/05/2024'"`` so the user can find
and fix the spot. Values quoted back are shortened so a hostile file cannot flood the
terminal.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from peerjournal.errors import ImportExportError

SUFFIX = " Nothing was imported."


def shorten(value: object, limit: int = 40) -> str:
    """A short, printable rendering of a value for an error message."""
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def fail(where: str, problem: str) -> ImportExportError:
    """Build the error for a problem at ``where`` (e.g. ``"entry 3"``)."""
    prefix = f"{where}: " if where else ""
    return ImportExportError(f"{prefix}{problem}.{SUFFIX}")


def type_name(value: object) -> str:
    """The JSON name of a parsed value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def as_object(value: object, where: str) -> dict[str, Any]:
    """Require a JSON object."""
    if not isinstance(value, dict):
        raise fail(where, f"expected an object, found {type_name(value)}")
    return value


def as_list(value: object, where: str, key: str) -> list[Any]:
    """Require a JSON list."""
    if not isinstance(value, list):
        raise fail(where, f"'{key}' must be a list, found {type_name(value)}")
    return value


def as_text(
    value: object, where: str, key: str, *, max_chars: int, allow_empty: bool = True
) -> str:
    """Require a string of bounded length without NUL characters."""
    if not isinstance(value, str):
        raise fail(where, f"'{key}' must be text, found {type_name(value)}")
    if len(value) > max_chars:
        raise fail(where, f"'{key}' is longer than {max_chars:,} characters")
    if "\x00" in value:
        raise fail(where, f"'{key}' contains a NUL character")
    if not allow_empty and not value.strip():
        raise fail(where, f"'{key}' must not be empty")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise fail(where, f"'{key}' contains an unpaired surrogate character") from exc
    return value


def as_bool(value: object, where: str, key: str) -> bool:
    """Require true or false."""
    if not isinstance(value, bool):
        raise fail(where, f"'{key}' must be true or false, found {shorten(value)}")
    return value


def as_level(value: object, where: str, key: str) -> int:
    """Require a whole mood level 1 to 5."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise fail(where, f"'{key}' must be a whole number from 1 to 5, found {shorten(value)}")
    return value


def as_uuid(value: object, where: str, key: str) -> str:
    """Require a UUID string; returned in canonical lower-case form."""
    if not isinstance(value, str) or len(value) > 64:
        raise fail(where, f"'{key}' must be a UUID, found {shorten(value)}")
    try:
        parsed = uuid.UUID(value)
    except ValueError as exc:
        raise fail(where, f"'{key}' must be a UUID, found {shorten(value)}") from exc
    if str(parsed) != value.lower():
        raise fail(where, f"'{key}' must be a UUID in the usual 8-4-4-4-12 form")
    return str(parsed)


def as_aware_datetime(value: object, where: str, key: str) -> datetime:
    """Require an ISO-8601 date and time with a UTC offset."""
    if not isinstance(value, str) or len(value) > 64:
        raise fail(where, f"'{key}' must be an ISO-8601 time with offset, found {shorten(value)}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise fail(
            where, f"'{key}' must be an ISO-8601 time with offset, found {shorten(value)}"
        ) from exc
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise fail(
            where, f"'{key}' must include a UTC offset such as +02:00, found {shorten(value)}"
        )
    if not 1900 <= parsed.year <= 9998:
        raise fail(where, f"'{key}' has an implausible year {parsed.year}")
    return parsed


def names_list(
    value: object, where: str, key: str, *, max_items: int, max_chars: int
) -> tuple[str, ...]:
    """Require a list of short non-empty names (tags, emotions, activities)."""
    items = as_list(value, where, key)
    if len(items) > max_items:
        raise fail(where, f"'{key}' has more than {max_items} items")
    names: list[str] = []
    for item in items:
        name = as_text(item, where, key, max_chars=max_chars, allow_empty=False).strip()
        if any(ch in name for ch in "\r\n\t"):
            raise fail(where, f"'{key}' items must be one line each, found {shorten(name)}")
        names.append(name)
    return tuple(names)
