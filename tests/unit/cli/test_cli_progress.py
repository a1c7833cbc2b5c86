"""The import/export progress bar: on a terminal only, and only once a total is known."""

from __future__ import annotations

import io

from peerjournal.cli.progress import ProgressBar


class Terminal(io.StringIO):
    """A stream that says it is a terminal, with a fixed width for tqdm."""

    def isatty(self) -> bool:
        return True


def test_no_bar_before_the_total_is_known_then_one_on_a_terminal(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "80")
    err = Terminal()
    bar = ProgressBar(Terminal(), err, what="importing")
    bar(0, 0)  # an import reports (0, 0) before it knows the file's size
    assert err.getvalue() == ""
    bar(50, 100)
    assert "importing" in err.getvalue() and "50%" in err.getvalue()
    assert "saving" not in err.getvalue()
    bar(100, 100)  # the file is read; the import is saving what it read
    assert "importing, saving" in err.getvalue().rsplit("\r", 1)[-1]
    bar.close()


def test_nothing_is_drawn_when_the_output_is_not_a_terminal() -> None:
    err = io.StringIO()
    bar = ProgressBar(Terminal(), err, what="exporting")
    bar(50, 100)
    bar.close()
    assert err.getvalue() == "" and not bar.shown
