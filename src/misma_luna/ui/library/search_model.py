"""The library's search results as a table: the film, the place (review, subtitle time,
note) and a plain-text snippet of each passage found.

The model holds the `SearchHit` objects the window hands it; it never queries the index.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from misma_luna.core.base.i18n import _
from misma_luna.core.library.library import SearchHit
from misma_luna.core.library.passages import place_text
from misma_luna.ui.widgets.plain_text import plain_tooltip
from misma_luna.ui.widgets.rows_model import Index, RowsModel

HIT_ROLE = Qt.ItemDataRole.UserRole + 1

FILM, PLACE, PASSAGE = range(3)
COLUMNS = 3


class SearchResultsModel(RowsModel[SearchHit]):
    """The passages found, best first, titled in the active language."""

    columns = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = "en"

    def set_hits(self, hits: list[SearchHit], language: str) -> None:
        """Show `hits`, films titled in `language`."""
        self.language = language
        self.show_rows(hits)

    def hit(self, row: int) -> SearchHit:
        """The passage on `row`."""
        return self._rows[row]

    def headings(self) -> tuple[str, ...]:
        # TRANSLATORS: column headings of the library's search results.
        return (_("Film"), _("Where"), _("Passage"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._rows[index.row()]
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
