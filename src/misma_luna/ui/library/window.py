"""File > Library: every film the reader has, sorted, filtered as they type, opened with
Enter or a double-click; films imported from a folder or `.zip`, and exported as a `.zip`.

The same box searches the whole library as the reader types: every film's titles, reviews
(in each language), subtitle lines and the reader's notes, each passage found listed with
its film and place. The window asks the library (through the context) for its films and
passages and hands the one chosen to the shell with `filmChosen` or `passageChosen`; it
opens nothing itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _, ngettext
from misma_luna.core.library.entry import LibraryEntry
from misma_luna.core.library.library import SearchHit
from misma_luna.core.library.sharing import export_film, import_film
from misma_luna.ui.library.posters import THUMBNAIL
from misma_luna.ui.library.search_model import HIT_ROLE, PASSAGE, SearchResultsModel
from misma_luna.ui.library.table_model import (
    ENTRY_ROLE,
    INITIAL,
    OPENED,
    TITLE,
    LibraryFilter,
    LibraryTableModel,
)
from misma_luna.ui.services import settings
from misma_luna.ui.services.appearance.screen import resize_to_fit
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.dialogs import report_problem
from misma_luna.ui.widgets.plain_text import plain_label

WINDOW_SIZE = (860, 560)
# The search waits this long after the last key, so that typing a word runs it once.
SEARCH_DELAY_MS = 150


class LibraryWindow(Retranslating, QDialog):
    """The reader's films as a table; choosing one emits `filmChosen` with its folder."""

    filmChosen = Signal(object)  # noqa: N815 (Qt naming); the package folder, a Path
    newFilmAsked = Signal()  # noqa: N815 (Qt naming)
    passageChosen = Signal(object)  # noqa: N815 (Qt naming); the SearchHit chosen

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryWindow")
        self._context = context
        self.model = LibraryTableModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.filter.returnPressed.connect(self._open_first)
        self.table = self._make_table()
        self.hits = SearchResultsModel(self)
        self.results_label = plain_label(self)  # it repeats the reader's words
        self.results = self._make_results()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.filter.textChanged.connect(lambda _text: self._search_timer.start())
        self.buttons = QDialogButtonBox(self)
        self.open_button = self._button(QDialogButtonBox.ButtonRole.AcceptRole, self.open_current)
        self.new_button = self._button(QDialogButtonBox.ButtonRole.ActionRole, self.newFilmAsked)
        self.import_button = self._button(QDialogButtonBox.ButtonRole.ActionRole, self.ask_import)
        self.export_button = self._button(QDialogButtonBox.ButtonRole.ActionRole, self.ask_export)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        found = QWidget(self)
        found_layout = QVBoxLayout(found)
        found_layout.setContentsMargins(0, 0, 0, 0)
        found_layout.addWidget(self.results_label)
        found_layout.addWidget(self.results)
        self.found = found
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(found)
        self.splitter.setChildrenCollapsible(False)
        found.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.buttons)
        resize_to_fit(self, *WINDOW_SIZE)
        context.language.languageChanged.connect(self._language_changed)
        self.retranslate()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(OPENED, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.setIconSize(THUMBNAIL)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(INITIAL, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(INITIAL, 36)
        table.activated.connect(self._open_index)
        table.doubleClicked.connect(self._open_index)
        return table

    def _make_results(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.hits)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PASSAGE, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self._open_hit)
        table.doubleClicked.connect(self._open_hit)
        return table

    def _button(self, role: QDialogButtonBox.ButtonRole, slot: object) -> QPushButton:
        button = self.buttons.addButton("", role)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Library"))
        self.filter.setPlaceholderText(_("Search titles, reviews, subtitles and notes"))
        self.filter.setAccessibleName(_("Search your films"))
        self.table.setAccessibleName(_("Your films"))
        self.results.setAccessibleName(_("Passages found"))
        self._say_found()
        self.open_button.setText(_("&Open"))
        self.new_button.setText(_("&New Film…"))
        self.import_button.setText(_("&Import…"))
        self.export_button.setText(_("&Export…"))
        self._describe()

    def _describe(self) -> None:
        """What a screen reader says of each control besides its name."""
        self.table.setAccessibleDescription(
            _(
                "Every film in your library, with its year, languages, translation, notes, "
                "last opening and level. Enter or a double-click opens the film selected; a "
                "column's header sorts by it."
            )
        )
        self.results.setAccessibleDescription(
            _(
                "The passages that hold the words searched, each with its film and place. "
                "Enter or a double-click opens the film at that passage."
            )
        )
        self.open_button.setToolTip(_("Open the film selected in the list"))
        self.new_button.setToolTip(
            _("Make a film of your library from subtitle files, a review and its facts")
        )
        self.import_button.setToolTip(
            _("Copy a film package (its film.toml or a .zip) into your library")
        )
        self.export_button.setToolTip(_("Save the film selected as a .zip, to share it"))
        self.close_button.setToolTip(_("Close the library"))

    def _language_changed(self, code: str) -> None:
        """Say the films and the passages found again in `code`; nothing is read again."""
        for model in (self.model, self.hits):
            model.language = code
            model.retranslate()
        if self.filter.text().strip():
            self._say_found()

    def refresh(self) -> None:
        """Read the library again (packages changed on disk are read again too)."""
        library = self._context.library
        entries = library.entries()
        counts = self._context.notes.counts()
        try:
            self.model.set_levels(self._context.words.film_coverages())
        except MismaLunaError as error:
            self._context.status.show(error.message)
        self.model.set_entries(entries, counts, self._context.language.language)
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        for problem in library.problems:
            self._context.status.show(problem.message)
        self._index_notes()
        if self.filter.text().strip():
            self.run_search()

    def _index_notes(self) -> None:
        """Give the library's search the notes as they are now."""
        try:
            self._context.library.index_notes(self._context.notes.iter_notes())
        except MismaLunaError as error:
            self._context.status.show(error.message)

    def run_search(self) -> list[SearchHit]:
        """Search the whole library for the words in the box; list what was found."""
        self._search_timer.stop()
        text = self.filter.text().strip()
        hits: list[SearchHit] = []
        if text:
            try:
                hits = self._context.library.search(text)
            except MismaLunaError as error:
                self._context.status.show(error.message)
        self.hits.set_hits(hits, self._context.language.language)
        self.found.setVisible(bool(text))
        self._say_found()
        return hits

    def _say_found(self) -> None:
        count = self.hits.rowCount()
        if count:
            text = ngettext(
                "{count} passage found in your films", "{count} passages found in your films", count
            ).format(count=count)
        else:
            text = _("No title, review, subtitle or note holds these words.")
        self.results_label.setText(text)

    def show_library(self) -> None:
        """Show the window up to date, with the cursor in the filter."""
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()
        self.filter.setFocus()

    def current_entry(self) -> LibraryEntry | None:
        """The film selected, else the only one left by the filter."""
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.proxy.index(0, 0)
        if not index.isValid():
            return None
        entry: LibraryEntry = self.proxy.data(index, ENTRY_ROLE)
        return entry

    def open_current(self) -> None:
        """Open the film selected."""
        entry = self.current_entry()
        if entry is not None:
            self.filmChosen.emit(entry.folder)
            self.close()

    def _open_first(self) -> None:
        """Enter in the box: the film selected, else the first passage found."""
        if self.proxy.rowCount() or not self.filter.text().strip():
            self.open_current()
            return
        self.run_search()
        if self.hits.rowCount():
            self._open_hit(self.hits.index(0, 0))

    def _open_hit(self, index: QModelIndex) -> None:
        hit: SearchHit = self.hits.data(index, HIT_ROLE)
        self.passageChosen.emit(hit)
        self.close()

    def _open_index(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.open_current()

    def ask_import(self) -> None:
        """Ask for a package (its film.toml or a .zip) and copy it into the library."""
        patterns = _("Film packages ({patterns})").format(patterns="film.toml *.zip")
        path, _chosen = QFileDialog.getOpenFileName(
            self, _("Import a film"), self._context.preferences.get(settings.LAST_FOLDER), patterns
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> Path | None:
        """Copy the package at `path` into the library; report what went wrong."""
        try:
            folder = import_film(self._context.library, path)
        except MismaLunaError as error:
            report_problem(self, _("This film could not be imported"), error)
            return None
        self.refresh()
        self._context.status.show(_("Added to your library: {path}").format(path=folder))
        return folder

    def ask_export(self) -> None:
        """Ask where to write the selected film as a .zip, then write it."""
        entry = self.current_entry()
        if entry is None:
            return
        folder = Path(self._context.preferences.get(settings.LAST_FOLDER) or Path.home())
        path, _chosen = QFileDialog.getSaveFileName(
            self, _("Export a film"), str(folder / f"{entry.id}.zip"), _("Zip archives (*.zip)")
        )
        if path:
            self.export_entry(entry, Path(path))

    def export_entry(self, entry: LibraryEntry, target: Path) -> Path | None:
        """Write `entry` as the zip `target`; report what went wrong."""
        try:
            written = export_film(entry.folder, entry.id, target)
        except MismaLunaError as error:
            report_problem(self, _("This film could not be exported"), error)
            return None
        self._context.status.show(_("Exported to {path}").format(path=written))
        return written
