"""Markdown preview: safe HTML (:mod:`peerjournal.ui.kit.markdown`) in a QTextBrowser."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from peerjournal.ui.kit.markdown import render_markdown

__all__ = ["MarkdownPreview", "render_markdown"]


class MarkdownPreview(QTextBrowser):
    """A read-only rendered view; links are reported, never opened on their own."""

    link_clicked = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.link_clicked)
        self.setAccessibleName(self.tr("Rendered preview"))

    def show_markdown(self, title: str, body: str) -> None:
        """Render a title and a Markdown body."""
        heading = f"# {title}\n\n" if title.strip() else ""
        self.setHtml(render_markdown(heading + body))

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Never fetch anything (images, stylesheets) from outside: offline and private."""
        return None
