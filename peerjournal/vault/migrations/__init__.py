"""Numbered schema migrations.

Each module ``mNNNN_<name>.py`` defines ``VERSION: int`` (equal to NNNN) and
``upgrade(conn) -> None``; one that sets ``REPORTS_PROGRESS = True`` takes
``upgrade(conn, progress)`` and calls ``progress(done, total)`` as it goes (a long index
build). :func:`migrate` runs the pending ones in order, each inside its
own transaction together with the ``PRAGMA user_version`` bump, so a crash leaves the
database at the previous version. ``upgrade`` must use ``conn.execute`` only (never
``executescript``, which would commit the transaction early).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peerjournal.errors import VaultCorrupt, VaultTooNew

_NAME = re.compile(r"^m(\d{4})_\w+$")


@dataclass(frozen=True)
class Migration:
    """One discovered migration module."""

    version: int
    name: str
    upgrade: Callable[..., None]
    reports_progress: bool = False


def discover() -> list[Migration]:
    """All migration modules in this package, sorted by version (VaultCorrupt on gaps)."""
    found: list[Migration] = []
    for info in pkgutil.iter_modules(__path__):
        match = _NAME.match(info.name)
        if not match:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        version = int(match.group(1))
        if getattr(module, "VERSION", None) != version:
            raise RuntimeError(f"migration {info.name} declares VERSION {module.VERSION!r}")
        reports = bool(getattr(module, "REPORTS_PROGRESS", False))
        found.append(Migration(version, info.name, module.upgrade, reports))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("migration versions must be 1, 2, 3, ... without gaps")
    return found


def latest_version() -> int:
    """The schema version this code writes."""
    return discover()[-1].version


def current_version(conn: Any) -> int:
    """The database's ``user_version``."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_too_new(conn: Any) -> int:
    """Raise VaultTooNew if the database is newer than this code; return its version."""
    version = current_version(conn)
    if version > latest_version():
        raise VaultTooNew()
    if version < 0:
        raise VaultCorrupt()
    return version


Progress = Callable[[int, int], None]


def pending(conn: Any) -> list[Migration]:
    """The migrations this database still needs."""
    version = check_not_too_new(conn)
    return [m for m in discover() if m.version > version]


def migrate(conn: Any, target: int | None = None, progress: Progress | None = None) -> int:
    """Apply pending migrations up to ``target`` (default: all); returns the new version.

    ``conn`` must be in autocommit mode (``isolation_level=None``). ``progress(done,
    total)`` hears from migrations that take long (index builds).
    """
    version = check_not_too_new(conn)
    for migration in discover():
        if migration.version <= version or (target is not None and migration.version > target):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if migration.reports_progress:
                migration.upgrade(conn, progress)
            else:
                migration.upgrade(conn)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        version = migration.version
    return version
