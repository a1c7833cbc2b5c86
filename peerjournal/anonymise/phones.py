"""Phone numbers, found with Google's libphonenumber (the ``phonenumbers`` port).

``PhoneNumberMatcher`` is run only over short windows of the text that look like phone
numbers (six or more digits joined by phone separators), once per region, so ordinary
prose costs nothing and a long entry costs little.  The ``VALID`` leniency keeps dates,
years and times out; an ``+international`` number that no region accepts is still
redacted, because a false alarm costs less than a leaked number.
"""

from __future__ import annotations

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
_CONTEXT = 2
_DATE_LIKE = re.compile(
    r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}|\d{4}\s?[\-\u2013]\s?\d{4}|\d{1,2}[:.]\d{2}"
)


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the text that could hold a phone number."""
    for match in _RUN.finditer(text):
        if _digit_count(match.group()) >= _MIN_DIGITS:
            yield match.start(), match.end()


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


def find_phones(text: str, regions: tuple[str, ...]) -> Iterator[Finding]:
    """Phone numbers valid in any of ``regions``, plus any ``+international`` number."""
    search_regions = (*regions, "ZZ")  # "ZZ": unknown region, finds +international only
    for run_start, run_end in _runs(text):
        window_start = max(0, run_start - _CONTEXT)
        window = text[window_start : run_end + _CONTEXT]
        spans: set[tuple[int, int]] = set()
        try:
            spans.update(_matches(window, search_regions))
        except Exception:  # the library failing must not let a number through
            log.warning("phone number matcher failed; redacting the whole digit run")
            spans.add((run_start - window_start, run_end - window_start))
        for start, end in spans:
            # clip to the run: the context may end inside an extension ("x23")
            start = max(window_start + start, run_start)
            end = min(window_start + end, run_end)
            if end > start:
                yield make_finding(text, start, end, "phone")
        run = text[run_start:run_end]
        if (
            not spans
            and run.lstrip("(\uff08").startswith(("+", "\uff0b"))
            and _digit_count(run) >= _MIN_INTERNATIONAL_DIGITS
        ):
            end = run_end
            while end > run_start and not text[end - 1].isdigit():
                end -= 1
            yield make_finding(text, run_start, end, "phone")


def known_region(code: str) -> bool:
    """True when ``code`` is a region that libphonenumber knows (``"GB"``, ``"JP"``)."""
    return code.upper() in phonenumbers.SUPPORTED_REGIONS
