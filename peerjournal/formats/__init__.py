"""The file formats PeerJournal reads and writes, one module per format.

A format module holds what the reader (``peerjournal/importers/``) and the writer
(``peerjournal/exporters/``) of that format share: its name, its version, its fields. It
imports nothing but the domain and the errors, so both sides can use it without knowing
each other.
"""
