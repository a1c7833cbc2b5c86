"""Read Day One's JSON export: the ``Journal.json`` file, or the export ``.zip`` holding one
JSON file per journal (``Journal.json``, ``Travel.json``, with ``photos/`` beside them).

Day One writes::

    {"metadata": {"version": "1.0"},
     "entries": [{"uuid": "8A1B…", "creationDate": "2024-05-31T19:07:00Z",
                  "modifiedDate": "…", "timeZone": "Europe/Berlin",
                  "text": "# Title\\n\\nSaw the \\\\(old\\\\) bridge\\\\.\\n![](dayone-moment://C0FF…)",
                  "tags": ["trip", "ice cream"], "starred": true,
                  "location": {…}, "weather": {…}, "photos": [{"identifier": "C0FF…"}]}]}

- The text is Markdown with backslash-escaped punctuation; it is unescaped. A first line
  that is a ``#`` heading becomes the entry's title, the rest its body.
- Times are kept in the entry's own ``timeZone`` (UTC when it names no zone this computer
  knows; the report says so).
- ``dayone-moment://`` image (and video, audio, PDF) references are removed and replaced by
  a note at the end of the entry ("2 photos were not imported …"), as the vault holds no
  attachments yet.
- ``location`` and ``weather`` are added to the body only when the user opts in
  (``--include-location``, ``--include-weather``); otherwise the report counts them.
- The id of each entry derives from Day One's ``uuid``, so importing again adds nothing.
- From a zip, every journal is imported (each entry tagged with its journal's name when
  there are several), or only the one the user names. The zip is read, never extracted:
  unsafe member names, encrypted members and JSON members larger than the import limit
  (a zip bomb) are refused before anything is read.

The JSON is read as a stream by the reader every JSON import shares
(:mod:`peerjournal.importers.jsonstream`), so memory stays flat however long the journal
is, and a file that is not UTF-8, not strict JSON or nested deeper than any export
(``import.too_deep``) is refused in one line, as for the other JSON formats.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any

from peerjournal.errors import ImportExportError, Text
from peerjournal.importers.jsonstream import OVERSIZED, RECORD_BUDGET, JsonFile
from peerjournal.importers.records import MAX_IMPORT_BYTES, EntryRecord
from peerjournal.importers.source import (
    ImportOptions,
    ImportSource,
    Item,
    Problem,
    checked_entry,
    skipped,
    source_id,
)
from peerjournal.importers.validate import (
    as_bool,
    as_object,
    as_text,
    entry_at,
    fail,
    names_list,
    shorten,
)

FORMAT_NAME = "dayone"
MAX_ZIP_MEMBERS = 100_000
#: A JSON member this many times smaller packed than unpacked, and large, is a zip bomb.
MAX_PACK_RATIO = 200
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_MOMENT = re.compile(
    r"!\[[^\]\n]{0,200}\]\(dayone-moment:/{1,2}(?:(video|audio|pdfAttachment|sketch)/)?"
    r"([A-Za-z0-9_-]{1,64})\)"
)
_BLANK_LINES = re.compile(r"\n{3,}")
_KINDS = {None: "photo", "video": "video", "audio": "audio", "pdfAttachment": "pdf"}
_NOUNS = {
    "photo": ("photo", "photos"),
    "video": ("video", "videos"),
    "audio": ("audio recording", "audio recordings"),
    "pdf": ("PDF", "PDFs"),
}
_MEDIA_ARRAYS = {"photos": "photo", "videos": "video", "audios": "audio", "pdfAttachments": "pdf"}
#: Top-level keys that may come only once (json.loads would silently keep the last list).
_WATCHED = frozenset({"entries"})


def unescape_markdown(text: str) -> str:
    r"""Day One's escaped punctuation back to plain Markdown: ``\.`` → ``.``, ``\\`` → ``\``."""
    if "\\" not in text:
        return text
    return _ESCAPED.sub(_first_group, text)


def _first_group(match: re.Match[str]) -> str:
    # a function, not the template r"\1": sub() parses a template on every call
    return match.group(1)


def _moment_note(counts: dict[str, int]) -> str:
    parts = []
    for kind in ("photo", "video", "audio", "pdf"):
        number = counts.get(kind, 0)
        if number:
            one, many = _NOUNS[kind]
            parts.append(f"{number} {one if number == 1 else many}")
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    verb = "was" if len(parts) == 1 and parts[0].startswith("1 ") else "were"
    return f"({listed} {verb} not imported from Day One: PeerJournal keeps no attachments yet.)"


def split_moments(text: str, media: dict[str, set[str]]) -> tuple[str, str]:
    """The text without its attachment references, and the note that replaces them.

    ``media`` maps a kind (photo, video, audio, pdf) to the identifiers the entry lists, so
    an attachment referenced and listed counts once.
    """
    if not media and "dayone-moment:" not in text:
        return text, ""
    found: dict[str, set[str]] = {kind: set(ids) for kind, ids in media.items()}

    def drop(match: re.Match[str]) -> str:
        kind = _KINDS.get(match.group(1), "photo")
        found.setdefault(kind, set()).add(match.group(2).upper())
        return ""

    stripped = _MOMENT.sub(drop, text)
    if stripped != text:
        stripped = _BLANK_LINES.sub("\n\n", stripped).strip("\n")
    return stripped, _moment_note({kind: len(ids) for kind, ids in found.items()})


def _title_and_body(text: str) -> tuple[str, str]:
    first, _newline, rest = text.partition("\n")
    heading = first.strip()
    if heading.startswith("# ") and len(heading) > 2:
        return heading[2:].strip(), rest.lstrip("\n")
    return "", text


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    number = float(value)
    return number if abs(number) < 1e6 else None


def _location_line(raw: object) -> str:
    if not isinstance(raw, dict):
        return ""
    names = []
    for key in ("placeName", "localityName", "administrativeArea", "country"):
        value = raw.get(key)
        if isinstance(value, str) and value.strip() and value.strip() not in names:
            names.append(" ".join(value.split())[:200])
    latitude, longitude = _number(raw.get("latitude")), _number(raw.get("longitude"))
    place = ", ".join(names)
    if latitude is not None and longitude is not None:
        place = (place + " " if place else "") + f"({latitude:.5f}, {longitude:.5f})"
    return f"Location: {place}" if place else ""


def _weather_line(raw: object) -> str:
    if not isinstance(raw, dict):
        return ""
    parts = []
    conditions = raw.get("conditionsDescription")
    if isinstance(conditions, str) and conditions.strip():
        parts.append(" ".join(conditions.split())[:200])
    celsius = _number(raw.get("temperatureCelsius"))
    if celsius is not None:
        parts.append(f"{celsius:.0f} °C")
    return "Weather: " + ", ".join(parts) if parts else ""


def _in_zone(moment: datetime, zone: tzinfo | None, where: Text, key: str) -> datetime:
    try:
        return moment.astimezone(zone)
    except (OverflowError, ValueError) as exc:
        raise fail(where, "year", key=key, year=moment.year) from exc


def _aware(value: object, where: Text, key: str) -> datetime:
    if not isinstance(value, str) or len(value) > 64:
        raise fail(where, "not_time", key=key, value=shorten(value))
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise fail(where, "not_time", key=key, value=shorten(value)) from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)  # Day One writes UTC ("Z")
    return parsed


def _key(journal: str) -> str:
    return journal.strip().removesuffix(".json").casefold()


def _is_zip(path: Path) -> bool:
    """Whether ``path`` is a zip; one that starts like a zip but is not readable as one (a
    download that stopped early has no central directory) raises ``import.zip_bad``
    rather than being read as JSON."""
    if not path.is_file():
        # a device or a pipe: is_zipfile would read /dev/zero for ever looking for the zip's
        # end; opening it for the import refuses it ("is not a file")
        return False
    if zipfile.is_zipfile(path):
        return True
    try:
        with path.open("rb") as stream:
            start = stream.read(4)
    except OSError:
        return False  # opening it for the import reports why
    if start in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        raise ImportExportError("import.zip_bad", path=str(path))
    return False


def journal_names(path: Path) -> tuple[str, ...]:
    """The journals of a Day One export zip (``Journal``, ``Travel``), in archive order;
    ``()`` for a single ``.json`` export. A damaged or hostile zip raises the error its
    import would (:class:`~peerjournal.errors.ImportExportError`)."""
    if not _is_zip(path):
        return ()
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportExportError("import.zip_bad", path=str(path)) from exc
    with archive:
        return tuple(journal.name for journal in DayOneSource(path)._journals(archive))


@dataclass
class _Journal:
    """One journal to read: its name and how to open its JSON."""

    name: str
    size: int
    member: zipfile.ZipInfo | None = None


class DayOneSource(ImportSource):
    """A Day One ``.json`` export or export ``.zip``."""

    format = FORMAT_NAME

    def __init__(self, path: Path, options: ImportOptions | None = None) -> None:
        super().__init__(path, options)
        self._zones: dict[str, tzinfo | None] = {}
        self._unknown_zones = 0
        self._places_left_out = 0
        self._weather_left_out = 0
        self._moments_left_out = 0

    def read(self) -> Iterator[Item | Problem]:
        """Every entry of every chosen journal, in file order."""
        if _is_zip(self.path):
            yield from self._read_zip()
        else:
            file = JsonFile("Day One", path=self.path)
            self.bytes_total = file.size
            wanted = self.options.journal
            if wanted is not None and _key(wanted) != self.path.stem.casefold():
                raise ImportExportError(
                    "import.dayone_no_journal",
                    name=shorten(wanted, 60),
                    journals=shorten(self.path.stem, 60),
                )
            yield from self._read_json(file, journal=None, counted=0)
        self._notices()

    # -- zip ---------------------------------------------------------------------------
    def _read_zip(self) -> Iterator[Item | Problem]:
        try:
            archive = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ImportExportError("import.zip_bad", path=str(self.path)) from exc
        with archive:
            journals = self._journals(archive)
            tag_each = len(journals) > 1
            self.bytes_total = sum(journal.size for journal in journals)
            counted = 0
            for journal in journals:
                member = journal.member
                assert member is not None
                # in a zip, which member: "The Day One 'Travel.json' file is not valid JSON …"
                file = JsonFile(
                    f"Day One {shorten(member.filename, 60)}",
                    member=(partial(archive.open, member), member.file_size),
                )
                try:
                    yield from self._read_json(
                        file, journal=journal.name if tag_each else None, counted=counted
                    )
                except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
                    raise ImportExportError(
                        "import.zip_member_bad", name=shorten(member.filename, 60)
                    ) from exc
                counted += journal.size

    def _journals(self, archive: zipfile.ZipFile) -> list[_Journal]:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise ImportExportError("import.zip_too_many", limit=MAX_ZIP_MEMBERS)
        journals: list[_Journal] = []
        for info in members:
            _check_member_name(info.filename)
            name = PurePosixPath(info.filename)
            if (
                info.is_dir()
                or name.suffix.lower() != ".json"
                or name.parts[0] == "__MACOSX"
                or name.name.startswith("._")
            ):
                continue
            if info.flag_bits & 0x1:
                raise ImportExportError("import.zip_encrypted", name=shorten(info.filename, 60))
            if info.file_size > MAX_IMPORT_BYTES or (
                info.file_size > 16 * 1024 * 1024
                and info.file_size > MAX_PACK_RATIO * max(info.compress_size, 1)
            ):
                raise ImportExportError(
                    "import.zip_member_too_large",
                    name=shorten(info.filename, 60),
                    limit=MAX_IMPORT_BYTES // (1024 * 1024),
                )
            journals.append(_Journal(name.stem, info.file_size, info))
        if not journals:
            raise ImportExportError("import.dayone_zip_empty")
        wanted = self.options.journal
        if wanted is not None:
            key = _key(wanted)
            chosen = [journal for journal in journals if journal.name.casefold() == key]
            if not chosen:
                raise ImportExportError(
                    "import.dayone_no_journal",
                    name=shorten(wanted, 60),
                    journals=", ".join(sorted(j.name for j in journals))[:300],
                )
            journals = chosen
        if sum(journal.size for journal in journals) > MAX_IMPORT_BYTES:
            raise ImportExportError(
                "import.zip_member_too_large",
                name="*.json",
                limit=MAX_IMPORT_BYTES // (1024 * 1024),
            )
        return journals

    # -- one journal's JSON --------------------------------------------------------------
    def _read_json(
        self, file: JsonFile, *, journal: str | None, counted: int
    ) -> Iterator[Item | Problem]:
        """The entries of one journal's JSON, read by the rules every JSON import shares
        (:mod:`peerjournal.importers.jsonstream`: UTF-8, strict JSON, nesting depth, the
        size of a token and of a record), so a hostile file costs no more memory here."""
        reading = file.reading()
        index = -1
        try:
            if reading.kind() == "object":
                for key in reading.object_keys(_WATCHED):
                    if key != "entries" or reading.kind() != "list":
                        reading.skip()
                        continue
                    for index, raw in enumerate(reading.items()):
                        self.bytes_done = counted + reading.position
                        yield self._item(raw, index, journal)
                reading.end()
        finally:
            reading.close()
        if index < 0:
            stream_name = journal or self.path.name
            raise ImportExportError("import.dayone_no_entries", name=shorten(stream_name, 60))

    def _item(self, raw: object, index: int, journal: str | None) -> Item | Problem:
        """One entry of the file, checked; a malformed one is a skipped problem."""
        where = (
            entry_at(index)
            if journal is None
            else Text("import.where.journal_entry", journal=journal, number=index + 1)
        )
        if raw is OVERSIZED:
            return skipped(fail(where, "record_too_large", limit=RECORD_BUDGET))
        if index == 0 and not (isinstance(raw, dict) and "creationDate" in raw):
            raise ImportExportError("import.dayone_not")
        counts = self._counts()
        try:
            return Item(entry=checked_entry(self._entry(raw, where, journal), where))
        except ImportExportError as exc:
            # the notices count entries imported, not the skipped ones
            self._counts(counts)
            return skipped(exc)

    def _entry(self, raw: object, where: Text, journal: str | None) -> EntryRecord:
        obj = as_object(raw, where)
        for key in ("uuid", "creationDate"):
            if key not in obj:
                raise fail(where, "missing", key=key)
        uid = as_text(obj["uuid"], where, "uuid", max_chars=64, allow_empty=False).strip()
        zone = self._zone(obj.get("timeZone"))
        created = _in_zone(_aware(obj["creationDate"], where, "creationDate"), zone, where,
                           "creationDate")  # fmt: skip
        modified = obj.get("modifiedDate")
        updated = (
            created
            if modified is None
            else _in_zone(_aware(modified, where, "modifiedDate"), zone, where, "modifiedDate")
        )
        text = unescape_markdown(as_text(obj.get("text", ""), where, "text", max_chars=5_000_000))
        media = self._media(obj)
        text, note = split_moments(text, media)
        if note:
            self._moments_left_out += 1
        extra = []
        if note:
            extra.append(note)
        if "location" in obj:
            if self.options.include_location:
                extra.append(_location_line(obj["location"]))
            else:
                self._places_left_out += 1
        if "weather" in obj:
            if self.options.include_weather:
                extra.append(_weather_line(obj["weather"]))
            else:
                self._weather_left_out += 1
        title, body = _title_and_body(text.replace("\r\n", "\n"))
        tail = "\n".join(line for line in extra if line)
        if tail:
            body = f"{body.rstrip()}\n\n{tail}" if body.strip() else tail
        if not title and not body.strip():
            raise fail(where, "dayone_empty")
        tags = names_list(obj.get("tags", []), where, "tags", max_items=200, max_chars=100)
        if journal is not None:
            tags = (*tags, journal)
        return EntryRecord(
            id=source_id("dayone", uid.upper()),
            created=created,
            updated=updated,
            title=title,
            body=body,
            tags=tags,
            starred=as_bool(obj.get("starred", False), where, "starred"),
        )

    def _media(self, obj: dict[str, Any]) -> dict[str, set[str]]:
        media: dict[str, set[str]] = {}
        for key, kind in _MEDIA_ARRAYS.items():
            items = obj.get(key)
            if not isinstance(items, list):
                continue
            for number, item in enumerate(items[:10_000]):
                ident = item.get("identifier") if isinstance(item, dict) else None
                label = ident.upper() if isinstance(ident, str) else f"#{number}"
                media.setdefault(kind, set()).add(label[:64])
        return media

    def _counts(
        self, restore: tuple[int, int, int, int] | None = None
    ) -> tuple[int, int, int, int]:
        """The notices' counters (or set them back to ``restore``)."""
        if restore is not None:
            (
                self._unknown_zones,
                self._places_left_out,
                self._weather_left_out,
                self._moments_left_out,
            ) = restore
        return (
            self._unknown_zones,
            self._places_left_out,
            self._weather_left_out,
            self._moments_left_out,
        )

    def _zone(self, name: object) -> tzinfo | None:
        if not isinstance(name, str) or not name or len(name) > 64:
            return UTC
        if name not in self._zones:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                self._zones[name] = ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError, OSError):
                self._zones[name] = None
        zone = self._zones[name]
        if zone is None:
            self._unknown_zones += 1
            return UTC
        return zone

    def _notices(self) -> None:
        if self._moments_left_out:
            self.notices.append(Text("import.notice.dayone_moments", count=self._moments_left_out))
        if self._places_left_out:
            self.notices.append(Text("import.notice.dayone_places", count=self._places_left_out))
        if self._weather_left_out:
            self.notices.append(Text("import.notice.dayone_weather", count=self._weather_left_out))
        if self._unknown_zones:
            self.notices.append(Text("import.notice.dayone_zones", count=self._unknown_zones))


def _check_member_name(name: str) -> None:
    """Refuse member names that would point outside a folder if the zip were unpacked."""
    path = PurePosixPath(name.replace("\\", "/"))
    if (
        name.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", name)
        or ".." in path.parts
        or "\x00" in name
    ):
        raise ImportExportError("import.zip_unsafe_name", name=shorten(name, 60))
