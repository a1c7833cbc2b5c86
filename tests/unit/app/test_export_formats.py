"""Every export format against a real vault: selection, order, files, atomicity."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from peerjournal.app.export import ExportOptions, export_bytes, export_stream, export_to
from peerjournal.app.session import Session
from peerjournal.domain.models import Entry
from peerjournal.errors import ExportError, ImportExportError
from peerjournal.exporters.peerjournal_json import export_json
from tests.helpers.vault import make_session

BERLIN = timezone(timedelta(hours=2))
NEW_YORK = timezone(timedelta(hours=-4))


def fill(session: Session) -> dict[str, str]:
    """A small journal with the awkward cases; returns names → entry ids."""
    j, m = session.journal, session.mood
    ids: dict[str, str] = {}
    good = m.add(4, at=datetime(2024, 5, 30, 20, 0, tzinfo=BERLIN), note="=HYPERLINK(evil)",
                 emotions=["calm"], activities=["walk"])  # fmt: skip
    far = m.add(2, at=datetime(2023, 1, 1, 9, 0, tzinfo=BERLIN), note="-old")
    ids["first"] = j.add("Body one 😀\r\nline two  ", title="First", tags=["work", "long walks"],
                         created=datetime(2024, 5, 30, 21, 7, 5, tzinfo=BERLIN),
                         mood_id=good.id).id  # fmt: skip
    ids["ny"] = j.add("late in New York", title="NY",
                      created=datetime(2024, 5, 30, 23, 30, tzinfo=NEW_YORK)).id  # fmt: skip
    ids["trashed"] = j.add("gone", title="Trashed",
                           created=datetime(2024, 5, 31, 8, tzinfo=BERLIN)).id  # fmt: skip
    j.delete(ids["trashed"])
    ids["linked_far"] = j.add("links an old mood", title="../../etc/passwd", tags=["work"],
                              created=datetime(2024, 6, 2, 7, tzinfo=UTC),
                              mood_id=far.id).id  # fmt: skip
    ids["good"], ids["far"] = good.id, far.id
    return ids


@pytest.fixture
def session(tmp_path: Path, local_zone) -> Session:  # type: ignore[no-untyped-def]
    local_zone("Europe/Berlin")
    s = make_session(tmp_path)
    return s


def test_streamed_json_is_byte_for_byte_the_documented_whole_document(session: Session) -> None:
    fill(session)
    rows = session.conn.execute("SELECT id FROM entries").fetchall()
    entries = [session.journal.get(r[0]) for r in rows]
    mood = session.mood
    legacy = export_json(entries, mood.list(), mood_labels=mood.labels(),
                         emotions=mood.emotions(), activities=mood.activities())  # fmt: skip
    assert export_bytes(session) == legacy
    doc = json.loads(legacy)
    assert [e["title"] for e in doc["entries"]][-1] == "../../etc/passwd"
    assert any(e["deleted"] for e in doc["entries"]), "the JSON export keeps the trash"


def test_entries_with_the_same_time_come_in_id_order(session: Session) -> None:
    moment = datetime(2024, 1, 1, 12, tzinfo=UTC)
    for n in range(6):
        session.journal.add(f"tie {n}", created=moment)
    doc = json.loads(export_bytes(session))
    ids = [e["id"] for e in doc["entries"]]
    assert ids == sorted(ids) and len(ids) == 6


def test_days_are_the_users_local_days(session: Session) -> None:
    ids = fill(session)
    # 23:30 in New York on 30 May is 05:30 on 31 May in Berlin: a 31 May entry here.
    opts = ExportOptions(since=date(2024, 5, 31), until=date(2024, 5, 31))
    doc = json.loads(export_bytes(session, opts))
    assert {e["id"] for e in doc["entries"]} == {ids["ny"], ids["trashed"]}
    opts = ExportOptions(since=date(2024, 5, 30), until=date(2024, 5, 30))
    doc = json.loads(export_bytes(session, opts))
    assert [e["id"] for e in doc["entries"]] == [ids["first"]]
    assert [m["id"] for m in doc["moods"]] == [ids["good"]]


def test_a_tag_filter_keeps_the_mood_logs_its_entries_link_to(session: Session) -> None:
    ids = fill(session)
    doc = json.loads(export_bytes(session, ExportOptions(tags=("WORK",))))
    assert [e["id"] for e in doc["entries"]] == [ids["first"], ids["linked_far"]]
    # the 2023 mood is outside any range but linked: without it the file would not import
    assert [m["id"] for m in doc["moods"]] == [ids["far"], ids["good"]]
    ranged = json.loads(export_bytes(session, ExportOptions(since=date(2024, 6, 1))))
    assert [m["id"] for m in ranged["moods"]] == [ids["far"]]


def test_a_reversed_range_and_an_unknown_format_are_refused(session: Session) -> None:
    with pytest.raises(ExportError) as caught:
        export_bytes(session, ExportOptions(since=date(2024, 2, 1), until=date(2024, 1, 1)))
    assert caught.value.code == "export.range_reversed"
    with pytest.raises(ExportError, match="use one of: json, md, csv, pdf"):
        export_bytes(session, ExportOptions(format="docx"))
    with pytest.raises(ExportError, match="needs a place"):
        export_stream(session, io.BytesIO(), ExportOptions(format="md"))


def front(path: Path) -> tuple[dict[str, object], bytes]:
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n---\n")
    assert head.startswith(b"---\n")
    return yaml.safe_load(head[4:].decode()), body


def test_markdown_folder_one_private_file_per_live_entry(session: Session, tmp_path: Path) -> None:
    ids = fill(session)
    target = tmp_path / "out" / "journal"
    target.parent.mkdir()
    report = export_to(session, target, ExportOptions(format="md"))
    names = sorted(p.name for p in target.iterdir())
    assert names == [
        "2024-05-30-first.md",
        "2024-05-31-ny.md",
        "2024-06-02-etc-passwd.md",
    ]
    assert report.entries == 3 and report.files == 3
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in target.iterdir())
    meta, body = front(target / "2024-05-30-first.md")
    assert body == "Body one 😀\r\nline two  ".encode()
    assert meta == {
        "title": "First",
        "date": "2024-05-30T21:07:05+02:00",
        "updated": meta["updated"],
        "tags": ["work", "long walks"],
        "starred": False,
        "mood": 4,
        "mood_label": session.mood.labels()[4],
        "mood_at": "2024-05-30T20:00:00+02:00",
        "mood_emotions": ["calm"],
        "mood_activities": ["walk"],
        "mood_note": "=HYPERLINK(evil)",
        "mood_id": ids["good"],
        "id": ids["first"],
    }
    meta, _body = front(target / "2024-05-31-ny.md")
    assert not any(key.startswith("mood") for key in meta), "no mood linked, no mood keys"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["journal"], "no temp left"


def test_markdown_folder_refuses_a_folder_that_holds_files(
    session: Session, tmp_path: Path
) -> None:
    fill(session)
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "mine.txt").write_text("keep me")
    with pytest.raises(ExportError) as caught:
        export_to(session, tmp_path / "taken", ExportOptions(format="md"))
    assert caught.value.code == "export.target_exists"
    assert (tmp_path / "taken" / "mine.txt").read_text() == "keep me"
    (tmp_path / "empty").mkdir()
    assert export_to(session, tmp_path / "empty", ExportOptions(format="md")).files == 3


def test_markdown_single_file_in_order_without_the_trash(session: Session) -> None:
    fill(session)
    text = export_bytes(session, ExportOptions(format="md", single_file=True)).decode()
    assert text.index("First") < text.index("NY") < text.index("etc/passwd")
    assert "Trashed" not in text and "tags: work, long walks" in text
    assert "Body one 😀\r\nline two  \n" in text


def test_csv_of_mood_logs_is_local_and_safe_to_open_in_a_spreadsheet(session: Session) -> None:
    fill(session)
    raw = export_bytes(session, ExportOptions(format="csv"))
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    labels = session.mood.labels()
    assert rows == [
        ["date", "time", "level", "label", "emotions", "activities", "note"],
        # 09:00 at +02:00 is 08:00 in Berlin in January (CET, +01:00): local time
        ["2023-01-01", "08:00", "2", labels[2], "", "", "'-old"],
        ["2024-05-30", "20:00", "4", labels[4], "calm", "walk", "'=HYPERLINK(evil)"],
    ]
    tagged = export_bytes(session, ExportOptions(format="csv", tags=("long walks",)))
    assert len(list(csv.reader(io.StringIO(tagged.decode("utf-8-sig"))))) == 2


@pytest.mark.parametrize("fmt", ["json", "md", "csv"])
def test_a_cancelled_export_leaves_nothing_behind(
    session: Session, tmp_path: Path, fmt: str
) -> None:
    for n in range(600):
        session.journal.add(
            f"entry {n}", created=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(minutes=n)
        )
        if n % 2:
            session.mood.add(3, at=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(minutes=n))
    out = tmp_path / "out"
    out.mkdir()
    (out / "export").write_bytes(b"the old export")

    def cancel(done: int, total: int) -> None:
        raise KeyboardInterrupt

    target = out / ("new" if fmt == "md" else "export")
    with pytest.raises(KeyboardInterrupt):
        export_to(session, target, ExportOptions(format=fmt), progress=cancel)
    assert sorted(os.listdir(out)) == ["export"]
    assert (out / "export").read_bytes() == b"the old export"


def test_a_target_inside_the_vault_or_in_no_folder_is_refused(
    session: Session, tmp_path: Path
) -> None:
    fill(session)
    with pytest.raises(ImportExportError, match="inside the vault"):
        export_to(session, session.folder / "x.md", ExportOptions(format="md"))
    with pytest.raises(ImportExportError, match="does not exist"):
        export_to(session, tmp_path / "no" / "x.csv", ExportOptions(format="csv"))
    with pytest.raises(ExportError) as caught:
        export_to(session, tmp_path / "x.pdf", ExportOptions(format="pdf"))
    assert caught.value.code == "export.no_pdf"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_chosen_in_the_desktop_is_refused_without_command_line_advice(
    session: Session, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ExportError) as caught:  # the desktop's save dialog calls export_to
        export_to(session, fifo, ExportOptions(format="json"))
    assert caught.value.code == "export.pipe_needs_file" and "--output" not in str(caught.value)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_entry_protocol_fields_unchanged() -> None:
    # the exporter reads domain entries; a new field there must be thought about here
    assert [f for f in Entry.__dataclass_fields__] == [
        "id", "created", "updated", "title", "body", "tags", "starred", "mood_id", "deleted",
    ]  # fmt: skip


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "md-single"])
def test_progress_starts_at_nought_with_the_total_so_a_small_export_can_be_cancelled(
    session: Session, tmp_path: Path, fmt: str
) -> None:
    for n in range(3):  # far fewer than the records between two reports
        session.journal.add(f"entry {n}", created=datetime(2024, 1, 1, n, tzinfo=UTC))
    calls: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> None:
        calls.append((done, total))
        raise KeyboardInterrupt

    options = ExportOptions(format="md", single_file=True) if fmt == "md-single" else (
        ExportOptions(format=fmt)
    )  # fmt: skip
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(KeyboardInterrupt):
        export_to(session, folder / "out", options, progress=cancel)
    assert calls == [(0, 0 if fmt == "csv" else 3)]  # csv counts mood logs: none here
    assert list(folder.iterdir()) == []
