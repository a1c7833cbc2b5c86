"""PeerJournal: an offline-first, encrypted journal and mood log with optional peer exchange."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # ``peerjournal.__version__`` comes from the package metadata (pyproject.toml is its one
    # source) and is looked up when first asked for: importlib.metadata costs milliseconds
    # that the command line's start-up should not pay.
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("peerjournal")
        except metadata.PackageNotFoundError:
            return "unknown"
    raise AttributeError(f"module 'peerjournal' has no attribute {name!r}")
