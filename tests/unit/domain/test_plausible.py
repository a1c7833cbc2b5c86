"""plausible(): the shortcut for years well inside the range gives the full rule's answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from peerjournal.domain.timestamps import MAX_YEAR, MIN_YEAR, plausible


def _full_rule(moment: datetime) -> bool:
    try:
        in_utc = moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return False
    return MIN_YEAR <= moment.year <= MAX_YEAR and MIN_YEAR <= in_utc.year <= MAX_YEAR


_OFFSETS = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
_EDGE_YEARS = st.sampled_from(
    [1, MIN_YEAR - 1, MIN_YEAR, MIN_YEAR + 1, MAX_YEAR - 1, MAX_YEAR, MAX_YEAR + 1, 9999]
)

#: The first and last minutes of a year (where an offset moves UTC into the next or the
#: previous one), and the middle.
_WHEN = [(1, 1, 0, 0), (1, 1, 23, 59), (12, 31, 0, 0), (12, 31, 23, 59), (6, 15, 12, 0)]


@given(
    st.one_of(_EDGE_YEARS, st.integers(min_value=1, max_value=9999)),
    st.sampled_from(_WHEN),
    _OFFSETS,
)
def test_the_shortcut_agrees_with_the_full_rule(
    year: int, when: tuple[int, int, int, int], zone: timezone
) -> None:
    month, day, hour, minute = when
    moment = datetime(year, month, day, hour, minute, tzinfo=zone)
    assert plausible(moment) is _full_rule(moment)


def test_the_edges_of_the_range() -> None:
    east = timezone(timedelta(hours=14))
    west = timezone(timedelta(hours=-12))
    assert plausible(datetime(MIN_YEAR, 1, 1, 0, 30, tzinfo=west))  # UTC 1900-01-01 12:30
    assert not plausible(datetime(MIN_YEAR, 1, 1, 0, 30, tzinfo=east))  # UTC in 1899
    assert not plausible(datetime(MAX_YEAR, 12, 31, 23, 0, tzinfo=west))  # UTC in 9999
    assert plausible(datetime(MAX_YEAR, 12, 31, 23, 0, tzinfo=east))
    assert plausible(datetime(MIN_YEAR + 1, 1, 1, 0, 0, tzinfo=east))  # the shortcut's side
