"""Opening films: File → Open, the command line, and what happens when a file is bad.

A film that cannot be opened is reported with its file and problem, and the film that was
showing stays on screen. Warnings from a film that did open (an unreadable translation,
say) are reported too, without blocking.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from misma_luna.core.catalogs import _
from misma_luna.core.errors import MismaLunaError
from misma_luna.core.film import FilmPackage, load_film
from misma_luna.ui import settings
from misma_luna.ui.context import AppContext
from misma_luna.ui.dialogs import report_problem


class FilmOpener(QObject):
    """Loads films into the session and reports problems to the reader."""

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        actions = getattr(window, "actions", None)
        if actions is not None and "file.open" in actions:
            actions["file.open"].triggered.connect(self.choose_and_open)

    def choose_and_open(self) -> None:
        """Ask for a film package or review file, then open it."""
        prefs = self._context.preferences
        filters = ";;".join(
            (
                _("Films and reviews (film.toml *.zip *.md *.markdown *.txt)"),
                _("All files (*)"),
            )
        )
        path, _filter = QFileDialog.getOpenFileName(
            self._window, _("Open a film or a review"), prefs.get(settings.LAST_FOLDER), filters
        )
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> FilmPackage | None:
        """Open `path` (a package folder, its film.toml, a .zip or a review file)."""
        if path.name == "film.toml":
            path = path.parent
        try:
            film = load_film(path)
        except MismaLunaError as error:
            report_problem(self._window, _("This film could not be opened"), error)
            return None
        self._context.preferences.set(settings.LAST_FOLDER, str(path.parent))
        self._context.session.set_film(film)
        self.report_warnings(film)
        return film

    def report_warnings(self, film: FilmPackage) -> None:
        """Say, once, what could not be read in a film that did open."""
        if film.warnings:
            text = "\n".join(warning.message for warning in film.warnings)
            report_problem(self._window, _("Part of this film could not be read"), text)
