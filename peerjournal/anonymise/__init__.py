"""Anonymisation before anything leaves the vault.

Detectors find emails, phone numbers, links, social handles, IP addresses, long numbers,
exact clock times and the user's own people and places; capitalised words that may be
names are flagged for review.  The user sees the redacted text and edits it before sharing::

    anonymiser = Anonymiser(people=["Anna"], places=["Leeds"])
    result = anonymiser.redact("Met Anna in Leeds at 14:30, call 020 7946 0958")
    result.text  # "Met [person] in [place] at [time], call [phone]"

Pure Python, no I/O, no Qt.
"""

from peerjournal.anonymise.anonymiser import DEFAULT_REGIONS, Anonymiser, coarsen_datetime
from peerjournal.anonymise.findings import (
    KINDS,
    PLACEHOLDERS,
    Finding,
    Redaction,
    apply_findings,
    resolve_overlaps,
)

__all__ = [
    "DEFAULT_REGIONS",
    "KINDS",
    "PLACEHOLDERS",
    "Anonymiser",
    "Finding",
    "Redaction",
    "apply_findings",
    "coarsen_datetime",
    "resolve_overlaps",
]
