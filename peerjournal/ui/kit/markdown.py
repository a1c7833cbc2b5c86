"""Markdown to safe HTML for every place that shows Markdown (entries, a peer's items).

markdown-it-py in CommonMark mode with raw HTML off: anything written as HTML is shown
as text, never run. Images are not rendered at all (an image URL would make the view load
a file or try the network); their text stays. Links render but the views never open them
by themselves.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # imported on the first rendering, not before the first window (tens of milliseconds)
    from markdown_it import MarkdownIt

    return (
        MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").disable("image")
    )


def render_markdown(text: str) -> str:
    """Render Markdown to HTML; raw HTML is escaped and images are left as text."""
    return str(_markdown().render(text))
