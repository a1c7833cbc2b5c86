"""PeerJournal: an offline-first, encrypted journal and mood log with optional peer exchange."""

__version__ = "0.1.0"
