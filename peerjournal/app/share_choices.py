"""The user's choices on a share preview, and the vault's "always keep / always redact" lists.

The preview numbers its findings from 1 (title first, then text), in the GUI and on the
command line alike. :class:`ShareChoices` says which numbered findings to replace or keep
and which words to replace or keep this time; the two word lists kept in the vault
(encrypted, in its ``prefs`` table, never in QSettings) say the same for every share.
Choices are checked once, here, so that every front end refuses the same mistakes with
the same one-line messages: a number the preview does not show, a word that is not in the
entry, and a number or word both kept and redacted.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from peerjournal.anonymise import Finding
from peerjournal.anonymise.lexicon import lexicon_key
from peerjournal.anonymise.names import TermMatcher
from peerjournal.app.prefs import VaultPrefs
from peerjournal.errors import InvalidInput

#: Vault preference keys of the two "always" lists (lists of words).
KEEP_PREF = "anonymise.keep"
REDACT_PREF = "anonymise.redact"
#: Longest word or phrase a list holds, and how many each list holds.
MAX_WORD = 60
MAX_WORDS = 1000


@dataclass(frozen=True)
class ShareChoices:
    """Changes to the default redaction of one share.

    ``redact`` and ``keep`` are finding numbers as the preview shows them (from 1);
    ``redact_words`` are words replaced wherever they stand, ``keep_words`` words whose
    findings are left as they are.
    """

    redact: tuple[int, ...] = ()
    keep: tuple[int, ...] = ()
    redact_words: tuple[str, ...] = ()
    keep_words: tuple[str, ...] = ()


def clean_word(word: object) -> str:
    """A word or phrase for a list: NFC, inner spaces collapsed; refused when empty or long."""
    if not isinstance(word, str):
        raise InvalidInput("share.word_empty")
    cleaned = " ".join(unicodedata.normalize("NFC", word).split())
    if not cleaned or not any(ch.isalnum() for ch in cleaned):
        raise InvalidInput("share.word_empty")
    if len(cleaned) > MAX_WORD:
        raise InvalidInput("share.word_too_long", limit=MAX_WORD)
    return cleaned


def word_key(word: str) -> str:
    """How two spellings of a listed word are compared (case and spacing do not count)."""
    return lexicon_key(word)


def stored_words(prefs: VaultPrefs, key: str) -> list[str]:
    """One "always" list as stored (anything malformed in it is skipped, not trusted)."""
    value = prefs.get(key, [])
    if not isinstance(value, list):
        return []
    out: dict[str, str] = {}
    for item in value:
        if isinstance(item, str) and item.strip():
            out.setdefault(word_key(item), " ".join(item.split()))
    return list(out.values())


def remember_word(prefs: VaultPrefs, word: str, *, keep: bool) -> str:
    """Put ``word`` on the keep (or redact) list and off the other one; returns it cleaned."""
    cleaned = clean_word(word)
    key = word_key(cleaned)
    mine, other = (KEEP_PREF, REDACT_PREF) if keep else (REDACT_PREF, KEEP_PREF)
    words = [w for w in stored_words(prefs, mine) if word_key(w) != key] + [cleaned]
    if len(words) > MAX_WORDS:
        raise InvalidInput("share.too_many_words", limit=MAX_WORDS)
    rest = [w for w in stored_words(prefs, other) if word_key(w) != key]
    # off the other list first: stopped in between, the word is on neither (the default)
    prefs.set(other, rest)
    prefs.set(mine, words)
    return cleaned


def set_lists(prefs: VaultPrefs, keep: Iterable[str], redact: Iterable[str]) -> None:
    """Store both lists as edited in Settings (a word on both ends up on the redact list)."""
    redact_words = _unique(clean_word(w) for w in redact)
    taken = {word_key(w) for w in redact_words}
    keep_words = [w for w in _unique(clean_word(w) for w in keep) if word_key(w) not in taken]
    for words in (keep_words, redact_words):
        if len(words) > MAX_WORDS:
            raise InvalidInput("share.too_many_words", limit=MAX_WORDS)
    prefs.set(KEEP_PREF, keep_words)
    prefs.set(REDACT_PREF, redact_words)


def _unique(words: Iterable[str]) -> list[str]:
    out: dict[str, str] = {}
    for word in words:
        out.setdefault(word_key(word), word)
    return list(out.values())


def word_lists(
    prefs: VaultPrefs, choices: ShareChoices, texts: Sequence[str]
) -> tuple[list[str], list[str]]:
    """The keep and redact words for one share: this share's words over the stored lists.

    Refuses a word given both ways, and a word given for this share that ``texts`` (the
    title and the text) do not contain.
    """
    redact_now = _unique(clean_word(w) for w in choices.redact_words)
    keep_now = _unique(clean_word(w) for w in choices.keep_words)
    redact_keys = {word_key(w) for w in redact_now}
    for word in keep_now:
        if word_key(word) in redact_keys:
            raise InvalidInput("share.word_kept_and_redacted", word=word)
    for word in redact_now + keep_now:
        matcher = TermMatcher([word], "custom", parts=False)
        if not any(True for text in texts for _ in matcher.find(text)):
            raise InvalidInput("share.word_not_found", word=word)
    keep_keys = {word_key(w) for w in keep_now}
    keep = [w for w in stored_words(prefs, KEEP_PREF) if word_key(w) not in redact_keys]
    redact = [w for w in stored_words(prefs, REDACT_PREF) if word_key(w) not in keep_keys]
    return keep + keep_now, redact + redact_now


def check_kept_words(findings: Sequence[Finding], keep_words: Iterable[str]) -> None:
    """Refuse a kept word that stands inside a longer finding (it cannot be kept alone)."""
    for word in keep_words:
        key = word_key(word)
        matcher = TermMatcher([word], "custom", parts=False)
        for finding in findings:
            if word_key(finding.text) == key:
                continue
            if any(True for _ in matcher.find(finding.text)):
                raise InvalidInput("share.word_inside_finding", word=word, finding=finding.text)


def chosen_numbers(findings: Sequence[Finding], choices: ShareChoices) -> frozenset[int]:
    """Indexes (from 0) of the findings to replace: the automatic ones, changed by number."""
    count = len(findings)
    for number in (*choices.redact, *choices.keep):
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= count:
            if count == 0:
                raise InvalidInput("share.no_findings", number=number)
            raise InvalidInput("share.no_such_finding", number=number, count=count)
    both = sorted(set(choices.redact) & set(choices.keep))
    if both:
        raise InvalidInput("share.kept_and_redacted", number=both[0])
    chosen = {index for index, finding in enumerate(findings) if finding.auto}
    chosen |= {number - 1 for number in choices.redact}
    chosen -= {number - 1 for number in choices.keep}
    return frozenset(chosen)
