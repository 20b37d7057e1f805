"""What every subcommand finds the way the window does: the app's data folder, the reader's
language (the one chosen in the app, else the environment's), the reader's saved
preferences, and a display for Qt (offscreen when there is none)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from misma_luna.core.base import catalogs, i18n
from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.base.resources import locale_dir

if TYPE_CHECKING:
    from misma_luna.ui.services.settings import Preferences


def app_data_dir() -> Path:
    """The app's data folder (notes, words, library), as the window finds it."""
    # Qt's paths load for the commands that read the reader's data only.
    from misma_luna.ui.services.paths import data_dir, set_application_names

    set_application_names()
    return data_dir()


def saved_preferences() -> Preferences:
    """The preferences the reader set in the app (View → Language, Edit → Preferences)."""
    # Qt's settings load only when a command asks for the reader's choices.
    from PySide6.QtCore import QSettings

    from misma_luna.ui.services import settings
    from misma_luna.ui.services.paths import set_application_names

    set_application_names()
    return settings.Preferences(QSettings())


def reader_language(preferences: Preferences | None = None) -> str:
    """The language the reader chose in the app (in `preferences`, else the saved ones),
    else the environment's, among the app's catalogs: a command speaks as the window does."""
    from misma_luna.ui.services import settings  # with the preferences, above

    available = catalogs.available_languages(locale_dir())
    chosen = (preferences or saved_preferences()).get(settings.LANGUAGE)
    if chosen in available:
        return chosen
    return catalogs.best_language(catalogs.environment_languages(), available)


def activate_language(code: str | None = None) -> None:
    """Messages and titles in `code`, else in the reader's language; an unknown `code`
    is the user's mistake."""
    available = catalogs.available_languages(locale_dir())
    language = code or reader_language()
    if language not in available:
        raise MismaLunaError(None, _("unknown language: {language}").format(language=language))
    i18n.activate(language, catalogs.load_translations(locale_dir(), language))


def ensure_platform() -> None:
    """Run Qt offscreen when there is no display to talk to (servers, CI, cron jobs)."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
