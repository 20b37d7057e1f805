"""Starting the GUI: the QApplication, the context, the first film and the main window.

Order matters: organisation and application names come first (they decide where settings
and notes live), then the language (so the first paint is already in it), then the film.
Every step held for after the first paint is isolated: one that fails is shown in a dialog
and the others still run.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from misma_luna import DESKTOP_FILE_NAME
from misma_luna.core.base import i18n
from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.file_kinds import FileKind, kind_of
from misma_luna.core.base.resources import bundled_film_dir, locale_dir
from misma_luna.core.film.package import FilmPackage
from misma_luna.ui.services import settings
from misma_luna.ui.services.appearance.fonts import register_bundled_fonts
from misma_luna.ui.services.context import AppContext, FilmSession
from misma_luna.ui.services.language import LanguageManager
from misma_luna.ui.services.paths import data_dir, film_cache, set_application_names
from misma_luna.ui.services.settings import Preferences
from misma_luna.ui.services.startup import FirstPaint, StartupQueue

if TYPE_CHECKING:
    from collections.abc import Sequence

    from misma_luna.core.notes.store import NotesStore
    from misma_luna.ui.services.single_instance import SingleInstance
    from misma_luna.ui.shell.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named so that settings, data and the desktop find it."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    set_application_names()
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    register_bundled_fonts()
    return app


def create_context(
    film: FilmPackage,
    language: str | None = None,
    *,
    store: QSettings | None = None,
    locales: Path | None = None,
    notes: NotesStore | None = None,
    startup: StartupQueue | None = None,
    read_only_notes: bool = False,
) -> AppContext:
    """Build the context: preferences, language (override > saved > system), film, and the
    notes store (given, or opened in the data directory when first needed)."""
    preferences = Preferences(store if store is not None else QSettings())
    manager = LanguageManager(locales if locales is not None else locale_dir())
    offered = manager.codes()
    saved = preferences.get(settings.LANGUAGE)
    chosen = language or (saved if saved in offered else manager.system_language())
    manager.set_language(chosen if chosen in offered else i18n.SOURCE_LANGUAGE)
    return AppContext(
        preferences=preferences,
        language=manager,
        session=FilmSession(film),
        data_dir=data_dir(),
        open_notes=(lambda: notes) if notes is not None else lambda: open_notes(read_only_notes),
        startup=startup,
    )


def first_film(
    path: Path | None, last: Path | None = None
) -> tuple[FilmPackage, MismaLunaError | None]:
    """The film asked for, else the last film read, else the bundled one; the bundled one
    too (with the reason) when the film asked for cannot be opened. A last film that is
    gone or unreadable is passed over without a word: the reader did not ask for it now."""
    films = film_cache()
    if path is not None:
        try:
            return films.load(path), None
        except MismaLunaError as error:
            return films.load(bundled_film_dir()), error
    if last is not None and last.exists():
        try:
            return films.load(last), None
        except MismaLunaError:
            pass
    return films.load(bundled_film_dir()), None


def last_film() -> Path | None:
    """The film the reader last opened, as the settings remember it."""
    saved = Preferences(QSettings()).get(settings.LAST_FILM)
    return Path(saved) if saved else None


class _PaintClock(QObject):
    """Prints `first-paint <time.monotonic()> cpu <time.process_time()>` on stdout (when there
    is one) at the window's first paint, so that a benchmark can tell start-up from shutdown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            if sys.stdout is not None:
                now, cpu = time.monotonic(), time.process_time()
                print(f"first-paint {now:.6f} cpu {cpu:.6f}", flush=True)
            watched.removeEventFilter(self)
        return False


def route_subtitle_path(
    path: Path | None, subtitles: list[Path] | None
) -> tuple[Path | None, list[Path] | None]:
    """A subtitle file given alone (a double-click on an .srt) opens beside the bundled film."""
    if path is not None and kind_of(path) is FileKind.SUBTITLES:
        return None, [path, *(subtitles or [])]
    return path, subtitles


def run_gui(
    path: Path | None,
    language: str | None,
    exit_after_paint: bool = False,
    subtitles: list[Path] | None = None,
) -> int:
    """Open the main window on `path` (or the bundled film) and run until it closes."""
    app = make_application()
    path, subtitles = route_subtitle_path(path, subtitles)
    handed = [p for p in (path, *(subtitles or [])) if p is not None]
    started = start_gui(path, language, exit_after_paint=exit_after_paint, hand_over=handed)
    if started is None:
        return 0
    window = started.window
    if subtitles:
        window.context.startup.later(lambda: window.subtitles_pane.open_files(list(subtitles)))
    window.context.startup.later(gc.enable)  # paused by cli.main for the start
    try:
        return app.exec()
    finally:
        started.stop()


class GuiSession:
    """A running window with its notes store and its single-instance lock."""

    def __init__(self, window: MainWindow, instance: SingleInstance) -> None:
        self.window = window
        self.instance = instance

    def stop(self) -> None:
        """Close the notes and let the next launch write."""
        self.window.context.startup.discard()  # work held for a first paint that never came
        self.window.context.close_notes()
        self.window.context.close_library()
        self.window.context.close_words()
        self.instance.release()


def start_gui(
    path: Path | None,
    language: str | None,
    *,
    exit_after_paint: bool = False,
    hand_over: Sequence[Path] = (),
) -> GuiSession | None:
    """Show the main window, or wake the running one (handing it the files in `hand_over`)
    and return None.

    With `exit_after_paint` (for benchmarks) the app says when it first painted and quits
    then, as the bare window it is measured against does: the work held for after the
    paint never runs.
    """
    # Loaded when the window starts, not with this module (the self-test imports it too).
    from misma_luna.ui.services.single_instance import SingleInstance  # noqa: PLC0415
    from misma_luna.ui.shell.main_window import MainWindow  # noqa: PLC0415

    make_application()
    instance = SingleInstance(data_dir())
    owner = instance.acquire()
    if not owner and instance.wake_running(hand_over):
        return None
    film, error = first_film(path, last_film() if path is None else None)
    context = create_context(
        film, language, startup=StartupQueue(held=True), read_only_notes=not owner
    )
    context.notes_held_elsewhere = not owner and instance.held_elsewhere()
    window = MainWindow(context)
    context.startup.on_error = lambda failure: report_step_failure(window, failure)
    if exit_after_paint:
        window.installEventFilter(_PaintClock(window))
        FirstPaint(window, QApplication.quit)
    else:
        FirstPaint(window, context.startup.release)
    window.show()
    if owner:
        context.startup.later(lambda: instance.listen(lambda paths: receive(window, paths)))
    context.startup.later(lambda: window.opener.report_warnings(film))
    problems: list[tuple[str, MismaLunaError | str]] = []
    if error is not None:
        problems.append((i18n._("This film could not be opened"), error))
    for problem in context.language.problems:
        problems.append((i18n._("The translation could not be loaded"), problem))
    report_problems(window, problems)
    # The notes pane opens the store after the paint; say then what its checks found.
    context.startup.later(lambda: check_notes(window, context))
    return GuiSession(window, instance)


def check_notes(window: QWidget, context: AppContext) -> None:
    """Say what opening the notes found, then make today's backup on a worker thread (a
    large notes file takes seconds to copy) and say if it could not be made."""
    # Loaded after the paint, with the notes store itself.
    from misma_luna.core.notes.store import backup_failed_message  # noqa: PLC0415
    from misma_luna.ui.shell.store_checks import back_up_in_background  # noqa: PLC0415

    title = i18n._("About your notes")
    store = context.notes
    report_problems(window, [(title, message) for message in store.report.messages()])
    back_up_in_background(window, context, store, title, backup_failed_message)


def report_problems(window: QWidget, problems: list[tuple[str, MismaLunaError | str]]) -> None:
    """One dialog per problem, titled; the dialogs' module loads only when there is one."""
    if problems:
        # Loaded on first use, after the first paint, not with this module.
        from misma_luna.ui.widgets.dialogs import report_problem  # noqa: PLC0415

        for title, what in problems:
            report_problem(window, title, what)


def report_step_failure(window: QWidget, failure: Exception) -> None:
    """Say that a part of the window could not be prepared (the rest works), and why."""
    what: MismaLunaError | str
    if isinstance(failure, MismaLunaError):
        what = failure
    else:
        what = i18n._(
            "Misma Luna could not prepare a part of the window ({reason}); the rest works as usual."
        ).format(reason=f"{type(failure).__name__}: {failure}")
    report_problems(window, [(i18n._("Something could not be prepared"), what)])


def open_notes(read_only: bool) -> NotesStore:
    """The notes store in the data directory (read-only when another instance writes)."""
    # Loaded on first use, after the first paint, not with this module.
    from misma_luna.core.notes.store import NotesStore, notes_path  # noqa: PLC0415

    # Today's backup is made on a worker thread once the window is up (`check_notes`).
    return NotesStore.open(notes_path(data_dir()), read_only=read_only, back_up=False)


def receive(window: MainWindow, paths: list[Path]) -> None:
    """Come forward and open what a second launch handed over."""
    bring_forward(window)
    if paths:
        window.opener.open_paths(paths)


def bring_forward(window: QWidget) -> None:
    """Show `window` above the others, as a second launch asked."""
    # Loaded on first use, after the first paint, not with this module.
    from PySide6.QtCore import Qt  # noqa: PLC0415

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
