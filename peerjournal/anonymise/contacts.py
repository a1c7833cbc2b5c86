"""Contact details written to dodge filters: obfuscated emails and handles after platform names.

- "hannah.b at gmail dot com", "inès [at] outlook [dot] fr", "hugo(at)free(dot)fr",
  "name @ gmail . com": a local part, an "at", a domain and a "dot" plus a known ending.
- "Snapchat: kira.xo22", "my snap is lil.moonbeam_07", "insta @x", "line ID is hiro_0412".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from peerjournal.anonymise.findings import Finding, make_finding
from peerjournal.anonymise.wordlists import STOP_WORDS

_AT = r"(?:\s?[\[({<]\s?(?:at|@)\s?[\])}>]\s?|\s(?:at|AT|At)\s|\s@\s)"
_DOT = r"(?:\s?[\[({<]\s?(?:dot|\.)\s?[\])}>]\s?|\s(?:dot|DOT|Dot)\s|\s\.\s)"
_LABEL = r"[\w\-]{1,63}+"
_ENDINGS = (
    r"com|org|net|edu|gov|info|io|me|co|uk|de|fr|es|in|jp|it|nl|be|ch|at|ie|au|ca|us|eu|"
    r"br|mx|ar|pl|se|no|dk|fi|pt|ru|cn|kr|nz|za|ac|sch"
)
_LOCAL = r"([\w][\w.+\-]{0,63}+(?:\s(?:dot|DOT)\s[\w][\w+\-]{0,30}+){0,3})"
_OBFUSCATED_EMAIL = re.compile(
    r"(?<![\w.+\-])"
    + _LOCAL
    + _AT
    + _LABEL
    + r"(?:"
    + _DOT
    + _LABEL
    + r")*?"
    + _DOT
    + r"(?:"
    + _ENDINGS
    + r")(?:"
    + _DOT
    + r"(?:"
    + _ENDINGS
    + r"))?(?![\w])",
    re.IGNORECASE,
)
# A plain " at " form with a well-known mail provider and no "dot" at all: "x at gmail".
_PROVIDERS = (
    r"gmail|googlemail|outlook|hotmail|yahoo|icloud|protonmail|proton\.me|gmx|aol|yandex|"
    r"rediffmail|t-online|laposte|wanadoo"
)
_PROVIDER_EMAIL = re.compile(
    r"(?<![\w.+\-])" + _LOCAL + _AT + r"(?:" + _PROVIDERS + r")(?![\w\-])",
    re.IGNORECASE,
)

_PLATFORMS = (
    r"snapchat|snap|sc|instagram|insta|ig|tiktok|tik tok|tt|twitter|discord|telegram|tg|"
    r"reddit|twitch|youtube|yt|steam|psn|xbox|gamertag|roblox|fortnite|epic|kik|line(?: id)?|"
    r"wechat|facebook|fb|threads|bluesky|bsky|mastodon|vsco|pinterest|tumblr|bereal|signal|"
    r"skype|github|spotify|soundcloud|kakao(?:talk)?"
)
_HANDLE = re.compile(
    r"(?<![\w])(?:" + _PLATFORMS + r")(?:\s(?:name|id|handle|username|user|tag|acc|account))?"
    r"(?:\s?(:|=|->|→)\s?|\s(is|are|=|-|–)\s|\s)(@?)([\w][\w.\-]{1,40}+)",
    re.IGNORECASE,
)


def _local_ok(local: str) -> bool:
    return local.casefold() not in STOP_WORDS and not local.isdigit()


def find_obfuscated_emails(text: str) -> Iterator[Finding]:
    """Email addresses with "at" and "dot" spelt out or bracketed."""
    for pattern in (_OBFUSCATED_EMAIL, _PROVIDER_EMAIL):
        for match in pattern.finditer(text):
            if _local_ok(match.group(1)):
                yield make_finding(text, match.start(), match.end(), "email", priority=3)


def find_platform_handles(text: str) -> Iterator[Finding]:
    """Handles written after a platform's name, with or without the "@"."""
    for match in _HANDLE.finditer(text):
        separator, said, at, handle = match.group(1, 2, 3, 4)
        handle = handle.rstrip(".-")
        if len(handle) < 2 or handle.casefold() in STOP_WORDS:
            continue
        start = match.start(3) if at else match.start(4)
        end = match.start(4) + len(handle)
        marked = any(ch in handle for ch in "._") or any(ch.isdigit() for ch in handle)
        if separator or at or marked:
            yield make_finding(text, start, end, "handle", priority=3)
        elif said:
            yield make_finding(text, start, end, "handle", auto=False)
