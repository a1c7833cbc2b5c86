"""National ID and tax numbers, dates of birth and ages.

ID numbers are found by their shape and confirmed by their check digits with ``python-stdnum``
(US SSN by its assignment rules, UK NHS number, German tax ID, French social security number,
Spanish DNI/NIE, Indian Aadhaar and PAN, Japanese My Number); a UK National Insurance number
has no check digit, its letter rules are strict enough. They are found before the date and
phone detectors so "171-54-7673" is never a date and "943 476 5919" never a phone number.
A number after an ID word ("passport no.", "student ID") is taken too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.gb import nhs
from stdnum.in_ import aadhaar, pan
from stdnum.jp import in_ as my_number
from stdnum.us import ssn

from peerjournal.anonymise.findings import Finding, make_finding

_ID_PRIORITY = 2
_SPACES = re.compile(r"[ \u00a0]")
# Not inside a longer run of digit groups (a card number holds many valid-looking IDs).
_B = r"(?<![\w\-])(?<!\d[ \-\u00a0])"
_E = r"(?![\w\-])(?![ \-\u00a0]\d)"
# A word that names the number just before it: then the ID beats a phone number reading.
_CUE_BEFORE = re.compile(
    r"(?:ssn|social(?: security)?|nhs|n\.?i\.?|national insurance|steuer|tax|idnr|sécu|securite|"
    r"sécurité|nir|insee|dni|nie|nif|aadhaar|aadhar|uid|pan|my ?number|マイナンバー|id)\W{0,3}"
    r"(?:\w+\W{1,3}){0,3}$",
    re.IGNORECASE,
)
_G = r"[ \-\u00a0]?"  # an optional group separator

_CHECKED: tuple[tuple[re.Pattern[str], Callable[[str], bool]], ...] = (
    (re.compile(_B + r"\d{3}[ \-]\d{2}[ \-]\d{4}"+ _E), ssn.is_valid),
    (re.compile(_B + r"\d{3}" + _G + r"\d{3}" + _G + r"\d{4}"+ _E), nhs.is_valid),
    (re.compile(_B + r"\d{2}" + _G + r"\d{3}" + _G + r"\d{3}" + _G + r"\d{3}"+ _E),
     idnr.is_valid),
    (re.compile(_B + r"[12]" + _G + r"\d{2}" + _G + r"\d{2}" + _G + r"(?:\d{2}|2[AB])"
                + _G + r"\d{3}" + _G + r"\d{3}" + _G + r"\d{2}"+ _E), nir.is_valid),
    (re.compile(_B + r"\d{8}-?[A-Za-z]"+ _E), dni.is_valid),
    (re.compile(_B + r"[XYZxyz]-?\d{7}-?[A-Za-z]"+ _E), nie.is_valid),
    (re.compile(_B + r"[2-9]\d{3}" + _G + r"\d{4}" + _G + r"\d{4}"+ _E),
     lambda s: aadhaar.is_valid(s) or my_number.is_valid(s)),
    (re.compile(_B + r"\d{4}" + _G + r"\d{4}" + _G + r"\d{4}"+ _E), my_number.is_valid),
    (re.compile(_B + r"[A-Za-z]{5}\d{4}[A-Za-z]"+ _E),
     lambda s: pan.is_valid(s.upper())),
)  # fmt: skip

# UK National Insurance numbers: two prefix letters, six digits, a suffix letter A-D.
_NINO = re.compile(
    r"(?<![\w])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?"
    r"[0-9]{2} ?[A-D](?![\w])",
    re.IGNORECASE,
)
# A number after an ID word: "passport no. 123456789", "student ID: A1234567".
_ID_CUE = re.compile(
    r"(?<![\w])(?:passport|licen[cs]e|id|ssn|nhs|national insurance|ni|insurance|student|"
    r"employee|staff|member(?:ship)?|patient|roll|admission|aadhaar|pan|dni|nie|steuer-?id|"
    r"ausweis|personalausweis|reisepass|sécu|securite sociale|sécurité sociale|pasaporte|"
    r"my ?number|mynumber)"
    r"(?:\s?(?:id|no\.?|number|nr\.?|nummer|num(?:éro)?|#|n°|número))?\s?[:#=]?\s?"
    r"(?:(?:is|ist|est|es)\s)?"
    r"((?:[A-Za-z]{1,3}[ \-]?)?\d[A-Za-z0-9]*+(?:[ \-]\d[A-Za-z0-9]*+){0,4}(?:[ \-][A-Za-z])?)"
    r"(?![\w])",
    re.IGNORECASE,
)

_MONTHS = (
    r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|"
    r"sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|"
    r"januar|februar|märz|maerz|mai|juni|juli|oktober|dezember|"
    r"janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|"
    r"décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    r"setiembre|octubre|noviembre|diciembre"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|\.|º)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = (
    r"(?:\d{1,2}[./\-]\d{1,2}[./\-](?:\d{4}|\d{2})"  # 14/03/2009, 14.03.09
    r"|\d{4}[./\-]\d{1,2}[./\-]\d{1,2}"  # 2009-03-14
    r"|" + _DAY + r"\s?(?:of\s|de\s)?(?:" + _MONTHS + r")(?:,?\s?(?:de\s)?" + _YEAR + r")?"
    r"|(?:" + _MONTHS + r")\s" + _DAY + r"(?:,?\s" + _YEAR + r")?"  # March 3rd, 2008
    r"|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"
    r"|(?:in\s)?" + _YEAR + r")"
)
_BIRTH = (
    r"born(?:\s(?:on|in))?|d\.?o\.?b\.?|date of birth|birth ?date|birthday(?:['’]s|\s(?:is|was))?"
    r"(?:\s(?:on|in))?|b-?day(?:\s(?:is|on))?|geboren(?:\sam)?|geb\.|geburtsdatum|geburtstag"
    r"(?:\s(?:ist|am))?|né(?:e)?\sle|née?\sen|date de naissance|anniversaire(?:\s(?:est|le))?"
    r"|nacid[oa](?:\sel)?|naci(?:ó)?\sel|fecha de nacimiento|(?:mi\s)?cumpleaños(?:\ses)?(?:\sel)?"
    r"|生年月日|誕生日|b\."
)
_DOB = re.compile(
    r"(?<![\w])(?:" + _BIRTH + r")\s?[:\-–]?\s?(?:the\s|el\s|le\s|am\s)?(" + _DATE + r")(?![\w])",
    re.IGNORECASE,
)
# A full date (with its year) a few words after a birth word: "date of birth so I wrote
# 9 October 2008". Without a year, only right next to the birth word (above).
_FULL_DATE = (
    r"(?:\d{1,2}[./\-]\d{1,2}[./\-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
    r"|"
    + _DAY
    + r"\s?(?:of\s|de\s)?(?:"
    + _MONTHS
    + r"),?\s?(?:de\s)?"
    + _YEAR
    + r"|(?:"
    + _MONTHS
    + r")\s"
    + _DAY
    + r",?\s"
    + _YEAR
    + r")"
)
_DOB_NEAR = re.compile(
    r"(?<![\w])(?:" + _BIRTH + r")\b(?:[^\d.!?\n]{1,40}?)\s(" + _FULL_DATE + r")(?![\w])",
    re.IGNORECASE,
)
# Ages next to birth words: "turned 16", "I'll be 17" (on a birthday), "16th birthday".
_AGE = re.compile(
    r"(?<![\w])(?:(?:turned|turning|turns|turn|werde|wurde|cumplí|cumplo|cumple|fête mes|j'ai eu)"
    r"\s(\d{1,2})(?!\d|[.,:]\d)"
    r"|(\d{1,2})(?:st|nd|rd|th|\.|e|ème|º)?\s(?:birthday|bday|b-day|geburtstag|anniversaire|"
    r"cumpleaños))",
    re.IGNORECASE,
)
_AGE_AROUND_BIRTHDAY = re.compile(
    r"(?<![\w])(?:birthday|bday|b-day)\b[^.!?\n]{0,40}?\b"
    r"(?:i'll be|i will be|ill be|i'm going to be|turning)\s(\d{1,2})(?!\d|[.,:]\d)",
    re.IGNORECASE,
)


# Bank details after their words: "account number 31926819", "sort code 60-16-13".
_ACCOUNT_CUE = re.compile(
    r"(?<![\w])(?:account|acct|a/c|sort code|routing(?: number)?|kontonummer|konto|blz|"
    r"numéro de compte|rib|número de cuenta|cuenta)(?:\s?(?:no\.?|number|nr\.?|#))?\s?[:#=]?\s?"
    r"(?:(?:is|ist|est|es)\s)?(\d{2}[ \-]\d{2}[ \-]\d{2}|\d[\d \-]{4,30}\d)(?![\w])",
    re.IGNORECASE,
)


def find_id_numbers(text: str) -> Iterator[Finding]:
    """National ID and tax numbers (check digits verified) and numbers after ID words."""
    for pattern, valid in _CHECKED:
        for match in pattern.finditer(text):
            if valid(_SPACES.sub("", match.group())):
                named = _CUE_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
                priority = _ID_PRIORITY if named else 0  # unnamed: a phone reading may win
                yield make_finding(text, match.start(), match.end(), "id_number", priority=priority)
    for match in _NINO.finditer(text):
        yield make_finding(text, match.start(), match.end(), "id_number", priority=_ID_PRIORITY)
    for match in _ACCOUNT_CUE.finditer(text):
        yield make_finding(text, match.start(1), match.end(1), "account", priority=_ID_PRIORITY)
    for match in _ID_CUE.finditer(text):
        value = match.group(1).rstrip(" -")
        if sum(ch.isdigit() for ch in value) >= 4:
            start = match.start(1)
            yield make_finding(text, start, start + len(value), "id_number", priority=_ID_PRIORITY)


def find_birth_dates(text: str) -> Iterator[Finding]:
    """Dates (and years) of birth next to birth words, and ages next to birthday words."""
    for match in (*_DOB.finditer(text), *_DOB_NEAR.finditer(text)):
        start, end = match.span(1)
        if text[start:end].lower().startswith("in "):
            start += 3
        yield make_finding(text, start, end, "dob", priority=_ID_PRIORITY)
    for pattern in (_AGE, _AGE_AROUND_BIRTHDAY):
        for match in pattern.finditer(text):
            group = 1 if match.group(1) is not None else 2
            yield make_finding(text, match.start(group), match.end(group), "age")
