"""AppContext: the services every pane needs, handed over explicitly (no globals).

It holds the preferences, the language manager, the film being read, the notes store, the
actions, the shared zoom, the places notes pin to, the status line and the work that waits
for the first paint. Panes subscribe to its signals (`FilmSession.filmChanged`,
`LanguageManager.languageChanged`, `Zoom.changed`); none reaches into the window. The notes
store and the actions are made when first asked for: the first paint needs neither.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from misma_luna.core.film.package import FilmPackage, LocalizedFilm
from misma_luna.ui.services.appearance.zoom import Zoom
from misma_luna.ui.services.language import LanguageManager
from misma_luna.ui.services.reading import Reading
from misma_luna.ui.services.settings import Preferences
from misma_luna.ui.services.startup import StartupQueue

if TYPE_CHECKING:
    from collections.abc import Callable

    from misma_luna.core.library.library import Library
    from misma_luna.core.notes.store import NotesStore
    from misma_luna.core.words.store import WordsStore
    from misma_luna.ui.services.actions import ActionRegistry
    from misma_luna.ui.services.background import Background

# How long a passing message stays in the status bar.
STATUS_MILLISECONDS = 10_000


class FilmSession(QObject):
    """The film being read; announces a new film with `filmChanged`."""

    filmChanged = Signal(object)  # noqa: N815 (Qt naming); the new FilmPackage
    # The same film with its text changed (a translation typed in the app): the reading panes
    # show it again; subtitles and notes stay as they are.
    contentChanged = Signal(object)  # noqa: N815 (Qt naming); the updated FilmPackage

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

    def update_content(self, film: FilmPackage) -> None:
        """Show the same film's changed text (translations) without reopening it."""
        self._film = film
        self.contentChanged.emit(film)


class StatusLine(QObject):
    """Passing messages for the window's status bar; the shell shows them."""

    shown = Signal(str, int)  # the message, how long it stays (ms)

    def show(self, message: str, milliseconds: int = STATUS_MILLISECONDS) -> None:
        """Say `message` in the status bar for a while."""
        self.shown.emit(message, milliseconds)


class AppContext:
    """Services shared by the panes of one window."""

    def __init__(
        self,
        preferences: Preferences,
        language: LanguageManager,
        session: FilmSession,
        data_dir: Path,
        open_notes: Callable[[], NotesStore],
        *,
        startup: StartupQueue | None = None,
    ) -> None:
        self.preferences = preferences
        self.language = language
        self.session = session
        self.data_dir = data_dir
        self.open_notes = open_notes
        # Work the first paint does not need (held during the app's own start only).
        self.startup = startup if startup is not None else StartupQueue()
        # True when the notes are read-only because another window holds the single-writer
        # lock.
        self.notes_held_elsewhere = False
        # The review and the subtitles, for notes: the anchor at the cursor, and back to it.
        self.reading = Reading()
        self.status = StatusLine()
        # The reader's films; None is the `films` folder in `data_dir`.
        self.library_root: Path | None = None

    @cached_property
    def zoom(self) -> Zoom:
        """The text zoom the reading panes share."""
        return Zoom(self.preferences)

    @cached_property
    def actions(self) -> ActionRegistry:
        """Every action of the app, made on first use (after the first paint)."""
        from misma_luna.ui.services.actions import ActionRegistry  # noqa: PLC0415 (not needed to paint)

        return ActionRegistry(self.session)

    @cached_property
    def background(self) -> Background:
        """Work run on a worker thread, its result handed back on the GUI thread."""
        from misma_luna.ui.services.background import Background  # noqa: PLC0415 (not needed to paint)

        return Background()

    @cached_property
    def notes(self) -> NotesStore:
        """The notes store, opened on first use."""
        return self.open_notes()

    @cached_property
    def words(self) -> WordsStore:
        """The collected words, opened on first use (read-only when another window writes)."""
        # Loaded on first use: the first paint needs no words.
        from misma_luna.core.words.store import WordsStore, words_path  # noqa: PLC0415

        # Today's backup is made on a worker thread once the words are shown.
        return WordsStore.open(
            words_path(self.data_dir), read_only=self.notes_held_elsewhere, back_up=False
        )

    def close_words(self) -> None:
        """Close the words store if it was opened."""
        if "words" in vars(self):
            self.words.close()

    def close_notes(self) -> None:
        """Close the notes store if it was opened (a window closed before its first paint
        never opened it), once the work on worker threads (its backup) has finished."""
        if "background" in vars(self):
            self.background.wait()
        if "notes" in vars(self):
            self.notes.close()

    @cached_property
    def library(self) -> Library:
        """The reader's films and their index, opened on first use."""
        # The library's index loads when it is first asked for, after the first paint.
        from misma_luna.core.library.library import Library, library_root  # noqa: PLC0415

        return Library(self.library_root or library_root(self.data_dir))

    def close_library(self) -> None:
        """Close the library's index if it was opened."""
        if "library" in vars(self):
            self.library.close()

    @property
    def film(self) -> FilmPackage:
        """The film on screen."""
        return self.session.film

    def localized_film(self) -> LocalizedFilm:
        """The film on screen, in the active UI language."""
        return self.session.film.localized(self.language.language)
