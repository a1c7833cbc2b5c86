"""Counts in English sentences: the command line's and the printable PDF's (both English)."""

from __future__ import annotations


def counted(number: int, one: str, many: str) -> str:
    """``"1 entry"``, ``"100,000 entries"``: the digits grouped, the noun in its number."""
    return f"{number:,} {one if number == 1 else many}"
