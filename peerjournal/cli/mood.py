"""Mood commands: ``mood add``, ``list``, ``show``, ``edit``, ``delete``, ``stats``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from peerjournal.cli.context import Context
from peerjournal.cli.journal import warn_moved
from peerjournal.cli.output import clean, counted, local_text, mood_json, one_line, write_json
from peerjournal.cli.parsing import parse_day, parse_level, parse_limit, parse_moment
from peerjournal.errors import InvalidInput

if TYPE_CHECKING:
    from peerjournal.domain.models import MoodLog
    from peerjournal.domain.stats import Association, Insights

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def register(subparsers: Any) -> None:
    """Add the ``mood`` command group to the top-level parser."""
    mood = subparsers.add_parser("mood", help="log your mood and see insights")
    sub = mood.add_subparsers(dest="mood_command", metavar="{add,list,show,edit,delete,stats}")
    sub.required = True

    add = sub.add_parser("add", help="log a mood (1 awful … 5 great)")
    add.add_argument("level", type=parse_level, help="1 to 5")
    add.add_argument("--emotion", action="append", default=[], help="an emotion (repeatable)")
    add.add_argument("--activity", action="append", default=[], help="an activity (repeatable)")
    add.add_argument("--note", default="", help="a short note")
    add.add_argument("--at", type=parse_moment, help="when (default now; local time)")
    add.add_argument("--json", action="store_true", help="print the new log as JSON")
    add.set_defaults(handler=cmd_mood_add, writes=True)

    lst = sub.add_parser("list", help="list mood logs, newest first")
    lst.add_argument("--since", type=parse_day, help="from this day")
    lst.add_argument("--until", type=parse_day, help="up to and including this day")
    lst.add_argument("--limit", type=parse_limit, help="at most N logs")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(handler=cmd_mood_list)

    show = sub.add_parser("show", help="print one mood log")
    show.add_argument("id", help="mood log id or a unique prefix of it (4+ characters)")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=cmd_mood_show)

    edit = sub.add_parser("edit", help="correct a mood log (only what is given changes)")
    edit.add_argument("id", help="mood log id or unique prefix")
    edit.add_argument("level", nargs="?", type=parse_level, help="the corrected level, 1 to 5")
    emotions = edit.add_mutually_exclusive_group()
    emotions.add_argument(
        "--emotion", action="append", help="the emotions, replacing the old ones (repeatable)"
    )
    emotions.add_argument("--clear-emotions", action="store_true", help="remove all emotions")
    activities = edit.add_mutually_exclusive_group()
    activities.add_argument(
        "--activity", action="append", help="the activities, replacing the old ones (repeatable)"
    )
    activities.add_argument("--clear-activities", action="store_true", help="remove all activities")
    edit.add_argument("--note", help='the new note ("" removes it)')
    edit.add_argument("--at", type=parse_moment, help="when it was (local time)")
    edit.add_argument("--json", action="store_true", help="print the corrected log as JSON")
    edit.set_defaults(handler=cmd_mood_edit, writes=True)

    delete = sub.add_parser("delete", help="delete a mood log for good (asks first)")
    delete.add_argument("id", help="mood log id or unique prefix")
    delete.add_argument("--yes", action="store_true", help="do not ask")
    delete.add_argument("--json", action="store_true", help="print the deleted log as JSON")
    delete.set_defaults(handler=cmd_mood_delete, writes=True)

    stats = sub.add_parser("stats", help="averages, weekday profile, associations")
    stats.add_argument("--since", type=parse_day, help="from this day")
    stats.add_argument("--until", type=parse_day, help="up to and including this day")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=cmd_mood_stats)


def _mood_line(log: MoodLog, labels: dict[int, str]) -> str:
    label = one_line(labels.get(log.level, ""))
    parts = [log.id[:8], local_text(log.at), f"{log.level} {label}".strip()]
    if log.emotions:
        parts.append("feeling " + ", ".join(one_line(e) for e in log.emotions))
    if log.activities:
        parts.append("did " + ", ".join(one_line(a) for a in log.activities))
    line = "  ".join(parts)
    if log.note:
        line += "  — " + one_line(log.note)
    return line


def cmd_mood_add(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal mood add LEVEL``."""
    warn_moved(ctx, args.at)
    mood = ctx.session().mood
    log = mood.add(
        args.level, emotions=args.emotion, activities=args.activity, note=args.note, at=args.at
    )
    labels = mood.labels()
    if args.json:
        write_json(mood_json(log, labels), ctx.stdout)
    else:
        ctx.out(
            f"Logged mood {log.level} ({clean(labels.get(log.level, ''))}) at {local_text(log.at)}."
        )
    return 0


def cmd_mood_list(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal mood list``."""
    mood = ctx.session().mood
    logs = mood.list(since=args.since, until=args.until, limit=args.limit)
    labels = mood.labels()
    if args.json:
        write_json([mood_json(log, labels) for log in logs], ctx.stdout)
        return 0
    for log in logs:
        ctx.out(_mood_line(log, labels))
    if not logs:
        ranged = args.since is not None or args.until is not None
        ctx.warn("no mood logs in that range" if ranged else "no mood logs yet")
    return 0


def _print_log(ctx: Context, log: MoodLog, labels: dict[int, str]) -> None:
    ctx.out(f"Mood {log.level} ({one_line(labels.get(log.level, ''))})")
    ctx.out(f"id:          {log.id}")
    ctx.out(f"at:          {local_text(log.at)}")
    if log.emotions:
        ctx.out("emotions:    " + ", ".join(one_line(e) for e in log.emotions))
    if log.activities:
        ctx.out("activities:  " + ", ".join(one_line(a) for a in log.activities))
    if log.note:
        ctx.out()
        ctx.out(clean(log.note).rstrip("\n"))


def cmd_mood_show(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal mood show ID``."""
    mood = ctx.session().mood
    log = mood.get(mood.resolve(args.id))
    labels = mood.labels()
    if args.json:
        write_json(mood_json(log, labels), ctx.stdout)
    else:
        _print_log(ctx, log, labels)
    return 0


def cmd_mood_edit(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal mood edit ID [LEVEL] [--emotion]... [--activity]... [--note] [--at]``."""
    changes: dict[str, Any] = {}
    if args.level is not None:
        changes["level"] = args.level
    if args.emotion is not None or args.clear_emotions:
        changes["emotions"] = args.emotion or []
    if args.activity is not None or args.clear_activities:
        changes["activities"] = args.activity or []
    if args.note is not None:
        changes["note"] = args.note
    if args.at is not None:
        changes["at"] = args.at
        warn_moved(ctx, args.at)
    if not changes:
        raise InvalidInput("cli.mood_nothing_to_change")
    mood = ctx.session().mood
    log = mood.update(mood.resolve(args.id), **changes)
    labels = mood.labels()
    if args.json:
        write_json(mood_json(log, labels), ctx.stdout)
    else:
        ctx.out(f"Corrected mood log {log.id[:8]}: {_mood_line(log, labels)}")
    return 0


def cmd_mood_delete(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal mood delete ID [--yes]``: asks first at a terminal."""
    mood = ctx.session().mood
    log = mood.get(mood.resolve(args.id))
    labels = mood.labels()
    question = f"Delete the mood log {_mood_line(log, labels)} for good? This cannot be undone."
    if not ctx.confirm(question, yes=args.yes):
        if ctx.interactive:
            raise InvalidInput("cli.not_confirmed")
        raise InvalidInput("cli.mood_delete_needs_yes", id=log.id[:8])
    mood.delete(log.id)
    if args.json:
        write_json(mood_json(log, labels), ctx.stdout)
    else:
        ctx.out(f"Deleted mood log {log.id[:8]}; entries linked to it keep their text.")
    return 0


def _association_json(item: Association) -> dict[str, Any]:
    return {
        "name": item.name,
        "kind": item.kind,
        "mean_with": item.mean_with,
        "days_with": item.days_with,
        "mean_without": item.mean_without,
        "days_without": item.days_without,
    }


def stats_json(insights: Insights, logs: list[MoodLog]) -> dict[str, Any]:
    """The ``mood stats --json`` shape."""
    return {
        "count": len(logs),
        "days": insights.days,
        "mean": insights.mean,
        "daily": [
            {
                "day": point.day.isoformat(),
                "mean": point.mean,
                "count": point.count,
                "moving_average": point.moving_average,
            }
            for point in insights.daily
        ],
        "weekdays": [
            {"weekday": p.weekday, "name": WEEKDAYS[p.weekday], "mean": p.mean, "count": p.count}
            for p in insights.weekdays
        ],
        "activities": [_association_json(a) for a in insights.activities],
        "emotions": [_association_json(a) for a in insights.emotions],
        "sentences": list(insights.sentences()),
    }


def cmd_mood_stats(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal mood stats``."""
    mood = ctx.session().mood
    logs = mood.list(since=args.since, until=args.until)
    insights = mood.insights(since=args.since, until=args.until)
    data = stats_json(insights, logs)
    if args.json:
        write_json(data, ctx.stdout)
        return 0
    if not logs:
        ctx.out("No mood logs in that range yet. Add one with: peerjournal mood add 3")
        return 0
    first, last = min(log.at for log in logs), max(log.at for log in logs)
    logged = counted(data["count"], "mood log", "mood logs")
    ctx.out(
        f"{logged} on {counted(data['days'], 'day', 'days')} "
        f"({local_text(first)[:10]} to {local_text(last)[:10]}); average {data['mean']:.2f}."
    )
    ctx.out()
    ctx.out("By weekday:")
    for point in data["weekdays"]:
        if point["count"]:
            bar = "#" * round(point["mean"] * 4)
            ctx.out(f"  {point['name']}  {point['mean']:.2f}  {bar}  ({point['count']} logs)")
        else:
            ctx.out(f"  {point['name']}     -")
    for title, key in (("Activities", "activities"), ("Emotions", "emotions")):
        rows = data[key]
        if not rows:
            continue
        ctx.out()
        ctx.out(f"{title} (average mood on days with / without):")
        width = min(24, max(len(clean(row["name"])) for row in rows))
        for row in rows:
            without = (
                f"{row['mean_without']:.2f} ({row['days_without']} days)"
                if row["mean_without"] is not None
                else "-"
            )
            name = clean(row["name"])[:width].ljust(width)
            ctx.out(f"  {name}  {row['mean_with']:.2f} ({row['days_with']} days)  {without}")
    sentences = data["sentences"]
    if sentences:
        ctx.out()
        for sentence in sentences:
            ctx.out(f"- {clean(sentence)}")
    return 0
