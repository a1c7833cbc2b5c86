"""The ``export`` command: the journal written out as JSON, Markdown, CSV or PDF (plaintext).

An export is plaintext by nature, so the command says so before it writes a file. At a
terminal it asks (``[y/N]``, as ``delete --purge`` does; ``--yes`` skips the question). A
script, with no one to ask, gets the warning on stderr and the file: exporting is not
destructive, and scripts (a nightly export to an encrypted disk) have always been able to
write one. Writing to standard output (no ``--output``) asks nothing — the caller chose where
the bytes go — and the warning goes to stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerjournal.cli.context import Context
from peerjournal.cli.output import counted, write_json
from peerjournal.cli.parsing import parse_day
from peerjournal.errors import ExportError, Text

if TYPE_CHECKING:
    from peerjournal.app.export import ExportOptions, ExportReport

#: Kept in step with peerjournal.app.export.FORMATS (a test checks), so building the parser
#: imports nothing of the export code.
EXPORT_FORMATS = ("json", "md", "csv", "pdf")
SUGGESTION = "For a copy that stays private, use: peerjournal backup create FILE (encrypted)."


def register(subparsers: Any) -> None:
    """Add ``export`` to the top-level parser."""
    exp = subparsers.add_parser(
        "export",
        help="export entries as JSON, Markdown, CSV (mood logs) or PDF — NOT encrypted",
        description="Write the journal out in a readable format. The files are NOT "
        "encrypted (mode 0600); for a private copy use `peerjournal backup create`.",
    )
    exp.add_argument(
        "--format",
        default="json",
        choices=EXPORT_FORMATS,
        help="json (default, everything incl. the trash), md (a folder of Markdown files), "
        "csv (mood logs), pdf (printable)",
    )
    exp.add_argument(
        "--output",
        "-o",
        metavar="PATH",
        help="the file (or, for md, the new folder) to write; default: standard output",
    )
    exp.add_argument(
        "--from", "--since", dest="since", type=parse_day, metavar="DAY",
        help="from this local day (YYYY-MM-DD, today, yesterday)",
    )  # fmt: skip
    exp.add_argument(
        "--to", "--until", dest="until", type=parse_day, metavar="DAY",
        help="up to and including this local day",
    )  # fmt: skip
    exp.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="only entries with this tag (repeat for any of several)",
    )
    exp.add_argument(
        "--single-file", action="store_true", help="md: one Markdown file instead of a folder"
    )
    exp.add_argument(
        "--yes",
        action="store_true",
        help="write the plaintext file without asking, replacing a file of that name (scripts)",
    )
    exp.add_argument("--json", action="store_true", help="print what was written as JSON")
    exp.set_defaults(handler=cmd_export)


def export_options(args: argparse.Namespace) -> ExportOptions:
    """The :class:`ExportOptions` the flags choose."""
    from peerjournal.app.export import ExportOptions

    single = bool(args.single_file or (args.format == "md" and not args.output))
    return ExportOptions(
        format=args.format,
        since=args.since,
        until=args.until,
        tags=tuple(args.tag),
        single_file=single,
    )


def _confirm(ctx: Context, target: Path, yes: bool) -> None:
    """The plaintext warning before writing, and the question at a terminal (not with --yes).

    A file that exists already is replaced only after a yes (a script: ``--yes``): the
    name may be a typo for someone's other file, and an export must not destroy it.
    """
    if yes:
        return
    replacing = target.exists()
    if replacing and not ctx.interactive:
        raise ExportError("export.replace_needs_yes", path=str(target))
    ctx.warn(Text("export.plaintext_warning").render())
    if not ctx.interactive:
        return
    question = (
        f"{target} already exists. Replace it with a plaintext export?"
        if replacing
        else f"Write a plaintext export to {target}?"
    )
    if not ctx.confirm(question, yes=False):
        raise ExportError("export.not_confirmed")


def report_json(report: ExportReport) -> dict[str, Any]:
    """The ``export --json`` shape (documented in docs/cli.md)."""
    return {
        "format": report.format,
        "path": report.path,
        "entries": report.entries,
        "moods": report.moods,
        "files": report.files,
        "encrypted": False,
    }


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal export [--format F] [-o PATH] [--from DAY] [--to DAY] [--tag T] …``."""
    from peerjournal.app.export import check_options, check_target, export_stream, export_to
    from peerjournal.cli.progress import ProgressBar

    options = export_options(args)
    check_options(options)
    if not args.output:
        if args.format == "pdf":
            raise ExportError("export.needs_file", format="pdf")
        session = ctx.session()
        ctx.stdout.flush()
        binary = getattr(ctx.stdout, "buffer", None)
        if binary is not None:  # exact UTF-8 bytes whatever the terminal's encoding
            try:
                report = export_stream(session, binary, options)
            except ExportError:
                # what the failed stream still holds must not fail again at exit
                from peerjournal.cli.streams import silence_stdout

                silence_stdout()
                raise
            binary.flush()
        else:
            import io

            buffer = io.BytesIO()
            report = export_stream(session, buffer, options)
            ctx.stdout.write(buffer.getvalue().decode("utf-8"))
            ctx.stdout.flush()
        ctx.warn("the export above is NOT encrypted; store it carefully or delete it.")
        return 0
    target = check_target(ctx.existing_vault_folder(), Path(args.output), options, stdout_way=True)
    _confirm(ctx, target, args.yes)
    render = None
    if options.format == "pdf":
        from peerjournal.ui.app import pdf_renderer

        render = pdf_renderer()
    session = ctx.session()
    bar = ProgressBar(ctx.stdout, ctx.stderr, what="exporting", unit=" records")
    try:
        report = export_to(session, target, options, progress=bar, render_pdf=render)
    finally:
        bar.close()
    ctx.mark_done()
    if args.json:
        write_json(report_json(report), ctx.stdout)
    else:
        ctx.out(summary(report))
    ctx.warn(f"{target} is NOT encrypted; store it carefully or delete it. {SUGGESTION}")
    return 0


def summary(report: ExportReport) -> str:
    """One plain sentence about what an export wrote."""
    entries = counted(report.entries, "entry", "entries")
    moods = counted(report.moods, "mood log", "mood logs")
    what = {"json": f"{entries} and {moods}", "md": entries, "csv": moods,
            "pdf": f"{entries} and {moods}"}[report.format]  # fmt: skip
    folder = report.path is not None and Path(report.path).is_dir()
    where = "a folder, files mode 0600" if folder else "mode 0600"
    return f"Exported {what} to {report.path} ({where}, not encrypted)."
