"""Anonymisation before anything leaves the vault.

Detectors find emails (obfuscated ones too), phone numbers, links, social handles, IP
addresses, ID numbers (check digits verified), bank and card numbers, dates of birth and
ages, street addresses and postcodes, people's names (a multi-cultural first-name list plus
context), schools, clinics, workplaces and towns, exact clock times, and the user's own
people and places. Every finding has a category (:data:`CATEGORIES`, with plain words for
the UI) and a confidence: high-confidence findings are replaced by default, low-confidence
ones are only flagged. The user sees the redacted text and edits it before sharing::

    anonymiser = Anonymiser(people=["Anna"], places=["Leeds"])
    result = anonymiser.redact("Met Anna in Leeds at 14:30, call 020 7946 0958")
    result.text  # "Met [person] in [place] at [time], call [phone]"

Pure Python, no I/O beyond reading its word lists once, no Qt.
"""

from peerjournal.anonymise.anonymiser import DEFAULT_REGIONS, Anonymiser, coarsen_datetime
from peerjournal.anonymise.findings import (
    CATEGORIES,
    CATEGORY,
    HIGH,
    KINDS,
    LOW,
    PLACEHOLDERS,
    Category,
    Finding,
    Redaction,
    apply_findings,
    describe,
    resolve_overlaps,
)

__all__ = [
    "CATEGORIES",
    "CATEGORY",
    "DEFAULT_REGIONS",
    "HIGH",
    "KINDS",
    "LOW",
    "PLACEHOLDERS",
    "Anonymiser",
    "Category",
    "Finding",
    "Redaction",
    "apply_findings",
    "coarsen_datetime",
    "describe",
    "resolve_overlaps",
]
