"""The Markdown-folder importer on real folders, hostile front matter included."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerjournal.app.transfer import import_file
from peerjournal.formats.markdown import yaml_string
from peerjournal.importers import open_source
from peerjournal.importers.markdown import MarkdownSource
from peerjournal.importers.source import ImportOptions, Item, Problem
from tests.helpers.vault import make_session


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def read_all(root: Path, **options: object) -> tuple[list[Item], list[str]]:
    source = open_source("markdown", root, ImportOptions(**options))  # type: ignore[arg-type]
    items, problems = [], []
    for item in source:
        if isinstance(item, Problem):
            problems.append(item.render())
        else:
            items.append(item)
    return items, problems


def test_front_matter_then_file_name_then_file_time(tmp_path: Path, local_zone) -> None:  # type: ignore[no-untyped-def]
    local_zone("Europe/Berlin")
    root = tmp_path / "notes"
    front = 'title: "Walk"\ndate: 2024-05-31T21:07:00-04:00\ntags: [family, long walks]\n'
    write(root / "a.md", f"---\n{front}starred: true\nextra: ignored\n---\nBody\r\n")
    write(root / "Daily" / "2024-03-31.md", "Clocks went forward.\n")
    plain = write(root / "Projects" / "Idea.markdown", "no date anywhere")
    stamp = datetime(2023, 7, 1, 8, 30, 15, tzinfo=UTC).timestamp()
    os.utime(plain, (stamp, stamp))
    write(root / ".obsidian" / "workspace.md", "not a note")
    write(root / "image.png", b"\x89PNG")
    items, problems = read_all(root, tag_from_folder=True)
    assert problems == []
    by_title = {i.entry.title: i.entry for i in items if i.entry}
    assert set(by_title) == {"Walk", "", "Idea"}
    walk = by_title["Walk"]
    assert walk.created == datetime(2024, 5, 31, 21, 7, tzinfo=timezone(timedelta(hours=-4)))
    assert walk.created.utcoffset() == timedelta(hours=-4), "the file's own offset is kept"
    assert walk.tags == ("family", "long walks") and walk.starred and walk.body == "Body\r\n"
    daily = by_title[""]
    assert daily.created.isoformat() == "2024-03-31T12:00:00+02:00"  # noon, local, after DST
    assert daily.tags == ("Daily",)
    idea = by_title["Idea"]
    assert idea.created == datetime(2023, 7, 1, 8, 30, 15, tzinfo=UTC)
    assert idea.tags == ("Projects",) and idea.body == "no date anywhere"


TAGGED = "the front matter uses a YAML tag"
LAUGHS = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\ntags: [*c, *c]\n"


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        # a syntax error is found where the front matter ends
        ("title: [unclosed\n", "a.md, line 3: the front matter is not valid YAML"),
        ("x: !!python/object/apply:os.system [echo hi]\n", f"a.md, line 2: {TAGGED}"),
        ("title: ok\nbad: !custom thing\n", f"a.md, line 3: {TAGGED}"),
        ("- just\n- a list\n", "a.md, line 2: the front matter must be 'key: value' lines"),
        ("date: next tuesday\n", "a.md: 'date' must be a date such as 2024-05-31"),
        ("starred: maybe\n", "a.md: 'starred' in the front matter must be true or false"),
        ("tags: {a: 1}\n", "a.md: 'tags' in the front matter must be a list of tags"),
        (LAUGHS, "a.md: 'tags' in the front matter must be text"),
        ("t: " + "[" * 5000 + "]" * 5000 + "\n", "a.md"),
    ],
)
def test_hostile_front_matter_skips_that_file_with_its_line(
    tmp_path: Path, front: str, expected: str
) -> None:
    root = tmp_path / "notes"
    write(root / "a.md", f"---\n{front}---\nbody\n")
    write(root / "b.md", "---\ntitle: Fine\n---\nkept\n")
    items, problems = read_all(root)
    assert [i.entry.title for i in items if i.entry] == ["Fine"]
    assert len(problems) == 1 and problems[0].startswith(expected), problems
    assert problems[0].endswith("skipped") and "\n" not in problems[0]


def test_unclosed_front_matter_and_a_leading_rule(tmp_path: Path) -> None:
    root = tmp_path / "n"
    write(root / "a.md", "---\ntitle: never closed\nbody")
    write(root / "b.md", "---\n\nA horizontal rule first, then prose.\n")
    items, problems = read_all(root)
    assert problems == ["a.md, line 1: the front matter is never closed by a line '---'; skipped"]
    assert [i.entry.body for i in items if i.entry] == [
        "---\n\nA horizontal rule first, then prose.\n"
    ]


def test_not_utf8_and_symlinks_outside(tmp_path: Path) -> None:
    root = tmp_path / "n"
    write(root / "latin1.md", "caf\xe9".encode("latin-1"))
    secret = write(tmp_path / "outside.md", "---\ntitle: SECRET\n---\n")
    (root / "link.md").symlink_to(secret)
    (root / "linkdir").symlink_to(tmp_path)
    items, problems = read_all(root)
    assert items == [] and problems == ["latin1.md: it is not UTF-8 text; skipped"]


def test_links_and_pipes_are_left_out_and_counted_in_a_notice(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    write(root / "2024-01-02.md", "kept\n")
    write(root / "notes.txt", "not Markdown, not counted\n")
    outside = write(tmp_path / "outside.md", "---\ntitle: SECRET\n---\n")
    (root / "link.md").symlink_to(outside)
    (root / "sub").mkdir()
    (root / "sub" / "back").symlink_to(root)  # a loop, never entered
    os.mkfifo(root / "sub" / "pipe.md")  # would wait for a writer for ever
    (root / ".hidden.md").symlink_to(outside)  # hidden: skipped unseen
    source = MarkdownSource(root, ImportOptions())
    items = list(source)
    assert [i.entry.body for i in items if isinstance(i, Item) and i.entry] == ["kept\n"]
    assert [n.render() for n in source.notices] == [
        "Files and folders left out because they are symbolic links or not plain files (copy "
        "the notes themselves into the folder to import them): 3."
    ]
    plain = tmp_path / "plain"
    write(plain / "a.md", "a\n")
    source = MarkdownSource(plain, ImportOptions())
    list(source)
    assert source.notices == []


def test_import_twice_adds_nothing_and_counts_a_dry_run(tmp_path: Path) -> None:
    session = make_session(tmp_path)
    root = tmp_path / "notes"
    for n in range(5):
        write(root / f"2024-01-0{n + 1}-note.md", f"note {n}\n")
    dry = import_file(session, root, "markdown", dry_run=True)
    assert dry.dry_run and dry.entries_added == 5 and session.journal.count() == 0
    first = import_file(session, root, "markdown")
    again = import_file(session, root, "markdown")
    assert (first.entries_added, again.entries_added, again.entries_skipped) == (5, 0, 5)
    assert session.journal.count() == 5
    assert isinstance(open_source("markdown", root), MarkdownSource)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_any_front_matter_is_read_or_refused_in_one_line(tmp_path: Path, front: str) -> None:
    root = tmp_path / "fuzz"
    write(root / "x.md", "---\n" + front + "\n---\nbody")
    _items, problems = read_all(root)
    assert all("\n" not in p for p in problems)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=80))
def test_every_title_the_exporter_quotes_reads_back_exactly(tmp_path: Path, title: str) -> None:
    root = tmp_path / "titles"
    write(root / "t.md", f"---\ntitle: {yaml_string(title)}\n---\n")
    items, problems = read_all(root)
    if "\x00" in title:
        assert items == [] and len(problems) == 1  # the vault refuses NUL in any text
        return
    assert problems == []
    assert items[0].entry is not None and items[0].entry.title == title


def test_a_mood_in_the_front_matter_becomes_a_linked_mood_log(tmp_path: Path) -> None:
    root = tmp_path / "notes"
    shared = "7d8e6a52-0b8c-4f7e-8d55-3b9c4a1e2f60"
    write(root / "a.md", "---\ndate: 2024-05-31T21:07:00+02:00\nmood: 4\n---\nplain level\n")
    both = (
        "---\ndate: {day}T08:00:00+02:00\nmood: 2\nmood_label: Bad\n"
        'mood_at: "2024-06-01T07:30:00-04:00"\nmood_emotions: [tired, "Hoffnung 🌱"]\n'
        f'mood_activities: school, walk\nmood_note: "slept\\r\\nbadly"\nmood_id: {shared}\n'
        "---\nbody\n"
    )
    write(root / "b.md", both.replace("{day}", "2024-06-01"))
    write(root / "c.md", both.replace("{day}", "2024-06-02"))  # links the same log
    write(root / "d.md", "---\ndate: 2024-06-03\nmood: happy\n---\nnot a level\n")
    write(root / "e.md", "---\ndate: 2024-06-04\nmood: 3\nmood_emotions: {a: 1}\n---\nx\n")
    source = open_source("markdown", root)
    items = list(source)
    problems = [i.render() for i in items if isinstance(i, Problem)]
    assert problems == [
        "e.md: 'mood_emotions' in the front matter must be a list of names or one line of "
        "names; skipped"
    ]
    a, b, c, d = (i for i in items if isinstance(i, Item))
    assert a.mood is not None and a.entry is not None and a.entry.mood_id == a.mood.id
    assert (a.mood.level, a.mood.at, a.mood.emotions, a.mood.note) == (4, a.entry.created, (), "")
    assert b.mood is not None and b.entry is not None
    assert b.mood.id == shared == b.entry.mood_id
    assert b.mood.at == datetime(2024, 6, 1, 7, 30, tzinfo=timezone(timedelta(hours=-4)))
    assert b.mood.level == 2 and b.mood.emotions == ("tired", "Hoffnung 🌱")
    assert b.mood.activities == ("school", "walk") and b.mood.note == "slept\r\nbadly"
    assert c.mood is None and c.entry is not None and c.entry.mood_id == shared, "one log, twice"
    assert d.mood is None and d.entry is not None and d.entry.mood_id is None
    assert [n.render() for n in source.notices] == [
        "Files whose 'mood' is not a level from 1 to 5, imported without a mood log: 1."
    ]
    session = make_session(tmp_path)
    report = import_file(session, root, "markdown")
    assert (report.entries_added, report.moods_added) == (4, 2)
    assert session.journal.get(c.entry.id).mood_id == shared
    again = import_file(session, root, "markdown")
    assert (again.entries_added, again.moods_added) == (0, 0)


def test_a_day_that_does_not_exist_is_reported_not_replaced_by_another_date(
    tmp_path: Path,
) -> None:
    # 2024-02-30 in a file name used to get the file's time, and 2024-13-45 in front matter
    # was called broken YAML: neither is a date the user wrote, so each is a problem
    root = tmp_path / "notes"
    write(root / "2024-02-30 notes.md", "A typo in the name.\n")
    write(root / "b.md", "---\ntitle: B\ndate: 2024-13-45\n---\nBody\n")
    write(root / "c.md", "---\ndate: 2024-02-29\n---\nA leap day.\n")
    items, problems = read_all(root)
    assert problems == [
        "2024-02-30 notes.md: 'file name' must be a date such as 2024-05-31 or "
        "2024-05-31T21:07:00+02:00, found 2024-02-30; skipped",
        "b.md: 'date' must be a date such as 2024-05-31 or "
        "2024-05-31T21:07:00+02:00, found 2024-13-45; skipped",
    ]
    assert [item.entry.created.date().isoformat() for item in items if item.entry] == ["2024-02-29"]


def test_the_single_file_export_inside_a_folder_is_skipped_with_the_way_to_import(
    tmp_path: Path,
) -> None:
    from peerjournal.formats.markdown import SINGLE_FILE_MARK

    root = tmp_path / "notes"
    write(root / "2024-05-31.md", "A note.\n")
    write(root / "journal.md", f"# My journal\r\n{SINGLE_FILE_MARK}\r\n\r\n## Entry\r\nBody\r\n")
    items, problems = read_all(root)
    assert [item.entry.body for item in items if item.entry] == ["A note.\n"]
    assert problems == [
        "journal.md: it is PeerJournal's single-file export, made for reading; import the "
        "JSON export or a Markdown folder export instead; skipped"
    ]
