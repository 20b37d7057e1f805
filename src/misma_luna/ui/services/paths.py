"""Where the app keeps its things, as the platform wants them: notes, settings, caches.

Only QtCore is needed, so the headless commands find the same places as the window without
loading any widget code. The application's names come first: they decide every location.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from misma_luna import APP_NAME, ORGANIZATION, __version__
from misma_luna.core.film.cache import FilmCache


def set_application_names() -> None:
    """Name the app (no QApplication needed), so that headless commands find the same data."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)


def data_dir() -> Path:
    """Where the reader's notes live (XDG_DATA_HOME moves it, as usual on Linux)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)


def film_cache() -> FilmCache:
    """Parsed film packages, kept where the platform keeps caches (XDG_CACHE_HOME on Linux)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return FilmCache(Path(location) / "films")
