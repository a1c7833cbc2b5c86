"""Exports in the desktop app: the File → Export… dialog and the PDF writer (Qt's)."""
