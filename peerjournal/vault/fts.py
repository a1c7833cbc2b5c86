"""Turning what a user types into a safe FTS5 MATCH expression.

Users type words, ``"quoted phrases"`` and prefix terms (``walk*``). Everything else that
FTS5 would read as syntax (column filters, ``NEAR``, ``AND``/``OR``/``NOT``, parentheses,
``^``, ``+``, stray quotes) is neutralised by turning every term into a quoted FTS5 string,
so no input can raise an SQL error. Terms are combined with AND.
"""

from __future__ import annotations

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32


def _has_word_char(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _quote(term: str, prefix: bool) -> str:
    escaped = term.replace('"', '""')
    return f'"{escaped}"' + ("*" if prefix else "")


def parse_terms(query: str) -> list[tuple[str, bool]]:
    """Split a user query into ``(text, is_prefix)`` terms; phrases stay together."""
    if not isinstance(query, str):
        return []
    text = "".join(ch if ch.isprintable() or ch in " \t" else " " for ch in query)
    text = text[:MAX_QUERY_CHARS]
    terms: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n and len(terms) < MAX_TERMS:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == '"':
            end = text.find('"', i + 1)
            if end == -1:
                end = n
            phrase = text[i + 1 : end]
            i = end + 1
            prefix = i < n and text[i] == "*"
            if prefix:
                i += 1
            if _has_word_char(phrase):
                terms.append((phrase.replace('"', " "), prefix))
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] != '"':
            i += 1
        word = text[start:i]
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if _has_word_char(word):
            terms.append((word, prefix))
    return terms


def to_match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for a user query, or None when nothing searchable is left."""
    terms = parse_terms(query)
    if not terms:
        return None
    return " ".join(_quote(text, prefix) for text, prefix in terms)
