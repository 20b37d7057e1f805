"""The aligned pair as a table model: time | left track | right track, one aligned row each.

The model presents the `Alignment` rows of the `SubtitlePair` it follows; it never parses.
Display text is plain, `MARKUP_ROLE` carries the italics markup for the delegate, and search
runs over accent-folded text of both text columns.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _, active_language, pgettext
from misma_luna.core.subtitles.alignment import AlignedRow, Alignment
from misma_luna.core.subtitles.cue_text import fold, format_time
from misma_luna.ui.subtitles.pair import SubtitlePair

TIME_COLUMN = 0
LEFT_COLUMN = 1
RIGHT_COLUMN = 2
COLUMN_COUNT = 3
TEXT_COLUMNS = (LEFT_COLUMN, RIGHT_COLUMN)
MARKUP_ROLE = Qt.ItemDataRole.UserRole + 1
START_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class SubtitlesModel(QAbstractTableModel):
    """Rows of an Alignment, with the two tracks' languages as column titles."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[AlignedRow] = []
        self._languages: list[str | None] = [None, None]
        self._folded: list[tuple[str, str]] | None = None

    # -- content

    def follow(self, pair: SubtitlePair) -> None:
        """Show `pair`'s alignment and languages, now and whenever they change."""
        pair.changed.connect(lambda: self._show_pair(pair))
        pair.languagesChanged.connect(lambda: self.set_languages(*pair.languages))
        self._show_pair(pair)

    def _show_pair(self, pair: SubtitlePair) -> None:
        self._languages = list(pair.languages)
        self.set_alignment(pair.alignment)
        self.retranslate()

    def set_alignment(self, alignment: Alignment) -> None:
        """Show another alignment (a model reset: views keep no stale rows)."""
        self.beginResetModel()
        self._rows = alignment.rows
        self._folded = None
        self.endResetModel()

    def set_languages(self, left: str | None, right: str | None) -> None:
        """Name the text columns after the tracks' languages."""
        self._languages = [left, right]
        self.retranslate()

    def retranslate(self) -> None:
        """Column titles in the active UI language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)

    def row(self, row: int) -> AlignedRow:
        """The aligned row at `row`."""
        return self._rows[row]

    def rows(self) -> list[AlignedRow]:
        """Every aligned row, in time order."""
        return self._rows

    def row_at_time(self, ms: int) -> int:
        """The row showing at `ms`, else the next one (else the last); -1 when empty."""
        for number, row in enumerate(self._rows):
            if row.end_ms > ms:
                return number
        return len(self._rows) - 1

    def matches(self, needle: str) -> list[tuple[int, int]]:
        """(row, column) of every text cell containing `needle`, ignoring case and accents."""
        folded_needle = fold(needle.strip())
        if not folded_needle:
            return []
        if self._folded is None:
            self._folded = [(fold(" ".join(r.left)), fold(" ".join(r.right))) for r in self._rows]
        found = []
        for number, (left, right) in enumerate(self._folded):
            if folded_needle in left:
                found.append((number, LEFT_COLUMN))
            if folded_needle in right:
                found.append((number, RIGHT_COLUMN))
        return found

    # -- QAbstractTableModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if index.column() == TIME_COLUMN:
            return _time_data(row, role)
        left = index.column() == LEFT_COLUMN
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(row.left if left else row.right)
        if role == MARKUP_ROLE:
            return "<br>".join(row.left_markup if left else row.right_markup)
        return row.start_ms if role == START_ROLE else None

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == TIME_COLUMN:
            # TRANSLATORS: title of the column holding each subtitle row's start time.
            return pgettext("subtitles column", "Time")
        return self.language_title(self._languages[section - 1])

    @staticmethod
    def language_title(code: str | None) -> str:
        """A track's language as a column title: `Spanish` / `Español`, or `Unknown language`."""
        if not code:
            return _("Unknown language")
        name = fmt.language_name(code, active_language())
        return name[:1].upper() + name[1:]


def _time_data(row: AlignedRow, role: int) -> object:
    """What the time column holds for `role`."""
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, MARKUP_ROLE):
        return format_time(row.start_ms)  # digits and signs: markup as it is
    if role == Qt.ItemDataRole.ToolTipRole:
        return f"{format_time(row.start_ms)} – {format_time(row.end_ms)}"
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return row.start_ms if role == START_ROLE else None
