"""A list model that pages its rows in from the database worker (``canFetchMore``/``fetchMore``).

The journal's entry list and the mood page's check-in history are the same thing: rows
newest first, a page at a time as the view scrolls, a fresh start when what is shown
changes, and nothing kept after :meth:`PagedListModel.clear` (the vault is locking). Each
start bumps an epoch, so a page of an older query is dropped when it arrives; a page that
fails stops the fetching until the next start. A subclass says only how a page is loaded
(:meth:`PagedListModel.page_job`) and what a row shows (``data``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Signal

from peerjournal.errors import PeerJournalError
from peerjournal.ui.kit.error_text import error_text
from peerjournal.ui.kit.worker import DbWorker, weak

Index = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")


class PagedListModel(QAbstractListModel, Generic[RowT]):
    """Rows paged in through the worker; subclasses give :meth:`page_job` and ``data``."""

    page_loaded = Signal(int)  # rows added by the page that just arrived
    load_failed = Signal(str)  # a plain message

    def __init__(self, worker: DbWorker, *, page_size: int = 50, parent: Any = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.page_size = page_size
        self._rows: list[RowT] = []
        self._exhausted = True  # nothing to fetch until restart() (the vault may be locked)
        self._loading = False
        self._epoch = 0  # pages of an older query are dropped on arrival

    # -- what a subclass says -------------------------------------------------------------
    def page_job(self, offset: int, limit: int) -> Callable[[Any], Any]:
        """The worker job that loads ``limit`` rows from ``offset`` of what is shown now."""
        raise NotImplementedError

    def page_key(self, offset: int) -> str | None:
        """A coalescing key for the worker (the newest of a burst of first pages wins)."""
        return None

    def rows_of(self, result: Any) -> list[RowT]:
        """The rows in a job's result (on the GUI thread; a subclass may keep the rest)."""
        return list(result)

    def page_arrived(self, offset: int, count: int) -> None:
        """After a page was added (``count`` rows at ``offset``)."""

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows loaded so far."""
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """More pages exist and none is on its way."""
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """Ask the worker for the next page."""
        if not self.canFetchMore(parent):
            return
        self._loading = True
        offset, epoch = len(self._rows), self._epoch
        arrived, failed, stopped = weak(self._arrived), weak(self._failed), weak(self._stop)
        # weak callbacks: a page for a model that is gone is dropped (see kit/worker.py)
        self._worker.submit(
            self.page_job(offset, self.page_size),
            lambda result: arrived(epoch, offset, result),
            lambda error: failed(epoch, error),
            on_bug=lambda: stopped(epoch),
            key=self.page_key(offset),
        )

    # -- starting and stopping ------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """Whether a page is on its way."""
        return self._loading

    def restart(self) -> None:
        """Drop the rows and load the first page of what is shown now."""
        self._reset(exhausted=False)
        self.fetchMore()

    def clear(self) -> None:
        """Forget every row and stop fetching (the vault is locking, the page going away)."""
        self._reset(exhausted=True)

    def _reset(self, *, exhausted: bool) -> None:
        self.beginResetModel()
        self._epoch += 1
        self._rows = []
        self._exhausted = exhausted
        self._loading = False
        self.endResetModel()

    def row_at(self, number: int) -> RowT | None:
        """The row at ``number``, if loaded."""
        return self._rows[number] if 0 <= number < len(self._rows) else None

    # -- replies from the worker ---------------------------------------------------------
    def _arrived(self, epoch: int, offset: int, result: Any) -> None:
        if epoch != self._epoch or offset != len(self._rows):
            return
        rows = self.rows_of(result)
        self._loading = False
        self._exhausted = len(rows) < self.page_size
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.page_loaded.emit(len(rows))
        self.page_arrived(offset, len(rows))

    def _failed(self, epoch: int, error: PeerJournalError) -> None:
        if self._stop(epoch):
            self.load_failed.emit(error_text(error))

    def _stop(self, epoch: int) -> bool:
        """After a failed page: stop asking for more; False if a newer query is on its way."""
        if epoch != self._epoch:
            return False
        self._loading = False
        self._exhausted = True
        return True
