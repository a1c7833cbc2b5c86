"""jrnl's three exports (json, txt, md), made by jrnl 4.6 itself from one journal
(tests/fixtures/imports/jrnl/), read to exactly the same entries; merged repeats."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.app.session import Session, create_vault
from peerjournal.app.transfer import import_file
from peerjournal.errors import ImportExportError
from peerjournal.importers.jrnl import parse_jrnl_json
from peerjournal.importers.jrnl_text import JrnlSource, tags_in
from peerjournal.importers.source import Problem
from peerjournal.vault import KdfParams

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports" / "jrnl"
PASS = "correct horse battery"
EXPECTED = [
    # 02:30 did not exist on 2024-03-31 in Berlin: moved forward, never backward
    ("2024-03-31T03:30:00+02:00", "Ostern 🐣 mit @family.", "Eier gemalt.", ("family",), False),
    ("2024-05-30T18:45:00+02:00", "Long day at the office.", "Met @work people.", ("work",),
     False),
    ("2024-05-31T21:07:00+02:00", "Quiet evening.", "", (), True),
    ("2024-06-01T09:00:00+02:00", "Plans for June",
     "First paragraph.\n\nSecond paragraph with [brackets] and a #hash.\n[not a date] line",
     ("hash",), False),
    # 02:30 happened twice on 2024-10-27: the first one (CEST)
    ("2024-10-27T02:30:00+02:00", "Clocks went back.", "Second line of body @work @home",
     ("work", "home"), False),
]  # fmt: skip


@pytest.fixture(autouse=True)
def _berlin(local_zone: Callable[[str], None]) -> None:
    local_zone("Europe/Berlin")


def _read(name: str) -> tuple[list[tuple], list[str], list[str], JrnlSource]:
    source = JrnlSource(FIXTURES / name)
    rows, problems, ids = [], [], []
    for item in source:
        if isinstance(item, Problem):
            problems.append(item.render())
            continue
        entry = item.entry
        if entry is None:
            continue  # a progress tick of the JSON reader's first pass
        assert entry.updated == entry.created
        rows.append((entry.created.isoformat(), entry.title, entry.body, entry.tags,
                     entry.starred))  # fmt: skip
        ids.append(entry.id)
    return rows, problems, ids, source


@pytest.mark.parametrize("name", ["jrnl.json", "jrnl.txt", "jrnl.md"])
def test_each_export_gives_exactly_the_journal(name: str) -> None:
    rows, problems, _ids, source = _read(name)
    expected = EXPECTED
    if name == "jrnl.md":  # jrnl's Markdown export carries no stars
        expected = [(*row[:4], False) for row in EXPECTED]
    assert rows == expected and problems == []
    assert source.kind == name.split(".")[1]
    assert source.bytes_done == source.bytes_total


def test_the_three_exports_give_the_same_ids() -> None:
    ids = {name: _read(name)[2] for name in ("jrnl.json", "jrnl.txt", "jrnl.md")}
    assert ids["jrnl.json"] == ids["jrnl.txt"] == ids["jrnl.md"]
    assert len(set(ids["jrnl.txt"])) == 5


def test_windows_line_endings_and_a_bom_read_the_same(tmp_path: Path) -> None:
    for name in ("jrnl.txt", "jrnl.md"):
        copy = tmp_path / name
        text = (FIXTURES / name).read_text("utf-8").replace("\n", "\r\n")
        copy.write_bytes(b"\xef\xbb\xbf" + text.encode())
        source = JrnlSource(copy)
        rows = [item.entry.body for item in source if not isinstance(item, Problem) and item.entry]
        assert rows == [row[2] for row in EXPECTED]


def test_tags_as_jrnl_finds_them() -> None:
    assert tags_in("at @work, then #home. e-mail a@b.c (#x)") == ("work", "home")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("hello\n", "import.jrnl_unknown"),
        ("[not a date] x\n", "import.jrnl_text_start"),
        ("# 2024\n## May\n", "import.jrnl_text_empty"),
    ],
)
def test_files_that_are_no_jrnl_export_are_refused_in_one_line(
    tmp_path: Path, text: str, code: str
) -> None:
    path = tmp_path / "x.txt"
    path.write_text(text)
    with pytest.raises(ImportExportError) as caught:
        list(JrnlSource(path))
    assert caught.value.code == code and "\n" not in caught.value.message


def test_a_bad_time_skips_that_entry_only(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("[2024-05-31 09:07:00 PM] Fine.\n\n[2024-13-45 99:99:00 PM] Broken.\nbody\n")
    items = list(JrnlSource(path))
    assert [i.render() for i in items if isinstance(i, Problem)] == [
        "line 3: the time '2024-13-45 99:99:00 PM' is not like 2024-05-31 09:07:00 PM; skipped"
    ]


def test_repeats_with_different_stars_or_tags_are_merged_keeping_both() -> None:
    entry = {"title": "Same.", "body": "Body.", "date": "2024-05-31", "time": "21:07",
             "tags": ["@a"], "starred": False}  # fmt: skip
    doc = {"tags": {}, "entries": [entry, dict(entry, starred=True, tags=["@b"]), entry]}
    bundle = parse_jrnl_json(json.dumps(doc).encode())
    (merged,) = bundle.entries
    assert merged.starred is True and merged.tags == ("a", "b")
    assert [w.code for w in bundle.warnings] == ["import.notice.repeated", "import.notice.merged"]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened, _code = create_vault(tmp_path / "vault", PASS, kdf=KdfParams.for_tests())
    try:
        yield opened
    finally:
        opened.lock()


def test_importing_the_json_then_the_text_exports_adds_nothing_more(session: Session) -> None:
    first = import_file(session, FIXTURES / "jrnl.json", "jrnl")
    assert first.entries_added == 5
    for name in ("jrnl.txt", "jrnl.md"):
        again = import_file(session, FIXTURES / name, "jrnl")
        assert (again.entries_added, again.entries_skipped) == (0, 5)
    assert len(session.journal.list()) == 5


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["[2024-05-31 09:07:00 PM] T *", "### 2024-05-31 21:07 T", "# 2024",
                         "## May", "", " ", "body @tag", "[2024-02-30 25:00:00 PM] x",
                         "[9999-12-31 11:59:00 PM] end", "\x00", "\ufeff"])
        | st.text(max_size=30),
        max_size=12,
    ),
    st.sampled_from(["[", "#", "{", ""]),
)  # fmt: skip
def test_no_jrnl_text_crashes_and_every_refusal_is_one_line(lines: list[str], lead: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "j.txt"
        path.write_text(lead + "\n".join(lines), encoding="utf-8", errors="surrogatepass")
        try:
            items = list(JrnlSource(path))
        except ImportExportError as exc:
            assert "\n" not in exc.message
            return
    for item in items:
        if isinstance(item, Problem):
            assert "\n" not in item.render()


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, 9999),
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(0, 99),
    st.one_of(st.none(), st.integers(0, 99)),
    st.sampled_from(["", " AM", " PM", "am", "pm", " Pm", " aM"]),
)
def test_a_stamp_is_read_as_strptime_reads_it_including_the_impossible_ones(
    year: int, month: int, day: int, hour: int, minute: int, second: int | None, half: str
) -> None:
    from peerjournal.errors import Text
    from peerjournal.importers import jrnl_text

    stamp = f"{year:04d}-{month:02d}-{day:02d} {hour}:{minute:02d}"
    stamp += (f":{second:02d}" if second is not None else "") + half
    where = Text("import.where.line", number=1)
    answers = []
    for read in (jrnl_text._when, jrnl_text._when_strptime):
        try:
            answers.append(read(stamp, where))
        except ImportExportError as exc:
            answers.append(exc.code)
    assert answers[0] == answers[1]


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30), st.text(max_size=30))
def test_a_fingerprint_id_is_uuid5_of_its_key(title: str, body: str) -> None:
    import hashlib
    import uuid
    from datetime import datetime

    from peerjournal.importers.records import FINGERPRINT_NAMESPACE, fingerprint_id

    created = datetime(2024, 5, 31, 21, 7)
    digest = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
    key = f"{created.isoformat()}\x00{title}\x00{digest}"
    assert fingerprint_id(created, title, body) == str(uuid.uuid5(FINGERPRINT_NAMESPACE, key))
