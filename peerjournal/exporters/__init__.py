"""File formats PeerJournal writes: its own documented JSON export (docs/export-format.md)."""
