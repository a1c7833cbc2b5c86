"""PeerJournal's own JSON export (``docs/export-format.md``): what its writer and reader share.

The writer (:mod:`peerjournal.exporters.peerjournal_json`) puts the keys in the order
below; the reader (:mod:`peerjournal.importers.peerjournal_json`) requires exactly them.
"""

from __future__ import annotations

FORMAT_NAME = "peerjournal-export"
FORMAT_VERSION = 1

#: The document's keys, in the order they are written.
TOP_KEYS = ("format", "version", "mood_labels", "emotions", "activities", "entries", "moods")
#: An entry's keys, in the order they are written.
ENTRY_KEYS = ("id", "created", "updated", "title", "body", "tags", "starred", "mood_id", "deleted")
#: A mood log's keys, in the order they are written.
MOOD_KEYS = ("id", "at", "level", "emotions", "activities", "note")
