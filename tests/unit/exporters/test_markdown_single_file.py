"""The single-file Markdown export says what it is, so it is not mistaken for one note."""

from __future__ import annotations

from pathlib import Path

from peerjournal.app.export import ExportOptions, export_bytes
from peerjournal.formats.markdown import SINGLE_FILE_MARK
from tests.helpers.vault import make_session


def test_the_single_file_starts_with_its_title_and_an_invisible_mark(tmp_path: Path) -> None:
    session = make_session(tmp_path)
    session.journal.add("body", title="Evening")
    text = export_bytes(session, ExportOptions(format="md", single_file=True)).decode()
    lines = text.splitlines()
    assert lines[:2] == ["# PeerJournal", SINGLE_FILE_MARK]
    assert SINGLE_FILE_MARK.startswith("<!--") and SINGLE_FILE_MARK.endswith("-->")
    assert "JSON export or a Markdown folder export" in SINGLE_FILE_MARK
