"""`misma-luna --self-test`: build the real window on the bundled film and prove it works.

Runs in a throwaway settings and data folder, switches es → en → es, checks that every
visible text changed and came back, prints a JSON report, and exits 0 only if all passed.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from misma_luna import __version__

if TYPE_CHECKING:
    from misma_luna.core.film.package import FilmPackage
    from misma_luna.ui.shell.main_window import MainWindow


@dataclass
class Check:
    """One line of the report."""

    name: str
    ok: bool
    detail: str = ""


def _isolate(home: Path) -> None:
    """Keep the self-test away from the reader's own settings and notes."""
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    if not any(os.environ.get(v) for v in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def visible_texts(window: MainWindow) -> dict[str, str]:
    """Every text a reader sees in the window, keyed by where it is."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu

    texts = {"window title": window.windowTitle()}
    # Menus and declared actions (ids like "file.open"); dynamic entries such as language,
    # encoding or file names are the same in every language and are left out.
    for menu in window.findChildren(QMenu):
        if menu.objectName().startswith("menu-") or menu.objectName() == "languageMenu":
            texts[f"menu {menu.objectName()}"] = menu.title()
    for action in window.findChildren(QAction):
        if "." in action.objectName() and action.text():
            texts[f"action {action.objectName()}"] = action.text()
    for index, label in enumerate(window.findChildren(QLabel)):
        if label.text():
            texts[f"label {index}"] = label.text()
    for index, button in enumerate(window.findChildren(QAbstractButton)):
        if button.text() or button.toolTip():
            texts[f"button {index}"] = button.text() + button.toolTip()
    texts["review"] = window.review_pane.view.toPlainText()[:400]
    return texts


def run_self_test() -> int:
    """Run every check, print the JSON report, return the exit code."""
    with tempfile.TemporaryDirectory(prefix="misma-luna-self-test-") as home:
        _isolate(Path(home))
        checks = _run_checks()
    report = {
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "ok": all(check.ok for check in checks),
        "checks": [asdict(check) for check in checks],
    }
    from PySide6.QtGui import QGuiApplication

    report["platform"] = QGuiApplication.platformName()
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if report["ok"] else 1


def _run_checks() -> list[Check]:
    checks: list[Check] = []

    def check(name: str, test: Callable[[], str]) -> None:
        try:
            checks.append(Check(name, True, test()))
        except Exception as error:
            checks.append(Check(name, False, f"{type(error).__name__}: {error}"))

    run = _Run()
    check("bundled film loads", run.load_film)
    check("catalogs offered", _catalogs)
    check("main window paints", run.build_window)
    check("switch to Spanish changes every text", lambda: run.switch("es"))
    check("Qt's own dialogs follow the language", _qt_translation)
    check("word data for every language", _word_data)
    check("switch back to English restores every text", lambda: run.switch("en"))
    check("switch to Spanish again", lambda: run.switch("es"))
    return checks


class _Run:
    """The film and window the checks share; a check that needs a missing one fails."""

    def __init__(self) -> None:
        self.film: FilmPackage | None = None
        self.window: MainWindow | None = None
        self.english: dict[str, str] = {}

    def load_film(self) -> str:
        from misma_luna.core.base.resources import bundled_film_dir
        from misma_luna.core.film.loading import load_film

        film = load_film(bundled_film_dir())
        if film.warnings:
            raise RuntimeError("; ".join(w.message for w in film.warnings))
        self.film = film
        return f"{film.id}: {len(film.review.blocks)} blocks, languages {film.content_languages()}"

    def build_window(self) -> str:
        from misma_luna.ui.shell.app import create_context, make_application
        from misma_luna.ui.shell.main_window import MainWindow

        if self.film is None:
            raise RuntimeError("no film to show")
        app = make_application()
        self.window = MainWindow(create_context(self.film, "en"))
        self.window.show()
        app.processEvents()
        image = self.window.grab()
        if image.isNull() or image.width() < 100:
            raise RuntimeError("the window did not paint")
        self.english = visible_texts(self.window)
        return f"{image.width()}×{image.height()}"

    def switch(self, language: str) -> str:
        from PySide6.QtCore import QCoreApplication

        if self.window is None:
            raise RuntimeError("no window to switch")
        self.window.context.language.set_language(language)
        QCoreApplication.processEvents()
        now, before = visible_texts(self.window), self.english
        if language == "en":
            changed = [key for key in before if now.get(key) != before[key]]
            if changed:
                raise RuntimeError(f"not restored: {changed[:5]}")
            return f"{len(now)} texts restored"
        kept = [k for k in ("window title", "review") if now.get(k) == before.get(k)]
        menus = [k for k in before if k.startswith(("menu", "action")) and now.get(k) == before[k]]
        translated = [k for k in menus if not _untranslatable(before[k])]
        if kept or translated:
            raise RuntimeError(f"still in English: {(kept + translated)[:8]}")
        return f"{sum(1 for k in before if now.get(k) != before[k])} of {len(before)} texts changed"


def _catalogs() -> str:
    from misma_luna.core.base.catalogs import available_languages
    from misma_luna.core.base.resources import locale_dir

    languages = available_languages(locale_dir())
    if "es" not in languages:
        raise RuntimeError(f"no Spanish catalog in {locale_dir()}")
    return ", ".join(languages)


def _untranslatable(text: str) -> bool:
    """Language names stay in their own language in the Language menu."""
    from misma_luna.core.base.formatting import native_language_name

    return text in {native_language_name(code) for code in ("en", "es")}


def _word_data() -> str:
    """Base forms and word frequencies load for each language the app offers (their data
    files are trimmed to those languages in the bundle)."""
    from misma_luna.core.words.lexicon import base_form, zipf

    samples = {"en": ("running", "run"), "es": ("corriendo", "correr")}
    found = []
    for language, (word, base) in samples.items():
        if base_form(word, language) != base or zipf(word, language) <= 0:
            raise RuntimeError(f"no word data for {language!r}")
        found.append(f"{language}: {word} → {base}")
    return ", ".join(found)


def _qt_translation() -> str:
    from PySide6.QtCore import QCoreApplication

    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    if cancel != "Cancelar":
        raise RuntimeError(f"Qt's Cancel button reads {cancel!r}")
    return cancel
