"""Regular-expression detectors: emails, links, handles, IP addresses, bank accounts, long
numbers, street addresses, postcodes and times.

Every pattern is written to run in linear time on hostile input: matches may only start at
a token boundary (a negative look-behind), repetitions are bounded or possessive, and no
two adjacent repetitions can match the same characters.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from peerjournal.anonymise.findings import Finding, make_finding
from peerjournal.anonymise.lexicon import lexicon

# Top-level domains accepted for bare links such as ``example.org/page`` (a scheme or
# ``www.`` makes any TLD acceptable).  Kept to common ones so that "e.g.", "file.txt" or
# "3.5" are never taken for links.
_BARE_TLDS = (
    "com|org|net|edu|gov|int|mil|info|biz|name|pro|app|dev|page|io|co|me|tv|ly|gg|fm|ai|xyz|"
    "online|site|blog|club|art|social|tech|store|shop|news|live|link|email|"
    "uk|de|fr|es|it|nl|se|pl|jp|cn|in|br|au|ca|ch|at|be|dk|fi|no|ie|nz|ru|us|eu|pt|cz|gr|"
    "hu|ro|tr|mx|ar|cl|za|kr|tw|hk|sg|ua|il|ir"
)

_EMAIL = re.compile(
    r"(?<![\w.%+\-])"
    r"[\w.%+\-]++"
    r"@(?:[\w\-]{1,63}+\.)+[^\W\d_]{2,24}(?![\w\-])"
)

# Characters that may follow the host in a link; trailing punctuation is trimmed after.
_URL_TAIL = r"(?:[/?#][^\s<>\"'`]*+)?"
_URL_WITH_SCHEME = re.compile(
    r"(?<![\w])(?:[a-zA-Z][a-zA-Z0-9+.\-]{1,15}://)[^\s<>\"'`]++",
)
_URL_WWW = re.compile(r"(?<![\w.\-/@])www\.(?:[\w\-]{1,63}+\.)+[^\W\d_]{2,24}" + _URL_TAIL)
_URL_BARE = re.compile(
    r"(?<![\w.\-/@])(?:[\w\-]{1,63}+\.)+(?:" + _BARE_TLDS + r")(?![\w\-])" + _URL_TAIL,
    re.IGNORECASE,
)
_TRAILING_PUNCTUATION = ".,;:!?…'\"”’»)]}>"

_HANDLE_AT = re.compile(
    r"(?<![\w@.%+\-])@[\w](?:[\w.]{0,63}+)"
    r"(?:@(?:[\w\-]{1,63}+\.)+[^\W\d_]{2,24}(?![\w\-]))?"
)
_HANDLE_REDDIT = re.compile(r"(?<![\w/])/?u/[\w\-]{2,32}+")
_HANDLE_DISCORD = re.compile(r"(?<![\w#.])[\w.]{2,32}+#[0-9]{4}(?![0-9])")

_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4 = re.compile(r"(?<![0-9.])" + _OCTET + r"(?:\." + _OCTET + r"){3}(?![0-9]|\.[0-9])")
_IPV6_CANDIDATE = re.compile(
    r"(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){2,7}"
    r"(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f]{0,4})"
    r"(?:%[\w]{1,16})?"
)

# Five or more digits in a row, not the fractional part of a decimal (3.14159).
_DIGITS = re.compile(r"(?<!\d)(?<!\d[.,])\d{5,}+")
# Groups of digits joined by single spaces or hyphens (cards, IBAN-like numbers).
# Starts only at the head of a chain so that a failed chain is never rescanned.
_DIGIT_GROUPS = re.compile(r"(?<![\d.,])(?<!\d[ \-])\d++(?:[ \-]\d++){2,}+(?![.,]?\d)")
_DATE_SHAPE = re.compile(r"\d{1,4}-\d{1,2}-\d{1,4}")

# Bank accounts (IBAN, checked with its mod-97 checksum).
_IBAN = re.compile(r"(?<![\w])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}+(?: ?[A-Z0-9]{1,3})?(?![\w])")
# A quantity, not an identifier: "10000 steps", "52000 words", "£25000", "₹50000".
_UNIT_AFTER = re.compile(
    r"\s?(?:steps?|km|kms|k|m|mi|miles?|metres?|meters?|kg|kgs|g|lbs?|kcal|cal|calories|ml|l|"
    r"litres?|liters?|words?|pages?|minutes?|mins?|hours?|hrs?|seconds?|secs?|points?|pts|xp|"
    r"followers?|likes?|views?|subscribers?|subs|people|times|reps|euros?|dollars?|pounds?|"
    r"rupees?|rs|yen|won|usd|eur|gbp|inr|jpy|€|\$|£|¥|₹|schritte|kalorien|wörter|seiten|"
    r"minuten|stunden|punkte|pas|mots|pages|calories|pasos|palabras|páginas|puntos|円|歩)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_UNIT_BEFORE = re.compile(r"(?:[€$£¥₹]|rs\.?|inr|usd|eur|gbp)\s?$", re.IGNORECASE)

# UK and Canadian postcodes (upper case, as written on letters); five-digit postcodes before
# a capitalised town ("10115 Berlin", "75011 Paris", "28013 Madrid"); Japanese 〒 codes.
_POSTCODES = re.compile(
    r"(?<![\w])(?:[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}"
    r"|[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9])(?![\w])"
)
_POSTCODE_BEFORE_TOWN = re.compile(r"(?<![\w.,\-])(?:[A-Z]-)?\d{5}(?=\s[A-ZÀ-ÖØ-Þ][^\W\d_]{2,})")
_NEXT_WORD = re.compile(r"[^\W\d_][\w\-]*")
_POSTCODE_JP = re.compile(r"〒\s?\d{3}-?\d{4}(?!\d)")
_POSTCODE_PIN = re.compile(
    r"(?i:pin(?:\s?code)?|postcode|zip(?:\s?code)?|plz)\s?[:\-]?\s?(?:is\s)?(\d{5,6}|\d{3}\s\d{3})(?!\d)"
)

# Street addresses: "221B Baker Street", "Hauptstraße 5", "Calle Mayor 12", "12 rue de Rivoli",
# "via Roma 3".  Names are capitalised Latin words; a lower-case street word ("rue", "via")
# needs a house number, so "sent via Email" stays.
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*+"
_STREET_EN = (
    r"Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Way|Close|Court|Place|"
    r"Square|Crescent|Terrace|Gardens|Grove|Row|Boulevard|Blvd\.?|Parade|Mews|Walk"
)
_STREET_ROMANCE = (
    r"(?i:rue|avenue|boulevard|place|chemin|impasse|calle|avenida|avda\.|plaza|paseo|carrer|"
    r"via|viale|piazza|corso|rua|travessa)"
)
_PARTICLE = r"(?:(?:de|del|de la|de las|de los|du|des|de l'|d'|di|della|dei|do|da|dos)\s?)?"
_STREET_NAME = _PARTICLE + _CAP + r"(?:\s" + _CAP + r"){0,2}"
_HOUSE = r"\d{1,4}[a-zA-Z]?(?![\w])"
_ADDRESSES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"(?<![\w.,])\d{1,5}[A-Za-z]?,?\s(?:" + _CAP + r"\s){1,3}(?:" + _STREET_EN + r")(?!\w)"
    ),
    re.compile(
        r"(?<!\w)[A-ZÀ-ÖØ-Þ][\w\-]*?(?:straße|strasse|str\.|weg|platz|allee|gasse|damm)\s" + _HOUSE
    ),
    # "Calle Mayor 12", "Plaza de España", "Via Appia": a capitalised street word
    re.compile(
        r"(?<!\w)(?:Calle|Avenida|Avda\.|Plaza|Paseo|Carrer|Via|Viale|Piazza|Corso|Rua|Rue)\s"
        + _STREET_NAME
        + r"(?:,?\s"
        + _HOUSE
        + r")?"
    ),
    # "12 rue de Rivoli", "via Roma 3": any case, with a house number before or after
    re.compile(
        r"(?<![\w.,])(?:\d{1,4},?\s(?:"
        + _STREET_ROMANCE
        + r")\s"
        + _STREET_NAME
        + r"|(?:"
        + _STREET_ROMANCE
        + r")\s"
        + _STREET_NAME
        + r",?\s"
        + _HOUSE
        + r")",
    ),
)

_NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_TIMES: tuple[re.Pattern[str], ...] = (
    # 14:30, 9:05:12, 2:30pm, 14:30 Uhr, 14h30
    re.compile(
        r"(?<![\d:.])(?:[01]?[0-9]|2[0-3])(?::[0-5][0-9]){1,2}"
        r"(?:\s?(?:[aApP]\.[mM]\.|[aApP][mM]|Uhr|h)(?![\w]))?(?![\d:])"
    ),
    re.compile(r"(?<![\d:.])(?:[01]?[0-9]|2[0-3])h[0-5][0-9](?![\d\w])"),
    # 3pm, 11 a.m.
    re.compile(r"(?<![\d:.])(?:1[0-2]|0?[1-9])\s?(?:[aApP]\.[mM]\.|[aApP][mM])(?![\w])"),
    # 14.30 Uhr, 14 Uhr, 9.15h
    re.compile(r"(?<![\d:.])(?:[01]?[0-9]|2[0-3])(?:[.:][0-5][0-9])?\s?Uhr(?![\w])"),
    # half past two, quarter to ten, five o'clock
    re.compile(
        r"(?<![\w])(?:(?:half|quarter|twenty|ten|five|twenty-five)\s+(?:past|to)\s+"
        + _NUMBER_WORDS
        + r"|"
        + _NUMBER_WORDS
        + r"\s+o['’]clock)(?![\w])",
        re.IGNORECASE,
    ),
    # halb drei, Viertel nach zehn (German)
    re.compile(
        r"(?<![\w])(?:halb|viertel\s+(?:nach|vor))\s+"
        r"(?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\d{1,2})(?![\w])",
        re.IGNORECASE,
    ),
    # 14時30分, 午後3時, 15点半
    re.compile(r"(?:午前|午後|上午|下午)?[0-9０-９]{1,2}[時点](?:[0-9０-９]{1,2}分|半)?"),
)


def _trim_url(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation from a link, keeping balanced closing brackets."""
    while end > start and text[end - 1] in _TRAILING_PUNCTUATION:
        closer = text[end - 1]
        opener = {")": "(", "]": "[", "}": "{"}.get(closer)
        if opener is not None:
            span = text[start:end]
            if span.count(opener) >= span.count(closer):
                break
        end -= 1
    return end


def find_emails(text: str) -> Iterator[Finding]:
    """Email addresses (unicode local parts and domains)."""
    for match in _EMAIL.finditer(text):
        yield make_finding(text, match.start(), match.end(), "email", priority=3)


def find_urls(text: str) -> Iterator[Finding]:
    """Links with a scheme, starting with ``www.``, or bare ``domain.tld/path``."""
    for pattern in (_URL_WITH_SCHEME, _URL_WWW, _URL_BARE):
        for match in pattern.finditer(text):
            end = _trim_url(text, match.start(), match.end())
            if pattern is _URL_WITH_SCHEME and text.find("://", match.start(), end) + 3 >= end:
                continue  # nothing after the scheme
            if end > match.start():
                yield make_finding(text, match.start(), end, "url", priority=3)


def find_handles(text: str) -> Iterator[Finding]:
    """Social handles: ``@name`` (and ``@name@server``), ``u/name``, ``name#1234``."""
    for match in _HANDLE_AT.finditer(text):
        end = match.end()
        while end > match.start() + 2 and text[end - 1] == ".":
            end -= 1
        yield make_finding(text, match.start(), end, "handle", priority=3)
    for pattern in (_HANDLE_REDDIT, _HANDLE_DISCORD):
        for match in pattern.finditer(text):
            yield make_finding(text, match.start(), match.end(), "handle", priority=3)


def find_ips(text: str) -> Iterator[Finding]:
    """IPv4 and IPv6 addresses (validated with :mod:`ipaddress`)."""
    for match in _IPV4.finditer(text):
        yield make_finding(text, match.start(), match.end(), "ip")
    for match in _IPV6_CANDIDATE.finditer(text):
        start, end = match.start(), match.end()
        if text.count(":", start, end) < 2:
            continue
        end = _valid_ipv6_end(text, start, end)
        if end < 0:
            continue
        candidate = text[start:end]
        if sum(ch not in ":." for ch in candidate) < 3:
            continue  # "::", "::1", "a::b": not an address that says anything
        full = candidate.count(":") == 7  # all eight groups: never a time or a score
        if not any(ch in "abcdefABCDEF" for ch in candidate) and "::" not in candidate and not full:
            continue  # digits and single colons only: a time such as 10:30:00:00
        yield make_finding(text, start, end, "ip")


def _valid_ipv6_end(text: str, start: int, end: int) -> int:
    """The end of a valid IPv6 address at ``start``, trimming up to two trailing colons
    that belong to the sentence ("at fe80::1: then"); -1 when there is none."""
    for trim in range(3):
        candidate = text[start : end - trim]
        if trim and text[end - trim : end] != ":" * trim:
            break
        try:
            ipaddress.IPv6Address(candidate.split("%", 1)[0])
        except ValueError:
            continue
        return end - trim
    return -1


def is_quantity(text: str, start: int, end: int) -> bool:
    """True when the number at ``text[start:end]`` has a unit or currency next to it."""
    return (
        _UNIT_AFTER.match(text, end) is not None
        or _UNIT_BEFORE.search(text[max(0, start - 5) : start]) is not None
    )


def find_digit_runs(text: str) -> Iterator[Finding]:
    """Runs of five or more digits (account, student or ID numbers); years and quantities stay."""
    for match in _DIGITS.finditer(text):
        if not is_quantity(text, match.start(), match.end()):
            yield make_finding(text, match.start(), match.end(), "digits")
    for match in _DIGIT_GROUPS.finditer(text):
        if _is_grouped_number(match.group()):
            yield make_finding(text, match.start(), match.end(), "account")


def iban_is_valid(candidate: str) -> bool:
    """The ISO 13616 mod-97 check of an IBAN (spaces ignored)."""
    compact = candidate.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


def find_account_numbers(text: str) -> Iterator[Finding]:
    """IBANs (checksum-verified)."""
    for match in _IBAN.finditer(text):
        if iban_is_valid(match.group()):
            yield make_finding(text, match.start(), match.end(), "account", priority=2)


def _is_grouped_number(chain: str) -> bool:
    """True for card- or IBAN-like chains ("4111 1111 1111 1111"), false for dates or scores."""
    if any(_DATE_SHAPE.fullmatch(token) for token in chain.split(" ")):
        return False  # "2026-11-24 2026-11-25" is a list of dates
    groups = re.split(r"[ \-]", chain)
    digits = sum(len(group) for group in groups)
    long_groups = sum(len(group) >= 3 for group in groups)
    return digits >= 9 and long_groups >= 2


def find_addresses(text: str) -> Iterator[Finding]:
    """Street addresses with a house number or a street word."""
    for pattern in _ADDRESSES:
        for match in pattern.finditer(text):
            yield make_finding(text, match.start(), match.end(), "address", priority=1)


def find_postcodes(text: str) -> Iterator[Finding]:
    """UK ("SW1A 1AA"), Canadian ("K1A 0B1"), five-digit ("10115 Berlin") and 〒 postcodes."""
    for pattern in (_POSTCODES, _POSTCODE_JP):
        for match in pattern.finditer(text):
            yield make_finding(text, match.start(), match.end(), "postcode", priority=1)
    places = lexicon().places
    for match in _POSTCODE_BEFORE_TOWN.finditer(text):
        town = _NEXT_WORD.match(text, match.end() + 1)
        if town is not None and town.group() in places:
            yield make_finding(text, match.start(), match.end(), "postcode", priority=1)
    for match in _POSTCODE_PIN.finditer(text):
        yield make_finding(text, match.start(1), match.end(1), "postcode", priority=1)


def find_times(text: str) -> Iterator[Finding]:
    """Exact clock times ("14:30", "3pm", "half past two", "14時30分")."""
    for pattern in _TIMES:
        for match in pattern.finditer(text):
            yield make_finding(text, match.start(), match.end(), "time")
