"""What a user types into the search box, parsed into a tree and turned into safe FTS5.

The query language (docs/cli.md "Search"):

- words are ANDed: ``walk river``; ``walk*`` is a prefix, ``"walk by the river"`` a phrase;
- ``AND``, ``OR``, ``NOT`` (in capitals, as in FTS5) and parentheses: ``(walk OR run) NOT
  rain``; ``-word`` and ``-"a phrase"`` mean NOT; OR binds more loosely than AND;
- Chinese, Japanese, Korean, Thai and emoji match as substrings (``中文`` finds "中文测试"),
  through the grams index (:mod:`peerjournal.vault.grams`); words go to the word index.

Any text is a query and none raises: every term becomes a quoted FTS5 string (column
filters, ``NEAR``, ``^``, ``+`` and stray quotes are just text), an unmatched parenthesis is
closed or ignored, an operator missing an operand is dropped, and nesting deeper than
:data:`MAX_DEPTH` or terms beyond :data:`MAX_TERMS` are left out. :func:`parse` gives the
tree; :func:`fts_expression` writes one index's MATCH expression for a tree whose terms all
use that index, or None when FTS5 cannot say it (a query that is only NOT).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from peerjournal.vault import grams

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
MAX_DEPTH = 8

Index = Literal["words", "grams"]


@dataclass(frozen=True)
class Term:
    """One searchable piece: ``text`` in ``index``; ``prefix`` for ``word*``."""

    text: str
    index: Index
    prefix: bool = False
    phrase: bool = False


@dataclass(frozen=True)
class Not:
    """Entries not matching ``child``."""

    child: Node


@dataclass(frozen=True)
class And:
    """Entries matching every child."""

    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    """Entries matching any child."""

    children: tuple[Node, ...]


Node = Term | Not | And | Or
_OPERATORS = {"AND", "OR", "NOT"}


def _has_word_char(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _tokens(query: str) -> list[tuple[str, str, bool]]:
    """``(kind, text, prefix)``: kind is word, phrase, op, (, ) or -."""
    text = "".join(ch if ch.isprintable() or ch in " \t" else " " for ch in query)
    text = text[:MAX_QUERY_CHARS]
    tokens: list[tuple[str, str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append((ch, ch, False))
            i += 1
        elif ch == "-" and i + 1 < n and not text[i + 1].isspace() and text[i + 1] != "-":
            # "-word": NOT, only at the start of a term (a hyphen inside a word is text).
            tokens.append(("-", "-", False))
            i += 1
        elif ch == '"':
            end = text.find('"', i + 1)
            end = n if end == -1 else end
            phrase = text[i + 1 : end]
            i = end + 1
            prefix = i < n and text[i] == "*"
            i += 1 if prefix else 0
            tokens.append(("phrase", phrase, prefix))
        else:
            start = i
            while i < n and not text[i].isspace() and text[i] not in '"()':
                i += 1
            word = text[start:i]
            if word in _OPERATORS:
                tokens.append(("op", word, False))
            else:
                tokens.append(("word", word.rstrip("*"), word.endswith("*")))
    return tokens


def _term(text: str, prefix: bool, phrase: bool) -> Node | None:
    """A typed term: words for the word index, runs of gram characters for the grams one."""
    if not grams.has_grams(text):
        return (
            Term(text.replace('"', " "), "words", prefix, phrase) if _has_word_char(text) else None
        )
    parts: list[Node] = [Term(run, "grams") for run in grams.runs(text)]
    rest = "".join(" " if grams.has_grams(ch) else ch for ch in text)
    if _has_word_char(rest):
        parts.append(Term(rest.replace('"', " ").strip(), "words", prefix, True))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(tuple(parts))


class _Parser:
    def __init__(self, tokens: list[tuple[str, str, bool]]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.terms = 0

    def peek(self) -> tuple[str, str, bool] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse_or(self, depth: int) -> Node | None:
        children = []
        first = self.parse_and(depth)
        if first is not None:
            children.append(first)
        while (token := self.peek()) is not None and token[:2] == ("op", "OR"):
            self.pos += 1
            nxt = self.parse_and(depth)
            if nxt is not None:
                children.append(nxt)
        if not children:
            return None
        return children[0] if len(children) == 1 else Or(tuple(children))

    def parse_and(self, depth: int) -> Node | None:
        children: list[Node] = []
        negate_next = False
        while (token := self.peek()) is not None:
            kind, text = token[0], token[1]
            if kind == ")" or (kind, text) == ("op", "OR"):
                break
            if kind == "op":
                self.pos += 1
                negate_next = negate_next or text == "NOT"
                continue
            node = self.parse_unary(depth)
            if node is not None:
                children.append(Not(node) if negate_next else node)
            negate_next = False
        if not children:
            return None
        return children[0] if len(children) == 1 else And(tuple(children))

    def parse_unary(self, depth: int) -> Node | None:
        token = self.peek()
        if token is None:
            return None
        kind, text, prefix = token
        self.pos += 1
        if kind == "-":
            nxt = self.peek()
            if nxt is None or nxt[0] in {")", "op"}:
                return None
            inner = self.parse_unary(depth)
            return Not(inner) if inner is not None else None
        if kind == "(":
            if depth >= MAX_DEPTH:
                return None  # too deep: what follows is read at this level
            inner = self.parse_or(depth + 1)
            if (closing := self.peek()) is not None and closing[0] == ")":
                self.pos += 1
            return inner
        if kind == ")":
            return None
        if self.terms >= MAX_TERMS:
            return None
        node = _term(text, prefix, kind == "phrase")
        if node is not None:
            self.terms += 1
        return node


def parse(query: object) -> Node | None:
    """The query's tree, or None when nothing searchable is left."""
    if not isinstance(query, str):
        return None
    parser = _Parser(_tokens(query))
    tree = None
    children: list[Node] = []
    while parser.pos < len(parser.tokens):
        tree = parser.parse_or(0)
        if tree is not None:
            children.append(tree)
        if (token := parser.peek()) is not None and token[0] == ")":
            parser.pos += 1  # an unmatched ")" is ignored
    if not children:
        return None
    return children[0] if len(children) == 1 else And(tuple(children))


def indexes(node: Node) -> set[Index]:
    """Which indexes the tree's terms use."""
    if isinstance(node, Term):
        return {node.index}
    if isinstance(node, Not):
        return indexes(node.child)
    return set().union(*(indexes(child) for child in node.children))


def positive_terms(node: Node) -> list[Term]:
    """The terms a match contains (not under a NOT): for highlighting."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return []
    return [term for child in node.children for term in positive_terms(child)]


def _quote(term: Term) -> str:
    if term.index == "grams":
        return grams.gram_query(term.text)
    escaped = term.text.replace('"', '""')
    return f'"{escaped}"' + ("*" if term.prefix else "")


def fts_expression(node: Node) -> str | None:
    """The MATCH expression of a one-index tree; None when it holds no positive part."""
    if isinstance(node, Term):
        return _quote(node)
    if isinstance(node, Not):
        return None
    if isinstance(node, Or):
        parts = [p for p in (fts_expression(child) for child in node.children) if p]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
    positives = [fts_expression(c) for c in node.children if not isinstance(c, Not)]
    present = [p for p in positives if p]
    negatives = [fts_expression(c.child) for c in node.children if isinstance(c, Not)]
    absent = [n for n in negatives if n]
    if not present:
        return None
    expression = present[0] if len(present) == 1 else "(" + " AND ".join(present) + ")"
    if absent:
        expression = f"{expression} NOT ({' OR '.join(absent)})"
    return expression


def expressible(node: Node) -> bool:
    """Whether FTS5 can say the whole tree in one MATCH (no NOT without a positive part,
    nothing lost under an OR)."""
    if isinstance(node, Term):
        return True
    if isinstance(node, Not):
        return False
    if isinstance(node, Or):
        return all(expressible(child) for child in node.children)
    positives = [c for c in node.children if not isinstance(c, Not)]
    negatives = [c.child for c in node.children if isinstance(c, Not)]
    return bool(positives) and all(expressible(c) for c in [*positives, *negatives])
