"""Help → About PeerJournal: the version, PeerJournal's licence, and every bundled component's.

The version and the components come from :mod:`peerjournal.app.about` (the package
metadata; in the packaged app, the list written at build time).  Keyboard: the component
list has the focus, the arrow keys pick a component and show its licence text below,
Tab reaches the text and the Close button, Esc or Return closes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.about import Component, app_licence, app_version, bundled_components
from peerjournal.ui.kit.icons import APP_ICON, icon

COLUMN_NAME, COLUMN_VERSION, COLUMN_LICENCE = 0, 1, 2


class AboutDialog(QDialog):
    """What this PeerJournal is, which version, and under which licences it ships."""

    def __init__(
        self, parent: QWidget | None = None, components: Sequence[Component] | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About PeerJournal"))
        self.components = list(bundled_components() if components is None else components)

        logo = QLabel()
        logo.setPixmap(icon(APP_ICON).pixmap(64, 64))
        logo.setAccessibleName(self.tr("PeerJournal logo"))
        name = QLabel("PeerJournal")
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        name.setFont(font)
        self.version_label = QLabel(self.tr("Version %1").replace("%1", app_version()))
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QLabel(
            self.tr(
                "Your journal and mood log, encrypted on this computer. Nothing leaves it "
                "unless you choose to share an entry with a peer."
            )
        )
        summary.setWordWrap(True)
        self.licence_label = QLabel(
            self.tr(
                "PeerJournal is free software: you may use, share and change it under the "
                "terms of its licence, %1. It comes with no warranty."
            ).replace("%1", app_licence())
        )
        self.licence_label.setWordWrap(True)

        heading = QVBoxLayout()
        heading.addWidget(name)
        heading.addWidget(self.version_label)
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.list = QTreeWidget()
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Bundled components"))
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(COLUMN_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN_VERSION, QHeaderView.ResizeMode.ResizeToContents)
        self._items: list[QTreeWidgetItem] = []
        for component in self.components:
            item = QTreeWidgetItem([component.name, component.version, component.licence])
            item.setToolTip(COLUMN_LICENCE, component.licence)
            self.list.addTopLevelItem(item)
            self._items.append(item)
        list_label = QLabel(self.tr("&Bundled components and their licences:"))
        list_label.setBuddy(self.list)

        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setAccessibleName(self.tr("Licence text"))
        text_label = QLabel(self.tr("&Licence text:"))
        text_label.setBuddy(self.text)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(summary)
        layout.addWidget(self.licence_label)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 3)
        layout.addWidget(text_label)
        layout.addWidget(self.text, 2)
        layout.addWidget(buttons)
        # only once the button is inside the dialog does Qt remember it as the dialog's own
        # default, to come back to after Tab visited another button: Return closes anywhere
        self.close_button.setDefault(True)
        self.setTabOrder(self.list, self.text)
        self.setTabOrder(self.text, self.close_button)

        self.list.currentItemChanged.connect(self._show_licence)
        if self._items:
            self.list.setCurrentItem(self._items[0])
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(640, 600)  # fits a 720-pixel screen with room for the title bar

    def component_names(self) -> list[str]:
        """The names in the list, in order (for tests and screen readers)."""
        return [item.text(COLUMN_NAME) for item in self._items]

    def _show_licence(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            self.text.clear()
            return
        component = self.components[self.list.indexOfTopLevelItem(current)]
        if component.text:
            self.text.setPlainText(component.text)
        else:
            self.text.setPlainText(
                self.tr(
                    "%1 does not ship its licence text. Its licence is %2; the full "
                    "text of each licence is in the SPDX licence list (spdx.org/licenses)."
                )
                .replace("%1", component.name)
                .replace("%2", component.licence)
            )
