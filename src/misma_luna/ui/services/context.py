"""AppContext: the services every pane needs, handed over explicitly (no globals).

It holds the preferences, the language manager, the film being read, the notes store and
the work that waits for the first paint; panes subscribe to `FilmSession.filmChanged` and
`LanguageManager.languageChanged`. The notes store opens when first asked for: the first
paint shows no note, and opening it (SQLite, its checks and migrations) can follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from misma_luna.core.film.package import FilmPackage, LocalizedFilm
from misma_luna.ui.services.language import LanguageManager
from misma_luna.ui.services.settings import Preferences
from misma_luna.ui.services.startup import StartupQueue

if TYPE_CHECKING:
    from collections.abc import Callable

    from misma_luna.core.notes.store import NotesStore


class FilmSession(QObject):
    """The film being read; announces a new film with `filmChanged`."""

    filmChanged = Signal(object)  # noqa: N815 (Qt naming); the new FilmPackage

    def __init__(self, film: FilmPackage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._film = film

    @property
    def film(self) -> FilmPackage:
        """The film on screen."""
        return self._film

    def set_film(self, film: FilmPackage) -> None:
        """Show another film everywhere."""
        self._film = film
        self.filmChanged.emit(film)


@dataclass
class AppContext:
    """Services shared by the panes of one window."""

    preferences: Preferences
    language: LanguageManager
    session: FilmSession
    data_dir: Path
    open_notes: Callable[[], NotesStore]
    # True when the notes are read-only because another window holds the single-writer lock.
    notes_held_elsewhere: bool = False
    # Work the first paint does not need (held during the app's own start only).
    startup: StartupQueue = field(default_factory=StartupQueue)

    @cached_property
    def notes(self) -> NotesStore:
        """The notes store, opened on first use."""
        return self.open_notes()

    def close_notes(self) -> None:
        """Close the notes store if it was opened (a window closed before its first paint
        never opened it)."""
        if "notes" in vars(self):
            self.notes.close()

    @property
    def film(self) -> FilmPackage:
        """The film on screen."""
        return self.session.film

    def localized_film(self) -> LocalizedFilm:
        """The film on screen, in the active UI language."""
        return self.session.film.localized(self.language.language)
