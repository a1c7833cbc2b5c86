"""PeerJournal relay: stores end-to-end encrypted envelopes in one-way mailboxes."""

__version__ = "0.1.0"
