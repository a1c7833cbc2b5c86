"""UI preferences kept in QSettings, declared once: name, type, default, description.

Only non-sensitive presentation choices live here. Anything that could say something
about the user (mood labels, emotions, activities, people and places) is stored inside
the encrypted vault through :class:`peerjournal.app.prefs.VaultPrefs`, never in QSettings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One declared UI preference."""

    key: str
    type: type[T]
    default: T
    description: str


AUTO_LOCK_MINUTES = Setting(
    "security/auto_lock_minutes", int, 10, "Lock after this many idle minutes (0 = never)."
)
REMINDER_ENABLED = Setting("reminders/enabled", bool, False, "Show a daily check-in reminder.")
REMINDER_TIME = Setting("reminders/time", str, "20:00", "Local time of the daily reminder, HH:MM.")
THEME = Setting("appearance/theme", str, "system", "system, light or dark.")
FONT_SIZE = Setting("appearance/font_size", int, 11, "Base font size in points.")
LANGUAGE = Setting("appearance/language", str, "system", "UI language code (en, de, ja) or system.")
LIVE_IN_TRAY = Setting(
    "window/live_in_tray", bool, False, "Closing the window keeps the app in the tray."
)
VAULT_FOLDER = Setting(
    "vault/last_folder", str, "", "Folder of the last opened vault (a path, no content)."
)
WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"", "Main window geometry.")
FEED_NUDGE_MINUTES = Setting(
    "peers/feed_nudge_minutes", int, 15, "Gentle nudge after this long in the peer feed (0 = off)."
)
SYNC_MINUTES = Setting(
    "peers/sync_minutes", int, 5, "Check for peer messages every this many minutes (0 = off)."
)
PEER_NOTIFICATIONS = Setting(
    "peers/notifications", bool, True, "A tray notification when something new arrives."
)
QUIET_HOURS = Setting(
    "peers/quiet_hours", str, "22:00-08:00", "No peer notifications in these hours (empty = off)."
)

WRITING_PROMPTS = Setting(
    "journal/writing_prompts", bool, False, "Show a gentle question in an empty entry."
)

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    AUTO_LOCK_MINUTES,
    REMINDER_ENABLED,
    REMINDER_TIME,
    THEME,
    FONT_SIZE,
    LANGUAGE,
    LIVE_IN_TRAY,
    VAULT_FOLDER,
    WINDOW_GEOMETRY,
    FEED_NUDGE_MINUTES,
    SYNC_MINUTES,
    PEER_NOTIFICATIONS,
    QUIET_HOURS,
    WRITING_PROMPTS,
)


class UiPrefs:
    """Typed access to the declared settings over a QSettings store."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings("PeerJournal", "PeerJournal")

    def get(self, setting: Setting[T]) -> T:
        """Return the stored value, or the default when missing or of the wrong type."""
        raw = self._settings.value(setting.key, setting.default)
        try:
            if setting.type is bool and isinstance(raw, str):
                return raw.lower() in {"1", "true", "yes"}  # type: ignore[return-value]
            if setting.type is bytes:
                # QSettings hands back bytes, or a QByteArray from some backends.
                if isinstance(raw, QByteArray):
                    return raw.data()  # type: ignore[return-value]
                if isinstance(raw, bytes | bytearray):
                    return bytes(raw)  # type: ignore[return-value]
                return setting.default
            return setting.type(raw)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        """Store a value for a declared setting."""
        if not isinstance(value, setting.type):
            raise TypeError(f"{setting.key} takes {setting.type.__name__}")
        self._settings.setValue(setting.key, value)
        self._settings.sync()

    @property
    def file_name(self) -> str:
        """Where QSettings keeps the values (tests scan it for canaries)."""
        return self._settings.fileName()
