"""Record unexpected errors (bugs) to a log file without any journal content.

Used by the command line and by the desktop app's worker thread.

An exception's *message* may quote user text (a title in a SQL error, a tag in a
ValueError), so only exception *types* and traceback *frames* (file, line, function) are
written; the source lines of PeerJournal's own code are safe and omitted anyway to keep
entries short. The log lives in the platform's user log folder, mode 0600, and is cut
back when it grows past a limit.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

LOG_NAME = "bugs.log"
MAX_LOG_BYTES = 512 * 1024


def log_folder() -> Path:
    """The platform user log folder for PeerJournal."""
    import platformdirs

    return Path(platformdirs.user_log_dir("peerjournal", appauthor=False))


def describe(exc: BaseException) -> str:
    """Types and frames of ``exc`` and its causes, with no exception messages."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        lines.append(f"{kind.__module__}.{kind.__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  at {frame.filename}:{frame.lineno} in {frame.name}")
        report = getattr(current, "report", None)
        if isinstance(report, str):
            # an error another process of this program described the same way (the
            # reader of a large import: peerjournal.importers.ahead.ReaderBug)
            lines.append("in the other process:")
            lines.extend(f"  {line}" for line in report.splitlines())
        following = current.__cause__ or current.__context__
        if following is not None:
            lines.append("caused while handling:")
        current = following
    return "\n".join(lines)


def record_bug(exc: BaseException, where: str) -> Path | None:
    """Append a scrubbed report of ``exc`` to the log; returns the log path, or None.

    ``where`` names the part that failed (a CLI command, "desktop app"), never user text.
    """
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / LOG_NAME
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.unlink()
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        text = f"--- {stamp} peerjournal {where}: internal error\n{describe(exc)}\n"
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, text.encode("utf-8", "replace"))
        finally:
            os.close(fd)
        return path
    except OSError:
        return None
