"""File formats PeerJournal reads, each as a streaming record source.

Every format is an :class:`~peerjournal.importers.source.ImportSource` opened by
:func:`open_source` (``SOURCES`` maps the ``--format`` name to its opener): iterating it
yields validated records and the problems of malformed rows, one at a time; a problem with
the file as a whole raises :class:`~peerjournal.errors.ImportExportError`. Writing the
records into a vault (in one transaction) is ``peerjournal.app.transfer``'s job. For the two
JSON formats, strict bytes-in, bundle-out parsers (:data:`PARSERS`) read data held in
memory through the same streaming readers; the first problem raises.

Adding a format: a module here with a subclass of ``ImportSource``, and one line in
``SOURCES`` (and a rule in :func:`detect_format` if its first bytes tell it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from peerjournal.errors import ImportExportError
from peerjournal.importers.jrnl import parse_jrnl_json
from peerjournal.importers.peerjournal_json import parse_peerjournal_json
from peerjournal.importers.records import ImportBundle
from peerjournal.importers.source import ImportOptions, ImportSource

PARSERS: dict[str, Callable[[bytes], ImportBundle]] = {
    "jrnl": parse_jrnl_json,
    "json": parse_peerjournal_json,
}

Opener = Callable[[Path, ImportOptions], ImportSource]


def _lazy(module: str, name: str) -> Opener:
    """An opener that imports its format's module only when used (start-up stays small)."""

    def open_it(path: Path, options: ImportOptions) -> ImportSource:
        import importlib

        source_class = getattr(importlib.import_module(module), name)
        return source_class(path, options)  # type: ignore[no-any-return]

    return open_it


#: ``--format`` name → opener, in the order the help lists them.
SOURCES: dict[str, Opener] = {
    "jrnl": _lazy("peerjournal.importers.jrnl_text", "JrnlSource"),  # json, txt or md
    "json": _lazy("peerjournal.importers.peerjournal_json", "PeerJournalJsonSource"),
    "dayone": _lazy("peerjournal.importers.dayone", "DayOneSource"),
    "daylio": _lazy("peerjournal.importers.daylio", "DaylioSource"),
    "markdown": _lazy("peerjournal.importers.markdown", "MarkdownSource"),  # a folder or a file
}


def open_source(format_name: str, path: Path, options: ImportOptions | None = None) -> ImportSource:
    """The record source reading ``path`` in the named format."""
    opener = SOURCES.get(format_name)
    if opener is None:
        raise ImportExportError(
            "import.unknown_format", name=format_name, formats=", ".join(SOURCES)
        )
    return opener(Path(path), options or ImportOptions())


def parse(format_name: str, data: bytes) -> ImportBundle:
    """Parse ``data`` in the named format (``"jrnl"`` or ``"json"``)."""
    parser = PARSERS.get(format_name)
    if parser is None:
        raise ImportExportError(
            "import.unknown_format", name=format_name, formats=", ".join(PARSERS)
        )
    return parser(data)


def detect_format(path: Path) -> str | None:
    """The format a file looks like from its first bytes, or None (the user chooses)."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(65536)
    except OSError:
        return None
    if head.startswith(b"PK\x03\x04"):
        return "dayone"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    first_line = text.split(b"\n", 1)[0].lower()
    if text.startswith(b"{"):
        if b'"creationDate"' in text or b'"metadata"' in text[:200]:
            return "dayone"
        if b'"peerjournal' in text[:300]:
            return "json"
        return "jrnl"
    if text.startswith((b"[", b"#")):
        return "jrnl"
    if b"mood" in first_line and (b"full_date" in first_line or b"year" in first_line):
        return "daylio"
    return None
