"""One rule for the times PeerJournal stores, and one for the user's days and clocks.

**Plausible times.** Every writer — the command line, the desktop app, the importers and
sync — stores a time only through :func:`check_moment`: a timezone-aware date and time
whose year lies in 1900…9998 both in its own offset and in UTC (the limits the importers
have always used). Values outside would overflow when shown in another zone (year 10000)
and make the vault unreadable for every later command; they are refused, and nothing is
saved. Reading is tolerant: :func:`as_local` never fails on a row written before the rule.

**Days.** A day filter (``--since``/``--until``, the calendar, mood ranges) means the
user's local calendar day: from local midnight of ``since`` to local midnight after
``until``, compared with the instant the item was written (:func:`day_bounds_us`). So an
entry written at 23:30 in New York belongs, for a user in Berlin, to the next day — the
day its time is shown on.

**Wall-clock times without an offset** (``--date 2024-03-31T02:30``, jrnl's date and time)
are placed in the local zone by :func:`resolve_local`, the same way everywhere:

- a time that does not exist (the hour skipped when clocks go forward) is moved
  *forward* by the size of the gap — 02:30 on 2024-03-31 in Europe/Berlin becomes 03:30
  CEST — and the caller warns; it is never moved backward;
- a time that exists twice (the hour repeated when clocks go back) means its *first*
  occurrence, the one before the change (02:30 on 2024-10-27 in Europe/Berlin is
  02:30 CEST, +02:00).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from peerjournal.errors import InvalidInput

MIN_YEAR = 1900
MAX_YEAR = 9998
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def plausible(moment: datetime) -> bool:
    """Whether an aware ``moment`` is inside the years PeerJournal stores."""
    if MIN_YEAR < moment.year < MAX_YEAR:
        # An offset is less than a day, so UTC is at most a year off: inside too (the
        # conversion, three per imported record, is most of this check's cost).
        return True
    try:
        in_utc = moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return False
    return MIN_YEAR <= moment.year <= MAX_YEAR and MIN_YEAR <= in_utc.year <= MAX_YEAR


def check_moment(moment: object, *, default_now: bool = False) -> datetime:
    """The one check every writer's times pass: aware, and a plausible year.

    ``None`` means now when ``default_now``; anything else that is not an aware datetime
    in 1900…9998 raises InvalidInput.
    """
    if moment is None and default_now:
        return datetime.now(UTC).astimezone()
    if not isinstance(moment, datetime):
        raise InvalidInput("time.not_datetime")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput("time.no_zone")
    if not plausible(moment):
        raise InvalidInput(
            "time.implausible", value=moment.isoformat(), low=MIN_YEAR, high=MAX_YEAR
        )
    return moment


def as_local(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """``moment`` in the user's zone (or ``zone``); unchanged if that would overflow."""
    try:
        return moment.astimezone(zone)
    except (OverflowError, ValueError, OSError):
        return moment


def epoch_us(moment: datetime) -> int:
    """Microseconds since the Unix epoch (UTC) for ordering."""
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


@dataclass(frozen=True)
class LocalTime:
    """A wall-clock time placed in a zone: the instant, and what had to be decided."""

    moment: datetime
    #: How far a nonexistent time was moved forward (None when it existed).
    moved_forward: timedelta | None = None
    #: Whether the time existed twice and its first occurrence was taken.
    ambiguous: bool = False


def _candidates(naive: datetime, zone: tzinfo | None) -> list[datetime]:
    out = []
    for fold in (0, 1):
        value = naive.replace(fold=fold)
        out.append(value.astimezone() if zone is None else value.replace(tzinfo=zone))
    return out


def _wall(moment: datetime, zone: tzinfo | None) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None, fold=0)


def resolve_local(naive: datetime, zone: tzinfo | None = None) -> LocalTime:
    """Place a wall-clock time in the local zone (or ``zone``) by the rules above.

    Raises InvalidInput when the result is not a plausible time.
    """
    if not isinstance(naive, datetime):
        raise InvalidInput("time.not_datetime")
    naive = naive.replace(tzinfo=None, fold=0)
    if MIN_YEAR < naive.year < MAX_YEAR:
        # Almost every time exists exactly once: then both folds (PEP 495) read the same
        # offset and name, and that reading is the answer the full search gives (an
        # import places a time per row, and the search costs three times as much).
        try:
            first, second = _candidates(naive, zone)
        except (OverflowError, ValueError, OSError):
            pass
        else:
            if first.utcoffset() == second.utcoffset() and first.tzname() == second.tzname():
                return LocalTime(check_moment(first))
    return _resolve(naive, zone)


def _resolve(naive: datetime, zone: tzinfo | None) -> LocalTime:
    """The full rule: both readings of ``naive``, which of them really show it, and why."""
    try:
        candidates = _candidates(naive, zone)
        instants = sorted({c.astimezone(UTC) for c in candidates})
        real = [c for c in instants if _wall(c, zone) == naive]
    except (OverflowError, ValueError, OSError) as exc:
        raise InvalidInput(
            "time.implausible", value=naive.isoformat(), low=MIN_YEAR, high=MAX_YEAR
        ) from exc
    if real:
        # Exists once, or twice (take the first occurrence: the earlier instant).
        result = LocalTime(real[0].astimezone(zone), ambiguous=len(real) > 1)
    else:
        # In a gap: the later reading is "the same wall time after the clocks moved".
        later = instants[-1].astimezone(zone)
        result = LocalTime(later, moved_forward=_wall(later, zone) - naive)
    check_moment(result.moment)
    return result


def local_midnight(day: date, zone: tzinfo | None = None) -> datetime:
    """The first instant of ``day`` in the local zone (a skipped midnight moves forward)."""
    return resolve_local(datetime.combine(day, time(0)), zone).moment


def day_bounds_us(
    since: date | None, until: date | None, zone: tzinfo | None = None
) -> tuple[int | None, int | None]:
    """``[start, end)`` in epoch microseconds for the local days ``since`` … ``until``.

    Days outside the storable years clamp to the ends of that range.
    """
    start = end = None
    for bound in (since, until):
        if bound is not None and (isinstance(bound, datetime) or not isinstance(bound, date)):
            raise InvalidInput("list.not_days")
    if since is not None:
        start = _bound_us(since, zone, low=True)
    if until is not None:
        end = _bound_us(until + timedelta(days=1) if until < date.max else until, zone, False)
    return start, end


def _bound_us(day: date, zone: tzinfo | None, low: bool) -> int:
    if day.year < MIN_YEAR:
        return epoch_us(datetime(MIN_YEAR, 1, 1, tzinfo=UTC)) - 86_400_000_000
    if day.year > MAX_YEAR:
        return epoch_us(datetime(MAX_YEAR, 12, 31, tzinfo=UTC)) + 2 * 86_400_000_000
    return epoch_us(local_midnight(day, zone))


def local_day(moment: datetime, zone: tzinfo | None = None) -> date:
    """The user's local calendar day of ``moment``."""
    return as_local(moment, zone).date()


def local_day_of_us(micros: int) -> date:
    """The user's local calendar day of an instant given in epoch microseconds."""
    moment = _EPOCH + timedelta(microseconds=micros)
    return as_local(moment).date()
