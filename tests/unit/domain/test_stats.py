"""Insights: exact examples and hypothesis properties of the pure statistics."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerjournal.domain.models import MoodLog
from peerjournal.domain.stats import (
    associations,
    build_insights,
    daily_series,
    weekday_profile,
    year_in_pixels,
)

UTC = UTC


def log(day: date, level: int, hour: int = 12, acts=(), emos=(), tz=UTC) -> MoodLog:
    at = datetime(day.year, day.month, day.day, hour, tzinfo=tz)
    return MoodLog(f"{day}-{hour}-{level}", at, level, tuple(emos), tuple(acts), "")


D0 = date(2026, 1, 5)  # a Monday


def test_daily_means_and_moving_average() -> None:
    logs = [log(D0, 1), log(D0, 3, hour=18), log(D0 + timedelta(1), 4), log(D0 + timedelta(3), 5)]
    series = daily_series(logs)
    assert [(p.day, p.mean, p.count) for p in series] == [
        (D0, 2.0, 2),
        (D0 + timedelta(1), 4.0, 1),
        (D0 + timedelta(3), 5.0, 1),
    ]
    # Too few days in the window for the first two points; then mean of the three days.
    assert [p.moving_average for p in series] == [None, None, pytest.approx(11 / 3)]
    later = daily_series([*logs, log(D0 + timedelta(10), 2)])
    assert later[-1].moving_average is None  # the window has only one day with logs


def test_days_follow_the_given_time_zone() -> None:
    tokyo = timezone(timedelta(hours=9))
    late = MoodLog("x", datetime(2026, 1, 5, 23, tzinfo=UTC), 3, (), (), "")
    assert daily_series([late])[0].day == date(2026, 1, 5)
    assert daily_series([late], tz=tokyo)[0].day == date(2026, 1, 6)


def test_weekday_profile() -> None:
    logs = [log(D0, 2), log(D0, 4, hour=13), log(D0 + timedelta(7), 3), log(D0 + timedelta(2), 5)]
    profile = weekday_profile(logs)
    assert [p.weekday for p in profile] == list(range(7))
    assert profile[0].mean == 3.0 and profile[0].count == 3
    assert profile[2].mean == 5.0 and profile[1].mean is None and profile[1].count == 0


def test_year_in_pixels_only_that_year() -> None:
    logs = [log(date(2025, 12, 31), 1), log(date(2026, 1, 1), 5), log(date(2026, 1, 1), 3, 9)]
    assert year_in_pixels(logs, 2026) == {date(2026, 1, 1): 4.0}


def test_associations_and_sentences() -> None:
    logs = []
    for i in range(10):
        day = D0 + timedelta(i)
        walked = i < 4
        logs.append(log(day, 4 if walked else 2, acts=["Walk"] if walked else [], emos=["calm"]))
    [walk] = associations(logs, "activity")
    assert (walk.name, walk.days_with, walk.mean_with, walk.days_without, walk.mean_without) == (
        "Walk",
        4,
        4.0,
        6,
        2.0,
    )
    [calm] = associations(logs, "emotion")
    assert calm.days_without == 0 and calm.mean_without is None
    sentences = build_insights(logs).sentences()
    assert sentences[0] == "Over 10 days with check-ins your average mood was 2.8."
    assert "On 4 days with Walk your average mood was 4.0; on 6 days without it, 2.0." in sentences
    assert not any("calm" in s for s in sentences)  # nothing to compare against
    assert len(build_insights(logs).sentences(min_days=5)) == 1


def test_association_kind_is_checked() -> None:
    with pytest.raises(ValueError):
        associations([], "weather")


def test_empty_insights() -> None:
    insights = build_insights([])
    assert insights.daily == [] and insights.pixels == {} and insights.sentences() == []
    assert all(p.count == 0 for p in insights.weekdays)


NAMES = st.sampled_from(["walk", "Walk", "study", "friends", "sleep"])
LOGS = st.lists(
    st.builds(
        lambda offset, hour, level, acts, emos: log(
            D0 + timedelta(days=offset), level, hour=hour, acts=acts, emos=emos
        ),
        st.integers(0, 60),
        st.integers(0, 23),
        st.integers(1, 5),
        st.lists(NAMES, max_size=3),
        st.lists(NAMES, max_size=2),
    ),
    max_size=80,
)


@given(LOGS)
def test_daily_series_properties(logs: list[MoodLog]) -> None:
    series = daily_series(logs)
    assert sum(p.count for p in series) == len(logs)
    assert [p.day for p in series] == sorted({lg.at.date() for lg in logs})
    for point in series:
        assert 1 <= point.mean <= 5
        if point.moving_average is not None:
            assert 1 <= point.moving_average <= 5


@given(LOGS)
def test_weekday_counts_add_up(logs: list[MoodLog]) -> None:
    profile = weekday_profile(logs)
    assert sum(p.count for p in profile) == len(logs)
    assert all((p.mean is None) == (p.count == 0) for p in profile)


@given(LOGS, st.sampled_from(["activity", "emotion"]))
def test_associations_partition_the_days(logs: list[MoodLog], kind: str) -> None:
    days = len({lg.at.date() for lg in logs})
    for assoc in associations(logs, kind):
        assert assoc.days_with + assoc.days_without == days
        assert assoc.days_with >= 1
        assert 1 <= assoc.mean_with <= 5
        assert (assoc.mean_without is None) == (assoc.days_without == 0)


@given(LOGS)
def test_sentences_only_for_enough_days(logs: list[MoodLog]) -> None:
    insights = build_insights(logs)
    sentences = insights.sentences(min_days=3)
    comparable = [
        a
        for a in insights.activities + insights.emotions
        if a.days_with >= 3 and a.days_without >= 3
    ]
    weekday = [s for s in sentences if s.startswith("Your average mood was highest")]
    assert len(weekday) <= 1
    assert len(sentences) == len(comparable) + (1 if logs else 0) + len(weekday)
    assert all("cause" not in s and "because" not in s for s in sentences)


def test_weekday_sentence() -> None:
    logs = [log(D0 + timedelta(weeks=w), 2) for w in range(3)]  # Mondays
    logs += [log(D0 + timedelta(days=5, weeks=w), 4) for w in range(3)]  # Saturdays
    logs += [log(D0 + timedelta(days=2), 5)]  # one Wednesday: too few to mention
    sentences = build_insights(logs).sentences(min_days=3)
    assert (
        "Your average mood was highest on Saturdays (4.0 over 3 check-ins) and lowest on"
        " Mondays (2.0 over 3 check-ins)." in sentences
    )
    assert not any("Wednesday" in s for s in sentences)
    assert not any("highest" in s for s in build_insights(logs[:3]).sentences())
