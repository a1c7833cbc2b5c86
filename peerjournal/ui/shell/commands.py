"""The window's commands: every action with its shortcut and icon, the tool bar and the menus.

The actions are made once here and shared by the tool bar, the menus and the shortcuts
(which work even while the tool bar is hidden); the window enables the ones that need an
open vault (:attr:`WindowCommands.vault_actions`) after unlocking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QWidget

from peerjournal.ui.kit.icons import icon
from peerjournal.ui.shell.toolbar import CollapsingToolBar

if TYPE_CHECKING:
    from peerjournal.ui.shell.main_window import MainWindow


class WindowCommands(QObject):
    """The actions of the main window and where they are offered."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._build_actions()
        self._build_toolbar()
        self._build_menus()

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: Any = None,
        icon_name: str = "",
        *,
        menu_text: str = "",
    ) -> QAction:
        """An action named ``text`` on the tool bar and ``menu_text`` (with its mnemonic,
        the letter Alt reaches in a menu) in the menus."""
        action = QAction(icon(icon_name) if icon_name else QIcon(), menu_text or text, self._window)
        # The tool bar shows the words without the mnemonic: Qt strips a '&' but not the
        # '(&N)' that Japanese menus use, so the plain words are given outright.
        if menu_text:
            action.setIconText(text)
            action.setToolTip(text)
        action.setData(icon_name)  # to re-tint the icon when the theme changes
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self._window.addAction(action)  # shortcuts work even while the toolbar is hidden
        return action

    def _build_actions(self) -> None:
        window, dialogs = self._window, self._window.dialogs
        self.nav_group = QActionGroup(self)
        self.nav_actions: list[QAction] = []
        for number, (text, menu_text, name) in enumerate(
            (
                (self.tr("Journal"), self.tr("&Journal"), "journal"),
                (self.tr("Mood"), self.tr("&Mood"), "mood"),
                (self.tr("Trash"), self.tr("&Trash"), "trash"),
                (self.tr("Peers"), self.tr("&Peers"), "peers"),
            )
        ):
            action = self._action(
                text,
                lambda _c=False, n=number: window.show_view(n),
                f"Ctrl+{number + 1}",
                name,
                menu_text=menu_text,
            )
            action.setCheckable(True)
            self.nav_group.addAction(action)
            self.nav_actions.append(action)
        self.nav_actions[0].setChecked(True)
        self.new_action = self._action(
            self.tr("New entry"),
            window.new_entry,
            QKeySequence.StandardKey.New,
            "new-entry",
            menu_text=self.tr("&New entry"),
        )
        self.search_action = self._action(
            self.tr("Search"),
            window.focus_search,
            QKeySequence.StandardKey.Find,
            "search",
            menu_text=self.tr("&Search"),
        )
        self.checkin_action = self._action(
            self.tr("Check in"),
            dialogs.quick_checkin,
            "Ctrl+Shift+M",
            "checkin",
            menu_text=self.tr("&Check in"),
        )
        self.checkin_action.setToolTip(self.tr("Quick mood check-in (Ctrl+Shift+M)"))
        self.share_action = self._action(
            self.tr("Share with a peer…"),
            dialogs.share_entry,
            "Ctrl+Shift+S",
            "share",
            menu_text=self.tr("S&hare with a peer…"),
        )
        self.share_action.setToolTip(
            self.tr("Share an anonymised copy of this entry; you see it before it is sent")
        )
        self.lock_action = self._action(
            self.tr("Lock"), window.lock, "Ctrl+L", "lock", menu_text=self.tr("&Lock")
        )
        self.lock_action.setToolTip(self.tr("Lock the journal (Ctrl+L)"))
        self.settings_action = self._action(
            self.tr("Settings"),
            dialogs.open_settings,
            "Ctrl+,",
            "settings",
            menu_text=self.tr("Se&ttings"),
        )
        self.crisis_action = self._action(
            self.tr("Help right now (crisis lines)"),
            dialogs.open_crisis,
            "F1",
            "crisis",
            menu_text=self.tr("&Help right now (crisis lines)"),
        )
        self.quit_action = self._action(
            self.tr("Quit"), window.quit, QKeySequence.StandardKey.Quit, menu_text=self.tr("&Quit")
        )
        self.about_action = self._action(self.tr("&About PeerJournal"), dialogs.open_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)  # the app menu on macOS
        self.export_action = QAction(self.tr("E&xport…"), window)
        self.export_action.triggered.connect(dialogs.open_export)
        self.import_action = QAction(self.tr("&Import…"), window)
        self.import_action.triggered.connect(dialogs.open_import)
        #: what needs an open vault (off while locked)
        self.vault_actions = [
            *self.nav_actions,
            self.new_action,
            self.search_action,
            self.checkin_action,
            self.share_action,
            self.lock_action,
            self.settings_action,
            window.backups.back_up_action,
        ]

    def _build_toolbar(self) -> None:
        bar = CollapsingToolBar(self.tr("Main"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in self.nav_actions:
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.new_action)
        bar.addAction(self.checkin_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(self.settings_action)
        bar.addAction(self.lock_action)
        self.toolbar = bar
        self._window.addToolBar(bar)

    def _build_menus(self) -> None:
        backups = self._window.backups
        menus = self._window.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        for action in (
            self.new_action,
            self.checkin_action,
            self.share_action,
            self.settings_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(backups.back_up_action)
        file_menu.addAction(backups.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)
        view_menu = menus.addMenu(self.tr("&View"))
        for action in (*self.nav_actions, self.search_action):
            view_menu.addAction(action)
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self.crisis_action)
        help_menu.addAction(self.about_action)

    def retint(self) -> None:
        """Icons are tinted for the theme: take them again after a theme change."""
        for action in self._window.actions():
            name = action.data()
            if isinstance(name, str) and name:
                action.setIcon(icon(name))
