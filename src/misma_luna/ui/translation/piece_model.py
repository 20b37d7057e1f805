"""The pieces of a film to translate as a table: state, part, and the start of the source.

The model shows the `Piece` objects a `TranslationSession` lists; it never reads nor writes a
catalog. The state is said in words as well as with an icon, so that it reads without colour
and to a screen reader.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication, QStyle

from misma_luna.core.base.i18n import _, pgettext
from misma_luna.core.film.translating import Piece, PieceState
from misma_luna.ui.widgets.plain_text import plain_tooltip, shortened
from misma_luna.ui.widgets.rows_model import Index, RowsModel

PIECE_ROLE = Qt.ItemDataRole.UserRole + 1

STATE, PART, SOURCE = range(3)
COLUMNS = 3
EXCERPT_CHARS = 90

ICONS = {
    PieceState.TRANSLATED: QStyle.StandardPixmap.SP_DialogApplyButton,
    PieceState.MISSING: QStyle.StandardPixmap.SP_DialogNoButton,
    PieceState.OUTDATED: QStyle.StandardPixmap.SP_MessageBoxWarning,
}


def state_text(state: PieceState) -> str:
    """The state of a piece in one word of the active language."""
    if state is PieceState.TRANSLATED:
        # TRANSLATORS: a review passage whose translation is written and current.
        return pgettext("translation state", "Done")
    if state is PieceState.MISSING:
        # TRANSLATORS: a review passage that has no translation yet.
        return pgettext("translation state", "Missing")
    # TRANSLATORS: a passage whose source changed after it was translated.
    return pgettext("translation state", "Outdated")


def part_text(piece: Piece) -> str:
    """What the piece is: a heading, a paragraph... or the film field it holds."""
    if piece.is_field:
        return field_text(piece.kind)
    kinds = {
        "heading": _("Heading"),
        "paragraph": _("Paragraph"),
        "quote": _("Quotation"),
        "item": _("List item"),
    }
    return kinds.get(piece.kind, piece.kind)


def field_text(name: str) -> str:
    """The name of a translatable film field (`genre`, `awards.2`...) in the active language."""
    if name.startswith("awards."):
        number = int(name.partition(".")[2]) + 1 if name.partition(".")[2].isdigit() else 0
        # TRANSLATORS: one of the film's awards, numbered from 1.
        return _("Award {number}").format(number=number)
    names = {
        "genre": _("Genre"),
        "premiere.event": _("Premiere"),
        "synopsis": _("Synopsis"),
        "reception": _("Reception"),
    }
    return names.get(name, name)


class PieceTableModel(RowsModel[Piece]):
    """The pieces of one language of a film, in reading order."""

    columns = COLUMNS

    def set_pieces(self, pieces: list[Piece]) -> None:
        """Show `pieces` (a copy of the list is kept)."""
        self.show_rows(pieces)

    def replace(self, row: int, piece: Piece) -> None:
        """Show `piece` on `row` after it was saved."""
        self._rows[row] = piece
        self.row_changed(row)

    def piece(self, row: int) -> Piece:
        """The piece on `row`."""
        return self._rows[row]

    def headings(self) -> tuple[str, ...]:
        return (_("State"), _("Part"), _("Text"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        piece, column = self._rows[index.row()], index.column()
        if role == PIECE_ROLE:
            return piece
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(piece, column)
        if role == Qt.ItemDataRole.DecorationRole and column == STATE:
            return QApplication.style().standardIcon(ICONS[piece.state])
        if role == Qt.ItemDataRole.ToolTipRole and column == SOURCE:
            return plain_tooltip(piece.source)
        return None

    def _text(self, piece: Piece, column: int) -> str:
        if column == STATE:
            return state_text(piece.state)
        if column == PART:
            return part_text(piece)
        return shortened(" ".join(piece.source.split()), EXCERPT_CHARS)


class NeedsWorkFilter(QSortFilterProxyModel):
    """All pieces, or only those missing or outdated.

    The filter is applied when asked (`set_only_needed`, `refilter`), not as pieces are saved,
    so that the piece being typed does not vanish from under the cursor.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)
        self.only_needed = False

    def set_only_needed(self, only: bool) -> None:
        """Keep only the pieces that need work, or show them all."""
        self.only_needed = only
        self.refilter()

    def refilter(self) -> None:
        """Apply the filter to the pieces as they are now."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802 (Qt override)
        if not self.only_needed:
            return True
        model = self.sourceModel()
        piece: Piece = model.data(model.index(row, STATE, parent), PIECE_ROLE)
        return piece.state.needs_work
