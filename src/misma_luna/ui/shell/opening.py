"""Opening films: File → Open, recent files, drag and drop, the library and a new film, files
handed over by a second launch, and what happens when a file is bad.

A film that cannot be opened is reported with its file and problem, and the film that was
showing stays on screen. Warnings from a film that did open (an unreadable translation,
say) are reported too, without blocking; what text repair did is said in the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.file_kinds import (
    FileKind,
    film_patterns,
    kind_of,
    opens_as_film,
    subtitle_patterns,
)
from misma_luna.core.base.i18n import _
from misma_luna.core.base.text_decoding import repair_summary
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.notes.note import Anchor, subtitle_anchor
from misma_luna.ui.services import settings
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.paths import film_cache
from misma_luna.ui.widgets.dialogs import report_problem
from misma_luna.ui.widgets.original_text import OriginalTextDialog
from misma_luna.ui.widgets.plain_text import plain_tooltip

if TYPE_CHECKING:
    from misma_luna.core.library.library import SearchHit
    from misma_luna.ui.library.new_film_dialog import NewFilmDialog
    from misma_luna.ui.library.review_offer import ReviewOffer
    from misma_luna.ui.library.window import LibraryWindow

MAX_RECENT = 8


class FilmOpener(QObject):
    """Loads films into the session and reports problems to the reader.

    Films dropped on `parent` open too; dialogs and reports are parented to it. Subtitle
    files chosen or handed over go to `subtitlesChosen`, for the subtitles pane.
    """

    subtitlesChosen = Signal(list)  # noqa: N815 (Qt naming); the subtitle files, Paths
    noteChosen = Signal(int)  # noqa: N815 (Qt naming); a note found by the library's search

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self.recent_menu: QMenu | None = None
        self._original: OriginalTextDialog | None = None
        self._library: LibraryWindow | None = None
        self._review_offer: ReviewOffer | None = None
        context.actions["file.open"].triggered.connect(self.choose_and_open)
        context.actions["file.library"].triggered.connect(self.show_library)
        context.actions["file.new_film"].triggered.connect(self.show_new_film)
        context.actions["view.show_original"].triggered.connect(self.show_original)
        parent.setAcceptDrops(True)
        parent.installEventFilter(self)
        # Built after the first paint: the film shown then was opened too.
        context.session.filmChanged.connect(self.film_shown)
        self.film_shown(context.film)

    # -- opening

    def choose_and_open(self) -> None:
        """Ask for a film package, a review file or subtitle files, then open them."""
        prefs = self._context.preferences
        everything = f"{film_patterns()} {subtitle_patterns()}"
        filters = ";;".join(
            (
                # TRANSLATORS: {patterns} lists what opens, e.g. "film.toml *.zip *.md *.srt".
                _("Films, reviews and subtitles ({patterns})").format(patterns=everything),
                # TRANSLATORS: {patterns} lists what opens, e.g. "film.toml *.zip *.md".
                _("Films and reviews ({patterns})").format(patterns=film_patterns()),
                _("All files (*)"),
            )
        )
        paths, _filter = QFileDialog.getOpenFileNames(
            self._parent,
            _("Open a film, a review or subtitles"),
            prefs.get(settings.LAST_FOLDER),
            filters,
        )
        self.open_paths([Path(path) for path in paths])

    def open_paths(self, paths: list[Path]) -> None:
        """Open what `paths` hold: the first film or review, and subtitle files beside it."""
        subtitles = [path for path in paths if kind_of(path) is FileKind.SUBTITLES]
        films = [path for path in paths if path not in subtitles]
        if films:
            self.open_path(films[0])
        if subtitles:
            self.subtitlesChosen.emit(subtitles)

    def open_path(self, path: Path) -> FilmPackage | None:
        """Open `path` (a package folder, its film.toml, a .zip or a review file)."""
        if path.name == "film.toml":
            path = path.parent
        try:
            film = film_cache().load(path)
        except MismaLunaError as error:
            report_problem(self._parent, _("This film could not be opened"), error)
            return None
        prefs = self._context.preferences
        prefs.set(settings.LAST_FOLDER, str(path.parent))
        prefs.set(settings.LAST_FILM, str(path.resolve()))
        self.remember(path)
        self._context.session.set_film(film)
        self.report_warnings(film)
        return film

    def film_shown(self, film: FilmPackage) -> None:
        """A film came on screen: the library notes when (whatever film it is, the bundled
        one included), and a bare review file is offered a place in the library."""
        try:
            self._context.library.mark_opened(film.id)
        except MismaLunaError as error:
            self._context.status.show(str(error))
        if kind_of(film.path) is FileKind.REVIEW and film.path.is_file():
            self.review_offer.offer(film)

    @property
    def review_offer(self) -> ReviewOffer:
        """The offer to add an opened review file to the library, made on first use."""
        if self._review_offer is None:
            # Loaded on first use, not with the window.
            from misma_luna.ui.library.review_offer import ReviewOffer  # noqa: PLC0415

            self._review_offer = ReviewOffer(self._context, self._parent)
            self._review_offer.added.connect(self.open_path)
        return self._review_offer

    def open_passage(self, hit: SearchHit) -> None:
        """Open the film of a passage found in the library, at that passage."""
        if self.open_path(hit.entry.folder) is None:
            return
        start = hit.start_ms
        if hit.kind == "review":
            self._context.reading.scroll_to(Anchor("block", hit.place, 0, ""))
        elif start is not None:
            self._context.reading.scroll_to(subtitle_anchor(start))
        elif hit.note_id is not None:
            self.noteChosen.emit(hit.note_id)

    # -- the library

    @property
    def library_window(self) -> LibraryWindow:
        """File > Library, made on first use."""
        if self._library is None:
            # Loaded on first use, not with the window.
            from misma_luna.ui.library.window import LibraryWindow  # noqa: PLC0415

            self._library = LibraryWindow(self._context, self._parent)
            self._library.filmChosen.connect(self.open_path)
            self._library.newFilmAsked.connect(self.show_new_film)
            self._library.passageChosen.connect(self.open_passage)
        return self._library

    def show_library(self) -> None:
        """Show every film of the library, up to date."""
        try:
            self.library_window.show_library()
        except MismaLunaError as error:
            report_problem(self._parent, _("The library could not be read"), str(error))

    def show_new_film(self) -> NewFilmDialog:
        """Open File > New Film on a fresh page; the film made is opened."""
        # Loaded on first use, not with the window.
        from misma_luna.ui.library.new_film_dialog import NewFilmDialog  # noqa: PLC0415

        dialog = NewFilmDialog(self._context, self._parent)
        dialog.filmCreated.connect(self.open_path)
        dialog.show()
        return dialog

    def report_warnings(self, film: FilmPackage) -> None:
        """Say, once, what could not be read in a film that did open, and what was repaired."""
        if film.warnings:
            text = "\n".join(warning.message for warning in film.warnings)
            report_problem(self._parent, _("Part of this film could not be read"), text)
        summary = repair_summary(film.review_source)
        if summary:
            self._context.status.show(summary)

    def show_original(self) -> None:
        """Show the current review file as it was before repair."""
        if self._original is not None:
            self._original.close()
        self._original = OriginalTextDialog(self._context.film, self._parent)
        self._original.show()

    # -- recent files

    def recent_paths(self) -> list[Path]:
        """Recently opened films and reviews, newest first."""
        return [Path(p) for p in self._context.preferences.get(settings.RECENT_FILES) if p]

    def remember(self, path: Path) -> None:
        """Put `path` first in the recent files."""
        resolved = str(path.resolve())
        paths = [resolved] + [str(p) for p in self.recent_paths() if str(p) != resolved]
        self._context.preferences.set(settings.RECENT_FILES, paths[:MAX_RECENT])
        self._rebuild_recent()

    def clear_recent(self) -> None:
        """Forget every recent file."""
        self._context.preferences.set(settings.RECENT_FILES, [])
        self._rebuild_recent()

    def add_recent_menu(self, parent: QMenu) -> None:
        """Add File > Open Recent to `parent`."""
        self.recent_menu = parent.addMenu("")
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._rebuild_recent)
        self.retranslate()

    def _rebuild_recent(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        paths = [path for path in self.recent_paths() if path.exists()]
        for number, path in enumerate(paths, start=1):
            action = menu.addAction(f"&{number} {path.name.replace('&', '&&')}")
            action.setToolTip(plain_tooltip(str(path)))
            action.setStatusTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not paths:
            menu.addAction(_("No recent files")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(_("&Clear Recent Files"))
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.clear_recent)

    def retranslate(self) -> None:
        """Texts of the recent files menu in the active language (the window calls it)."""
        if self.recent_menu is not None:
            self.recent_menu.setTitle(_("Open &Recent"))
            self._rebuild_recent()

    # -- drag and drop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, (QDragEnterEvent, QDropEvent)
        ):
            if dropped_path(event.mimeData()) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = dropped_path(event.mimeData())
            if path is not None:
                event.acceptProposedAction()
                self.open_path(path)
                return True
        return super().eventFilter(watched, event)


def dropped_path(mime: QMimeData) -> Path | None:
    """The first local film package or review file in dropped data, if any."""
    for url in mime.urls() if mime.hasUrls() else ():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if opens_as_film(path):
            return path
    return None
