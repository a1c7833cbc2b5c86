"""The two whole-file JSON formats (jrnl's and PeerJournal's) as record sources.

Their parsers read the whole file and check it as one document (PeerJournal's own format is
strict by design: a half-understood export is refused, not half imported). This source
hands the parsed bundle to the shared import path record by record.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from peerjournal import importers
from peerjournal.errors import ImportExportError
from peerjournal.importers.records import read_import_file
from peerjournal.importers.source import (
    ImportOptions,
    ImportSource,
    Item,
    Problem,
    Vocabulary,
    checked_entry,
    checked_mood,
    skipped,
)
from peerjournal.importers.validate import entry_at, mood_at


class BundleSource(ImportSource):
    """A jrnl or PeerJournal JSON file, parsed whole, then yielded record by record."""

    def __init__(self, path: Path, options: ImportOptions, *, format_name: str) -> None:
        super().__init__(path, options)
        self.format = format_name

    def read(self) -> Iterator[Item | Problem]:
        """Moods first, so entries that link them find them."""
        data = read_import_file(self.path)
        self.bytes_total = len(data)
        bundle = importers.parse(self.format, data)
        del data
        self.bytes_done = self.bytes_total
        self.notices.extend(bundle.warnings)
        self.vocabulary = Vocabulary(bundle.mood_labels, bundle.emotions, bundle.activities)
        for index, mood in enumerate(bundle.moods):
            try:
                yield Item(mood=checked_mood(mood, mood_at(index)))
            except ImportExportError as exc:
                yield skipped(exc)
        for index, entry in enumerate(bundle.entries):
            try:
                yield Item(entry=checked_entry(entry, entry_at(index)))
            except ImportExportError as exc:
                yield skipped(exc)
