"""Transfer commands: ``import`` (jrnl or PeerJournal JSON) and ``export`` (JSON)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerjournal.cli.context import Context
from peerjournal.cli.output import write_json
from peerjournal.errors import ImportExportError

if TYPE_CHECKING:
    from peerjournal.app.transfer import ImportReport

IMPORT_FORMATS = ("jrnl", "json")
EXPORT_FORMATS = ("json",)


def register(subparsers: Any) -> None:
    """Add ``import`` and ``export`` to the top-level parser."""
    imp = subparsers.add_parser("import", help="import a jrnl or PeerJournal JSON export")
    imp.add_argument("--format", required=True, choices=IMPORT_FORMATS, help="the file's format")
    imp.add_argument("file", help="the file to import")
    imp.add_argument("--json", action="store_true", help="print the outcome as JSON")
    imp.set_defaults(handler=cmd_import, writes=True)

    exp = subparsers.add_parser("export", help="export everything as PeerJournal JSON (plaintext)")
    exp.add_argument("--format", default="json", choices=EXPORT_FORMATS, help="json (default)")
    exp.add_argument("--output", "-o", metavar="FILE", help="write to FILE (default: stdout)")
    exp.set_defaults(handler=cmd_export)


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal import --format jrnl|json FILE``."""
    from peerjournal.app.transfer import import_file

    path = Path(args.file).expanduser()
    if not path.exists():
        raise ImportExportError("import.no_file", path=str(path))
    report = import_file(ctx.session(), path, args.format)
    warnings = [warning.render() for warning in report.warnings]
    if args.json:
        write_json(dict(dataclasses.asdict(report), warnings=warnings), ctx.stdout)
        return 0
    for warning in warnings:
        ctx.warn(warning)
    ctx.out(import_summary(report))
    return 0


def import_summary(report: ImportReport) -> str:
    """One plain sentence about what an import did."""
    text = f"Imported {report.entries_added} entries and {report.moods_added} mood logs"
    skipped = report.entries_skipped + report.moods_skipped
    if skipped:
        text += f"; {skipped} were already in the vault and were skipped"
    return text + "."


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal export [--output FILE]``: plaintext JSON, file mode 0600."""
    from peerjournal.app.transfer import export_document, write_export

    session = ctx.session()
    if args.output:
        target = Path(args.output).expanduser()
        write_export(session, target)
        ctx.warn(f"wrote {target}: this export is NOT encrypted; store it carefully or delete it.")
        return 0
    data = export_document(session)
    ctx.stdout.flush()
    binary = getattr(ctx.stdout, "buffer", None)
    if binary is not None:  # exact UTF-8 bytes whatever the terminal's encoding
        binary.write(data)
        binary.flush()
    else:
        ctx.stdout.write(data.decode("utf-8"))
        ctx.stdout.flush()
    ctx.warn("the export above is NOT encrypted; store it carefully or delete it.")
    return 0
