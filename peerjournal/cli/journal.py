"""Journal commands: add, list, show, edit, delete, restore, search, tags.

``add -e`` and ``edit ID -e`` open the user's editor on a file in a private in-memory folder
(:mod:`peerjournal.cli.editor`: never a disk temp folder unless ``--allow-disk-temp``);
``edit`` also takes the changes as options (``--body -`` reads the new body from standard
input, which a pipe can fill without a file).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from peerjournal.cli import bulk
from peerjournal.cli.context import Context
from peerjournal.cli.editor import add_disk_temp_option
from peerjournal.cli.output import (
    clean,
    entry_json,
    hit_json,
    local_text,
    one_line,
    render_snippet,
    summary_json,
    summary_line,
    tags_text,
    write_json,
)
from peerjournal.cli.parsing import parse_day, parse_limit, parse_moment, parse_offset
from peerjournal.errors import InvalidInput

if TYPE_CHECKING:
    from peerjournal.domain.models import Entry

MAX_STDIN_CHARS = 5_000_000


def register(subparsers: Any) -> None:
    """Add the journal commands to the top-level parser."""
    add = subparsers.add_parser("add", help="write a new entry")
    add.add_argument(
        "text",
        nargs="*",
        help='the entry, quotes optional: "Title. Body" (the first sentence is the title), '
        '"yesterday: …" (a date first), or "-" to read it from stdin',
    )
    add.add_argument(
        "--title", help="the entry title (then all the text is the body; --title '' for none)"
    )
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument(
        "--date",
        type=parse_moment,
        help='when: ISO date or date-time, or words such as "last monday 9pm" (local)',
    )
    add.add_argument(
        "--template",
        metavar="FILE",
        help="start from this file's text (with -e: in the editor); without it, -e starts "
        "from the vault's template (peerjournal template set)",
    )
    add.add_argument("--star", action="store_true", help="mark the entry as starred")
    add.add_argument("-e", "--edit", action="store_true", help="write the entry in $VISUAL/$EDITOR")
    add_disk_temp_option(add)
    add.add_argument("--json", action="store_true", help="print the new entry as JSON")
    add.set_defaults(handler=cmd_add, writes=True)

    lst = subparsers.add_parser("list", help="list entries, newest first")
    lst.add_argument(
        "-n", "--limit", type=parse_limit, default=20, help="at most N entries (1-10000; 20)"
    )
    lst.add_argument("--offset", type=parse_offset, default=0, help="skip the first N")
    lst.add_argument(
        "--after", metavar="ID", help="the page after this entry (ID: the last one listed)"
    )
    lst.add_argument("--tag", help="only entries with this tag")
    _day_options(lst)
    lst.add_argument("--trash", action="store_true", help="list the trash instead")
    lst.add_argument("--starred", action="store_true", help="only starred entries")
    _format_options(lst)
    lst.set_defaults(handler=cmd_list)

    show = subparsers.add_parser("show", help="print one entry")
    show.add_argument("id", help="entry id or a unique prefix of it (4+ characters)")
    _format_options(show)
    show.set_defaults(handler=cmd_show)

    edit = subparsers.add_parser(
        "edit",
        help="change an entry (-e: in your editor), or the tags and stars of every entry a "
        "filter selects",
        epilog="Without ID, --tag/--since/--until/--on/--starred select the entries to change "
        "(one --tag), and only --add-tag, --untag, --star and --unstar apply; the matches are "
        "shown first and nothing changes until you confirm (or give --yes).",
    )
    edit.add_argument("id", nargs="?", help="entry id or unique prefix (none: use a filter)")
    edit.add_argument("--title", help="new title")
    body = edit.add_mutually_exclusive_group()
    body.add_argument(
        "--body", help='new body, or "-" to read it from stdin (never empty: see --clear-body)'
    )
    body.add_argument("--clear-body", action="store_true", help="make the body empty")
    body.add_argument(
        "-e", "--edit", action="store_true", help="change the body in $VISUAL/$EDITOR"
    )
    add_disk_temp_option(edit)
    edit.add_argument(
        "--tag", action="append", default=[], help="with ID: add a tag; without: the filter"
    )
    edit.add_argument(
        "--add-tag", action="append", default=[], metavar="TAG", help="add a tag (repeatable)"
    )
    edit.add_argument("--untag", action="append", default=[], help="remove a tag (repeatable)")
    star = edit.add_mutually_exclusive_group()
    star.add_argument("--star", action="store_true", help="mark as starred")
    star.add_argument("--unstar", action="store_true", help="remove the star")
    edit.add_argument("--date", type=parse_moment, help="move the entry to this time")
    edit.add_argument("--json", action="store_true", help="print the changed entry as JSON")
    _day_options(edit)
    bulk.add_filter_options(edit, tag=False)
    edit.add_argument("--yes", action="store_true", help="without ID: change without asking")
    edit.set_defaults(handler=cmd_edit, writes=True)

    delete = subparsers.add_parser(
        "delete",
        help="move an entry (or every entry a filter selects) to the trash",
        epilog="Without ID, --tag/--since/--until/--on/--starred select the entries; the "
        "matches are shown first and nothing moves until you confirm (or give --yes).",
    )
    delete.add_argument("id", nargs="?", help="entry id or unique prefix (none: use a filter)")
    delete.add_argument("--purge", action="store_true", help="delete permanently (cannot undo)")
    delete.add_argument(
        "--yes",
        action="store_true",
        help="do not ask (--purge of a live entry, or the entries a filter selects)",
    )
    _day_options(delete)
    bulk.add_filter_options(delete)
    delete.set_defaults(handler=cmd_delete, writes=True)

    restore = subparsers.add_parser("restore", help="bring an entry back from the trash")
    restore.add_argument("id", help="entry id or unique prefix")
    restore.set_defaults(handler=cmd_restore, writes=True)

    search = subparsers.add_parser(
        "search",
        help='full-text search: walk*, "a phrase", AND, OR, NOT, ( ), -word; CJK and emoji',
    )
    search.add_argument("query", nargs="*", help="what to find (several words are ANDed)")
    search.add_argument("--tag", help="only entries with this tag")
    _day_options(search)
    search.add_argument("--starred", action="store_true", help="only starred entries")
    search.add_argument(
        "-n", "--limit", type=parse_limit, default=20, help="at most N results (1-10000; 20)"
    )
    _format_options(search)
    search.set_defaults(handler=cmd_search)

    tags = subparsers.add_parser("tags", help="tags in use, most used first")
    tags.add_argument("--json", action="store_true", help="print JSON")
    tags.set_defaults(handler=cmd_tags)


def _format_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("txt", "md", "json"),
        default=None,
        help="txt (default: text, coloured on a terminal unless NO_COLOR is set), "
        "md (Markdown) or json (as --json)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON (--format json)")


def _format(args: argparse.Namespace) -> str:
    return "json" if args.json else (args.format or "txt")


def _day_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=parse_day, help="from this day (YYYY-MM-DD)")
    parser.add_argument("--until", type=parse_day, help="up to and including this day")
    parser.add_argument(
        "--on", type=parse_day, metavar="DAY", help="on this day only (--since DAY --until DAY)"
    )


def _days(args: argparse.Namespace) -> tuple[Any, Any]:
    """``(since, until)`` from --since/--until, or --on."""
    if args.on is not None:
        if args.since is not None or args.until is not None:
            raise InvalidInput("cli.on_with_since")
        return args.on, args.on
    return args.since, args.until


def _body_arg(ctx: Context, value: str) -> str:
    if value != "-":
        return value
    text = ctx.read_stdin()
    if len(text) > MAX_STDIN_CHARS:
        raise InvalidInput("cli.stdin_too_long", limit=MAX_STDIN_CHARS)
    return text


def warn_moved(ctx: Context, moment: object) -> None:
    """Say so when a local time did not exist (a clock change) and was moved forward."""
    from datetime import datetime

    moved = getattr(moment, "moved_forward", None)
    if moved is not None and isinstance(moment, datetime):
        minutes = int(moved.total_seconds() // 60)
        ctx.warn(
            f"that local time does not exist (the clocks jumped forward); "
            f"used {local_text(moment)}, {minutes} minutes later."
        )


def _mood_level(ctx: Context, mood_id: str | None) -> int | None:
    if mood_id is None:
        return None
    from peerjournal.errors import NotFound

    try:
        return ctx.session().mood.get(mood_id).level
    except NotFound:
        return None


def _print_entry(ctx: Context, entry: Entry, as_json: bool, form: str = "txt") -> None:
    level = _mood_level(ctx, entry.mood_id)
    if as_json:
        write_json(entry_json(entry, mood_level=level), ctx.stdout)
        return
    if form == "md":
        from peerjournal.cli.output import entry_markdown

        ctx.out(entry_markdown(entry, level))
        return
    star = " *" if entry.starred else ""
    ctx.out(f"{one_line(entry.title) or '(untitled)'}{star}")
    ctx.out(f"id:       {entry.id}")
    ctx.out(f"created:  {local_text(entry.created)}")
    if entry.updated != entry.created:
        ctx.out(f"updated:  {local_text(entry.updated)}")
    if entry.tags:
        ctx.out(f"tags:     {tags_text(entry.tags)}")
    if level is not None:
        ctx.out(f"mood:     {level}")
    if entry.deleted is not None:
        ctx.out(f"in trash since {local_text(entry.deleted)}")
    ctx.out()
    ctx.out(clean(entry.body).rstrip("\n"))


#: jrnl's rule: the title is the first sentence, ending at ".", "?" or "!" before a space,
#: or the first line.
_TITLE_END = None


def split_title(text: str) -> tuple[str, str]:
    """``(title, body)`` of quick-add text, as jrnl splits it; ``("", text)`` when there is
    no sentence end with more text after it (a single sentence stays the body)."""
    import re

    global _TITLE_END
    if _TITLE_END is None:
        _TITLE_END = re.compile(r"[.?!]+(?=\s)|\n")
    stripped = text.strip()
    found = _TITLE_END.search(stripped)
    if found is None:
        return "", text
    end = found.end() if found.group() != "\n" else found.start()
    title, body = stripped[:end].strip(), stripped[found.end() :].strip()
    if not title or not body:
        return "", text
    return title, body


def _template(args: argparse.Namespace, ctx: Context) -> str:
    """The template to start from: ``--template FILE``, else (with -e) the vault's."""
    if "template" in ctx.provided:
        return ctx.provided["template"]
    if args.template:
        return ctx.read_text_file(args.template, "field.template")
    if args.edit:
        from peerjournal.cli.templates import vault_template

        return vault_template(ctx)
    return ""


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal add [TEXT…|-] [-e] [--title] [--tag]... [--date] [--star] [--template]``."""
    words = list(args.text)
    given = " ".join(words) if words and words != ["-"] else ""
    template = _template(args, ctx)
    if args.edit:
        start = f"{template}{given}" if not template or not given else f"{template}\n{given}"
        text = ctx.edit_text(start)
        if template and text.strip() == template.strip():
            raise InvalidInput("cli.entry_empty")
        typed = True
    elif given:
        text = f"{template}\n\n{given}" if template else given
        typed = True
    elif template and not words:
        text, typed = template, True
    else:
        if not words and ctx.interactive:
            raise InvalidInput("cli.text_needed")
        text, typed = _body_arg(ctx, "-"), False
    moment = args.date
    title = args.title if args.title is not None else ""
    body = text
    if typed and args.title is None:
        # jrnl's quick add: "yesterday: Title. Body" (a date only when --date is not given).
        if moment is None:
            from peerjournal.cli.dates import split_date_prefix

            moment, body = split_date_prefix(body)
        title, body = split_title(body)
    if not body.strip() and not title.strip():
        raise InvalidInput("cli.entry_empty")
    warn_moved(ctx, moment)
    entry = ctx.session().journal.add(
        body, title=title, tags=args.tag, created=moment, starred=args.star
    )
    if args.json:
        write_json(entry_json(entry), ctx.stdout)
    else:
        ctx.out(f"Added entry {entry.id[:8]} ({local_text(entry.created)}).")
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal list``."""
    since, until = _days(args)
    items = ctx.session().journal.list(
        offset=args.offset,
        limit=args.limit,
        tag=args.tag,
        since=since,
        until=until,
        trashed=args.trash,
        starred=True if args.starred else None,
        after=args.after,
    )
    form = _format(args)
    if form == "json":
        write_json([summary_json(item) for item in items], ctx.stdout)
        return 0
    if form == "md":
        from peerjournal.cli.output import summary_markdown

        for item in items:
            ctx.out(summary_markdown(item))
    else:
        color = ctx.color
        for item in items:
            ctx.out(summary_line(item, color=color))
    if not items:
        ctx.warn("the trash is empty" if args.trash else "no entries match")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal show ID``."""
    form = _format(args)
    _print_entry(ctx, ctx.session().journal.get(args.id), form == "json", form)
    return 0


def cmd_edit(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal edit ID --title/--body/--tag/--untag/--star/--unstar/--date``, or
    ``edit --tag T … --add-tag U`` for every entry a filter selects."""
    days = _days(args)
    if args.id is None:
        if not bulk.has_filter(args, days):
            raise InvalidInput("cli.bulk_needs_filter")
        return bulk.edit(ctx, args, days, args.add_tag)
    if days != (None, None) or args.starred:
        raise InvalidInput("cli.bulk_filter_with_id")
    args.tag = args.tag + args.add_tag
    journal = ctx.session().journal
    entry = journal.get(args.id)
    changes: dict[str, Any] = {}
    if args.title is not None:
        changes["title"] = args.title
    if args.body is not None:
        body = _body_arg(ctx, args.body)
        if not body.strip():
            raise InvalidInput("cli.body_empty")
        changes["body"] = body
    elif args.clear_body:
        changes["body"] = ""
    elif args.edit:
        edited = ctx.edit_text(entry.body)
        if not edited.strip():
            raise InvalidInput("cli.editor_empty")
        if edited.rstrip() != entry.body.rstrip():
            changes["body"] = edited
        elif not (
            args.title is not None
            or args.tag
            or args.untag
            or args.star
            or args.unstar
            or args.date is not None
        ):
            ctx.out(f"Entry {entry.id[:8]} was left as it was (the text did not change).")
            return 0
    if args.tag or args.untag:
        drop = {tag.lstrip("#@").strip().casefold() for tag in args.untag}
        kept = [tag for tag in entry.tags if tag.casefold() not in drop]
        changes["tags"] = kept + list(args.tag)
    if args.star:
        changes["starred"] = True
    elif args.unstar:
        changes["starred"] = False
    if args.date is not None:
        changes["created"] = args.date
        warn_moved(ctx, args.date)
    if not changes:
        raise InvalidInput("cli.nothing_to_change")
    updated = journal.update(entry.id, **changes)
    if args.json:
        write_json(entry_json(updated, mood_level=_mood_level(ctx, updated.mood_id)), ctx.stdout)
    else:
        ctx.out(f"Changed entry {updated.id[:8]}.")
    return 0


def cmd_delete(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal delete [--purge] ID``, or ``delete --tag T --until D`` (to the trash)."""
    days = _days(args)
    if args.id is None:
        if not bulk.has_filter(args, days):
            raise InvalidInput("cli.bulk_needs_filter")
        return bulk.delete(ctx, args, days)
    if bulk.has_filter(args, days):
        raise InvalidInput("cli.bulk_filter_with_id")
    journal = ctx.session().journal
    entry = journal.get(args.id)
    if args.purge:
        if entry.deleted is None:
            title = one_line(entry.title or entry.body)[:60] or "(empty)"
            question = (
                f"Entry {entry.id[:8]} ({title!r}) is not in the trash. "
                "Delete it for good? This cannot be undone."
            )
            if not ctx.confirm(question, yes=args.yes):
                if ctx.interactive:
                    raise InvalidInput("cli.not_confirmed")
                raise InvalidInput("cli.purge_needs_yes", id=entry.id[:8])
            journal.delete(entry.id)
        journal.purge(entry.id)
        ctx.out(f"Deleted entry {entry.id[:8]} permanently.")
    else:
        if entry.deleted is not None:
            raise InvalidInput("cli.already_in_trash", id=entry.id[:8])
        journal.delete(entry.id)
        ctx.out(
            f"Moved entry {entry.id[:8]} to the trash (undo: peerjournal restore {entry.id[:8]})."
        )
    return 0


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal restore ID``."""
    journal = ctx.session().journal
    entry = journal.get(args.id)
    if entry.deleted is None:
        raise InvalidInput("cli.not_in_trash", id=entry.id[:8])
    journal.restore(entry.id)
    ctx.out(f"Restored entry {entry.id[:8]}.")
    return 0


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal search QUERY``."""
    if not args.query:
        raise InvalidInput("cli.query_needed")
    since, until = _days(args)
    hits = ctx.session().journal.search(
        " ".join(args.query),
        tag=args.tag,
        since=since,
        until=until,
        starred=True if args.starred else None,
        limit=args.limit,
    )
    form = _format(args)
    if form == "json":
        write_json([hit_json(hit) for hit in hits], ctx.stdout)
        return 0
    if form == "md":
        from peerjournal.cli.output import snippet_markdown, summary_markdown

        for hit in hits:
            ctx.out(summary_markdown(hit.entry))
            ctx.out(f"  {snippet_markdown(hit.snippet)}")
    else:
        tty, color = ctx.stdout_is_tty, ctx.color
        for hit in hits:
            ctx.out(summary_line(hit.entry, color=color))
            ctx.out("    " + render_snippet(hit.snippet, tty=tty))
    if not hits:
        ctx.warn("no entries match")
    return 0


def cmd_tags(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal tags``: tag counts over live entries."""
    counts = ctx.session().journal.tags()
    if args.json:
        write_json([{"tag": tag, "count": count} for tag, count in counts], ctx.stdout)
        return 0
    for tag, count in counts:
        ctx.out(f"{count:6d}  #{clean(tag)}")
    if not counts:
        ctx.warn("no tags yet")
    return 0
