"""The library as a table: one row per film, named columns, sortable and filterable.

The model holds `LibraryEntry` objects and the notes counts handed to it by the window; it
never reads a package nor the index itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPixmap

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.folding import fold_in_place
from misma_luna.core.base.i18n import _, ngettext
from misma_luna.core.library.entry import LibraryEntry
from misma_luna.core.words.coverage import Coverage, reader_track
from misma_luna.ui.library.posters import poster_thumbnail
from misma_luna.ui.widgets.plain_text import plain_tooltip
from misma_luna.ui.widgets.rows_model import Index, RowsModel

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

INITIAL, TITLE, YEAR, LANGUAGES, TRANSLATED, NOTES, OPENED, LEVEL = range(8)
COLUMNS = 8


class LibraryTableModel(RowsModel[LibraryEntry]):
    """Every film of the library, in the active language."""

    columns = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: dict[str, int] = {}
        self._levels: dict[str, dict[str, Coverage]] = {}  # per film, per subtitle language
        self._posters: dict[Path, QPixmap | None] = {}
        self.language = "en"

    def set_entries(
        self, entries: list[LibraryEntry], notes: dict[str, int], language: str
    ) -> None:
        """Show `entries` with their notes counts, titled in `language`."""
        self._notes, self.language = dict(notes), language
        self._posters.clear()
        self.show_rows(entries)

    def set_levels(self, levels: dict[str, dict[str, Coverage]]) -> None:
        """How much of each counted film's subtitles the reader knows (see core.words)."""
        self._levels = dict(levels)

    def entry(self, row: int) -> LibraryEntry:
        """The film on `row`."""
        return self._rows[row]

    def headings(self) -> tuple[str, ...]:
        return (
            "", _("Title"), _("Year"), _("Languages"), _("Translated"), _("Notes"),
            _("Last opened"), _("Level"),
        )  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, column = self._rows[index.row()], index.column()
        answers: dict[int, Callable[[], Any]] = {
            ENTRY_ROLE: lambda: entry,
            SORT_ROLE: lambda: self._sort_key(entry, column),
            Qt.ItemDataRole.DisplayRole: lambda: self._text(entry, column),
        }
        tooltips: dict[int, Callable[[], str | None]] = {
            TITLE: lambda: plain_tooltip(f"{entry.original_title}\n{entry.folder}"),
            LEVEL: lambda: self._level_tooltip(entry),
            TRANSLATED: lambda: self._translated_counts(entry),
        }
        if role == Qt.ItemDataRole.ToolTipRole and column in tooltips:
            return tooltips[column]()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == INITIAL:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.DecorationRole and column == INITIAL:
            return self.poster(entry)
        answer = answers.get(role)
        return answer() if answer is not None else None

    def _text(self, entry: LibraryEntry, column: int) -> str:
        title = entry.title(self.language)
        texts: dict[int, Callable[[], str]] = {
            INITIAL: lambda: "" if self.poster(entry) is not None else title[:1].upper(),
            TITLE: lambda: title,
            YEAR: lambda: str(entry.year) if entry.year else "",
            LANGUAGES: lambda: ", ".join(
                fmt.language_name(code, self.language) for code in entry.languages
            ),
            TRANSLATED: lambda: self._translated(entry),
            NOTES: lambda: str(self._notes.get(entry.id, 0)),
            OPENED: lambda: opened_text(entry.last_opened, self.language),
            LEVEL: lambda: self._level_text(entry),
        }
        return texts[column]()

    def poster(self, entry: LibraryEntry) -> QPixmap | None:
        """The film's poster as a thumbnail (read once), or None: its initial is shown."""
        if entry.poster is None:
            return None
        if entry.poster not in self._posters:
            self._posters[entry.poster] = poster_thumbnail(entry.poster)
        return self._posters[entry.poster]

    def _translated(self, entry: LibraryEntry) -> str:
        parts = [
            _("{language}: {percent}%").format(
                language=code, percent=fmt.format_number(round(100 * done.ratio), self.language)
            )
            for code, done in sorted(entry.completeness.items())
        ]
        return ", ".join(parts) if parts else _("source only")

    def _translated_counts(self, entry: LibraryEntry) -> str | None:
        """Each language's translation as counts: "Spanish: 12 of 15 passages and details"."""
        lines = [
            # TRANSLATORS: {language} is a language's name; {total} counts the review's
            # paragraphs and the film's details (synopsis, tagline...) together.
            ngettext(
                "{language}: {done} of {total} passage or detail translated",
                "{language}: {done} of {total} passages and details translated",
                done.total,
            ).format(
                language=fmt.language_name(code, self.language),
                done=fmt.format_number(done.translated, self.language),
                total=fmt.format_number(done.total, self.language),
            )
            for code, done in sorted(entry.completeness.items())
        ]
        return "\n".join(lines) or None

    def _sort_key(self, entry: LibraryEntry, column: int) -> Any:
        if column == YEAR:
            return entry.year or 0
        if column == NOTES:
            return self._notes.get(entry.id, 0)
        if column == TRANSLATED:
            ratios = [done.ratio for done in entry.completeness.values()]
            return min(ratios) if ratios else -1.0
        if column == OPENED:
            return entry.last_opened or ""
        if column == LEVEL:
            track = reader_track(self._levels.get(entry.id, {}), self.language)
            return track.share if track is not None else -1.0
        return fold_in_place(self._text(entry, column))

    def _level_text(self, entry: LibraryEntry) -> str:
        track = reader_track(self._levels.get(entry.id, {}), self.language)
        if track is None:
            return ""
        # The track's language by name: a bare code reads as a word ("en 92%" in Spanish).
        return _("{language}: {percent}%").format(
            language=fmt.language_name(track.language, self.language),
            percent=fmt.format_number(round(track.share * 100), self.language),
        )

    def _level_tooltip(self, entry: LibraryEntry) -> str | None:
        track = reader_track(self._levels.get(entry.id, {}), self.language)
        if track is None:
            return _("Open the film's subtitles once to see how hard it is for you.")
        # TRANSLATORS: {share} is a percentage such as 92%, {verdict} "comfortable", "some
        # effort" or "hard going".
        return _("{share} of the words familiar to you: {verdict}").format(
            share=fmt.format_percent(track.share, self.language),
            verdict=track.verdict(),
        )


def opened_text(moment: str | None, language: str) -> str:
    """When a film was last opened, as a date in `language`, or "never"."""
    if not moment:
        return _("never")
    try:
        day = dt.datetime.fromisoformat(moment).astimezone().date()
    except ValueError:
        return ""
    return fmt.format_date(day, language, "medium")


class LibraryFilter(QSortFilterProxyModel):
    """Sorts by each column's own order; filters on title, original title, year and id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._needle = ""

    def set_text(self, text: str) -> None:
        """Keep the films whose titles or year hold `text` (accents and case ignored)."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._needle = fold_in_place(text.strip())
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = fold_in_place(text.strip())
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802 (Qt override)
        if not self._needle:
            return True
        model = self.sourceModel()
        entry: LibraryEntry = model.data(model.index(row, TITLE, parent), ENTRY_ROLE)
        haystack = " ".join(
            (*entry.titles.values(), entry.original_title, entry.id, str(entry.year or ""))
        )
        return self._needle in fold_in_place(haystack)
