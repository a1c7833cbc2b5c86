"""The entry list as a lazy Qt model: pages come from JournalService through the worker.

One model serves three uses: the journal (live entries with optional tag/date filters),
search results (with highlighted snippets) and the trash. Rows are small :class:`Row`
records, never full bodies, and :meth:`EntryListModel.clear` drops every one of them
when the vault locks. The paging itself is :class:`peerjournal.ui.kit.paged.PagedListModel`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal

from peerjournal.ui.kit.paged import Index, PagedListModel
from peerjournal.ui.kit.worker import DbWorker

RowRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Row:
    """What one list row shows."""

    id: str
    created: datetime
    title: str
    first_line: str
    tags: tuple[str, ...]
    starred: bool
    mood_level: int | None
    snippet: str | None = None  # search results: text with \x02 … \x03 highlight markers

    @classmethod
    def from_summary(cls, summary: Any, snippet: str | None = None) -> Row:
        """Build from an EntrySummary (and a search snippet)."""
        return cls(
            id=summary.id,
            created=summary.created,
            title=summary.title,
            first_line=summary.first_line,
            tags=tuple(summary.tags),
            starred=bool(summary.starred),
            mood_level=summary.mood_level,
            snippet=snippet,
        )

    def updated_from(self, entry: Any) -> Row:
        """This row after ``entry`` (a full Entry) was saved."""
        return replace(
            self,
            created=entry.created,
            title=entry.title,
            first_line=first_line(entry.body),
            tags=tuple(entry.tags),
            starred=bool(entry.starred),
        )


def first_line(body: str) -> str:
    """The first non-empty line of a Markdown body, without heading or list marks."""
    for line in body.splitlines():
        text = line.strip().lstrip("#>-*+ ").strip()
        if text:
            return text[:200]
    return ""


@dataclass(frozen=True)
class Query:
    """What the list shows: filters, an optional search text, live or trashed entries."""

    tag: str | None = None
    since: date | None = None
    until: date | None = None
    starred: bool | None = None
    search: str = ""
    trashed: bool = False


class EntryListModel(PagedListModel[Row]):
    """A lazily paged list of entries (``canFetchMore``/``fetchMore`` over the worker)."""

    search_finished = Signal(int)  # the first page of a search arrived (number of rows)

    def __init__(
        self,
        worker: DbWorker,
        *,
        page_size: int = 50,
        trashed: bool = False,
        parent: Any = None,
    ) -> None:
        super().__init__(worker, page_size=page_size, parent=parent)
        self._query = Query(trashed=trashed)

    # -- Qt model API ---------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title for display, the :class:`Row` for the delegate, the id for actions."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title or row.first_line
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # the mood marker and star are drawn as colour and glyph; say them in words too
            parts = [f"{row.created:%Y-%m-%d}", row.title, row.first_line]
            if row.starred:
                parts.append(self.tr("starred"))
            if row.mood_level is not None:
                parts.append(self.tr("mood {0} of 5").format(row.mood_level))
            if row.tags:
                parts.append(" ".join(f"#{tag}" for tag in row.tags))
            return ", ".join(part for part in parts if part)
        if role == RowRole:
            return row
        if role == IdRole:
            return row.id
        return None

    def page_job(self, offset: int, limit: int) -> Any:
        """Load a page of the current query: entries, search hits or the trash."""
        query = self._query

        def load(session: Any) -> list[Row]:
            journal = session.journal
            if query.search:
                hits = journal.search(
                    query.search,
                    tag=query.tag,
                    since=query.since,
                    until=query.until,
                    limit=limit,
                    offset=offset,
                )
                return [Row.from_summary(hit.entry, hit.snippet) for hit in hits]
            summaries = journal.list(
                offset=offset,
                limit=limit,
                tag=query.tag,
                since=query.since,
                until=query.until,
                trashed=query.trashed,
                starred=query.starred,
            )
            return [Row.from_summary(summary) for summary in summaries]

        return load

    def page_key(self, offset: int) -> str | None:
        """The first page of a search coalesces: one query per typing pause, not per key."""
        return "search" if self._query.search and offset == 0 else None

    def page_arrived(self, offset: int, count: int) -> None:
        """Tell the search box how many hits its first page brought."""
        if self._query.search and offset == 0:
            self.search_finished.emit(count)

    # -- queries --------------------------------------------------------------------------
    @property
    def query(self) -> Query:
        """What the list currently shows."""
        return self._query

    def start(self, query: Query | None = None) -> None:
        """Drop the rows and load the first page of ``query`` (default: the current one)."""
        if query is not None:
            self._query = query
        self.restart()

    def row_of(self, entry_id: str) -> int:
        """Index of the row with that id, or -1."""
        for number, row in enumerate(self._rows):
            if row.id == entry_id:
                return number
        return -1

    def entry_saved(self, entry: Any) -> None:
        """Show a saved entry: update its row in place, or put a new one on top."""
        number = self.row_of(entry.id)
        if number >= 0:
            self._rows[number] = self._rows[number].updated_from(entry)
            index = self.index(number)
            self.dataChanged.emit(index, index)
            return
        if self._query.trashed or self._query.search:
            return
        row = Row(
            id=entry.id,
            created=entry.created,
            title=entry.title,
            first_line=first_line(entry.body),
            tags=tuple(entry.tags),
            starred=bool(entry.starred),
            mood_level=None,
        )
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, row)
        self.endInsertRows()

    def remove_entry(self, entry_id: str) -> None:
        """Take a row out (moved to or restored from the trash)."""
        number = self.row_of(entry_id)
        if number >= 0:
            self.beginRemoveRows(QModelIndex(), number, number)
            del self._rows[number]
            self.endRemoveRows()
