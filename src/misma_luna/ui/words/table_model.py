"""The words table's model: collected words in named columns, handed over by the pane.

The model never touches the store; the pane gives it the words to show and reads back the
word on a row.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from misma_luna.core.base.i18n import N_, _
from misma_luna.core.subtitles.cue_text import format_time
from misma_luna.core.words.lexicon import band_label
from misma_luna.core.words.word import Word
from misma_luna.ui.widgets.plain_text import plain_tooltip
from misma_luna.ui.widgets.rows_model import Index, RowsModel

WORD_COLUMN, BASE_COLUMN, FREQUENCY_COLUMN, MEANING_COLUMN = 0, 1, 2, 3
COUNTERPART_COLUMN, FILM_COLUMN, TIME_COLUMN, KNOWN_COLUMN = 4, 5, 6, 7
COLUMN_TITLES = (
    N_("Word"), N_("Base form"), N_("How common"), N_("Meaning"),
    N_("In the other line"), N_("Film"), N_("Time"), N_("Known"),
)  # fmt: skip


class WordsModel(RowsModel[Word]):
    """The words on show, in the order they come in their films."""

    columns = len(COLUMN_TITLES)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._known: set[int] = set()

    def set_words(self, words: list[Word], known: set[int] | None = None) -> None:
        """Show `words`, those of `known` (ids) marked as known."""
        self._known = set(known or ())
        self.show_rows(words)

    def is_known(self, word_id: int) -> bool:
        """Whether the word `word_id` is shown as known."""
        return word_id in self._known

    def set_known(self, word_id: int, known: bool) -> None:
        """Show the word `word_id` as known, or not."""
        if known:
            self._known.add(word_id)
        else:
            self._known.discard(word_id)
        row = self.row_of(word_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, KNOWN_COLUMN), self.index(row, KNOWN_COLUMN))

    def word(self, row: int) -> Word:
        """The word on `row`."""
        return self._rows[row]

    def words(self) -> list[Word]:
        """Every word on show."""
        return self.items()

    def row_of(self, word_id: int) -> int:
        """The row showing the word `word_id`, or -1."""
        return next((n for n, w in enumerate(self._rows) if w.id == word_id), -1)

    def replace(self, word: Word) -> None:
        """Show the stored `word` in place of its older self."""
        row = self.row_of(word.id)
        if row >= 0:
            self._rows[row] = word
            self.row_changed(row)

    def headings(self) -> tuple[str, ...]:
        return tuple(_(title) for title in COLUMN_TITLES)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        word = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == KNOWN_COLUMN:
            return _("known") if word.id in self._known else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(word, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(word.line) if word.line else None
        return None


def cell_text(word: Word, column: int) -> str:
    """What the table shows for `word` in `column`."""
    if column == TIME_COLUMN:
        return "" if word.time_ms is None else format_time(word.time_ms).split(".")[0]
    if column == FREQUENCY_COLUMN:
        return band_label(word.band)
    values = {
        WORD_COLUMN: word.text,
        BASE_COLUMN: word.base,
        MEANING_COLUMN: word.meaning,
        COUNTERPART_COLUMN: word.counterpart,
        FILM_COLUMN: word.film_id,
    }
    return " ".join(values.get(column, "").split())
