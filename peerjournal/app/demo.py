"""A realistic, kind demo journal, built by code (screenshots, GUI tests, benchmarks).

Pure application code (no Qt): :func:`fill_demo` writes about sixty entries over three
months and a mood log for most days into an open :class:`~peerjournal.app.session.Session`.
The content is invented and deterministic for a given seed, so screenshots are stable.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

DEMO_PASSPHRASE = "demo walnut lantern harbour"  # noqa: S105 (a public demo vault)

_EMOTIONS = ["calm", "grateful", "anxious", "tired", "hopeful", "proud", "lonely", "content"]
_ACTIVITIES = ["walk", "friends", "reading", "music", "cooking", "exercise", "work", "sleep well"]

# (title, body, tags): gentle, everyday entries of someone working through exam stress.
_ENTRIES: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "Morning walk by the river",
        "Walked along the river before breakfast. The fog was lifting and a heron stood "
        "completely still in the shallows.\n\n**Three good things**\n\n- the heron\n"
        "- warm bread from the bakery\n- Sam texting *good luck* before my exam",
        ("walk", "gratitude"),
    ),
    (
        "Exam week, day one",
        "Woke up at five with my heart racing. Did the *box breathing* from the leaflet: "
        "four in, hold four, four out, hold four. It helped more than I expected.\n\n"
        "> You don't have to feel ready to begin.",
        ("exams", "anxiety"),
    ),
    (
        "Cooking with Mum",
        "We made the lentil soup from Grandma's notebook. Mum told me stories about the "
        "summer she worked at the harbour. I want to remember her laugh.",
        ("family", "cooking"),
    ),
    (
        "A slow, grey Sunday",
        "Didn't do much today and that is okay. Read forty pages, napped, watered the "
        "plants. Tomorrow I will try the study plan again, one chapter at a time.",
        ("rest",),
    ),
    (
        "Study group",
        "Study group in the library. Priya explained integrals with pizza slices and "
        "suddenly it made sense. Laughing helped the nerves.",
        ("exams", "friends"),
    ),
    (
        "Couldn't sleep",
        "Lay awake replaying the conversation with my tutor. Wrote it down here instead; "
        "on paper it looks much smaller than it felt at 2 a.m.",
        ("sleep", "anxiety"),
    ),
    (
        "Park run",
        "First park run in months. Slow, but I finished and nobody cared about my time. "
        "Legs tired, head clear.",
        ("exercise", "walk"),
    ),
    (
        "Letter I won't send",
        "Dear past me: you were doing your best with what you knew. I'm proud of how far "
        "you've come, even on the days it doesn't look like much.",
        ("reflection",),
    ),
    (
        "New library card",
        "Got a library card and borrowed a novel just for fun, not for school. "
        "Reading on the bus instead of scrolling felt like a small rebellion.",
        ("reading",),
    ),
    (
        "Talking to Sam",
        "Told Sam how stressed I've been. They listened and said they feel it too. "
        "We agreed to check in with each other every evening this week.",
        ("friends", "support"),
    ),
    (
        "Rain and tea",
        "Thunderstorm all afternoon. Made ginger tea and listened to the rain with the "
        "window open a little. Calm.",
        ("rest", "gratitude"),
    ),
    (
        "Mock exam results",
        "Got a B in the mock. Not the A I hoped for, but better than last term. "
        "My teacher wrote *real progress* in the margin.",
        ("exams",),
    ),
]

_NOTES = [
    "",
    "",
    "Slept badly",
    "Good chat with Sam",
    "Sunny afternoon",
    "Long day",
    "Felt lighter after the walk",
]


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`fill_demo` wrote."""

    entries: int
    moods: int


def fill_demo(
    session: Any,
    *,
    entries: int = 60,
    days: int = 90,
    today: date | None = None,
    seed: int = 7,
    tz: timezone | None = None,
) -> DemoSummary:
    """Fill ``session`` with a demo journal: ``entries`` entries and mood logs over ``days``.

    Entries are spread over the last ``days`` days (newest ending ``today``); about four
    days in five have a mood log, some entries link to that day's mood.
    """
    rng = random.Random(seed)
    tz = tz or datetime.now().astimezone().tzinfo or UTC  # type: ignore[assignment]
    today = today or date.today()
    first = today - timedelta(days=days - 1)
    session.mood.set_emotions(list(_EMOTIONS))
    session.mood.set_activities(list(_ACTIVITIES))

    mood_by_day: dict[date, str] = {}
    level = 3.0
    moods = 0
    for offset in range(days):
        day = first + timedelta(days=offset)
        if rng.random() < 0.2:
            continue
        # a gentle random walk that drifts upwards: the demo tells a hopeful story
        level = min(5.0, max(1.0, level + rng.uniform(-0.9, 1.0) + offset * 0.002))
        activities = tuple(sorted(rng.sample(_ACTIVITIES, rng.randint(1, 3))))
        if "walk" in activities:
            level = min(5.0, level + 0.4)
        emotions = tuple(sorted(rng.sample(_EMOTIONS, rng.randint(1, 2))))
        at = datetime.combine(day, time(rng.randint(18, 21), rng.randint(0, 59)), tz)
        log = session.mood.add(
            round(level), emotions=emotions, activities=activities, note=rng.choice(_NOTES), at=at
        )
        mood_by_day[day] = log.id
        moods += 1

    step = days / max(1, entries)
    for index in range(entries):
        title, body, tags = _ENTRIES[index % len(_ENTRIES)]
        day = first + timedelta(days=min(days - 1, int(index * step + rng.random() * step)))
        created = datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59)), tz)
        session.journal.add(
            body,
            title=title,
            tags=tags,
            created=created,
            starred=rng.random() < 0.15,
            mood_id=mood_by_day.get(day) if rng.random() < 0.6 else None,
        )
    return DemoSummary(entries=entries, moods=moods)
