"""A progress bar for long imports and exports, on a terminal only.

The bar is drawn by tqdm (small, about 30 ms to import, imported only when a bar is shown)
on standard error, and only when both standard output and standard error are terminals:
a script reading the output, or a redirected log, gets no bar and no control characters.
"""

from __future__ import annotations

from typing import Any, TextIO


def _is_terminal(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class ProgressBar:
    """``bar(done, total)`` as a progress callback; ``close()`` when finished."""

    def __init__(self, stdout: TextIO, stderr: TextIO, *, what: str, unit: str = "B") -> None:
        self._bar: Any = None
        self._stream = stderr
        self._what = what
        self._unit = unit
        self.shown = _is_terminal(stdout) and _is_terminal(stderr)

    def __call__(self, done: int, total: int) -> None:
        if not self.shown or total <= 0:  # nothing known yet: no "0.00/1.00" flash
            return
        if self._bar is None:
            from tqdm import tqdm  # lazy: only a terminal run pays for it

            self._bar = tqdm(
                total=total,
                desc=self._what,
                unit=self._unit,
                unit_scale=True,
                file=self._stream,
                leave=False,
                dynamic_ncols=True,
            )
        self._bar.total = total
        self._bar.n = min(done, total)
        if done >= total:
            # all read: what is left (an import's search index and commit) has no steps
            self._bar.set_description(f"{self._what}, saving", refresh=False)
        self._bar.refresh()

    def close(self) -> None:
        """Remove the bar from the terminal."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
