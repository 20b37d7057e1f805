"""Going to a row of the subtitles table: the selection, a time typed, a search as you type.

`RowFinder` drives the table from the controls' time and search fields, steps through the
matches, and keeps the reader's place (and the search) when new rows replace the old.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from misma_luna.core.subtitles.cue_text import parse_time
from misma_luna.ui.subtitles.controls import SubtitlesControls
from misma_luna.ui.subtitles.table_model import LEFT_COLUMN, SubtitlesModel
from misma_luna.ui.subtitles.table_view import SubtitlesTable


class RowFinder:
    """The selected row, the row at a time, and the matches of the search field."""

    def __init__(
        self, table: SubtitlesTable, model: SubtitlesModel, controls: SubtitlesControls
    ) -> None:
        self._table = table
        self._model = model
        self._controls = controls
        self._matches: list[tuple[int, int]] = []
        self._match = -1
        self._kept_start: int | None = None
        model.modelAboutToBeReset.connect(self._keep_place)
        model.modelReset.connect(self._restore_place)
        controls.search_field.textChanged.connect(self.search)
        controls.search_field.returnPressed.connect(self.next_match)
        controls.next_button.clicked.connect(self.next_match)
        controls.previous_button.clicked.connect(self.previous_match)
        controls.jump_field.returnPressed.connect(
            lambda: self.jump_to_text(controls.jump_field.text())
        )

    def current_start(self) -> int | None:
        """The start time of the selected row, if any."""
        index = self._table.currentIndex()
        return self._model.row(index.row()).start_ms if index.isValid() else None

    def selected_span(self) -> tuple[int, int] | None:
        """The time span of the selected rows, if any (the scene a worksheet is offered)."""
        selected = self._table.selectionModel().selectedIndexes()
        rows = sorted({index.row() for index in selected})
        if not rows:
            return None
        return self._model.row(rows[0]).start_ms, self._model.row(rows[-1]).end_ms

    def select_row(self, row: int, column: int = LEFT_COLUMN) -> None:
        """Select `row` and bring it into view."""
        if not 0 <= row < self._model.rowCount():
            return
        index = self._model.index(row, column)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self._table.selectionModel().setCurrentIndex(index, flags)
        self._table.scrollTo(index)

    def jump_to_text(self, text: str) -> bool:
        """Go to the row showing at the time typed (`1:02:03`, `2:03`, `95`)."""
        ms = parse_time(text)
        if ms is None:
            self._controls.show_jump_error()
            return False
        self._controls.show_jump_error(False)
        self.jump_to(ms)
        return True

    def jump_to(self, ms: int) -> None:
        """Go to the row showing at `ms`, or the next one."""
        self.select_row(self._model.row_at_time(ms))

    def search(self, *_args: object) -> None:
        """Find the field's text in both columns and go to the first match."""
        self._controls.show_jump_error(False)
        self._matches = self._model.matches(self._controls.search_field.text())
        self._match = -1
        self._step(1)

    def next_match(self) -> None:
        """Go to the next match, wrapping around."""
        self._step(1)

    def previous_match(self) -> None:
        """Go to the previous match, wrapping around."""
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self._matches:
            self._match = (self._match + delta) % len(self._matches)
            self.select_row(*self._matches[self._match])
        self._controls.show_match_count(self._match, len(self._matches))

    def _keep_place(self) -> None:
        self._kept_start = self.current_start()

    def _restore_place(self) -> None:
        """After new rows: the row showing where the reader was, and the search again."""
        if self._kept_start is not None:
            self.select_row(self._model.row_at_time(self._kept_start))
        self._kept_start = None
        if self._controls.search_field.text():
            self.search()
