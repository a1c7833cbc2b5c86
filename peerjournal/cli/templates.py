"""``peerjournal template``: the entry template kept inside the vault.

``add -e`` opens the editor on this template when no ``--template FILE`` is given (jrnl
keeps its template in a file; a template here may hold personal prompts, so it lives in
the encrypted vault like every other text).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from peerjournal.cli.context import Context

PREF_KEY = "cli.template"
MAX_TEMPLATE_CHARS = 100_000


def register(subparsers: Any) -> None:
    """Add ``template set|show|clear`` to the top-level parser."""
    template = subparsers.add_parser(
        "template", help="the vault's entry template (add -e starts from it)"
    )
    commands = template.add_subparsers(dest="template_command", metavar="ACTION")
    put = commands.add_parser("set", help="keep FILE's text (or stdin's, with -) as the template")
    put.add_argument("file", metavar="FILE", help='a UTF-8 text file, or "-" for stdin')
    put.set_defaults(handler=cmd_set, writes=True)
    show = commands.add_parser("show", help="print the template")
    show.set_defaults(handler=cmd_show)
    clear = commands.add_parser("clear", help="forget the template")
    clear.set_defaults(handler=cmd_clear, writes=True)


def vault_template(ctx: Context) -> str:
    """The vault's template, or "" when none is kept."""
    value = ctx.session().prefs.get(PREF_KEY, "")
    return value if isinstance(value, str) else ""


def cmd_set(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal template set FILE|-``."""
    from peerjournal.domain.models import check_text
    from peerjournal.errors import InvalidInput

    if "template" in ctx.provided:
        text = ctx.provided["template"]
    elif args.file == "-":
        text = ctx.read_stdin()
    else:
        text = ctx.read_text_file(args.file, "field.template")
    if len(text) > MAX_TEMPLATE_CHARS or not text.strip():
        raise InvalidInput("cli.template_unusable", limit=MAX_TEMPLATE_CHARS)
    ctx.session().prefs.set(PREF_KEY, check_text(text, "field.template"))
    ctx.out(f"Kept the template ({len(text):,} characters); `add -e` starts from it.")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal template show``: the template exactly as kept."""
    text = vault_template(ctx)
    if not text:
        ctx.warn("no template is kept (peerjournal template set FILE)")
        return 0
    ctx.stdout.write(text)
    return 0


def cmd_clear(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal template clear``."""
    ctx.session().prefs.delete(PREF_KEY)
    ctx.out("The template is gone; `add -e` starts from an empty file.")
    return 0
