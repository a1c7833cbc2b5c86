"""Stateful property test: the journal behaves like a simple in-memory model.

Random sequences of add / edit / trash / restore / purge / empty-trash are applied to a
real vault and to a dictionary; after every step the listing, counts, tag counts and
search results must agree, and the FTS index must pass its own integrity check.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)

from peerjournal.app.session import Session
from tests.helpers.vault import make_session

WORDS = ["river", "exam", "tea", "walk", "quiet", "storm"]
TAGS = ["Sleep", "sleep", "school", "#family", "@home"]
BASE = datetime(2026, 2, 1, 12, tzinfo=UTC)


@dataclass
class ModelEntry:
    body: str
    tags: tuple[str, ...]
    trashed: bool = False
    created: datetime = field(default=BASE)


def _norm_tags(tags: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for tag in tags:
        clean = tag.lstrip("#@")
        if clean.casefold() not in {t.casefold() for t in out}:
            out.append(clean)
    return tuple(out)


class JournalMachine(RuleBasedStateMachine):
    """Drives a real JournalService and a dict side by side."""

    ids = Bundle("ids")
    base: Path  # set by the test to its tmp_path

    def __init__(self) -> None:
        super().__init__()
        self._tmp = tempfile.TemporaryDirectory(dir=self.base)
        self.session: Session = make_session(Path(self._tmp.name))
        self.model: dict[str, ModelEntry] = {}
        self.step = 0

    def teardown(self) -> None:
        self.session.lock()
        self._tmp.cleanup()

    @rule(
        target=ids,
        words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
        tags=st.lists(st.sampled_from(TAGS), max_size=3),
    )
    def add(self, words: list[str], tags: list[str]) -> str:
        self.step += 1
        created = BASE + timedelta(minutes=self.step)
        body = " ".join(words)
        entry = self.session.journal.add(body, tags=tags, created=created)
        self.model[entry.id] = ModelEntry(body, _norm_tags(tags), created=created)
        return entry.id

    @rule(
        entry_id=ids,
        words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
        tags=st.none() | st.lists(st.sampled_from(TAGS), max_size=3),
    )
    def edit(self, entry_id: str, words: list[str], tags: list[str] | None) -> None:
        if entry_id not in self.model:
            return
        body = " ".join(words)
        self.session.journal.update(entry_id, body=body, tags=tags)
        self.model[entry_id].body = body
        if tags is not None:
            self.model[entry_id].tags = _norm_tags(tags)

    @rule(entry_id=ids)
    def trash(self, entry_id: str) -> None:
        if entry_id in self.model:
            self.session.journal.delete(entry_id)
            self.model[entry_id].trashed = True

    @rule(entry_id=ids)
    def restore(self, entry_id: str) -> None:
        if entry_id in self.model:
            self.session.journal.restore(entry_id)
            self.model[entry_id].trashed = False

    @rule(entry_id=ids)
    def purge(self, entry_id: str) -> None:
        if entry_id in self.model and self.model[entry_id].trashed:
            self.session.journal.purge(entry_id)
            del self.model[entry_id]

    @rule()
    def empty_trash(self) -> None:
        removed = self.session.journal.empty_trash()
        doomed = [k for k, v in self.model.items() if v.trashed]
        assert removed == len(doomed)
        for key in doomed:
            del self.model[key]

    @invariant()
    def listing_matches(self) -> None:
        live = sorted(
            (k for k, v in self.model.items() if not v.trashed),
            key=lambda k: self.model[k].created,
            reverse=True,
        )
        assert [s.id for s in self.session.journal.list(limit=1000)] == live
        trashed = {k for k, v in self.model.items() if v.trashed}
        assert {s.id for s in self.session.journal.list(trashed=True, limit=1000)} == trashed

    @invariant()
    def tags_match(self) -> None:
        counts: dict[str, int] = {}
        for entry in self.model.values():
            if not entry.trashed:
                for tag in entry.tags:
                    counts[tag.casefold()] = counts.get(tag.casefold(), 0) + 1
        assert {t.casefold(): n for t, n in self.session.journal.tags()} == counts

    @invariant()
    def search_matches(self) -> None:
        for word in ("river", "walk"):
            expected = {
                k for k, v in self.model.items() if not v.trashed and word in v.body.split()
            }
            found = {h.entry.id for h in self.session.journal.search(word, limit=1000)}
            assert found == expected
        self.session.conn.execute(
            "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)"
        )


def test_journal_behaves_like_model(tmp_path: Path) -> None:
    JournalMachine.base = tmp_path
    run_state_machine_as_test(
        JournalMachine, settings=settings(max_examples=25, stateful_step_count=25, deadline=None)
    )
