"""File > Library: every film the reader has, sorted, filtered as they type, opened with
Enter or a double-click; films imported from a folder or `.zip`, and exported as a `.zip`.

The window asks the library (through the context) for its films and hands the one chosen to
the shell with `filmChosen`; it opens nothing itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.library.entry import LibraryEntry
from misma_luna.core.library.sharing import export_film, import_film
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

WINDOW_SIZE = (860, 520)


class LibraryWindow(Retranslating, QDialog):
    """The reader's films as a table; choosing one emits `filmChosen` with its folder."""

    filmChosen = Signal(object)  # noqa: N815 (Qt naming); the package folder, a Path
    newFilmAsked = Signal()  # noqa: N815 (Qt naming)

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
        self.filter.returnPressed.connect(self.open_current)
        self.table = self._make_table()
        self.buttons = QDialogButtonBox(self)
        self.open_button = self._button(QDialogButtonBox.ButtonRole.AcceptRole, self.open_current)
        self.new_button = self._button(QDialogButtonBox.ButtonRole.ActionRole, self.newFilmAsked)
        self.import_button = self._button(QDialogButtonBox.ButtonRole.ActionRole, self.ask_import)
        self.export_button = self._button(QDialogButtonBox.ButtonRole.ActionRole, self.ask_export)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        resize_to_fit(self, *WINDOW_SIZE)
        context.language.languageChanged.connect(lambda _code: self.refresh())
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
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(INITIAL, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(INITIAL, 36)
        table.activated.connect(self._open_index)
        table.doubleClicked.connect(self._open_index)
        return table

    def _button(self, role: QDialogButtonBox.ButtonRole, slot: object) -> QPushButton:
        button = self.buttons.addButton("", role)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Library"))
        self.filter.setPlaceholderText(_("Filter by title or year"))
        self.filter.setAccessibleName(_("Filter the films"))
        self.table.setAccessibleName(_("Your films"))
        self.open_button.setText(_("&Open"))
        self.new_button.setText(_("&New Film…"))
        self.import_button.setText(_("&Import…"))
        self.export_button.setText(_("&Export…"))

    def refresh(self) -> None:
        """Read the library again (packages changed on disk are read again too)."""
        library = self._context.library
        entries = library.entries()
        counts = self._context.notes.counts()
        self.model.set_entries(entries, counts, self._context.language.language)
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        for problem in library.problems:
            self._context.status.show(problem.message)

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
