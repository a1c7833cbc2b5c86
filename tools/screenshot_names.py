"""The screenshots ``make screenshots`` writes, and the ones the docs show (no Qt here).

Both makers (:mod:`tools.screenshots`, :mod:`tools.feed_screenshots`) refuse to save a
name not listed here, and the run ends with an error when a page of the docs shows a
screenshot that no maker writes: ``checkin-filled-light.png`` was shown in the README but
was made once by hand and never again.
"""

from __future__ import annotations

import re
from pathlib import Path

THEMES = ("light", "dark")
#: Screens of the journal, made in each theme and in Japanese (light).
MAIN = (
    "first-run",
    "recovery-code",
    "unlock",
    "journal",
    "search",
    "mood",
    "checkin",
    "checkin-filled",
    "settings",
    "trash",
    "crisis",
)
#: Screens of the peers feature (two vaults and a relay), each theme, English.
PEERS = (
    "peers-feed",
    "peers-nudge",
    "peers-shared",
    "peers-invite-form",
    "peers-invite",
    "peers-share",
)
#: The other languages the journal screens are made in (light theme).
LANGUAGES = ("ja",)

_REFERENCE = re.compile(r"screenshots/([A-Za-z0-9_.-]+\.png)")


def expected() -> set[str]:
    """Every file name a full run writes."""
    names = {f"{screen}-{theme}" for screen in (*MAIN, *PEERS) for theme in THEMES}
    names |= {f"{screen}-{lang}-light" for screen in MAIN for lang in LANGUAGES}
    return {f"{name}.png" for name in names}


def check_name(name: str) -> None:
    """Refuse a screenshot this list does not know (add it to MAIN or PEERS first)."""
    if f"{name}.png" not in expected():
        raise ValueError(f"{name}.png is not listed in tools/screenshot_names.py")


def referenced(root: Path) -> dict[str, list[str]]:
    """Screenshot file names the README and docs/*.md show, with the pages showing them."""
    found: dict[str, list[str]] = {}
    for page in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        for name in _REFERENCE.findall(page.read_text("utf-8")):
            found.setdefault(name, []).append(page.relative_to(root).as_posix())
    return found


def missing(root: Path) -> dict[str, list[str]]:
    """Screenshots the docs show that no maker writes."""
    made = expected()
    return {name: pages for name, pages in referenced(root).items() if name not in made}
