"""The anonymiser: every detector together, overlaps resolved, redaction applied."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, tzinfo

from peerjournal.anonymise import patterns
from peerjournal.anonymise.contacts import find_obfuscated_emails, find_platform_handles
from peerjournal.anonymise.findings import Finding, Redaction, apply_findings, resolve_overlaps
from peerjournal.anonymise.identifiers import find_birth_dates, find_id_numbers
from peerjournal.anonymise.lexicon import lexicon_key
from peerjournal.anonymise.names import TermMatcher
from peerjournal.anonymise.orgs import find_organisations_and_places
from peerjournal.anonymise.people import find_people
from peerjournal.anonymise.phones import find_phones, known_region
from peerjournal.anonymise.tokens import tokenize

log = logging.getLogger(__name__)
_DIGIT = re.compile(r"\d")

#: Phone regions searched when none are given: a spread of large user bases.
DEFAULT_REGIONS: tuple[str, ...] = (
    "GB", "US", "DE", "FR", "IN", "JP", "CN", "BR", "AU", "CA", "ES", "IT", "NL", "SE", "PL",
)  # fmt: skip


class Anonymiser:
    """Finds what could identify someone in a text and replaces it with typed placeholders.

    Pure (the word lists are read once, on first use), safe to share between threads.
    ``people`` and ``places`` are the user's own lists (matched case-insensitively as
    whole words; they win over the detectors' guesses); ``regions`` are ISO 3166 codes
    whose national phone formats are known. Each finding has a category and a confidence:
    high-confidence ones are replaced by default, low-confidence ones only flagged.

    ``keep`` and ``redact`` are the user's "always" choices from the share preview: a
    finding whose words are on the keep list is not reported at all (the user said they
    identify nobody), and words on the redact list are always replaced (as ``custom``
    unless a detector knows better).
    """

    def __init__(
        self,
        people: Iterable[str] = (),
        places: Iterable[str] = (),
        regions: Iterable[str] = DEFAULT_REGIONS,
        *,
        keep: Iterable[str] = (),
        redact: Iterable[str] = (),
    ) -> None:
        self._people = TermMatcher(people, "person")
        self._places = TermMatcher(places, "place")
        self._redact = TermMatcher(redact, "custom", parts=False)
        self._keep = frozenset(
            lexicon_key(word) for word in keep if isinstance(word, str) and word.strip()
        )
        chosen: list[str] = []
        for code in regions:
            if not isinstance(code, str) or not known_region(code):
                raise ValueError(f"unknown phone region: {code!r}")
            if code.upper() not in chosen:
                chosen.append(code.upper())
        self._regions = tuple(chosen)

    @property
    def regions(self) -> tuple[str, ...]:
        """The phone regions in use, upper case."""
        return self._regions

    def _candidates(self, text: str) -> Iterator[Finding]:
        yield from self._people.find(text)
        yield from self._places.find(text)
        yield from self._redact.find(text)
        digits = _DIGIT.search(text) is not None  # most of a journal has none
        structured = [
            *patterns.find_emails(text),
            *find_obfuscated_emails(text),
            *patterns.find_urls(text),
            *patterns.find_handles(text),
            *find_platform_handles(text),
        ]
        if digits:
            structured += [
                *patterns.find_ips(text),
                *find_id_numbers(text),
                *find_birth_dates(text),
                *patterns.find_account_numbers(text),
            ]
        yield from structured
        if digits:
            claimed = [(f.start, f.end) for f in structured if f.priority >= 2 or f.kind == "ip"]
            yield from find_phones(text, self._regions, claimed)
            yield from patterns.find_postcodes(text)
            yield from patterns.find_addresses(text)
            yield from patterns.find_times(text)
            yield from patterns.find_digit_runs(text)
        else:
            yield from patterns.find_addresses(text)  # "Calle de Alcalá", "Plaza de España"
            yield from patterns.find_times(text)  # "half past two", "halb drei"
        tokens = tokenize(text)
        yield from find_people(text, tokens)
        yield from find_organisations_and_places(text, tokens)

    def find(self, text: str) -> list[Finding]:
        """Everything worth redacting in ``text``: non-overlapping, sorted by position."""
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        candidates: Iterable[Finding] = self._candidates(text)
        if self._keep:
            candidates = (f for f in candidates if lexicon_key(f.text) not in self._keep)
        return resolve_overlaps(candidates)

    def redact(self, text: str, *, accept: Callable[[Finding], bool] | None = None) -> Redaction:
        """Replace findings by placeholders; by default only the automatic ones.

        ``accept`` decides per finding (the UI passes the user's choices); the returned
        :class:`Redaction` lists every finding and which were applied.
        """
        findings = self.find(text)
        redacted, applied = apply_findings(text, findings, accept)
        return Redaction(original=text, text=redacted, findings=tuple(findings), applied=applied)


def coarsen_datetime(dt: datetime, tz: tzinfo | None = None) -> date:
    """The local day of ``dt``: exact times never leave the vault.

    An aware ``dt`` gives the day on its own wall clock (the one the user saw), or on
    ``tz``'s when given; a naive ``dt`` is taken as already local.
    """
    if not isinstance(dt, datetime):
        raise TypeError("dt must be a datetime")
    if tz is not None and dt.tzinfo is not None:
        dt = dt.astimezone(tz)
    return dt.date()
