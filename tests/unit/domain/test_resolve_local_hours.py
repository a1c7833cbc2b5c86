"""resolve_local answers a time that exists once without the full search: the same answers.

The full rule (``timestamps._resolve``, the search over both folds, as the function was
before the shortcut) is compared with the function on times around real clock changes (DST
gaps and folds, half-hour and 45-minute zones, a skipped day, negative DST), in a given
zone and in the process's local zone, switching zones between checks.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.domain import timestamps
from peerjournal.domain.timestamps import resolve_local
from peerjournal.errors import InvalidInput

ZONES = (
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",  # 30-minute DST
    "America/St_Johns",  # -3:30
    "Asia/Kathmandu",  # +5:45
    "Pacific/Apia",  # skipped 2011-12-30
    "Europe/Dublin",  # negative DST in tzdata
    "Africa/Casablanca",  # DST suspended each Ramadan
    "America/Sao_Paulo",  # changes at midnight
    "UTC",
)


def _answer(naive: datetime, zone: object) -> object:
    try:
        placed = (
            resolve_local(naive, zone)  # type: ignore[arg-type]
            if zone is not None
            else resolve_local(naive)
        )
    except InvalidInput as exc:
        return ("refused", exc.message)
    return _shape(placed)


def _full(naive: datetime, zone: object) -> object:
    try:
        placed = timestamps._resolve(naive.replace(tzinfo=None, fold=0), zone)  # type: ignore[arg-type]
    except InvalidInput as exc:
        return ("refused", exc.message)
    return _shape(placed)


def _shape(placed: timestamps.LocalTime) -> object:
    moment = placed.moment
    return (
        moment.replace(tzinfo=None),
        moment.fold,
        moment.utcoffset(),
        moment.tzname(),
        type(moment.tzinfo),
        placed.moved_forward,
        placed.ambiguous,
    )


@st.composite
def near_changes(draw: st.DrawFn) -> tuple[str, datetime]:
    """A zone and a wall time within a few hours of an instant, often a clock change."""
    name = draw(st.sampled_from(ZONES))
    zone = ZoneInfo(name)
    year = draw(st.integers(1901, 2045))
    month = draw(st.sampled_from((1, 3, 4, 9, 10, 11, 12)))
    day = draw(st.integers(1, 28))
    instant = datetime(year, month, day, tzinfo=UTC) + timedelta(
        minutes=draw(st.integers(0, 24 * 60))
    )
    wall = instant.astimezone(zone).replace(tzinfo=None)
    step = timedelta(
        minutes=draw(st.integers(-180, 180)), microseconds=draw(st.integers(0, 59_999_999))
    )
    return name, wall + step


@settings(max_examples=400, deadline=None)
@given(near_changes())
def test_a_time_near_a_clock_change_gets_the_full_rules_answer_in_a_given_zone(
    case: tuple[str, datetime],
) -> None:
    name, naive = case
    zone = ZoneInfo(name)
    assert _answer(naive, zone) == _full(naive, zone)


def test_every_minute_around_real_clock_changes_matches_the_full_rule() -> None:
    # Walk each zone's real changes of a few years minute by minute (memo warm and cold).
    for name in ZONES:
        zone = ZoneInfo(name)
        for year in (1916, 1996, 2011, 2024):
            start = datetime(year, 1, 1, tzinfo=UTC)
            previous = start.astimezone(zone).utcoffset()
            instant = start
            while instant.year == year:
                offset = instant.astimezone(zone).utcoffset()
                if offset != previous:
                    wall = instant.astimezone(zone).replace(tzinfo=None)
                    for minutes in range(-150, 151, 7):
                        naive = wall + timedelta(minutes=minutes, seconds=minutes % 60)
                        assert _answer(naive, zone) == _full(naive, zone), (name, naive)
                    previous = offset
                instant += timedelta(hours=6)


@pytest.mark.parametrize("name", ["Europe/Berlin", "Australia/Lord_Howe", "America/St_Johns"])
def test_the_local_zone_gets_the_full_rules_answers_after_a_zone_change(name: str) -> None:
    before = os.environ.get("TZ")
    try:
        for zone_name in ("UTC", name, "Asia/Kathmandu", name):
            os.environ["TZ"] = zone_name
            time.tzset()
            zone = ZoneInfo(zone_name)
            for year, month in ((2024, 3), (2024, 10), (2023, 4)):
                for day in (1, 2, 7, 31):
                    for hour in (0, 1, 2, 3, 12, 23):
                        try:
                            naive = datetime(year, month, day, hour, 30)
                        except ValueError:
                            continue
                        assert _answer(naive, None) == _full(naive, None)
            # The answer is this zone's, not the previous one's.
            plain = datetime(2024, 6, 15, 12, 0)
            assert resolve_local(plain).moment.utcoffset() == zone.utcoffset(plain)
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_the_years_at_the_storable_ends_are_refused_as_before() -> None:
    for naive in (datetime(1900, 1, 1, 0, 5), datetime(9998, 12, 31, 23, 59), datetime(1, 1, 1)):
        for zone in (ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Pacific/Niue"), None):
            assert _answer(naive, zone) == _full(naive, zone)
