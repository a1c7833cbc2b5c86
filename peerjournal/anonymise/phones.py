"""Phone numbers, found with Google's libphonenumber (the ``phonenumbers`` port).

``PhoneNumberMatcher`` is run only over short windows of the text that look like phone
numbers (six or more digits joined by phone separators), once per region, so ordinary
prose costs nothing and a long entry costs little.  The ``VALID`` leniency keeps dates,
years and times out.  Phone-shaped digit groups that no region accepts (an unassigned
``+international`` number, a number glued to other digits) are still redacted, because a
false alarm costs less than a leaked number.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Iterable, Iterator

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from peerjournal.anonymise.findings import Finding, make_finding

log = logging.getLogger(__name__)

# ASCII and typographic separators, plus the full-width forms used in Japanese and Chinese.
_SEPARATORS = (
    r"[ \t\u00a0\u2009\u202f\u3000().\-\u2010-\u2015\u2212/~"
    r"\uff08\uff09\uff0d\uff0e\uff0f\u30fc]"
)
_RUN = re.compile(r"[+\uff0b]?[(\uff08]?\d(?:" + _SEPARATORS + r"{0,4}+\d)*+")
_MIN_DIGITS = 6
_MIN_INTERNATIONAL_DIGITS = 8
_MIN_LEFTOVER_DIGITS = 9
_MAX_DIGITS = 15  # E.164
_WIDE_GAP = re.compile(r"[\s\u3000]{2,}+")
_TOKEN = re.compile(r"[^\s\u3000]++")
# A token that can be part of a phone number: digits with brackets, dashes and slashes; a
# dot makes it a decimal, an IP address, a date or a version instead.
_PHONE_TOKEN = re.compile(
    r"[+\uff0b]?[(\uff08]?\d[\d()\-\u2010-\u2015\u2212/~\uff08\uff09\uff0d\uff0f\u30fc]*+"
)
_CONTEXT = 2
_DATE_LIKE = re.compile(
    r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}"  # 2026-11-24, 24.11.2026, 11/24/26
    r"|(?:1[89]|20)\d{2}\s?[\-\u2013]\s?(?:1[89]|20)\d{2}"  # 2019-2026
    r"|\d{1,2}[:.]\d{2}"  # 14:30, 9.15
)


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the text that could hold a phone number.

    A run is cut where two or more spaces meet: two numbers side by side ("… 5678  01 23 …")
    would otherwise be read as one invalid number.
    """
    for match in _RUN.finditer(text):
        start = match.start()
        for gap in _WIDE_GAP.finditer(text, match.start(), match.end()):
            if _digit_count(text[start : gap.start()]) >= _MIN_DIGITS:
                yield start, gap.start()
            start = gap.end()
        if _digit_count(text[start : match.end()]) >= _MIN_DIGITS:
            yield start, match.end()


def _matches(window: str, regions: Iterable[str]) -> Iterator[tuple[int, int]]:
    """Spans of valid numbers in ``window`` for any region (duplicates possible).

    Stops early once every digit of the window lies inside a found number: asking the
    other regions could not add anything.
    """
    digits = {i for i, ch in enumerate(window) if ch.isdigit()}
    for region in regions:
        matcher = PhoneNumberMatcher(window, region, leniency=Leniency.VALID, max_tries=200)
        for match in matcher:
            if _DATE_LIKE.fullmatch(match.raw_string.strip()):
                continue
            digits.difference_update(range(match.start, match.end))
            yield match.start, match.end
        if not digits:
            return


def _leftovers(
    text: str, run_start: int, run_end: int, found: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """Phone-shaped stretches of a run that the matcher did not accept.

    libphonenumber gives up on a number glued to other digits ("(11) 2345-6789 0.0.0.0"),
    and rejects numbers it thinks are unassigned.  Here the run is cut at white space into
    tokens; consecutive tokens that look like parts of a phone number (digits, brackets,
    dashes, no dots, not a date or year range) and lie outside the found numbers are
    joined, and a group with 9 to 15 digits (8 to 15 after a "+") is taken for a number.
    """
    group_start = group_end = -1
    digits = 0
    for token in _TOKEN.finditer(text, run_start, run_end):
        start, end = token.start(), token.end()
        shaped = (
            _PHONE_TOKEN.fullmatch(token.group()) is not None
            and not _DATE_LIKE.fullmatch(token.group())
            and not any(s < end and start < e for s, e in found)
        )
        if shaped:
            if group_start < 0:
                group_start, digits = start, 0
            group_end = end
            digits += _digit_count(token.group())
            continue
        if group_start >= 0 and _enough(text[group_start:group_end], digits):
            yield group_start, group_end
        group_start = -1
    if group_start >= 0 and _enough(text[group_start:group_end], digits):
        yield group_start, group_end


def _enough(group: str, digits: int) -> bool:
    international = group.lstrip("(\uff08").startswith(("+", "\uff0b"))
    minimum = _MIN_INTERNATIONAL_DIGITS if international else _MIN_LEFTOVER_DIGITS
    return minimum <= digits <= _MAX_DIGITS  # longer: a card or account number, not a phone


def find_phones(
    text: str, regions: tuple[str, ...], claimed: Iterable[tuple[int, int]] = ()
) -> Iterator[Finding]:
    """Phone numbers valid in any of ``regions``, plus phone-shaped leftovers (see above).

    Digit runs that lie wholly inside a ``claimed`` span (an email, a link, an ID number
    named as such) are not looked at: the matcher is the anonymiser's slowest part.
    """
    search_regions = (*regions, "ZZ")  # "ZZ": unknown region, finds +international only
    taken = sorted(claimed)
    starts = [s for s, _ in taken]
    reach = list(itertools.accumulate((e for _, e in taken), max))  # furthest end so far
    for run_start, run_end in _runs(text):
        k = bisect.bisect_right(starts, run_start) - 1
        if k >= 0 and reach[k] >= run_end:
            continue
        window_start = max(0, run_start - _CONTEXT)
        window = text[window_start : run_end + _CONTEXT]
        spans: set[tuple[int, int]] = set()
        try:
            spans.update(_matches(window, search_regions))
        except Exception:  # the library failing must not let a number through
            log.warning("phone number matcher failed; redacting the whole digit run")
            spans.add((run_start - window_start, run_end - window_start))
        found = []
        for start, end in spans:
            # clip to the run: the context may end inside an extension ("x23")
            start = max(window_start + start, run_start)
            end = min(window_start + end, run_end)
            if end > start:
                found.append((start, end))
                yield make_finding(text, start, end, "phone")
        for start, end in _leftovers(text, run_start, run_end, found):
            while end > start and not text[end - 1].isdigit():
                end -= 1  # a closing bracket or dash after the last digit stays
            yield make_finding(text, start, end, "phone")


def known_region(code: str) -> bool:
    """True when ``code`` is a region that libphonenumber knows (``"GB"``, ``"JP"``)."""
    return code.upper() in phonenumbers.SUPPORTED_REGIONS
