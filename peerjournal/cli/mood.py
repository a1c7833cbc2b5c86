"""Mood commands: ``mood add``, ``mood list``, ``mood stats``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from peerjournal.cli.context import Context
from peerjournal.cli.output import clean, local_text, mood_json, write_json
from peerjournal.cli.parsing import parse_day, parse_level, parse_limit, parse_moment

if TYPE_CHECKING:
    from peerjournal.domain.models import MoodLog
    from peerjournal.domain.stats import Association, Insights

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def register(subparsers: Any) -> None:
    """Add the ``mood`` command group to the top-level parser."""
    mood = subparsers.add_parser("mood", help="log your mood and see insights")
    sub = mood.add_subparsers(dest="mood_command", metavar="{add,list,stats}")
    sub.required = True

    add = sub.add_parser("add", help="log a mood (1 awful … 5 great)")
    add.add_argument("level", type=parse_level, help="1 to 5")
    add.add_argument("--emotion", action="append", default=[], help="an emotion (repeatable)")
    add.add_argument("--activity", action="append", default=[], help="an activity (repeatable)")
    add.add_argument("--note", default="", help="a short note")
    add.add_argument("--at", type=parse_moment, help="when (default now; local time)")
    add.add_argument("--json", action="store_true", help="print the new log as JSON")
    add.set_defaults(handler=cmd_mood_add)

    lst = sub.add_parser("list", help="list mood logs, newest first")
    lst.add_argument("--since", type=parse_day, help="from this day")
    lst.add_argument("--until", type=parse_day, help="up to and including this day")
    lst.add_argument("--limit", type=parse_limit, help="at most N logs")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(handler=cmd_mood_list)

    stats = sub.add_parser("stats", help="averages, weekday profile, associations")
    stats.add_argument("--since", type=parse_day, help="from this day")
    stats.add_argument("--until", type=parse_day, help="up to and including this day")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=cmd_mood_stats)


def _mood_line(log: MoodLog, labels: dict[int, str]) -> str:
    label = clean(labels.get(log.level, ""))
    parts = [log.id[:8], local_text(log.at), f"{log.level} {label}".strip()]
    if log.emotions:
        parts.append("feeling " + ", ".join(clean(e) for e in log.emotions))
    if log.activities:
        parts.append("did " + ", ".join(clean(a) for a in log.activities))
    line = "  ".join(parts)
    if log.note:
        line += "  — " + clean(log.note).replace("\n", " ")
    return line


def cmd_mood_add(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal mood add LEVEL``."""
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
        ctx.warn("no mood logs in that range")
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
    ctx.out(
        f"{data['count']} mood logs on {data['days']} days "
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
