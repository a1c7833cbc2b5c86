"""Reader defects the transfer audit found with files made by hand (see
/work/coord/notes/inbox-import-perf.md): each test fails on the reader as it was found."""

from __future__ import annotations

import os
import threading
import zipfile
from pathlib import Path

import pytest

from peerjournal.errors import ImportExportError
from peerjournal.importers import open_source
from peerjournal.importers.source import ImportOptions, Item, Problem


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_a_markdown_folder_is_skipped_not_waited_on(tmp_path: Path) -> None:
    root = tmp_path / "notes"
    root.mkdir()
    (root / "2024-05-31.md").write_text("a note\n", encoding="utf-8")
    os.mkfifo(root / "pipe.md")
    done = threading.Event()
    results: list[Item | Problem] = []

    def read() -> None:
        results.extend(open_source("markdown", root, ImportOptions()))
        done.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    finished = done.wait(timeout=3)  # milliseconds when it works
    if not finished:  # release the reader blocked in open() so the test run goes on
        fd = os.open(root / "pipe.md", os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        reader.join(timeout=10)
    assert finished, "the import waited for a writer on a named pipe"
    entries = [item.entry for item in results if isinstance(item, Item) and item.entry]
    assert [entry.body for entry in entries] == ["a note\n"]


def test_a_truncated_day_one_zip_is_called_a_damaged_zip_not_bad_json(tmp_path: Path) -> None:
    whole = tmp_path / "whole.zip"
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "Journal.json",
            '{"metadata": {"version": "1.0"}, "entries": [{"uuid": "A", "creationDate":'
            ' "2024-05-31T19:07:00Z", "text": "' + "x" * 4000 + '"}]}',
        )
    cut = tmp_path / "Export - Journal.zip"
    cut.write_bytes(whole.read_bytes()[:200])  # a download that stopped early
    with pytest.raises(ImportExportError) as raised:
        list(open_source("dayone", cut, ImportOptions()))
    assert raised.value.code == "import.zip_bad"


def test_daylio_list_items_and_paragraphs_keep_their_line_breaks() -> None:
    from peerjournal.importers.daylio import note_text

    # Daylio's formatted notes (bold, lists): items and paragraphs must not run together
    text = note_text("<p>Went out</p><p>Then:</p><ul><li>tea</li><li>cake</li></ul>")
    assert "Went outThen" not in text and "teacake" not in text
    assert text.splitlines()[0] == "Went out"


def test_jrnl_text_and_json_exports_of_an_entry_with_seconds_give_one_id(tmp_path: Path) -> None:
    # jrnl 4.6 wrote these for one entry made at 21:23:41 (txt keeps the seconds, json not)
    text = tmp_path / "jrnl.txt"
    text.write_text("[2026-12-02 09:23:41 PM] Evening.\nBody\n\n", encoding="utf-8")
    as_json = tmp_path / "jrnl.json"
    as_json.write_text(
        '{"tags": {}, "entries": [{"title": "Evening.", "body": "Body", "date": "2026-12-02",'
        ' "time": "21:23", "tags": [], "starred": false}]}',
        encoding="utf-8",
    )
    ids = []
    for path in (text, as_json):
        items = [item for item in open_source("jrnl", path, ImportOptions())]
        ids.append([item.entry.id for item in items if isinstance(item, Item) and item.entry])
    assert ids[0] == ids[1], "importing the json after the txt would add the entry twice"


def test_the_single_file_markdown_export_is_refused_as_an_import_with_the_way_to_do_it(
    tmp_path: Path,
) -> None:
    from peerjournal.app.export import ExportOptions, export_bytes
    from tests.helpers.vault import make_session

    session = make_session(tmp_path)
    for n in range(3):
        session.journal.add(f"body {n}", title=f"Entry {n}")
    single = tmp_path / "journal.md"
    single.write_bytes(export_bytes(session, ExportOptions(format="md", single_file=True)))
    # today it becomes one entry holding the whole journal, dated today
    with pytest.raises(ImportExportError) as raised:
        list(open_source("markdown", single, ImportOptions()))
    assert raised.value.code == "import.md_single_file_export"


def test_a_day_one_entry_nested_deeper_than_the_json_formats_allow_is_refused(
    tmp_path: Path,
) -> None:
    # 20,000 levels (a 40 KB file) took 1 GB here and 200,000 levels (400 KB) ran the machine
    # out of memory; the other JSON formats refuse nesting deeper than 64 up front
    depth = 100
    path = tmp_path / "Journal.json"
    path.write_text(
        '{"metadata": {}, "entries": [{"uuid": "A", "creationDate": "2024-05-31T19:07:00Z",'
        ' "text": "deep", "weather": ' + "[" * depth + "]" * depth + "}]}",
        encoding="utf-8",
    )
    with pytest.raises(ImportExportError) as raised:
        list(open_source("dayone", path, ImportOptions()))
    assert raised.value.code == "import.too_deep"


def test_naming_another_journal_for_a_single_day_one_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "Journal.json"
    path.write_text(
        '{"metadata": {}, "entries": [{"uuid": "A", "creationDate": "2024-05-31T19:07:00Z",'
        ' "text": "from Journal"}]}',
        encoding="utf-8",
    )
    # the user asked for Travel only; today every entry of Journal.json is imported
    with pytest.raises(ImportExportError) as raised:
        list(open_source("dayone", path, ImportOptions(journal="Travel")))
    assert raised.value.code == "import.dayone_no_journal"
