"""How hard the film on screen is for the reader: a small bar and a number per subtitle
language, with the coverage research's wording (comfortable, some effort, hard going).

It reads the film's words as the words pane counted them (kept in the words store) and the
words the reader knows; the shell calls `show_level` again when either changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _, active_language
from misma_luna.core.words.coverage import (
    COMFORTABLE,
    DEFAULT_COMMON,
    HARD,
    Coverage,
)
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.widgets.plain_text import plain_label

BAR_WIDTH = 120  # at most; the bar gives way in a narrow pane, down to BAR_MIN
BAR_MIN = 48


class FilmLevel(QWidget):
    """A heading, then per language: its name, a bar of the familiar share, the verdict."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("filmLevel")
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.note = plain_label(self)
        self.note.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(3, 1)  # language, bar and share keep together at the left
        self.grid.setVerticalSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self.grid)
        layout.addWidget(self.note)
        self.coverages: list[Coverage] = []
        self._rows: list[_LanguageRow] = []
        context.session.filmChanged.connect(self.show_level)

    def retranslate(self) -> None:
        """The level already counted, in the active language."""
        self.heading.setText(_("How hard it is for you"))
        self._fill()

    def show_level(self, *_args: object) -> None:
        """Count again from the store and show the film's level in the active language."""
        self.heading.setText(_("How hard it is for you"))
        film_id = self._context.film.id
        try:
            self.coverages = self._context.words.film_coverage(film_id)
        except MismaLunaError as error:
            self.coverages = []
            self._fill()
            self.note.setText(error.message)
            return
        self._fill()

    def _fill(self) -> None:
        # A language switch keeps the rows and changes their words; another count of
        # languages gets rows made anew.
        if len(self._rows) != len(self.coverages):
            while self.grid.count():
                item = self.grid.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.setParent(None)  # gone from the pane at once, deleted when idle
                    widget.deleteLater()
            self._rows = [self._add_row(2 * number) for number in range(len(self.coverages))]
        ui = active_language()
        for row, coverage in zip(self._rows, self.coverages, strict=True):
            _show_language(row, coverage, ui)
        if self.coverages:
            self.note.setText(
                # TRANSLATORS: {count} is a number of words; {comfortable} and {hard} are
                # percentages such as 95% and 80%.
                _(
                    "Familiar words: the {count} most common ones and those you know. "
                    "From {comfortable} a film reads comfortably; under {hard} it is hard going."
                ).format(
                    count=fmt.format_number(DEFAULT_COMMON, ui),
                    comfortable=fmt.format_percent(COMFORTABLE, ui),
                    hard=fmt.format_percent(HARD, ui),
                )
            )
        else:
            self.note.setText(_("Open the film's subtitles to see how hard it is for you."))

    def _add_row(self, row: int) -> _LanguageRow:
        """Two rows of the grid: the language, its bar and share; the verdict under the bar."""
        shown = _LanguageRow(
            plain_label(self), QProgressBar(self), plain_label(self), plain_label(self)
        )
        shown.bar.setRange(0, 100)
        shown.bar.setTextVisible(False)
        shown.bar.setMinimumWidth(BAR_MIN)
        shown.bar.setMaximumWidth(BAR_WIDTH)
        shown.bar.setMaximumHeight(shown.language.sizeHint().height())
        shown.verdict.setWordWrap(True)
        for column, widget in enumerate((shown.language, shown.bar, shown.share)):
            self.grid.addWidget(widget, row, column)
        self.grid.addWidget(shown.verdict, row + 1, 1, 1, 2)
        return shown


@dataclass(frozen=True)
class _LanguageRow:
    """The widgets that show one language's level."""

    language: QLabel
    bar: QProgressBar
    share: QLabel
    verdict: QLabel


def _show_language(row: _LanguageRow, coverage: Coverage, ui: str) -> None:
    """`coverage` in `row`, in the language `ui`."""
    name = fmt.language_name(coverage.language, ui)
    share = fmt.format_percent(coverage.share, ui)
    verdict = coverage.verdict()
    row.language.setText(fmt.first_capital(name))
    row.bar.setValue(round(coverage.share * 100))
    row.share.setText(share)
    row.verdict.setText(fmt.first_capital(verdict))
    # TRANSLATORS: {language} is a language's name; read aloud by screen readers.
    row.bar.setAccessibleName(_("{language} subtitles: words familiar").format(language=name))
    # TRANSLATORS: {share} is a percentage such as 92%, {verdict} "comfortable", "some
    # effort" or "hard going".
    row.bar.setAccessibleDescription(
        _("{share} of the words familiar to you: {verdict}").format(share=share, verdict=verdict)
    )
    row.bar.setToolTip(
        # TRANSLATORS: {common} and {known} are percentages such as 92%.
        _("{common} among the most common words, {known} among the words you know").format(
            common=fmt.format_percent(coverage.common_share, ui),
            known=fmt.format_percent(coverage.reader_share, ui),
        )
    )
