"""Preferences, each declared once with its key, type and default, stored in QSettings.

Widgets never spell a settings key: they read and write `Preferences.get(LANGUAGE)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One preference: where it is stored, its type and its default."""

    key: str
    type: type[T]
    default: T


LANGUAGE = Setting("ui/language", str, "")
REVIEW_ZOOM = Setting("reader/zoom", int, 0)
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
# The panes' widths: film, review and notes (before the notes had their own pane: two).
SPLITTER_STATE = Setting("window/panes", QByteArray, QByteArray())
NOTES_SHOWN = Setting("window/notes-shown", bool, True)
RECENT_FILES = Setting("files/recent", list, [])
LAST_FOLDER = Setting("files/last-folder", str, "")
# review sheets (issue 4); empty language/paper = the UI language / the locale's paper
SHEET_LANGUAGE = Setting("sheet/language", str, "")
SHEET_NOTES = Setting("sheet/notes", bool, False)
SHEET_TRANSCRIPT = Setting("sheet/transcript", bool, False)
SHEET_PAPER = Setting("sheet/paper", str, "")
SHEET_FONT_SIZE = Setting("sheet/font-size", int, 11)


class Preferences:
    """Typed access to the app's QSettings."""

    def __init__(self, store: QSettings) -> None:
        self._store = store

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when absent or unreadable."""
        if setting.type is list:
            value: Any = self._store.value(setting.key, setting.default)
            if isinstance(value, str):
                value = [value]
            return cast(T, value) if isinstance(value, list) else setting.default
        value = self._store.value(setting.key, setting.default, type=setting.type)
        return value if isinstance(value, setting.type) else setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        """Store `value` for `setting`."""
        self._store.setValue(setting.key, value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._store.sync()
