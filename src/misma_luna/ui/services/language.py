"""LanguageManager: one call switches the whole app's language, live.

It activates our gettext catalog, reinstalls Qt's own `qtbase_<lang>` translator (standard
buttons and dialogs), sets the default QLocale, and lets the resulting LanguageChange event
reach every widget, whose `retranslate()` resets its texts.
"""

from __future__ import annotations

import gettext
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from misma_luna.core.base import catalogs, i18n
from misma_luna.core.base.errors import CatalogError
from misma_luna.core.base.formatting import native_language_name
from misma_luna.ui.services.qt_wording import QtWording


def qt_translations_dir() -> str:
    """Where Qt's own translations are, in a virtualenv or a frozen bundle alike."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class LanguageManager(QObject):
    """Owns the active UI language; emits `languageChanged(code)` after a switch."""

    languageChanged = Signal(str)  # noqa: N815 (Qt naming)

    def __init__(self, locale_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locale_dir = locale_dir
        self._language = i18n.SOURCE_LANGUAGE
        self._qt_translator: QTranslator | None = None
        # Catalogs read once each: switching back and forth reads no file again.
        self._catalogs: dict[str, gettext.NullTranslations] = {}
        self.problems: list[CatalogError] = []

    @property
    def language(self) -> str:
        """The code of the active language (`en`, `es`, ...)."""
        return self._language

    def codes(self) -> list[str]:
        """The codes of the offered languages (English and those with a catalog), sorted."""
        return catalogs.available_languages(self.locale_dir)

    def languages(self) -> list[tuple[str, str]]:
        """Every offered language as (code, its name in itself), in display order."""
        return sorted(((c, native_language_name(c)) for c in self.codes()), key=lambda i: i[1])

    def system_language(self) -> str:
        """The first of the system's UI languages that we offer, else English."""
        preferred = [*catalogs.environment_languages(), *QLocale.system().uiLanguages()]
        return catalogs.best_language(preferred, self.codes())

    def set_language(self, code: str) -> str:
        """Switch the UI to `code`; fall back to English if its catalog is unreadable."""
        try:
            translations = self._catalog(code)
        except CatalogError as error:
            self.problems.append(error)
            code = i18n.SOURCE_LANGUAGE
            translations = self._catalog(code)
        i18n.activate(code, translations)
        QLocale.setDefault(QLocale(code))
        self._language = code
        self._swap_qt_translator(code)
        self.languageChanged.emit(code)
        return code

    def _catalog(self, code: str) -> gettext.NullTranslations:
        """The catalog of `code`, read (and its problems kept) the first time it is asked for."""
        if code not in self._catalogs:
            translations = catalogs.load_translations(self.locale_dir, code)
            self._keep_problems(catalogs.catalog_problems(translations, self._path(code)))
            self._catalogs[code] = translations
        return self._catalogs[code]

    def _path(self, code: str) -> Path:
        return catalogs.catalog_path(self.locale_dir, code)

    def _keep_problems(self, found: list[CatalogError]) -> None:
        """Keep what checking a catalog left out, once each (switching back finds it again)."""
        known = {problem.message for problem in self.problems}
        self.problems.extend(problem for problem in found if problem.message not in known)

    def _swap_qt_translator(self, code: str) -> None:
        """Replace Qt's translator; make sure exactly one LanguageChange goes out."""
        app = QCoreApplication.instance()
        if app is None:
            return
        changed = False
        if self._qt_translator is not None:
            changed = QCoreApplication.removeTranslator(self._qt_translator)
            self._qt_translator = None
        translator = QtWording(code, self)
        if code != i18n.SOURCE_LANGUAGE and translator.load(
            f"qtbase_{code}", qt_translations_dir()
        ):
            self._qt_translator = translator
            changed = QCoreApplication.installTranslator(translator) or changed
        if not changed:
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
