"""PeerJournal's own JSON export format: exporter ↔ importer round trip, strict validation."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.errors import ImportExportError
from peerjournal.exporters.peerjournal_json import FORMAT_NAME, build_document, export_json
from peerjournal.importers.peerjournal_json import parse_peerjournal_json
from peerjournal.importers.records import EntryRecord, MoodRecord

LABELS = {1: "Awful", 2: "Bad", 3: "Okay", 4: "Good", 5: "Great"}
BERLIN_SUMMER = timezone(timedelta(hours=2))


def _entry(**changes: Any) -> EntryRecord:
    base = {
        "id": "0b7e4bde-7f55-4b43-9a8c-4b8f3f2d2c11",
        "created": datetime(2024, 5, 31, 21, 7, tzinfo=BERLIN_SUMMER),
        "updated": datetime(2024, 6, 1, 8, 0, 30, 123456, tzinfo=UTC),
        "title": "Über den Fluss",
        "body": "Line one\n\n- a list\n",
        "tags": ("walk", "exam stress"),
        "starred": True,
        "mood_id": "6f1f8e53-6f7e-4c8e-a6a5-6b0f8e8f9d10",
        "deleted": None,
    }
    base.update(changes)
    return EntryRecord(**base)


def _mood(**changes: Any) -> MoodRecord:
    base = {
        "id": "6f1f8e53-6f7e-4c8e-a6a5-6b0f8e8f9d10",
        "at": datetime(2024, 5, 31, 21, 0, tzinfo=BERLIN_SUMMER),
        "level": 2,
        "emotions": ("anxious", "tired"),
        "activities": ("study",),
        "note": "exam tomorrow",
    }
    base.update(changes)
    return MoodRecord(**base)


def _export(entries: list[EntryRecord], moods: list[MoodRecord]) -> bytes:
    return export_json(
        entries, moods, mood_labels=LABELS, emotions=["anxious", "calm"], activities=["study"]
    )


def _document() -> dict[str, Any]:
    trashed = _entry(
        id="1c1c1c1c-1111-4111-8111-111111111111",
        deleted=datetime(2024, 6, 2, tzinfo=UTC),
        mood_id=None,
        tags=(),
    )
    return json.loads(_export([_entry(), trashed], [_mood()]))


def test_round_trip_keeps_every_field_and_offset() -> None:
    entries = [_entry(), _entry(id=str(uuid.uuid4()), deleted=datetime(2024, 6, 2, tzinfo=UTC))]
    data = _export(entries, [_mood()])
    bundle = parse_peerjournal_json(data)
    assert set(bundle.entries) == set(entries)
    assert bundle.moods == (_mood(),)
    assert bundle.entries[0].created.utcoffset() == timedelta(hours=2)
    assert bundle.mood_labels == LABELS
    assert bundle.emotions == ("anxious", "calm")
    assert bundle.activities == ("study",)
    again = _export(list(bundle.entries), list(bundle.moods))
    assert again == data


def test_document_shape_is_documented_shape() -> None:
    doc = _document()
    assert list(doc) == [
        "format", "version", "mood_labels", "emotions", "activities", "entries", "moods",
    ]  # fmt: skip
    assert doc["format"] == FORMAT_NAME and doc["version"] == 1
    assert list(doc["entries"][0]) == [
        "id", "created", "updated", "title", "body", "tags", "starred", "mood_id", "deleted",
    ]  # fmt: skip
    assert doc["entries"][0]["created"] == "2024-05-31T21:07:00+02:00"
    assert list(doc["moods"][0]) == ["id", "at", "level", "emotions", "activities", "note"]


def test_export_is_sorted_and_deterministic() -> None:
    late = _entry(id=str(uuid.uuid4()), created=datetime(2025, 1, 1, tzinfo=UTC))
    early = _entry(id=str(uuid.uuid4()), created=datetime(2020, 1, 1, tzinfo=UTC))
    first = build_document([late, early], [], mood_labels=LABELS, emotions=[], activities=[])
    assert [e["id"] for e in first["entries"]] == [early.id, late.id]
    assert _export([late, early], []) == _export([early, late], [])


def _mutated(path: list[Any], value: Any, *, delete: bool = False) -> bytes:
    doc = _document()
    target = doc
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_mutated(["format"], "jrnl"), "not a PeerJournal export"),
        (json.dumps({"tags": {}, "entries": []}).encode(), "use --format jrnl"),
        (_mutated(["version"], 2), "newer PeerJournal"),
        (_mutated(["version"], "1"), "'version' must be a whole number"),
        (_mutated(["surprise"], 1), "unknown field 'surprise'"),
        (_mutated(["entries", 0, "colour"], "red"), "entry 1: unknown field 'colour'"),
        (_mutated(["entries", 1, "title"], None, delete=True), "entry 2: the field 'title'"),
        (_mutated(["entries", 0, "id"], "not-a-uuid"), "entry 1: 'id' must be a UUID"),
        (_mutated(["entries", 0, "created"], "2024-05-31T21:07:00"), "must include a UTC offset"),
        (_mutated(["entries", 0, "created"], "yesterday"), "ISO-8601"),
        (_mutated(["entries", 0, "starred"], "yes"), "'starred' must be true or false"),
        (_mutated(["entries", 0, "tags"], ["a", "A"]), "same tag twice"),
        (_mutated(["entries", 0, "tags"], ["x" * 101]), "longer than 100"),
        (_mutated(["entries", 0, "body"], ["list"]), "'body' must be text, found a list"),
        (_mutated(["entries", 1, "id"], "0b7e4bde-7f55-4b43-9a8c-4b8f3f2d2c11"), "appears twice"),
        (_mutated(["moods", 0, "level"], 6), "mood log 1: 'level' must be a whole number"),
        (_mutated(["moods", 0, "level"], True), "'level' must be a whole number"),
        (_mutated(["moods", 0, "emotions"], [1]), "'emotions' must be text"),
        (_mutated(["mood_labels", "6"], "Wow"), "keys must be"),
        (_mutated(["mood_labels", "3"], None, delete=True), "all five levels"),
        (_mutated(["entries"], {}), "'entries' must be a list"),
        (b"", "not valid JSON"),
    ],
)
def test_malformed_exports_are_refused_with_the_spot_named(data: bytes, expected: str) -> None:
    with pytest.raises(ImportExportError) as caught:
        parse_peerjournal_json(data)
    assert expected in caught.value.message
    assert caught.value.message.endswith("Nothing was imported.")


AWARE = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda d: d.astimezone(timezone(timedelta(minutes=330))))
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
NAME = TEXT.map(lambda s: " ".join(s.split())[:100]).filter(bool)
ENTRIES = st.builds(
    EntryRecord,
    id=st.uuids().map(str),
    created=AWARE,
    updated=AWARE,
    title=TEXT,
    body=TEXT,
    tags=st.lists(NAME, max_size=4, unique_by=str.casefold).map(tuple),
    starred=st.booleans(),
    mood_id=st.none() | st.uuids().map(str),
    deleted=st.none() | AWARE,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(ENTRIES, max_size=5, unique_by=lambda e: e.id))
def test_generated_entries_round_trip(entries: list[EntryRecord]) -> None:
    data = _export(entries, [])
    bundle = parse_peerjournal_json(data)
    assert sorted(bundle.entries, key=lambda e: e.id) == sorted(entries, key=lambda e: e.id)
    assert _export(list(bundle.entries), []) == data


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.text(max_size=12),
        st.none()
        | st.integers()
        | st.text()
        | st.lists(
            st.dictionaries(st.text(max_size=8), st.none() | st.text() | st.booleans()), max_size=3
        ),
    )
)
def test_arbitrary_objects_never_crash(extra: dict[str, Any]) -> None:
    doc = _document()
    doc.update(extra)
    try:
        parse_peerjournal_json(json.dumps(doc).encode())
    except ImportExportError as exc:
        assert exc.message
