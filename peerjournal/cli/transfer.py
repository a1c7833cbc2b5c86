"""Transfer commands: ``import`` (every format in peerjournal/importers/) and ``export``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerjournal.cli.context import Context
from peerjournal.cli.output import counted, iso, write_json
from peerjournal.errors import ImportExportError

if TYPE_CHECKING:
    from peerjournal.app.transfer import ImportReport

#: Kept in step with peerjournal.importers.SOURCES (a test checks), so building the parser
#: imports no importer.
IMPORT_FORMATS = ("jrnl", "json", "dayone", "daylio", "markdown")


def register(subparsers: Any) -> None:
    """Add ``import`` and ``export`` (peerjournal/cli/export.py) to the top-level parser."""
    imp = subparsers.add_parser(
        "import", help="import a journal export (jrnl, Day One, Daylio, Markdown, PeerJournal)"
    )
    imp.add_argument("--format", required=True, choices=IMPORT_FORMATS, help="the file's format")
    imp.add_argument("file", help="the file (or folder) to import")
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help="read and check everything, report what would be imported, write nothing",
    )
    imp.add_argument(
        "--mood-map",
        metavar="NAME=LEVEL,…",
        help="levels for mood names (Daylio); default rad=5,good=4,meh=3,bad=2,awful=1",
    )
    imp.add_argument("--journal", metavar="NAME", help="import only this journal of a Day One zip")
    imp.add_argument(
        "--include-location", action="store_true", help="keep Day One's places in the entries"
    )
    imp.add_argument(
        "--include-weather", action="store_true", help="keep Day One's weather in the entries"
    )
    imp.add_argument(
        "--tag-from-folder",
        action="store_true",
        help="tag Markdown files with the names of their folders",
    )
    imp.add_argument("--json", action="store_true", help="print the outcome as JSON")
    imp.set_defaults(handler=cmd_import, writes=True)

    from peerjournal.cli import export  # the export side has its own module

    export.register(subparsers)


#: The options that only some readers use: flag, its attribute, the formats it is for.
FORMAT_OPTIONS = (
    ("--mood-map", "mood_map", ("daylio",)),
    ("--journal", "journal", ("dayone",)),
    ("--include-location", "include_location", ("dayone",)),
    ("--include-weather", "include_weather", ("dayone",)),
    ("--tag-from-folder", "tag_from_folder", ("markdown",)),
)


def check_format_options(args: argparse.Namespace) -> None:
    """Refuse an option the chosen format's reader never looks at (``--mood-map`` with a
    Day One file): the user expects it to change something, and it would not."""
    for flag, attribute, formats in FORMAT_OPTIONS:
        value = getattr(args, attribute)
        if value not in (None, False) and args.format not in formats:
            raise ImportExportError(
                "import.option_not_for_format",
                option=flag,
                formats=" or ".join(formats),
                format=args.format,
            )


def import_options(args: argparse.Namespace) -> Any:
    """The :class:`ImportOptions` the command line's flags choose."""
    from peerjournal.app.transfer import ImportOptions, parse_mood_map

    mood_map = parse_mood_map(args.mood_map) if args.mood_map is not None else None
    return ImportOptions(
        mood_map=mood_map,
        journal=args.journal,
        include_location=args.include_location,
        include_weather=args.include_weather,
        tag_from_folder=args.tag_from_folder,
    )


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal import --format NAME FILE [--dry-run] [--json] …``."""
    from peerjournal.app.transfer import import_file
    from peerjournal.cli.progress import ProgressBar

    check_format_options(args)
    if args.file == "-":  # the readers check sizes and read some formats twice: a file only
        raise ImportExportError("import.stdin")
    path = Path(args.file).expanduser()
    if not path.exists():
        raise ImportExportError("import.no_file", path=str(path))
    options = import_options(args)
    bar = ProgressBar(ctx.stdout, ctx.stderr, what="importing")
    try:
        report = import_file(
            ctx.session(), path, args.format, options=options, dry_run=args.dry_run, progress=bar
        )
    finally:
        bar.close()
    if args.json:
        write_json(report_json(report), ctx.stdout)
        return 0
    for warning in report.warnings:
        ctx.warn(warning.render())
    for problem in report.problems:
        ctx.warn(problem.render())
    if report.problems_total > len(report.problems):
        more = report.problems_total - len(report.problems)
        ctx.warn(f"… and {more:,} more skipped records")
    ctx.out(import_summary(report))
    return 0


def report_json(report: ImportReport) -> dict[str, Any]:
    """The ``import --json`` shape (documented in docs/cli.md)."""
    return {
        "format": report.format,
        "dry_run": report.dry_run,
        "entries_added": report.entries_added,
        "entries_skipped": report.entries_skipped,
        "moods_added": report.moods_added,
        "moods_skipped": report.moods_skipped,
        "first": iso(report.first),
        "last": iso(report.last),
        "problems": [problem.render() for problem in report.problems],
        "problems_total": report.problems_total,
        "unmapped_moods": [{"name": name, "rows": rows} for name, rows in report.unmapped_moods],
        "warnings": [warning.render() for warning in report.warnings],
    }


def import_summary(report: ImportReport) -> str:
    """Plain sentences about what an import did (or a dry run would do)."""
    what = (
        f"{counted(report.entries_added, 'entry', 'entries')} and "
        f"{counted(report.moods_added, 'mood log', 'mood logs')}"
    )
    if report.dry_run:
        text = f"Dry run, nothing was written: {what} would be imported"
    else:
        text = f"Imported {what}"
    skipped = report.entries_skipped + report.moods_skipped
    if skipped:
        if report.dry_run:
            verb = "is" if skipped == 1 else "are"
        else:
            verb = "was" if skipped == 1 else "were"
        text += f"; {skipped:,} {verb} already in the vault and {verb} skipped"
    if report.problems_total:
        records = counted(report.problems_total, "malformed record", "malformed records")
        text += f"; {records} {'was' if report.problems_total == 1 else 'were'} skipped"
    text += "."
    if report.dry_run and report.first is not None and report.last is not None:
        text += f" Dates: {report.first.date().isoformat()} to {report.last.date().isoformat()}."
    if report.unmapped_moods:
        names = ", ".join(
            f"{name!r} ({counted(rows, 'row', 'rows')})" for name, rows in report.unmapped_moods
        )
        text += f" Moods without a level (give them with --mood-map): {names}"
        text += "; until each has one, the import is refused." if report.dry_run else "."
    return text
