"""The paged list model the journal list and the check-in history share (ui/kit/paged.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex

from peerjournal.errors import InvalidInput
from peerjournal.ui.kit.paged import PagedListModel
from peerjournal.ui.kit.worker import DbWorker


class Numbers(PagedListModel[int]):
    """0 … total-1 in pages; ``fail_from`` makes the page at that offset a known error."""

    def __init__(self, worker: DbWorker, total: int, fail_from: int | None = None) -> None:
        super().__init__(worker, page_size=4)
        self.total = total
        self.fail_from = fail_from
        self.asked: list[int] = []

    def page_job(self, offset: int, limit: int) -> Callable[[Any], list[int]]:
        self.asked.append(offset)
        total, fail_from = self.total, self.fail_from

        def load(_session: Any) -> list[int]:
            if fail_from is not None and offset >= fail_from:
                raise InvalidInput("input.invalid")
            return list(range(offset, min(offset + limit, total)))

        return load

    def data(self, index: Any, role: int = 0) -> Any:
        return self.row_at(index.row())


def test_pages_arrive_in_order_until_a_short_page_ends_the_list(qtbot, worker) -> None:
    model = Numbers(worker, total=10)
    with qtbot.waitSignal(model.page_loaded) as first:
        model.restart()
    assert first.args == [4] and model.rowCount() == 4 and model.canFetchMore()
    while model.canFetchMore():
        with qtbot.waitSignal(model.page_loaded):
            model.fetchMore()
    assert [model.row_at(n) for n in range(model.rowCount())] == list(range(10))
    assert model.asked == [0, 4, 8]  # the short third page told it there is no more
    assert not model.canFetchMore(QModelIndex())


def test_a_page_of_an_older_start_is_dropped(qtbot, worker) -> None:
    model = Numbers(worker, total=10)
    model.restart()  # its first page is on its way …
    model.total = 2
    with qtbot.waitSignal(model.page_loaded) as arrived:
        model.restart()  # … and is dropped when this one starts
    assert arrived.args == [2]
    assert [model.row_at(n) for n in range(model.rowCount())] == [0, 1]


def test_a_failed_page_stops_fetching_until_the_next_start(qtbot, worker) -> None:
    model = Numbers(worker, total=10, fail_from=4)
    with qtbot.waitSignal(model.page_loaded):
        model.restart()
    with qtbot.waitSignal(model.load_failed) as failed:
        model.fetchMore()
    assert failed.args[0]  # the catalogue's sentence, not an empty message
    assert model.rowCount() == 4 and not model.canFetchMore() and not model.loading
    model.fail_from = None
    with qtbot.waitSignal(model.page_loaded):
        model.restart()
    assert model.canFetchMore()


def test_clear_forgets_every_row_and_fetches_nothing(qtbot, worker) -> None:
    model = Numbers(worker, total=10)
    with qtbot.waitSignal(model.page_loaded):
        model.restart()
    model.clear()
    assert model.rowCount() == 0 and not model.canFetchMore()
    model.fetchMore()
    assert model.asked == [0]
