"""The main tool bar: words beside the icons while they fit, icons alone when they do not.

In German at 1100 pixels, Settings and Lock fell off the end of the bar. This bar measures
the width its buttons need with their words; when the window is narrower it shows icons
only (each button keeps its name as tooltip and accessible name), and if even the icons do
not fit, Qt's overflow button (») at the end of the bar holds the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QToolBar, QWidget

WITH_TEXT = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
ICONS_ONLY = Qt.ToolButtonStyle.ToolButtonIconOnly


class CollapsingToolBar(QToolBar):
    """A tool bar that drops its words before it drops its buttons."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setToolButtonStyle(WITH_TEXT)
        self._adjusting = False
        self._width_with_text = 0  # measured when the words last had to go

    def fit(self) -> None:
        """Pick the style that fits the current width."""
        if self._adjusting or not self.isVisible():
            return
        self._adjusting = True
        try:
            if self.toolButtonStyle() == WITH_TEXT:
                need = self.sizeHint().width()  # every item, in the current style
                if need > self.width():
                    self._width_with_text = need
                    self.setToolButtonStyle(ICONS_ONLY)
            elif self.width() >= self._width_with_text:
                self.setToolButtonStyle(WITH_TEXT)
                if self.sizeHint().width() > self.width():  # the words changed meanwhile
                    self._width_with_text = self.sizeHint().width()
                    self.setToolButtonStyle(ICONS_ONLY)
        finally:
            self._adjusting = False

    @property
    def collapsed(self) -> bool:
        """Whether only icons are shown."""
        return self.toolButtonStyle() == ICONS_ONLY

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Words or icons, for the new width."""
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        """The bar shows after unlocking: fit it to the window it appears in."""
        super().showEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        """A new font or language changes the words' widths: measure again."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._width_with_text = 0
            self.fit()
