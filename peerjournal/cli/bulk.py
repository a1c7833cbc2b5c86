"""Many entries at once, chosen by a filter: ``delete --tag T --until D`` and
``edit --tag T --add-tag U``.

Both show what matches first (how many, the first few lines of the list) and change
nothing until the person at the terminal says yes, or ``--yes`` is given; a script without
``--yes`` changes nothing and says so. The change is one transaction: all the matching
entries or none. A bulk delete moves entries to the trash (``restore`` brings each back);
permanent deletion stays one entry at a time.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from peerjournal.cli.output import counted, one_line
from peerjournal.errors import InvalidInput

if TYPE_CHECKING:
    from peerjournal.cli.context import Context
    from peerjournal.domain.models import EntrySummary

PAGE = 500
PREVIEW = 10


def add_filter_options(parser: argparse.ArgumentParser, *, tag: bool = True) -> None:
    """The filter options of a bulk action (``--tag`` too unless the command has its own)."""
    if tag:
        parser.add_argument("--tag", action="append", default=[], help="entries with this tag")
    parser.add_argument("--starred", action="store_true", help="only starred entries")
    # The unlock agent cannot ask the terminal: the client has it print the preview, asks
    # here, and sends the command again with --yes (cli/agent.py).
    parser.add_argument("--preview", action="store_true", help=argparse.SUPPRESS)


def has_filter(args: argparse.Namespace, days: tuple[Any, Any]) -> bool:
    """Whether the command line names a filter (so it means many entries, not one)."""
    return bool(args.tag) or bool(args.starred) or days != (None, None)


def matching(ctx: Context, args: argparse.Namespace, days: tuple[Any, Any]) -> list[EntrySummary]:
    """Every live entry the filter selects, newest first (read in keyset pages)."""
    if len(args.tag) > 1:
        raise InvalidInput("cli.bulk_one_tag")
    since, until = days
    journal = ctx.session().journal
    found: list[EntrySummary] = []
    after: str | None = None
    while True:
        page = journal.list(
            limit=PAGE,
            tag=args.tag[0] if args.tag else None,
            since=since,
            until=until,
            starred=True if args.starred else None,
            after=after,
        )
        found.extend(page)
        if len(page) < PAGE:
            return found
        after = page[-1].id


def confirm(ctx: Context, entries: list[EntrySummary], action: str, *, yes: bool) -> bool:
    """Show the matching entries and ask; False (nothing to do) when none match."""
    if not entries:
        ctx.out("No entries match; nothing was changed.")
        return False
    found = counted(len(entries), "entry", "entries")
    ctx.warn(f"{found} {'matches' if len(entries) == 1 else 'match'}:")
    for entry in entries[:PREVIEW]:
        title = one_line(entry.title or entry.first_line)[:60] or "(empty)"
        ctx.warn(f"  {entry.id[:8]}  {entry.created.astimezone():%Y-%m-%d %H:%M}  {title}")
    if len(entries) > PREVIEW:
        ctx.warn(f"  … and {len(entries) - PREVIEW:,} more")
    if getattr(ctx.args, "preview", False):
        return False
    what = "this entry" if len(entries) == 1 else f"these {len(entries):,} entries"
    if ctx.confirm(action.format(what=what), yes=yes):
        return True
    if ctx.interactive:
        raise InvalidInput("cli.not_confirmed")
    raise InvalidInput("cli.bulk_needs_yes", count=len(entries))


def delete(ctx: Context, args: argparse.Namespace, days: tuple[Any, Any]) -> int:
    """``delete --tag T --since D --until D --on D --starred [--yes]``: to the trash."""
    if args.purge:
        raise InvalidInput("cli.bulk_no_purge")
    entries = matching(ctx, args, days)
    if not confirm(ctx, entries, "Move {what} to the trash?", yes=args.yes):
        return 0
    session = ctx.session()
    with session.transaction():
        for entry in entries:
            session.journal.delete(entry.id)
    moved = counted(len(entries), "entry", "entries")
    ctx.out(f"Moved {moved} to the trash (undo: peerjournal restore ID).")
    return 0


def edit(ctx: Context, args: argparse.Namespace, days: tuple[Any, Any], add: list[str]) -> int:
    """``edit --tag T … --add-tag U --untag V --star/--unstar [--yes]``."""
    if any(
        value
        for value in (args.title, args.body, args.clear_body, args.edit, args.date is not None)
    ):
        raise InvalidInput("cli.bulk_edit_fields")
    if not (add or args.untag or args.star or args.unstar):
        raise InvalidInput("cli.bulk_nothing_to_change")
    entries = matching(ctx, args, days)
    if not confirm(ctx, entries, "Change {what}?", yes=args.yes):
        return 0
    drop = {tag.lstrip("#@").strip().casefold() for tag in args.untag}
    session = ctx.session()
    changed = 0
    with session.transaction():
        for summary in entries:
            entry = session.journal.get(summary.id)
            tags = [t for t in entry.tags if t.casefold() not in drop]
            tags += [t for t in add if t.casefold() not in {x.casefold() for x in tags}]
            changes: dict[str, Any] = {}
            if tags != list(entry.tags):
                changes["tags"] = tags
            if args.star and not entry.starred:
                changes["starred"] = True
            elif args.unstar and entry.starred:
                changes["starred"] = False
            if changes:
                session.journal.update(entry.id, **changes)
                changed += 1
    matched = counted(len(entries), "matching entry", "matching entries")
    ctx.out(f"Changed {changed:,} of {matched}.")
    return 0
