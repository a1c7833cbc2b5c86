"""Errors of files going in and out: imports that cannot be read, exports that cannot be written.

A problem inside an import file is one ``import.invalid`` error: *where* it is (an
``import.where.*`` text) and *what* is wrong (an ``import.problem.*`` text), so every format
reports its problems in the same words. ``import.notice.*`` texts are not errors: an
import's report carries them as warnings.
"""

from __future__ import annotations

from peerjournal.errors.base import PeerJournalError, register_texts

register_texts(
    {
        # where in a file a problem is
        "import.where.entry": "entry {number}",
        "import.where.mood": "mood log {number}",
        "import.where.file": "the {format} file",
        "import.where.export_file": "the export file",
        "import.where.key": "{key!r}",
        "import.where.line": "line {number}",
        "import.where.journal_entry": "{journal}, entry {number}",
        # a record an import skipped (the rest was imported)
        "import.skipped": "{where}: {problem}; skipped",
        "import.skipped_sentence": "{where}: {problem} Skipped.",
        # what JSON holds where something else was expected
        "json.null": "null",
        "json.bool": "true/false",
        "json.number": "a number",
        "json.text": "text",
        "json.list": "a list",
        "json.object": "an object",
        # what is wrong there
        "import.problem.not_object": "expected an object, found {found}",
        "import.problem.not_list": "{key!r} must be a list, found {found}",
        "import.problem.not_text": "{key!r} must be text, found {found}",
        "import.problem.too_long": "{key!r} is longer than {limit:,} characters",
        "import.problem.nul": "{key!r} contains a NUL character",
        "import.problem.empty": "{key!r} must not be empty",
        "import.problem.surrogate": "{key!r} contains an unpaired surrogate character",
        "import.problem.not_bool": "{key!r} must be true or false, found {value}",
        "import.problem.not_level": "{key!r} must be a whole number from 1 to 5, found {value}",
        "import.problem.not_uuid": "{key!r} must be a UUID, found {value}",
        "import.problem.uuid_form": "{key!r} must be a UUID in the usual 8-4-4-4-12 form",
        "import.problem.not_time": "{key!r} must be an ISO-8601 time with offset, found {value}",
        "import.problem.no_offset": "{key!r} must include a UTC offset such as +02:00, "
        "found {value}",
        "import.problem.out_of_range": "the time {value} is outside the years 1900 to 9998",
        "import.problem.dayone_empty": "the entry has no text",
        "import.problem.daylio_date": "the date {value} is not a date like 2024-05-31 "
        "(full_date) or a year with May 31",
        "import.problem.daylio_time": "the time {value} is not a time like 20:39 or 8:30 pm",
        "import.problem.daylio_columns": "the row has {found} columns, the header {expected}",
        "import.problem.jrnl_stamp": "the time {value} is not like 2024-05-31 09:07:00 PM",
        "import.problem.year": "{key!r} has an implausible year {year}",
        "import.problem.too_many": "{key!r} has more than {limit} items",
        "import.problem.multiline": "{key!r} items must be one line each, found {value}",
        "import.problem.missing": "the field {key!r} is missing",
        "import.problem.unknown_field": "unknown field {key}",
        "import.problem.tag_twice": "{key!r} lists the same tag twice",
        "import.problem.id_twice": "the {what} id {id} appears twice",
        "import.problem.label_keys": 'keys must be "1" to "5", found {value}',
        "import.problem.labels_incomplete": "it must name all five levels",
        "import.problem.tag_counts": "{key!r} must be an object of tag counts",
        "import.problem.jrnl_date": "'date' must look like 2024-05-31, found {value}",
        "import.problem.jrnl_time": "'time' must look like 21:07, found {value}",
        "import.problem.jrnl_date_time": "'date' and 'time' must look like 2024-05-31 and "
        "21:07, found {date} and {time}",
        "import.problem.jrnl_local_time": "'date' {value} cannot be placed in local time",
        "import.problem.jrnl_empty": "both 'title' and 'body' are empty",
        "import.problem.record_too_large": "it holds more than {limit:,} characters and "
        "values, far more than any real one",
        "import.problem.version": "'version' must be a whole number, found {value}",
        # words for the id kinds of import.problem.id_twice
        "import.kind.entry": "entry",
        "import.kind.mood": "mood log",
        # what an import's report says besides the counts
        "import.notice.ignored_fields": "Ignored jrnl fields PeerJournal does not keep: {names}.",
        "import.notice.dayone_moments": "Entries whose photos or other attachments were not "
        "imported (each says so at its end): {count}.",
        "import.notice.dayone_places": "Entries whose place was not imported (add "
        "--include-location to keep it): {count}.",
        "import.notice.dayone_weather": "Entries whose weather was not imported (add "
        "--include-weather to keep it): {count}.",
        "import.notice.dayone_zones": "Entries naming a time zone this computer does not know, "
        "shown in UTC: {count}.",
        "import.notice.moved_forward": "Rows whose time fell in the hour skipped when the "
        "clocks went forward, moved forward by that hour: {count}.",
        "import.notice.daylio_scales": "Rows with scales, which PeerJournal does not keep: "
        "{count}.",
        "import.notice.merged": "Entries repeated within the file (same time, title and "
        "text) but starred or tagged differently, merged into one keeping the star and every "
        "tag: {count}.",
        "import.notice.repeated": "Entries repeated within the file, skipped: {count}.",
        "import.notice.md_mood": "Files whose 'mood' is not a level from 1 to 5, imported "
        "without a mood log: {count}.",
        "import.notice.md_links": "Files and folders left out because they are symbolic "
        "links or not plain files (copy the notes themselves into the folder to import "
        "them): {count}.",
    }
)


class ImportExportError(PeerJournalError):
    """A file to import is unreadable or malformed, or an export could not be written."""

    messages = {
        "import.failed": "The file could not be read. Nothing was imported.",
        "import.dayone_not": "This is not a Day One export: its entries have no "
        "'creationDate'. Nothing was imported.",
        "import.dayone_no_entries": "{name} holds no Day One entries (no 'entries' list). "
        "Nothing was imported.",
        "import.dayone_zip_empty": "This zip holds no Day One journal (no .json file). "
        "Nothing was imported.",
        "import.dayone_no_journal": "The zip has no journal named {name}; it has: {journals}. "
        "Nothing was imported.",
        "import.zip_bad": "{path} is not a readable zip file. Nothing was imported.",
        "import.zip_member_bad": "The zip member {name} is damaged. Nothing was imported.",
        "import.zip_too_many": "The zip holds more than {limit} files; refusing to read it. "
        "Nothing was imported.",
        "import.zip_encrypted": "The zip member {name} is encrypted; export it again "
        "without a password. Nothing was imported.",
        "import.zip_member_too_large": "The zip member {name} unpacks to more than the {limit} "
        "MiB an import may be (or packs suspiciously small). Nothing was imported.",
        "import.zip_unsafe_name": "The zip holds a file named {name}, which points outside "
        "its folder; refusing it. Nothing was imported.",
        "import.daylio_header": "This is not a Daylio CSV export: its first line should name "
        "the columns full_date (or year and date), time, mood, activities and note; found "
        "{found}. Nothing was imported.",
        "import.daylio_empty": "The Daylio file is empty. Nothing was imported.",
        "import.csv_bad": "The {format} file is not readable CSV from line {line} on (a "
        "quote that never closes, or a stray character). Nothing was imported.",
        "import.csv_quote_open": "A quote opened on line {line} of the {format} file never "
        "closes, so every row after it would become part of that row's note. Close the quote "
        "(or remove it) and import again. Nothing was imported.",
        "import.csv_too_long": "Line {line} of the {format} file holds more than the "
        "{limit:,} characters an entry may have. Nothing was imported.",
        "import.jrnl_unknown": "This is none of jrnl's exports (JSON, txt or md): export with "
        "jrnl --format json. Nothing was imported.",
        "import.jrnl_line_too_long": "Line {line} of the jrnl file is too long to be real. "
        "Nothing was imported.",
        "import.jrnl_text_start": "The jrnl {format} file does not start with an entry "
        "(line {line}). Nothing was imported.",
        "import.jrnl_text_empty": "The jrnl {format} file holds no entries. Nothing was imported.",
        "import.cancelled": "The import was cancelled. Nothing was imported.",
        "import.mood_map_bad": "The mood map item {item!r} is not name=level with a level "
        'from 1 to 5 (example: --mood-map "rad=5,good=4,meh=3,bad=2,awful=1").',
        "import.unmapped_moods": "These moods have no level: {names}. Give each one with "
        '--mood-map "name=level,…" (levels 1 to 5). Nothing was imported.',
        "import.invalid": "{where}: {problem}. Nothing was imported.",
        "import.invalid_anywhere": "{problem}. Nothing was imported.",
        "import.record_refused": "{where}: {reason} Nothing was imported.",
        "import.vocabulary_refused": "{reason} Nothing was imported.",
        "import.unknown_format": "Unknown import format {name!r}; use one of: {formats}.",
        "import.dangling_mood": "entry {number}: it links to mood log {mood_id}, which is "
        "neither in the file nor in the vault. Nothing was imported.",
        "import.no_file": "There is no file {path}. Nothing was imported.",
        "import.stdin": "PeerJournal imports from a file, not from standard input: save the "
        "export to a file first (for example jrnl --export json > journal.json), give its "
        "name, and delete the file after the import. Nothing was imported.",
        "import.option_not_for_format": "{option} is for --format {formats} only; it would "
        "change nothing in a {format} import. Nothing was imported.",
        "import.not_a_file": "{path} is not a file. Nothing was imported.",
        "import.is_folder": "{path} is a folder, not a file.",
        "import.md_single_file_export": "{path} is PeerJournal's single-file Markdown export, "
        "made for reading; to import a journal, use its JSON export or a Markdown folder "
        "export. Nothing was imported.",
        "import.permission": "{path} cannot be read (permission denied).",
        "import.unreadable": "{path} could not be read ({reason}). Nothing was imported.",
        "import.too_large_mib": "{path} is {size} MiB, larger than the {limit} MiB an import "
        "may be. Nothing was imported.",
        "import.too_large": "{path} is too large to import. Nothing was imported.",
        "import.data_too_large": "The {format} file is too large to import. Nothing was imported.",
        "import.not_utf8": "The {format} file is not UTF-8 text (bad byte at position "
        "{position}). Nothing was imported.",
        "import.not_json": "The {format} file is not valid JSON (line {line}, column {column}: "
        "{reason}). Nothing was imported.",
        "import.too_deep": "The {format} file is nested too deeply to be a real export. "
        "Nothing was imported.",
        "import.json_constant": "The {format} file holds a value JSON exports never contain "
        "({value} is not allowed). Nothing was imported.",
        "import.json_value": "The {format} file holds a value too large to be real. "
        "Nothing was imported.",
        "import.json_key_twice": "The {format} file has the key {key} twice at its top level. "
        "Nothing was imported.",
        "import.jrnl_list": "This looks like a list, not a jrnl JSON export (which is an object "
        "with 'tags' and 'entries'). Export with: jrnl --format json. Nothing was imported.",
        "import.jrnl_no_entries": "This is not a jrnl JSON export: it has no 'entries'. "
        "Export with: jrnl --format json. Nothing was imported.",
        "import.not_peerjournal": "This is not a PeerJournal export (its 'format' is not "
        '"{format}"). Nothing was imported.',
        "import.not_peerjournal_jrnl": "This is not a PeerJournal export (its 'format' is not "
        '"{format}"). It looks like a jrnl export: use --format jrnl. Nothing was imported.',
        "import.newer_format": "This export was made by a newer PeerJournal (format version "
        "{version}; this one reads up to {supported}). Please update PeerJournal. "
        "Nothing was imported.",
        "export.inside_vault": "Refusing to write a plaintext export inside the vault folder; "
        "choose another place.",
        "export.is_folder": "{path} is a folder; give a file name for the export.",
        "export.no_folder": "The folder for {path} does not exist.",
        "export.permission": "{path} cannot be written (permission denied).",
        "export.unwritable": "{path} could not be written ({reason}).",
    }
