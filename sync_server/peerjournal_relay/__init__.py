"""PeerJournal relay: stores end-to-end encrypted envelopes in one-way mailboxes."""

from importlib import metadata

try:  # the version's one source is pyproject.toml, read back from the installed metadata
    __version__ = metadata.version("peerjournal-relay")
except metadata.PackageNotFoundError:  # a source tree that was never installed
    __version__ = "unknown"
