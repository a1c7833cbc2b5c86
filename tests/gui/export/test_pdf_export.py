"""The printable PDF export: Qt's writer, read back with pypdf."""

from __future__ import annotations

import io
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pypdf
import pytest

from peerjournal.app.export import ExportOptions, export_to
from peerjournal.ui.export.pdf import render_pdf
from tests.helpers.cli import pj
from tests.helpers.vault import make_session

CANARY = "zebra-canary-7f3a"


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    # pypdf gives Qt's word gaps as tabs: compare with single spaces
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_pdf_holds_the_range_in_order_with_mood_levels(tmp_path: Path, qapp: object) -> None:
    session = make_session(tmp_path)
    start = datetime(2024, 3, 1, 9, tzinfo=UTC)
    for n in range(40):
        session.journal.add(f"Day {n} body text {CANARY if n == 7 else ''}",
                            title=f"Entry number {n:02d}",
                            created=start + timedelta(days=n))  # fmt: skip
    session.mood.add(5, at=start + timedelta(days=3, hours=1), note="bright")
    target = tmp_path / "out.pdf"
    options = ExportOptions(format="pdf", since=start.date() + timedelta(days=2),
                            until=start.date() + timedelta(days=30))  # fmt: skip
    report = export_to(session, target, options, render_pdf=render_pdf)
    assert report.entries == 29 and report.moods == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"%PDF-")
    text = pdf_text(target)
    positions = [text.index(f"Entry number {n:02d}") for n in range(2, 31)]
    assert positions == sorted(positions), "entries in time order"
    assert "Entry number 01" not in text and "Entry number 31" not in text
    assert CANARY in text and "Mood levels" in text and "bright" in text
    assert "29 entries · 1 mood log " in text  # one log is not "1 mood logs"
    assert len(pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages) > 1


def test_the_pdf_header_counts_one_entry_and_many_logs_in_good_english(
    tmp_path: Path, qapp: object
) -> None:
    session = make_session(tmp_path)
    start = datetime(2024, 3, 1, 9, tzinfo=UTC)
    session.journal.add("Only one.", title="Alone", created=start)
    for n in range(3):
        session.mood.add(3, at=start + timedelta(hours=n + 1))
    target = tmp_path / "one.pdf"
    export_to(session, target, ExportOptions(format="pdf"), render_pdf=render_pdf)
    assert "1 entry · 3 mood logs" in pdf_text(target)


def test_cli_pdf_export_without_a_display_and_the_canary_only_in_the_pdf(tmp_path: Path) -> None:
    assert pj(tmp_path, "init").returncode == 0
    assert pj(tmp_path, "add", "--title", "Canary day", f"text with {CANARY}").returncode == 0
    out = tmp_path / "export"
    out.mkdir()
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    result = pj(tmp_path, "export", "--format", "pdf", "--yes", "-o", str(out / "j.pdf"), **env)
    assert result.returncode == 0, result.stderr
    assert "NOT encrypted" in result.stderr and "backup create" in result.stderr
    assert CANARY in pdf_text(out / "j.pdf")
    assert os.listdir(out) == ["j.pdf"]
    for folder in (tmp_path / "vault", tmp_path / "tmp", tmp_path / "home"):
        for root, _dirs, files in os.walk(folder):
            for name in files:
                assert CANARY.encode() not in (Path(root) / name).read_bytes(), name
    assert CANARY not in result.stdout + result.stderr


@pytest.mark.parametrize("argv", [["--format", "pdf"], ["--format", "md", "--single-file"]])
def test_a_script_is_told_before_a_plaintext_file_is_written(
    tmp_path: Path, argv: list[str]
) -> None:
    assert pj(tmp_path, "init").returncode == 0
    target = tmp_path / "x.out"
    result = pj(tmp_path, "export", *argv, "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "NOT encrypted" in result.stderr and target.is_file()
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_range_of_many_pages_holds_every_entry_and_its_mood_table(
    tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One document for the whole range lost what lay past about 666 A4 pages (its layout
    # ran out of coordinates): 10,000 entries said "exported" held 3,877. Drawn in parts,
    # every entry is there, in order; small parts here so several are crossed.
    import peerjournal.ui.export.pdf as pdf

    monkeypatch.setattr(pdf, "ENTRIES_PER_PART", 40)
    monkeypatch.setattr(pdf, "MOODS_PER_PART", 25)
    session = make_session(tmp_path)
    start = datetime(2023, 1, 1, 9, tzinfo=UTC)
    body = " ".join(["a long day of walking by the river and writing it down"] * 380)
    count = 260
    entries = [
        session.journal.add(body, title=f"Entry E{n:04d}", created=start + timedelta(hours=n))
        for n in range(count)
    ]
    for n in range(60):
        session.mood.add(1 + n % 5, at=start + timedelta(hours=n, minutes=30), note=f"log L{n:02d}")
    ticks: list[tuple[int, int]] = []
    target = tmp_path / "many.pdf"
    report = export_to(
        session, target, ExportOptions(format="pdf"), render_pdf=pdf.render_pdf,
        progress=lambda done, total: ticks.append((done, total)),
    )  # fmt: skip
    assert report.entries == count == len(entries) and report.moods == 60
    reader = pypdf.PdfReader(io.BytesIO(target.read_bytes()))
    pages = len(reader.pages)
    assert pages > 700  # past where one document stopped
    # (reading the text of every page back takes pypdf minutes: the first and the last)
    first = " ".join(reader.pages[0].extract_text().split())
    assert first.index(f"{count} entries · 60 mood logs") < first.index("Entry E0000")
    last = " ".join(reader.pages[n].extract_text() for n in range(pages - 8, pages))
    tail = " ".join(last.split())
    assert tail.index(f"Entry E{count - 1:04d}") < tail.index("Mood levels")
    logs = [tail.index(f"log L{n:02d}") for n in range(60)]
    assert logs == sorted(logs)
    assert tail.count("Mood levels") == 3  # the table's heading on each of its parts
    assert ticks[-1] == (count, count)
    assert [reader.pages[n].extract_text().split()[-1] for n in (0, pages - 1)] == ["1", str(pages)]


def test_one_very_long_entry_is_drawn_whole_across_parts(
    tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import peerjournal.ui.export.pdf as pdf

    monkeypatch.setattr(pdf, "PART_CHARS", 6_000)
    session = make_session(tmp_path)
    lines = [f"line L{n:04d} of a very long entry, written over a whole night" for n in range(400)]
    session.journal.add("\n".join(lines) + " THE-END", title="The long one")
    session.journal.add("A short one after it.", title="Short")
    pieces = pdf._pieces("\n".join(lines))
    assert len(pieces) > 3 and all(len(piece) <= 6_000 for piece in pieces)
    assert all(piece.endswith("\n") for piece in pieces[:-1])  # cut at line breaks
    assert "".join(pieces) == "\n".join(lines)
    blank = pdf._pieces("\n" * 20_000)  # blank lines fill pages as text does
    assert all(piece.count("\n") <= pdf.PART_LINES for piece in blank) and len(blank) == 7
    target = tmp_path / "long.pdf"
    export_to(session, target, ExportOptions(format="pdf"), render_pdf=pdf.render_pdf)
    text = pdf_text(target)
    found = [text.index(f"line L{n:04d}") for n in range(400)]
    assert found == sorted(found)
    assert text.index("The long one") < found[0] < text.index("THE-END") < text.index("Short")
    assert text.count("The long one") == 1  # the heading once, not on every part
