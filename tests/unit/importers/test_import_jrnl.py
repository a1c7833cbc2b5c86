"""The jrnl JSON importer: real jrnl export shapes, hostile files, deterministic ids."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.errors import ImportExportError
from peerjournal.importers import parse
from peerjournal.importers.jrnl import parse_jrnl_json

# Shaped exactly like `jrnl --format json` output of jrnl 4.6.
JRNL_EXPORT = {
    "tags": {"@work": 2, "@home": 1},
    "entries": [
        {
            "title": "Long day at the office.",
            "body": "Met @work people.\nFelt tired.",
            "date": "2024-05-30",
            "time": "18:45",
            "tags": ["@work"],
            "starred": False,
        },
        {
            "title": "Quiet evening.",
            "body": "Cooked at @home, then back to @work mail.",
            "date": "2024-05-31",
            "time": "21:07",
            "tags": ["@home", "@work"],
            "starred": True,
        },
    ],
}


def _dump(doc: object) -> bytes:
    return json.dumps(doc).encode()


def test_reads_a_jrnl_export_with_local_times_and_plain_tags() -> None:
    bundle = parse_jrnl_json(_dump(JRNL_EXPORT))
    assert bundle.format == "jrnl"
    assert [e.title for e in bundle.entries] == ["Long day at the office.", "Quiet evening."]
    second = bundle.entries[1]
    assert second.body == "Cooked at @home, then back to @work mail."
    assert second.tags == ("home", "work")
    assert second.starred is True
    assert second.created.replace(tzinfo=None) == datetime(2024, 5, 31, 21, 7)
    assert second.created.utcoffset() == datetime(2024, 5, 31, 21, 7).astimezone().utcoffset()
    assert second.updated == second.created
    assert second.deleted is None
    assert bundle.moods == ()
    assert bundle.mood_labels is None and bundle.emotions is None


def test_ids_are_deterministic_so_reimport_dedupes() -> None:
    first = parse_jrnl_json(_dump(JRNL_EXPORT))
    again = parse_jrnl_json(_dump(JRNL_EXPORT))
    assert [e.id for e in first.entries] == [e.id for e in again.entries]
    assert len({e.id for e in first.entries}) == 2
    changed = json.loads(json.dumps(JRNL_EXPORT))
    changed["entries"][0]["body"] += "!"
    assert parse_jrnl_json(_dump(changed)).entries[0].id != first.entries[0].id


def test_repeated_entries_in_one_file_are_kept_once_with_a_warning() -> None:
    doc = {"tags": {}, "entries": [JRNL_EXPORT["entries"][0]] * 3}
    bundle = parse_jrnl_json(_dump(doc))
    assert len(bundle.entries) == 1
    assert any("repeated" in str(w) for w in bundle.warnings)


def test_extra_jrnl_fields_are_ignored_and_reported() -> None:
    entry = dict(JRNL_EXPORT["entries"][0], uuid="ABC", creator_device_agent="iPhone")
    bundle = parse_jrnl_json(_dump({"tags": {}, "entries": [entry]}))
    assert len(bundle.entries) == 1
    assert any("uuid" in str(w) and "creator_device_agent" in str(w) for w in bundle.warnings)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (b"not json at all", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[]", "looks like a list"),
        (b'{"tags": {}}', "no 'entries'"),
        (b'{"entries": {}}', "'entries' must be a list"),
        (b'{"entries": [42]}', "entry 1: expected an object"),
        (b'{"entries": [{"title": "t", "body": "b"}]}', "entry 1: the field 'date' is missing"),
        (
            b'{"entries": [{"title": "t", "body": "b", "date": "31/05/2024", "time": "10:00"}]}',
            "entry 1: 'date' and 'time' must look like",
        ),
        (
            b'{"entries": [{"title": "t", "body": "b", "date": "2024-02-30", "time": "10:00"}]}',
            "entry 1: 'date' and 'time'",
        ),
        (
            b'{"entries": [{"title": 5, "body": "b", "date": "2024-02-03", "time": "10:00"}]}',
            "entry 1: 'title' must be text, found a number",
        ),
        (
            b'{"entries": [{"title": "t", "body": "b", "date": "2024-02-03", "tags": "x"}]}',
            "'tags' must be a list",
        ),
        (
            b'{"entries": [{"title": "t", "body": "b", "date": "2024-02-03", "starred": 1}]}',
            "'starred' must be true or false",
        ),
        (
            b'{"entries": [{"title": "t", "body": "b", "date": "0001-02-03", "time": "10:00"}]}',
            "implausible year",
        ),
        (b'{"entries": [{"title": NaN}]}', "JSON exports never contain"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"entries": [{"title": "a\\u0000b", "body": "", "date": "2024-01-01"}]}', "NUL"),
    ],
)
def test_hostile_files_give_a_clear_message(document: bytes, expected: str) -> None:
    with pytest.raises(ImportExportError) as caught:
        parse_jrnl_json(document)
    assert expected in caught.value.message
    assert caught.value.message.endswith("Nothing was imported.")
    assert "\n" not in caught.value.message


def test_unknown_format_name_is_refused() -> None:
    with pytest.raises(ImportExportError, match="Unknown import format"):
        parse("day-one", b"{}")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=25,
)
ENTRY_LIKE = st.fixed_dictionaries(
    {},
    optional={
        "title": JSON_VALUES,
        "body": JSON_VALUES,
        "date": st.sampled_from(["2024-01-01", "2024-13-01", "x"]) | JSON_VALUES,
        "time": st.sampled_from(["10:00", "25:00"]) | JSON_VALUES,
        "tags": st.lists(st.text()) | JSON_VALUES,
        "starred": st.booleans() | JSON_VALUES,
    },
)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        JSON_VALUES,
        st.fixed_dictionaries({"tags": JSON_VALUES, "entries": st.lists(ENTRY_LIKE, max_size=4)}),
    )
)
def test_arbitrary_json_never_crashes(document: object) -> None:
    try:
        bundle = parse_jrnl_json(json.dumps(document).encode())
    except ImportExportError as exc:
        assert exc.message
    else:
        for entry in bundle.entries:
            assert entry.created.tzinfo is not None
            assert all(tag and not tag.startswith(("@", "#")) for tag in entry.tags)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    try:
        bundle = parse_jrnl_json(data)
    except ImportExportError as exc:
        assert exc.message.endswith("Nothing was imported.")
    else:
        assert all(entry.created.tzinfo is not None for entry in bundle.entries)
