"""The paired tracks as a table model: time | left track | right track, one row each.

The model presents the `Pairing` rows of the `SubtitlePair` it follows; it never parses.
Display text is plain, `MARKUP_ROLE` carries the italics markup for the delegate, and search
runs over accent-folded text of both text columns. The time column says quietly how a row
matched: `+` for cues merged, `?` for an unsure match (its tooltip says it in words), and
the empty side of a line with no counterpart shows a quiet dash.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _, active_language, ngettext, pgettext
from misma_luna.core.subtitles.alignment import MERGED, UNPAIRED, AlignedRow, Alignment
from misma_luna.core.subtitles.cue_text import fold, format_time
from misma_luna.ui.subtitles.pair import SubtitlePair

TIME_COLUMN = 0
LEFT_COLUMN = 1
RIGHT_COLUMN = 2
COLUMN_COUNT = 3
TEXT_COLUMNS = (LEFT_COLUMN, RIGHT_COLUMN)
MARKUP_ROLE = Qt.ItemDataRole.UserRole + 1
START_ROLE = Qt.ItemDataRole.UserRole + 2
UNSURE = 0.6  # a paired row below this confidence is marked as unsure
QUIET_CLASS = "quiet"  # markup class the delegate paints in the palette's muted colour
MERGED_MARK = "+"
UNSURE_MARK = "?"
EMPTY_MARK = "—"

Index = QModelIndex | QPersistentModelIndex


class SubtitlesModel(QAbstractTableModel):
    """Rows of an Alignment, with the two tracks' languages as column titles."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[AlignedRow] = []
        self._languages: list[str | None] = [None, None]
        self._folded: list[tuple[str, str]] | None = None
        self._two_tracks = False

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
        # Rows of a lone track all stand alone: no dash nor "no counterpart" for them.
        self._two_tracks = any(r.left for r in self._rows) and any(r.right for r in self._rows)
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
            return self._time_data(row, role)
        left = index.column() == LEFT_COLUMN
        texts = row.left if left else row.right
        if not texts and self._two_tracks:
            return _empty_side_data(role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(texts)
        if role == MARKUP_ROLE:
            return "<br>".join(row.left_markup if left else row.right_markup)
        return row.start_ms if role == START_ROLE else None

    def _time_data(self, row: AlignedRow, role: int) -> object:
        """What the time column holds for `role`: the start, marked by how the row matched."""
        time, mark = format_time(row.start_ms), match_mark(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{time} {mark}" if mark else time
        if role == MARKUP_ROLE:  # digits and signs: markup as they are
            return f'{time} <span class="{QUIET_CLASS}">{mark}</span>' if mark else time
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join([time, *self.match_words(row)])
        if role == Qt.ItemDataRole.ToolTipRole:
            span = f"{time} – {format_time(row.end_ms)}"
            return "\n".join([span, *self.match_words(row)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return row.start_ms if role == START_ROLE else None

    def match_words(self, row: AlignedRow) -> list[str]:
        """How `row` matched, in words: merged cues, no counterpart, the confidence."""
        if row.kind == UNPAIRED:
            return [_("No counterpart: this line is in one track only")] if self._two_tracks else []
        words = []
        if row.kind == MERGED:
            for texts, code in ((row.left, self._languages[0]), (row.right, self._languages[1])):
                if len(texts) > 1:
                    words.append(
                        # TRANSLATORS: {language} is a track's language, like "Spanish".
                        ngettext(
                            "{language}: merged from {count} cue",
                            "{language}: merged from {count} cues",
                            len(texts),
                        ).format(language=self.language_title(code), count=len(texts))
                    )
        # TRANSLATORS: how sure the pairing is of a row, like "Confidence 62 %".
        words.append(_("Confidence {percent} %").format(percent=round(row.confidence * 100)))
        return words

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
        return fmt.first_capital(fmt.language_name(code, active_language()))


def match_mark(row: AlignedRow) -> str:
    """`+` for cues merged, `?` for an unsure match, both, or nothing."""
    if row.kind == UNPAIRED:
        return ""
    merged = MERGED_MARK if row.kind == MERGED else ""
    return merged + (UNSURE_MARK if row.confidence < UNSURE else "")


def _empty_side_data(role: int) -> object:
    """The empty side of a line with no counterpart: a quiet dash that says so."""
    if role == MARKUP_ROLE:
        return f'<span class="{QUIET_CLASS}">{EMPTY_MARK}</span>'
    if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
        return _("No line of this track here")
    return "" if role == Qt.ItemDataRole.DisplayRole else None
