"""The translator's left side: the pieces with their states, all or only those needing work.

`PieceList` says which piece the reader chose; the dialog saves and shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base.i18n import _
from misma_luna.core.film.translating import Piece
from misma_luna.ui.translation.piece_model import (
    PART,
    SOURCE,
    STATE,
    NeedsWorkFilter,
    PieceTableModel,
)


class PieceList(QWidget):
    """The table of pieces, filtered on demand, one chosen at a time."""

    pieceChosen = Signal(int)  # noqa: N815 (Qt naming); the model's row, -1 for none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.only_needed = QCheckBox(self)
        self.only_needed.setObjectName("translateOnlyNeeded")
        self.model = PieceTableModel(self)
        self.proxy = NeedsWorkFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.only_needed)
        layout.addWidget(self.table)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("translatePieces")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PART, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        return table

    def retranslate(self) -> None:
        """Every label in the active language (the pieces' states and parts too)."""
        self.only_needed.setText(_("&Only what is missing or outdated"))
        self.only_needed.setToolTip(_("Hide the pieces already translated and up to date"))
        self.table.setAccessibleName(_("Pieces to translate"))
        self.table.setAccessibleDescription(
            _(
                "The review's paragraphs and the film's details, each with its state: done, "
                "missing or outdated. The arrow keys choose the piece shown on the right."
            )
        )
        self.model.retranslate()  # the states and parts are words of the UI language

    def set_pieces(self, pieces: list[Piece]) -> None:
        """List `pieces` (none chosen yet)."""
        self.model.set_pieces(pieces)
        self.proxy.refilter()

    def select_first(self) -> None:
        """Choose the first piece listed, if any."""
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, SOURCE))

    def show_only_needed(self, only: bool, keep: int | None) -> None:
        """List only the pieces missing or outdated (or all), keeping the piece at model row
        `keep` chosen when it is still listed, else the first."""
        self.proxy.set_only_needed(only)
        index = QModelIndex()
        if keep is not None:
            index = self.proxy.mapFromSource(self.model.index(keep, SOURCE))
        if index.isValid():
            self.table.setCurrentIndex(index)
        else:
            self.select_first()

    def select_after(self, row: int) -> None:
        """Choose the first piece listed after model row `row` that is still listed once the
        filter has looked again at what was saved."""
        current = self.proxy.mapFromSource(self.model.index(row, SOURCE)).row()
        following = [
            self.proxy.mapToSource(self.proxy.index(r, SOURCE)).row()
            for r in range(current + 1, self.proxy.rowCount())
        ]
        self.proxy.refilter()
        for later in following:
            index = self.proxy.mapFromSource(self.model.index(later, SOURCE))
            if index.isValid():
                self.table.setCurrentIndex(index)
                break

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.pieceChosen.emit(self.proxy.mapToSource(current).row() if current.isValid() else -1)
