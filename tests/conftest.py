"""Shared test setup: no real display; settings, notes and caches kept in a throwaway home."""

from __future__ import annotations

import gettext
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

_HOME = Path(tempfile.mkdtemp(prefix="misma-luna-tests-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CACHE_HOME"] = str(_HOME / "cache")
os.environ["LANGUAGE"] = "en"

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """Fixtures written by this project."""
    return DATA


@pytest.fixture
def bundled_film():  # type: ignore[no-untyped-def]
    """The bundled film package, freshly loaded."""
    from misma_luna.core.base.resources import bundled_film_dir
    from misma_luna.core.film.loading import load_film

    return load_film(bundled_film_dir())


@pytest.fixture
def make_context(qapp, tmp_path: Path) -> Iterator[Callable[..., object]]:  # type: ignore[no-untyped-def]
    """Build an AppContext on a film, with settings in a temporary file; each goes back to
    English afterwards, so that Qt's own translator does not outlive the test."""
    from PySide6.QtCore import QSettings

    from misma_luna.core.base.resources import bundled_film_dir
    from misma_luna.core.film.loading import load_film
    from misma_luna.ui.shell.app import create_context, make_application

    make_application()

    built = []

    def build(film=None, language: str = "en", locales: Path | None = None):  # type: ignore[no-untyped-def]
        store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        context = create_context(
            film or load_film(bundled_film_dir()), language, store=store, locales=locales
        )
        built.append(context)
        return context

    yield build
    for context in built:
        context.language.set_language("en")


@pytest.fixture
def main_window(qtbot, make_context) -> object:  # type: ignore[no-untyped-def]
    """The real main window on the bundled film, in English."""
    from misma_luna.ui.shell.main_window import MainWindow

    window = MainWindow(make_context())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window  # make_context puts its language back to English


@pytest.fixture(autouse=True)
def _forget_the_chosen_language() -> Iterator[None]:
    """A language chosen in one test's window is saved in the app's settings, which the
    commands read; the next test starts with none saved and English active."""
    yield
    if "misma_luna.ui.services.paths" not in sys.modules:
        return  # no test so far used the app's settings
    from PySide6.QtCore import QSettings

    from misma_luna.core.base import i18n
    from misma_luna.ui.services import settings
    from misma_luna.ui.services.paths import set_application_names

    set_application_names()
    QSettings().remove(settings.LANGUAGE.key)
    i18n.activate(i18n.SOURCE_LANGUAGE, gettext.NullTranslations())
