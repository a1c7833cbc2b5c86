"""File formats PeerJournal reads: jrnl's JSON export and PeerJournal's own JSON export.

Importers are pure: bytes in, a validated :class:`~peerjournal.importers.records.ImportBundle`
out, or :class:`~peerjournal.errors.ImportExportError` with a message naming the spot.
Writing the bundle into a vault (in one transaction) is ``peerjournal.app.transfer``'s job.
"""

from __future__ import annotations

from collections.abc import Callable

from peerjournal.errors import ImportExportError
from peerjournal.importers.jrnl import parse_jrnl_json
from peerjournal.importers.peerjournal_json import parse_peerjournal_json
from peerjournal.importers.records import ImportBundle

PARSERS: dict[str, Callable[[bytes], ImportBundle]] = {
    "jrnl": parse_jrnl_json,
    "json": parse_peerjournal_json,
}


def parse(format_name: str, data: bytes) -> ImportBundle:
    """Parse ``data`` in the named format (``"jrnl"`` or ``"json"``)."""
    parser = PARSERS.get(format_name)
    if parser is None:
        raise ImportExportError(
            "import.unknown_format", name=format_name, formats=", ".join(PARSERS)
        )
    return parser(data)
