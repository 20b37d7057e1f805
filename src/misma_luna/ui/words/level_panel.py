"""The lines to learn from: each subtitle line with exactly one word the reader does not know
("i+1"), a jump to it, and the words of the film to learn first.

The pane hands over the levels counted from the film's lines; the panel never counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _, active_language, ngettext
from misma_luna.core.subtitles.cue_text import format_time
from misma_luna.core.words.coverage import Level
from misma_luna.ui.widgets.plain_text import plain_label, plain_tooltip
from misma_luna.ui.widgets.rows_model import Index, RowsModel

TIME_ROLE = Qt.ItemDataRole.UserRole + 1
LIST_ROWS = 4  # the lines the list shows at least


@dataclass(frozen=True)
class OneNewLine:
    """A line with one new word, where it starts and in which language."""

    language: str
    time_ms: int | None
    text: str
    word: str


class OneNewModel(RowsModel[OneNewLine]):
    """The i+1 lines of the film, in the order they come (one column: a list's)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.many_languages = False

    def headings(self) -> tuple[str, ...]:
        return ("",)  # a list shows no heading

    def set_lines(self, lines: list[OneNewLine]) -> None:
        """Show `lines`."""
        self.many_languages = len({line.language for line in lines}) > 1
        self.show_rows(lines)

    def line(self, row: int) -> OneNewLine:
        """The line on `row`."""
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(line)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(line.text)
        if role == TIME_ROLE:
            return line.time_ms
        return None

    def text(self, line: OneNewLine) -> str:
        """One row: time, the line on one line, and its new word."""
        time = "" if line.time_ms is None else format_time(line.time_ms).split(".")[0] + "  "
        where = f"[{line.language}] " if self.many_languages else ""
        # TRANSLATORS: {line} is a subtitle line, {word} the one word of it the reader does not
        # know yet.
        said = _("{line} (new: {word})").format(line=" ".join(line.text.split()), word=line.word)
        return f"{where}{time}{said}"


class LevelPanel(QWidget):
    """The i+1 lines (activate one to jump to it) and the words to learn first."""

    lineChosen = Signal(int)  # noqa: N815 (Qt naming); the line's start time in ms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordsLevelPanel")
        self._levels: list[Level] = []
        self.summary = plain_label(self)
        self.summary.setWordWrap(True)
        self.model = OneNewModel(self)
        self.list = QListView(self)
        self.list.setObjectName("oneNewWordLines")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        # Room for a few lines at least: the panel scrolls in its tab rather than crush them.
        rows = self.list.fontMetrics().lineSpacing() * LIST_ROWS
        self.list.setMinimumHeight(rows + 2 * self.list.frameWidth() + 4)
        self.to_learn = plain_label(self)
        self.to_learn.setObjectName("wordsToLearn")
        self.to_learn.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.to_learn)
        self.list.activated.connect(self._chosen)
        self.list.doubleClicked.connect(self._chosen)
        self.retranslate()
        self._show_texts()

    def retranslate(self) -> None:
        """The list's own texts in the active language; the lines and the summary follow
        with `show_levels`, which the words pane calls right after on every switch."""
        self.list.setAccessibleName(_("Lines with one new word"))
        self.list.setAccessibleDescription(
            _("Each line has exactly one word you do not know yet. Press Enter to go to it.")
        )

    def show_levels(self, levels: list[Level], times: dict[str, list[int | None]]) -> None:
        """Show the i+1 lines of `levels`; `times` gives each language's line starts."""
        self._levels = list(levels)
        lines = []
        for level in levels:
            language = level.coverage.language
            starts = times.get(language, [])
            for line in level.one_new:
                time = starts[line.index] if line.index < len(starts) else None
                lines.append(OneNewLine(language, time, line.text, line.unknown[0]))
        lines.sort(key=lambda line: (line.time_ms is None, line.time_ms or 0))
        self.model.set_lines(lines)
        self._show_texts()

    def _show_texts(self) -> None:
        count = self.model.rowCount()
        if not self._levels:
            self.summary.setText(_("Open this film's subtitles to find the lines to learn from."))
        elif count:
            self.summary.setText(ngettext_lines(count))
        else:
            self.summary.setText(_("No line of this film has exactly one word new to you."))
        words = []
        for level in self._levels:
            bases = ", ".join(base for base, _count in level.to_learn)
            if bases:
                name = fmt.language_name(level.coverage.language, active_language())
                words.append(
                    _("Learn first ({language}): {words}").format(language=name, words=bases)
                )
        self.to_learn.setText("\n".join(words))
        self.to_learn.setVisible(bool(words))

    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            time = self.model.line(index.row()).time_ms
            if time is not None:
                self.lineChosen.emit(time)


def ngettext_lines(count: int) -> str:
    """How many lines have exactly one new word, as a sentence."""
    # TRANSLATORS: a line with exactly one new word, the rest already known ("i+1").
    return ngettext(
        "{count} line has exactly one word new to you: the easiest to learn from.",
        "{count} lines have exactly one word new to you: the easiest to learn from.",
        count,
    ).format(count=fmt.format_number(count, active_language()))
