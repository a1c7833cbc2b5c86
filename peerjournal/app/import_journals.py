"""Which journals an import file holds, for a chooser before the import (Day One zips)."""

from __future__ import annotations

from pathlib import Path


def journals_in(path: Path, format_name: str | None) -> tuple[str, ...]:
    """The journal names a file of ``format_name`` lets the user choose between: those of
    a Day One zip (``Journal``, ``Travel``); ``()`` for every other file and format.

    Raises :class:`~peerjournal.errors.ImportExportError` for a damaged zip (the dry run
    would say the same).
    """
    if format_name != "dayone" or not Path(path).is_file():
        return ()
    from peerjournal.importers.dayone import journal_names

    return journal_names(Path(path))
