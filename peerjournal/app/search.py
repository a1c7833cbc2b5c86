"""Full-text search of the live entries: words, CJK and emoji, AND/OR/NOT, filters.

The query is parsed once (:mod:`peerjournal.vault.fts`) and answered by one of two plans:

- **one index, one MATCH** — every term uses the same index (the word index
  ``entries_fts``, or ``entries_grams`` for CJK, Thai and emoji) and FTS5 can say the whole
  query: ranked by bm25 (title weighted) among at most :data:`RANK_WINDOW` of the newest
  matches. The usual case, and the fast one.
- **a set expression** — the query mixes the two indexes (``walk 中文``), or is only NOT
  (``-rain``), or NOTs inside an OR: each one-index part is one MATCH, combined with
  SQL's AND/OR/NOT over entry ids, newest first (rank 0).

Snippets of word matches come from FTS5's ``snippet()``; for grams and set expressions
they are cut from the text around the first match here, with the same highlight marks.

SQL text here is composed only from fixed fragments (hence the S608 waivers); every
user-supplied value is a bound parameter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from peerjournal.app.entry_rows import SUMMARY_COLUMNS, filters, summary_of, tag_fold
from peerjournal.domain import graphemes
from peerjournal.domain.models import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from peerjournal.domain.timestamps import day_bounds_us
from peerjournal.vault import fts
from peerjournal.vault.store import translated_errors

#: Searches matching more entries than this rank only the newest this many.
RANK_WINDOW = 10_000
#: Date filters selecting more entries than this are checked per match, not as a set.
DENSE_FILTER = 5_000
#: bm25 weights per index: title, body, tags for words; one column for grams.
_BM25 = {"words": "bm25(entries_fts, 10.0, 1.0, 5.0)", "grams": "bm25(entries_grams)"}
_TABLE = {"words": "entries_fts", "grams": "entries_grams"}
SNIPPET_CHARS = 110
_JOINERS = "[\ufe0e\ufe0f\u200d]*"


@dataclass(frozen=True)
class Filters:
    """The filters a search shares with listing."""

    tag: str | None = None
    since: date | None = None
    until: date | None = None
    starred: bool | None = None


def search(conn: Any, query: str, where: Filters, *, limit: int, offset: int) -> list[SearchHit]:
    """Hits for ``query`` (any text; never raises for its content), best first."""
    tree = fts.parse(query)
    if tree is None or limit == 0:
        return []
    used = fts.indexes(tree)
    with translated_errors():
        if len(used) == 1 and fts.expressible(tree):
            index = next(iter(used))
            match = fts.fts_expression(tree)
            if match is None:  # cannot happen for an expressible tree
                return []
            ranked = _ranked(conn, index, match, where, limit, offset)
            snippets = _fts_snippets(conn, match, ranked) if index == "words" else {}
        else:
            ranked = _by_set_expression(conn, tree, where, limit, offset)
            snippets = {}
        if not ranked:
            return []
        rids = [rid for rid, _ in ranked]
        missing = [rid for rid in rids if rid not in snippets]
        if missing:
            snippets.update(_text_snippets(conn, missing, fts.positive_terms(tree)))
        marks = ",".join("?" * len(rids))
        summaries = {
            row[0]: summary_of(row)
            for row in conn.execute(
                f"SELECT {SUMMARY_COLUMNS} FROM entries e"  # noqa: S608
                " LEFT JOIN mood_logs m ON m.id = e.mood_id"
                f" WHERE e.rid IN ({marks})",
                rids,
            ).fetchall()
        }
    return [
        SearchHit(summaries[rid], snippets.get(rid, ""), float(rank))
        for rid, rank in ranked
        if rid in summaries
    ]


def _ranked(
    conn: Any, index: fts.Index, match: str, where: Filters, limit: int, offset: int
) -> list[tuple[int, float]]:
    """(rid, bm25) of the requested page. Each index holds only live entries, so filters
    are sets of rids checked per match (``+`` keeps SQLite from turning them into one
    FTS lookup per rid)."""
    table = _TABLE[index]
    clauses = [f"{table} MATCH ?"]
    args: list[Any] = [match]
    if where.tag is not None:
        clauses.append(
            "+f.rowid IN (SELECT et.rid FROM entry_tags et WHERE et.tid ="
            " (SELECT tid FROM tags WHERE fold = ?))"
        )
        args.append(tag_fold(where.tag))
    if where.starred is not None:
        clauses.append("+f.rowid IN (SELECT rid FROM entries WHERE trashed = 0 AND starred = ?)")
        args.append(int(bool(where.starred)))
    if where.since is not None or where.until is not None:
        _day_clauses(conn, where, clauses, args)
    if offset + limit <= RANK_WINDOW:
        # The rid just below the RANK_WINDOW newest matches, if there are more.
        low = conn.execute(
            f"SELECT f.rowid FROM {table} f WHERE {' AND '.join(clauses)}"  # noqa: S608
            " ORDER BY f.rowid DESC LIMIT 1 OFFSET ?",
            (*args, RANK_WINDOW),
        ).fetchone()
        if low is not None:
            clauses.append("f.rowid > ?")
            args.append(low[0])
    sql = (
        f"SELECT f.rowid, {_BM25[index]} AS score FROM {table} f"  # noqa: S608
        f" WHERE {' AND '.join(clauses)} ORDER BY score, f.rowid DESC LIMIT ? OFFSET ?"
    )
    return [(int(r), float(s)) for r, s in conn.execute(sql, (*args, limit, offset))]


def _day_clauses(conn: Any, where: Filters, clauses: list[str], args: list[Any]) -> None:
    # The user's local days, as instants (domain/timestamps.py).
    start, end = day_bounds_us(where.since, where.until)
    bounds: list[str] = []
    day_args: list[Any] = []
    if start is not None:
        bounds.append("created_us >= ?")
        day_args.append(start)
    if end is not None:
        bounds.append("created_us < ?")
        day_args.append(end)
    where_days = " AND ".join(["trashed = 0", *bounds])
    in_range = conn.execute(
        f"SELECT count(*) FROM entries WHERE {where_days}",  # noqa: S608
        day_args,
    ).fetchone()[0]
    if in_range <= DENSE_FILTER:
        # Few days' entries: collect their rids once.
        clauses.append(f"+f.rowid IN (SELECT rid FROM entries WHERE {where_days})")  # noqa: S608
    else:
        # A wide range: check each match in the small rid-keyed index instead.
        where_d = " AND ".join(["d.trashed = 0", *(f"d.{b}" for b in bounds)])
        clauses.append(
            "EXISTS (SELECT 1 FROM entries AS d INDEXED BY entries_rid_created"  # noqa: S608
            f" WHERE d.rid = f.rowid AND {where_d})"
        )
    args += day_args


def _condition(node: fts.Node, args: list[Any]) -> str:
    """SQL over ``e.rid`` for a tree: one MATCH per one-index part FTS5 can say."""
    used = fts.indexes(node)
    if len(used) == 1 and fts.expressible(node):
        table = _TABLE[next(iter(used))]
        args.append(fts.fts_expression(node))
        return f"e.rid IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)"  # noqa: S608
    if isinstance(node, fts.Not):
        return f"NOT ({_condition(node.child, args)})"
    if isinstance(node, fts.Term):  # a Term is always expressible; kept for the type checker
        return "0"
    joiner = " AND " if isinstance(node, fts.And) else " OR "
    return "(" + joiner.join(_condition(child, args) for child in node.children) + ")"


def _by_set_expression(
    conn: Any, tree: fts.Node, where: Filters, limit: int, offset: int
) -> list[tuple[int, float]]:
    """Matching rids, newest first, for a query one MATCH cannot say."""
    clause, args = filters(where.tag, where.since, where.until, False, where.starred)
    condition = _condition(tree, args)
    sql = (
        f"SELECT e.rid FROM entries e WHERE {clause} AND {condition}"  # noqa: S608
        " ORDER BY e.created_us DESC, e.rid DESC LIMIT ? OFFSET ?"
    )
    return [(int(row[0]), 0.0) for row in conn.execute(sql, (*args, limit, offset))]


def _fts_snippets(conn: Any, match: str, ranked: list[tuple[int, float]]) -> dict[int, str]:
    rids = [rid for rid, _ in ranked]
    if not rids:
        return {}
    marks = ",".join("?" * len(rids))
    # Prefer a snippet of the body (the title is shown anyway); fall back to the title or
    # tags when only they matched.
    return {
        rid: next((s for s in (body, title, tags) if HIGHLIGHT_START in s), body)
        for rid, body, title, tags in conn.execute(
            "SELECT rowid, snippet(entries_fts, 1, ?1, ?2, '…', 16),"  # noqa: S608
            " snippet(entries_fts, 0, ?1, ?2, '…', 16),"
            " snippet(entries_fts, 2, ?1, ?2, '…', 16) FROM entries_fts"
            # One pass over the matches in the rid range; "+" stops SQLite from
            # re-running the MATCH once per rid (costly for prefix terms).
            " WHERE entries_fts MATCH ?3 AND rowid BETWEEN ?4 AND ?5"
            f" AND +rowid IN ({marks})",
            (HIGHLIGHT_START, HIGHLIGHT_END, match, min(rids), max(rids), *rids),
        ).fetchall()
    }


def _pattern(terms: Sequence[fts.Term]) -> re.Pattern[str] | None:
    parts = []
    for term in terms:
        if term.index == "grams":
            parts.append(_JOINERS.join(re.escape(ch) for ch in term.text))
            continue
        words = [re.escape(w) for w in re.findall(r"\w+", term.text)]
        if not words:
            continue
        tail = r"\w*" if term.prefix else r"(?!\w)"
        parts.append(r"(?<!\w)" + r"\W+".join(words) + tail)
    if not parts:
        return None
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def cut_snippet(text: str, pattern: re.Pattern[str] | None) -> str | None:
    """Up to :data:`SNIPPET_CHARS` of ``text`` around its first match, matches marked;
    None when nothing in ``text`` matches."""
    first = pattern.search(text) if pattern is not None else None
    if first is None or pattern is None:
        return None
    start = max(0, first.start() - SNIPPET_CHARS // 3)
    if start:
        space = text.rfind(" ", start - 15, first.start())
        start = space + 1 if space >= start - 15 and space != -1 else start
        start = min(graphemes.start_at(text, start), first.start())
    window = graphemes.cut_end(text[start:], SNIPPET_CHARS)  # whole letters at both ends
    end = start + len(window)
    marked = pattern.sub(lambda m: f"{HIGHLIGHT_START}{m.group(0)}{HIGHLIGHT_END}", window)
    return ("…" if start else "") + marked + ("…" if end < len(text) else "")


def _text_snippets(conn: Any, rids: list[int], terms: list[fts.Term]) -> dict[int, str]:
    pattern = _pattern(terms)
    marks = ",".join("?" * len(rids))
    snippets: dict[int, str] = {}
    for rid, title, body, tags in conn.execute(
        f"SELECT rid, title, body, tags FROM entries WHERE rid IN ({marks})",  # noqa: S608
        rids,
    ):
        found = next((s for s in (cut_snippet(t, pattern) for t in (body, title, tags)) if s), None)
        if found is None:
            found = graphemes.cut_end(body, SNIPPET_CHARS)
            found += "…" if len(found) < len(body) else ""
        snippets[int(rid)] = found
    return snippets
