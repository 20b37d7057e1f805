"""Starting the GUI: the QApplication, the context, the first film and the main window.

Order matters: organisation and application names come first (they decide where settings
and notes live), then the language (so the first paint is already in it), then the film.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from misma_luna import APP_NAME, DESKTOP_FILE_NAME, ORGANIZATION, __version__
from misma_luna.core import catalogs
from misma_luna.core.errors import MismaLunaError
from misma_luna.core.film import FilmPackage, load_film
from misma_luna.core.resources import bundled_film_dir, locale_dir
from misma_luna.ui import settings
from misma_luna.ui.context import AppContext, FilmSession
from misma_luna.ui.language import LanguageManager
from misma_luna.ui.settings import Preferences


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named so that settings, data and the desktop find it."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    return app


def data_dir() -> Path:
    """Where the reader's notes live (XDG_DATA_HOME moves it, as usual on Linux)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)


def create_context(
    film: FilmPackage,
    language: str | None = None,
    store: QSettings | None = None,
    locales: Path | None = None,
) -> AppContext:
    """Build the context: preferences, language (override > saved > system) and film."""
    preferences = Preferences(store if store is not None else QSettings())
    manager = LanguageManager(locales if locales is not None else locale_dir())
    offered = [code for code, _name in manager.languages()]
    saved = preferences.get(settings.LANGUAGE)
    chosen = language or (saved if saved in offered else manager.system_language())
    manager.set_language(chosen if chosen in offered else catalogs.SOURCE_LANGUAGE)
    return AppContext(
        preferences=preferences,
        language=manager,
        session=FilmSession(film),
        data_dir=data_dir(),
    )


def first_film(path: Path | None) -> tuple[FilmPackage, MismaLunaError | None]:
    """The film asked for, or the bundled one (with the reason) when it cannot be opened."""
    if path is not None:
        try:
            return load_film(path), None
        except MismaLunaError as error:
            return load_film(bundled_film_dir()), error
    return load_film(bundled_film_dir()), None


class _ExitAfterPaint(QObject):
    """Quits the app right after the window's first paint (for benchmarks)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
            watched.removeEventFilter(self)
        return False


def run_gui(path: Path | None, language: str | None, exit_after_paint: bool = False) -> int:
    """Open the main window on `path` (or the bundled film) and run until it closes."""
    from misma_luna.ui.dialogs import report_problem
    from misma_luna.ui.main_window import MainWindow

    app = make_application()
    film, error = first_film(path)
    context = create_context(film, language)
    window = MainWindow(context)
    window.show()
    if error is not None:
        report_problem(window, catalogs._("This film could not be opened"), error)
    window.opener.report_warnings(film)
    for problem in context.language.problems:
        report_problem(window, catalogs._("The translation could not be loaded"), problem)
    if exit_after_paint:
        watcher = _ExitAfterPaint(window)
        window.installEventFilter(watcher)
    return app.exec()
