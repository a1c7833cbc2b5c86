"""Offering help gently: does the user's own writing, or a check-in, suggest a hard moment?

Everything here runs on this computer; nothing is sent, stored or logged. The check is a
short, documented list of phrases that crisis services treat as a reason to ask
"are you safe?" (in English, German and Japanese), not a diagnosis: when it matches, the
app offers its crisis-resources page once, kindly, and the user can turn the offer off
(:data:`OFFER_PREF`, kept inside the encrypted vault).

- phrases about ending one's life or wanting to die ("kill myself", "want to die",
  "end it all", "better off without me", "Selbstmord", "nicht mehr leben", "死にたい");
- phrases about hurting oneself ("hurt myself", "self-harm", "mich ritzen", "リスカ").

"I could kill for a coffee" or "the battery died" do not match: every English pattern
names the writer ("myself", "I want", "my life").
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["LOWEST_LEVEL", "OFFER_PREF", "mentions_risk", "offer_enabled", "should_offer"]

#: Vault preference: offer support after hard moments (default on).
OFFER_PREF = "care.offer_support"
#: The check-in level after which support is offered.
LOWEST_LEVEL = 1

_ENGLISH = (
    r"\bkill(?:ing)?\s+myself\b",
    r"\bend(?:ing)?\s+(?:my\s+(?:own\s+)?life|it\s+all)\b",
    r"\btake\s+my\s+(?:own\s+)?life\b",
    r"\b(?:i\s+(?:just\s+|really\s+)?)?(?:want|wanna|wish)\s+(?:to\s+)?(?:be\s+)?(?:die|dead)\b",
    r"\bsuicid(?:e|al)\b",
    r"\b(?:don'?t|do\s+not)\s+want\s+to\s+(?:live|be\s+(?:here|alive))\b",
    r"\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|going\s+on)\b",
    r"\b(?:better\s+off|everyone\s+would\s+be\s+better)\s+without\s+me\b",
    r"\b(?:hurt(?:ing)?|harm(?:ing)?|cut(?:ting)?|burn(?:ing)?)\s+myself\b",
    r"\bself[\s-]?harm(?:ing)?\b",
    r"\bcan'?t\s+go\s+on\b",
)
_GERMAN = (
    r"\bmich\s+(?:umbringen|töten|toeten|ritzen|verletzen)\b",
    r"\bmir\s+(?:das|mein)\s+leben\s+nehmen\b",
    r"\b(?:selbstmord|suizid\w*)\b",
    r"\bnicht\s+mehr\s+(?:leben|da\s+sein|aufwachen)\b",
    r"\b(?:ich\s+)?will\s+(?:nur\s+noch\s+)?sterben\b",
    r"\bselbstverletz\w*\b",
    r"\bohne\s+mich\s+besser\b",
)
_JAPANESE = (
    "死にたい",
    "消えたい",
    "自殺",
    "生きていたくない",
    "生きる意味がない",
    "自分を傷つけ",
    "リスカ",
    "リストカット",
    "いなくなりたい",
)
_PATTERN = re.compile(
    "|".join((*_ENGLISH, *_GERMAN, *(re.escape(p) for p in _JAPANESE))),
    re.IGNORECASE | re.UNICODE,
)


def _normalise(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def mentions_risk(text: str) -> bool:
    """Whether ``text`` contains one of the high-risk phrases (never raises on a str)."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    return _PATTERN.search(_normalise(text)) is not None


def offer_enabled(session: Any) -> bool:
    """Whether the user wants support offered (a vault preference, on by default)."""
    return session.prefs.get(OFFER_PREF, True) is not False


def should_offer(session: Any, text: str) -> bool:
    """Worker-side check for the editor: the offer is on and the text mentions risk."""
    return mentions_risk(text) and offer_enabled(session)
