"""AppContext: the services every pane needs, handed over explicitly (no globals).

It holds the preferences, the language manager, the film being read, the notes store and
the work that waits for the first paint; panes subscribe to `FilmSession.filmChanged` and
`LanguageManager.languageChanged`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from misma_luna.core.film import FilmPackage, LocalizedFilm
from misma_luna.core.notes import NotesStore
from misma_luna.ui.language import LanguageManager
from misma_luna.ui.settings import Preferences
from misma_luna.ui.startup import StartupQueue


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
    notes: NotesStore
    # True when the notes are read-only because another window holds the single-writer lock.
    notes_held_elsewhere: bool = False
    # Work the first paint does not need (held during the app's own start only).
    startup: StartupQueue = field(default_factory=StartupQueue)

    @property
    def film(self) -> FilmPackage:
        """The film on screen."""
        return self.session.film

    def localized_film(self) -> LocalizedFilm:
        """The film on screen, in the active UI language."""
        return self.session.film.localized(self.language.language)
