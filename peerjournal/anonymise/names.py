"""Names: the user's own people and places, and capitalised words worth a second look."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from peerjournal.anonymise.findings import PLACEHOLDERS, Finding, make_finding

# Capitalised words that are common in journal prose and say nothing about anyone.
_STOP_WORDS_TEXT = """
    I I'm I've I'll I'd Im Ive Id Ill Me My Mine Myself We Us Our You Your He She It They Them
    His Her Its Their Him Hers Theirs This That These Those There Here What When Where Why
    How Who Which Whose A An The And But Or So Yet If Then Because Also Just Still Maybe
    To Of In On At For From By With Without About After Before Over Under Into Out Up Down Off
    Again All Some Any Every Each Much Many More Most Less Very Too Not Nothing Something
    Is Are Was Were Be Been Am Do Does Did Have Has Had Can Could Will Would Should Must
    Day Week Month Year Time Life Work School Home Family Friends Exam Exams Class
    Today Tomorrow Yesterday Tonight Morning Evening Night Weekend
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov
    Dec Spring Summer Autumn Fall Winter Christmas Easter Halloween Ramadan Eid Diwali Hanukkah
    New Year Years Birthday God Lord Jesus Allah Buddha Mum Mom Mummy Mommy Dad Daddy Mama Papa
    Grandma Grandpa Granny Nan Nana Auntie Aunt Uncle Sis Bro Sir Madam Mr Mrs Ms Miss Dr
    OK Okay Yes No Not Oh Hi Hello Hey Bye Thanks Thank Please Sorry Dear Love Lol Omg
    English British American German French Spanish Italian Japanese Chinese Indian Hindi
    Internet Google YouTube Instagram TikTok WhatsApp Facebook Twitter Reddit Discord Netflix
    Spotify Zoom Teams Covid TV PC App Email Anxiety Depression Therapy Journal Mood
    Ich Du Er Sie Es Wir Ihr Mein Meine Dein Deine Der Die Das Ein Eine Und Aber Oder Heute
    Morgen Gestern Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar
    März Mai Juni Juli Oktober Dezember Mutter Vater Mama Oma Opa
    Yo Tú Él Ella Nosotros Mi Mis Tu Su El La Los Las Un Una Hoy Mañana Ayer Lunes Martes
    Miércoles Jueves Viernes Sábado Domingo Enero Febrero Marzo Abril Mayo Junio Julio Agosto
    Septiembre Octubre Noviembre Diciembre Madre Padre
    Je Tu Il Elle Nous Vous Ils Elles Le Les Une Et Mais Aujourd Demain Hier Lundi Mardi
    Mercredi Jeudi Vendredi Samedi Dimanche
"""
STOP_WORDS: frozenset[str] = frozenset(word.casefold() for word in _STOP_WORDS_TEXT.split())

# Characters a sentence ends with; a capitalised word right after one is not suspicious.
_SENTENCE_END = frozenset(".!?…。！？\n\r:;\u2029")
_OPENERS = frozenset("\"'“‘«„([{*-–—•>#0123456789 \t\u00a0")
# Scripts written without spaces between words: no word boundary is required there.
_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "HALFWIDTH")
# A capitalised word: an upper-case letter, then letters/marks, optionally joined by
# an apostrophe or hyphen ("O'Neill", "Jean-Luc").
_CAPITALISED = re.compile(r"(?<![\w'’\-])[^\W\d_a-z](?:[^\W\d_]|['’\-](?=[^\W\d_]))*+")
_POSSESSIVE_S = re.compile(r"s(?![\w])")


def is_word_char(ch: str) -> bool:
    """Letters, digits, underscore and combining marks (Devanagari vowel signs) are word parts."""
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")


def _unspaced(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(_UNSPACED_SCRIPTS)


def _clean_terms(terms: Iterable[str]) -> list[str]:
    """Normalise a user list: trimmed, unique, multi-word names also by their longer parts."""
    placeholders = {p.strip("[]").casefold() for p in PLACEHOLDERS.values()}
    seen: dict[str, str] = {}
    for raw in terms:
        if not isinstance(raw, str):
            continue
        term = " ".join(unicodedata.normalize("NFC", raw).split())
        if not term:
            continue
        candidates = [term]
        words = term.split(" ")
        if len(words) > 1:
            candidates += [w for w in words if len(w) >= 3]
        for candidate in candidates:
            key = candidate.casefold()
            if key not in placeholders and key not in seen:
                seen[key] = candidate
    return sorted(seen.values(), key=len, reverse=True)


class TermMatcher:
    """Finds a fixed list of names case-insensitively, as whole words, possessives included."""

    def __init__(self, terms: Iterable[str], kind: str) -> None:
        self.kind = kind
        cleaned = _clean_terms(terms)
        self._pattern: re.Pattern[str] | None = None
        if cleaned:
            alternatives = "|".join(r"\s+".join(map(re.escape, t.split(" "))) for t in cleaned)
            self._pattern = re.compile(f"(?:{alternatives})", re.IGNORECASE)

    def find(self, text: str) -> Iterator[Finding]:
        """Every whole-word occurrence of a term in ``text``."""
        if self._pattern is None:
            return
        position = 0
        while True:
            match = self._pattern.search(text, position)
            if match is None:
                return
            start, end = match.start(), match.end()
            position = start + 1
            if start > 0 and not _unspaced(text[start]) and is_word_char(text[start - 1]):
                continue
            if end < len(text) and not _unspaced(text[end - 1]) and is_word_char(text[end]):
                genitive = _POSSESSIVE_S.match(text, end)  # German/Dutch "Annas"
                if genitive is None:
                    continue
                end = genitive.end()
            position = end
            yield make_finding(text, start, end, self.kind)


def _at_sentence_start(text: str, start: int) -> bool:
    """True when only openers (quotes, bullets, spaces) lie between ``start`` and a sentence end."""
    index = start - 1
    while index >= 0 and text[index] in _OPENERS and text[index] not in "\n\r":
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


def find_name_candidates(text: str) -> Iterator[Finding]:
    """Capitalised words that are not common words, for the user to review (``auto=False``).

    A word seen capitalised mid-sentence is flagged everywhere, sentence starts included.
    """
    mid_sentence: set[str] = set()
    spans: list[tuple[int, int, str]] = []
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if not word[0].isupper():
            continue
        end = match.end()
        if word.endswith(("'s", "’s")):  # "Anna's": flag the name, keep the possessive
            word = word[:-2]
            end -= 2
        key = word.casefold()
        if len(word) < 2 or word.isupper() or key in STOP_WORDS:
            continue
        spans.append((match.start(), end, key))
        if not _at_sentence_start(text, match.start()):
            mid_sentence.add(key)
    for start, end, key in spans:
        if key in mid_sentence:
            yield make_finding(text, start, end, "name_candidate", auto=False)
