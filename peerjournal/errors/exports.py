"""Errors of exports (what PeerJournal writes out), and the texts of the Markdown importer.

:class:`ExportError` is an :class:`ImportExportError`, so a caller that handles every
file problem in one place keeps doing so. The Markdown-folder importer's texts live here
beside the Markdown exporter's, as the two share the front-matter format.
"""

from __future__ import annotations

from peerjournal.errors.base import PeerJournalError, register_texts
from peerjournal.errors.files import ImportExportError

register_texts(
    {
        # where in a Markdown folder a problem is
        "import.where.md_file": "{path}",
        "import.where.md_line": "{path}, line {number}",
        # what is wrong there
        "import.problem.md_not_utf8": "it is not UTF-8 text",
        "import.problem.md_too_large": "it is larger than {limit:,} bytes",
        "import.problem.md_single_file_export": "it is PeerJournal's single-file export, made "
        "for reading; import the JSON export or a Markdown folder export instead",
        "import.problem.yaml": "the front matter is not valid YAML ({reason})",
        "import.problem.yaml_refused": "the front matter uses a YAML tag or feature journals "
        "never need ({reason})",
        "import.problem.yaml_not_mapping": "the front matter must be 'key: value' lines",
        "import.problem.yaml_unclosed": "the front matter is never closed by a line '---'",
        "import.problem.yaml_too_large": "the front matter is longer than {limit:,} characters",
        "import.problem.yaml_type": "{key!r} in the front matter must be {expected}",
        "import.problem.md_date": "{key!r} must be a date such as 2024-05-31 or "
        "2024-05-31T21:07:00+02:00, found {value}",
        # what the front-matter types are called in import.problem.yaml_type
        "yaml.text": "text",
        "yaml.tags": "a list of tags or one line of tags",
        "yaml.names": "a list of names or one line of names",
        "yaml.bool": "true or false",
        "yaml.uuid": "a UUID",
        # the plaintext warning every export shows before writing
        "export.plaintext_warning": "An export is NOT encrypted: anyone who can read the file "
        "can read your journal. Keep it on an encrypted disk, or make an encrypted backup "
        "instead (peerjournal backup).",
    }
)


class ExportError(ImportExportError):
    """An export that cannot be made as asked: a bad range or tag, a target that is taken."""

    messages = {
        "export.failed": "The export could not be written. Nothing was written.",
        "export.cancelled": "The export was cancelled. Nothing was written.",
        "export.unknown_format": "Unknown export format {name!r}; use one of: {formats}.",
        "export.needs_file": "A {format} export needs a place to write to: give --output.",
        "export.target_exists": "{path} already exists and is not an empty folder; choose a "
        "new name for the Markdown folder.",
        "export.replace_needs_yes": "{path} already exists. Give --yes to replace it, or "
        "choose a new name.",
        "export.not_a_file": "{path} is a link or not an ordinary file; choose a new name.",
        "export.pipe_use_stdout": "{path} is a pipe or a device; to write the export into it, "
        "leave out --output and redirect standard output: peerjournal export --format {format} "
        "> {path}",
        "export.pipe_needs_file": "{path} is a pipe or a device, not a file; a {format} export "
        "needs a file name.",
        "export.stream_full": "The disk is full: the export written to standard output is "
        "incomplete. Delete it, free some space and try again.",
        "export.stream_failed": "The export could not be written to standard output ({reason}); "
        "what was written is incomplete.",
        "export.range_reversed": "The range ends ({until}) before it starts ({since}).",
        "export.not_confirmed": "Nothing was written.",
        "export.no_pdf": "PDF export needs the desktop part of PeerJournal (PySide6), which is "
        "not installed.",
    }


class OutputFailed(PeerJournalError):
    """Standard output could not be written: a full disk, an I/O error, a closed stream.

    (A broken pipe, ``| head``, is not an error; an export to standard output says that
    its file is incomplete, see ``export.stream_full``.)
    """

    messages = {
        "output.failed": "Could not write the output: {reason}.",
        "output.failed_after_change": "The command did its work, but its output could not "
        "be written: {reason}.",
        "output.init_code_not_shown": "The vault was created, but its recovery code could "
        "not be shown ({reason}). Run `peerjournal new-recovery-code` where its output can "
        "be read, and write the new code down.",
        "output.new_code_not_shown": "A new recovery code was made (the old one no longer "
        "works), but it could not be shown ({reason}). Run `peerjournal new-recovery-code` "
        "again where its output can be read, and write the code down.",
    }
