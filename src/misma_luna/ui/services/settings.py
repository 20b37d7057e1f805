"""Preferences, each declared once with its key, type and default, stored in QSettings.

Widgets never spell a settings key: they read and write `Preferences.get(LANGUAGE)`.
"""

from __future__ import annotations

from typing import Any, Generic, NamedTuple, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from misma_luna.core.base.i18n import N_

T = TypeVar("T")


class Setting(NamedTuple, Generic[T]):
    """One preference: where it is stored, its type, its default and its label (if shown)."""

    key: str
    type: type[T]
    default: T
    label: str = ""


LANGUAGE = Setting("ui/language", str, "")
REVIEW_ZOOM = Setting("reader/zoom", int, 0)
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
# The panes' widths: film, review and notes (before the notes had their own pane: two).
SPLITTER_STATE = Setting("window/panes", QByteArray, QByteArray())
NOTES_SHOWN = Setting("window/notes-shown", bool, True)
RECENT_FILES = Setting("files/recent", list, [])
LAST_FOLDER = Setting("files/last-folder", str, "")
# The film the reader last opened (a package folder, zip or review), opened again at start.
LAST_FILM = Setting("files/last-film", str, "")
# Review sheets; an empty language or paper is the UI's language or the locale's paper.
SHEET_LANGUAGE = Setting("sheet/language", str, "", N_("Sheet &language:"))
SHEET_NOTES = Setting("sheet/notes", bool, False)
SHEET_TRANSCRIPT = Setting("sheet/transcript", bool, False)
SHEET_PAPER = Setting("sheet/paper", str, "", N_("Default &paper:"))
SHEET_FONT_SIZE = Setting("sheet/font-size", int, 11)
# The whole app's text size in points (0: the system's) and its colours.
APP_FONT_SIZE = Setting("appearance/font-size", int, 0, N_("&Text size:"))
THEME = Setting("appearance/theme", str, "system", N_("T&heme:"))
# Words: a folder of dictd or StarDict dictionaries besides the system's; the Words pane shown.
DICTIONARY_FOLDER = Setting("words/dictionary-folder", str, "", N_("&Dictionaries folder:"))
WORDS_SHOWN = Setting("window/words-shown", bool, False)


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
