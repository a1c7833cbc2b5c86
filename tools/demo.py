"""A realistic, kind demo journal, built by code (for the screenshots and their tests).

A development tool, never shipped; plain code over the app API (no Qt): :func:`fill_demo`
writes about sixty entries over three months and a mood log for most days into an open
:class:`~peerjournal.app.session.Session`. The content is invented and deterministic for a
given seed, so screenshots are stable.
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
    (
        "Sunflowers",
        "Planted sunflower seeds in the window box with my little brother. He named "
        "every single one. We'll see which of them grows tallest.",
        ("family", "gratitude"),
    ),
    (
        "Too much screen time",
        "Scrolled for two hours and felt worse afterwards. Noticing it is the first step. "
        "Tomorrow: phone stays in the kitchen after nine.",
        ("sleep", "reflection"),
    ),
    (
        "Choir practice",
        "We sang the piece in four parts for the first time and it actually worked. "
        "For twenty minutes I didn't think about anything else.",
        ("music", "friends"),
    ),
    (
        "Hard conversation",
        "Told my tutor I need more time for the essay. My voice shook, but she was kind "
        "about it and gave me until Friday.",
        ("exams", "support"),
    ),
    (
        "Bike to the lake",
        "Cycled out to the lake with Priya. Cold water, cold sandwiches, warm sun. "
        "We talked about everything and nothing.",
        ("exercise", "friends"),
    ),
    (
        "Small wins",
        "- made the bed\n- answered the email I was avoiding\n- cooked a real dinner\n\n"
        "Small things, but they add up.",
        ("gratitude",),
    ),
    (
        "Overthinking",
        "Kept replaying a message I sent. Wrote down what I *know* versus what I *fear*. "
        "The *know* list was much shorter.",
        ("anxiety", "reflection"),
    ),
    (
        "Bakery shift",
        "First Saturday at the bakery job. Burnt one tray of croissants, sold the rest. "
        "The owner said everyone burns their first tray.",
        ("work",),
    ),
]

# A closing line per pass through the list, so repeated themes still read like new days.
_CODAS = [
    "",
    "\n\nGoing to bed early tonight.",
    "\n\nGrateful for small mercies.",
    "\n\nOne day at a time.",
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
    moods = 0
    for offset in range(days):
        day = first + timedelta(days=offset)
        if rng.random() < 0.2:
            continue
        # ups and downs around a level that slowly rises: the demo tells a hopeful story
        activities = tuple(sorted(rng.sample(_ACTIVITIES, rng.randint(1, 3))))
        level = 2.6 + 1.0 * offset / days + rng.gauss(0.0, 0.8)
        if "walk" in activities or "friends" in activities:
            level += 0.5
        if "work" in activities:
            level -= 0.3
        level = min(5.0, max(1.0, level))
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
        body += _CODAS[(index // len(_ENTRIES)) % len(_CODAS)]
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
