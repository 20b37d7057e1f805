"""The library's search results as a table: the film, the place (review, subtitle time,
note) and a plain-text snippet of each passage found.

The model holds the `SearchHit` objects the window hands it; it never queries the index.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from misma_luna.core.base.i18n import _
from misma_luna.core.library.library import SearchHit
from misma_luna.core.library.passages import place_text
from misma_luna.ui.widgets.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1

FILM, PLACE, PASSAGE = range(3)
COLUMNS = 3


class SearchResultsModel(QAbstractTableModel):
    """The passages found, best first, titled in the active language."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self.language = "en"

    def set_hits(self, hits: list[SearchHit], language: str) -> None:
        """Show `hits`, films titled in `language`."""
        self.beginResetModel()
        self._hits, self.language = list(hits), language
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        """The passage on `row`."""
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else COLUMNS

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        # TRANSLATORS: column headings of the library's search results.
        return (_("Film"), _("Where"), _("Passage"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(hit, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == PASSAGE:
            return plain_tooltip(hit.snippet)
        return None

    def _text(self, hit: SearchHit, column: int) -> str:
        if column == FILM:
            return hit.entry.title(self.language)
        if column == PLACE:
            return place_text(hit.kind, hit.place, hit.language)
        return hit.snippet
