"""The Words pane: what the reader collected, searchable as they type, this film or all.

The shell hands it a `Sighting` when the reader collects (Edit > Collect Word) and the film's
paired subtitle lines; the pane saves through `context.words`, suggests the counterpart from
those lines, shows dictionary entries, says how much of the film's tracks the reader will
follow, and exports decks and tables.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.words import dictd, lexicon
from misma_luna.core.words.export import write_words
from misma_luna.core.words.word import Sighting, Word
from misma_luna.ui.services import settings
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.dialogs import report_problem
from misma_luna.ui.widgets.plain_text import plain_label
from misma_luna.ui.words.coverage_line import coverage_text
from misma_luna.ui.words.detail import WordDetail
from misma_luna.ui.words.film_lines import FilmLines
from misma_luna.ui.words.table_model import FILM_COLUMN, WordsModel

THIS_FILM, ALL_FILMS = 0, 1


class WordsPane(Retranslating, QWidget):
    """The collected words: a table, the selected word up close, and their films' coverage."""

    wantsShowing = Signal()  # noqa: N815 (Qt naming); a word was collected: show the pane

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("wordsPane")
        self.lines = FilmLines()
        self._dictionaries: list[dictd.Dictionary] | None = None
        self.coverage_label = plain_label(self)
        self.coverage_label.setObjectName("wordsCoverage")
        self.coverage_label.setWordWrap(True)
        self.search_field = QLineEdit(self)
        self.search_field.setClearButtonEnabled(True)
        self.scope = QComboBox(self)
        self.export_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.folder_button = QPushButton(self)
        self.model = WordsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(60)  # the dock stays low: the reading panes come first
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = WordDetail(self)
        self._layout()
        self._connect()
        self.retranslate()

    def _layout(self) -> None:
        tools = QHBoxLayout()
        for widget in (self.search_field, self.scope, self.export_button, self.delete_button,
                       self.folder_button):  # fmt: skip
            tools.addWidget(widget, 1 if widget is self.search_field else 0)
        # The word's details scroll rather than make the dock tall: the reading panes come first.
        details = QScrollArea(self)
        details.setWidget(self.detail)
        details.setWidgetResizable(True)
        details.setFrameShape(QFrame.Shape.NoFrame)
        details.setMinimumHeight(60)
        split = QSplitter(self)
        split.addWidget(self.table)
        split.addWidget(details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.coverage_label)
        layout.addLayout(tools)
        layout.addWidget(split, 1)

    def _connect(self) -> None:
        self.search_field.textChanged.connect(self.refresh)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.export_button.clicked.connect(self.choose_and_export)
        self.delete_button.clicked.connect(self.delete_selected)
        self.folder_button.clicked.connect(self.choose_dictionary_folder)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_selected())
        self.detail.meaningEdited.connect(lambda word, text: self._save(word, meaning=text))
        self.detail.counterpartChosen.connect(
            lambda word, chosen, sure: self._save(word, counterpart=chosen, confidence=sure)
        )
        self._context.session.filmChanged.connect(lambda _film: self.refresh())

    def retranslate(self) -> None:
        """Every text of the pane in the active language."""
        self.search_field.setPlaceholderText(_("Search your words…"))
        self.search_field.setAccessibleName(_("Search your words"))
        with_index = self.scope.currentIndex()
        with QSignalBlocker(self.scope):  # the same scope, in other words: nothing to reload
            self.scope.clear()
            self.scope.addItems([_("This film"), _("All films")])
            self.scope.setCurrentIndex(max(with_index, 0))
        self.export_button.setText(_("E&xport…"))
        self.export_button.setToolTip(_("Save these words as an Anki deck or a CSV table"))
        self.delete_button.setText(_("&Delete"))
        self.folder_button.setText(_("Dictionaries…"))
        self.folder_button.setToolTip(_("Choose a folder that holds dictd dictionaries"))
        self.table.setAccessibleName(_("Your words"))
        self.scope.setAccessibleName(_("Which films' words to show"))
        for button in (self.export_button, self.delete_button, self.folder_button):
            button.setAccessibleName(button.text().replace("&", ""))
        self.model.retranslate()
        self.detail.retranslate()
        self.show_coverage()

    # -- what is shown

    def film_id(self) -> str | None:
        """The film whose words are shown (None: all films)."""
        return None if self.scope.currentIndex() == ALL_FILMS else self._context.film.id

    def refresh(self, *_args: object) -> None:
        """Show the stored words for the scope and the search, keeping the selected one."""
        selected = self.selected()
        try:
            words = self._context.words.words(self.film_id(), self.search_field.text())
        except MismaLunaError as error:
            self._context.status.show(error.message)
            words = []
        self.model.set_words(words)
        self.table.setColumnHidden(FILM_COLUMN, self.film_id() is not None)
        self.table.resizeColumnsToContents()
        if selected is None and words:
            selected = words[0]
        self.select_word(selected.id if selected else None)
        self.show_coverage()

    def selected(self) -> Word | None:
        """The word on the selected row, if any."""
        index = self.table.currentIndex()
        return self.model.word(index.row()) if index.isValid() else None

    def select_word(self, word_id: int | None) -> None:
        """Select the row of `word_id` (else none) and show it up close."""
        row = self.model.row_of(word_id) if word_id is not None else -1
        if row >= 0:
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
            self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
            self.table.scrollTo(self.model.index(row, 0))
        self._show_selected()

    def _show_selected(self) -> None:
        word = self.selected()
        suggestions = []
        if word is not None and word.paired_line and word.film_id == self.lines.film_id:
            suggestions = self.lines.suggest(word.text, word.language, word.paired_line)
        self.detail.show_word(word, suggestions)
        if word is not None:
            self.detail.show_entries(self._look_up(word), _no_dictionary_text())

    def set_lines(self, film_id: str, languages: tuple[str, str],
                  rows: list[tuple[str, str]]) -> None:  # fmt: skip
        """The film's paired subtitle lines (plain text), for counterparts and coverage."""
        self.lines = FilmLines(film_id, languages, rows)
        self.show_coverage()

    def show_coverage(self) -> None:
        """How much of the film's tracks the reader will follow, in the header."""
        try:
            text = coverage_text(self.lines, self._context.words, self._context.film.id)
        except MismaLunaError as error:
            text = error.message
        self.coverage_label.setText(text)

    # -- what the reader does

    def collect(self, sighting: Sighting) -> Word | None:
        """Save the word of `sighting` (asking which word when only a line was selected)."""
        if not lexicon.tokens(sighting.text):
            text = self._ask_word(sighting.line)
            if not text:
                return None
            sighting = Sighting(text, *_rest(sighting))
        suggestions = []
        if sighting.paired_line:
            suggestions = self.lines.suggest(sighting.text, sighting.language, sighting.paired_line)
        try:
            word, new = self._context.words.collect(
                sighting, suggestions[0] if suggestions else None
            )
        except MismaLunaError as error:
            report_problem(self, _("The word could not be collected"), error)
            return None
        message = _("Collected “{word}”.") if new else _("“{word}” was already in your words.")
        self._context.status.show(message.format(word=word.text))
        if self.scope.currentIndex() == THIS_FILM and word.film_id != self._context.film.id:
            self.scope.setCurrentIndex(ALL_FILMS)
        self.search_field.clear()
        self.refresh()
        self.select_word(word.id)
        self.wantsShowing.emit()
        return word

    def _ask_word(self, line: str) -> str:
        words = list(dict.fromkeys(lexicon.tokens(line)))
        if not words:
            return ""
        text, ok = QInputDialog.getItem(
            self, _("Collect a word"), _("Which word or phrase of this line?"), words, 0, True
        )
        return text.strip() if ok else ""

    def _save(self, word: Word, **changes: object) -> None:
        try:
            stored = self._context.words.update(word, **changes)  # type: ignore[arg-type]
        except MismaLunaError as error:
            report_problem(self, _("The word could not be saved"), error)
            return
        self.model.replace(stored)
        self.detail.show_word(stored, keep_choices=True)

    def delete_selected(self) -> None:
        """Remove the selected word for good."""
        word = self.selected()
        if word is None:
            return
        try:
            self._context.words.delete(word.id)
        except MismaLunaError as error:
            report_problem(self, _("The word could not be deleted"), error)
            return
        self.refresh()

    def choose_and_export(self) -> None:
        """Ask where to save the words on show as an Anki deck or a CSV table, then save."""
        words = self.model.words()
        if not words:
            report_problem(self, _("Nothing to export"), _("There are no words to export."))
            return
        folder = Path(self._context.preferences.get(settings.LAST_FOLDER))
        filters = ";;".join((_("Anki decks (*.apkg)"), _("CSV tables (*.csv)")))
        path, chosen = QFileDialog.getSaveFileName(
            self, _("Export words"), str(folder / "misma-luna-words.apkg"), filters
        )
        if path:
            target = Path(path)
            if target.suffix.lower() not in (".apkg", ".csv"):
                target = target.with_suffix(".csv" if "csv" in chosen else ".apkg")
            self.export(words, target)

    def export(self, words: list[Word], path: Path) -> bool:
        """Write `words` to `path` (Anki or CSV by its suffix); report a failure."""
        try:
            write_words(words, path, title=self._film_title)
        except MismaLunaError as error:
            report_problem(self, _("The words could not be exported"), error)
            return False
        self._context.status.show(_("Words saved to {path}.").format(path=path))
        return True

    def _film_title(self, film_id: str) -> str:
        return self._context.localized_film().title if film_id == self._context.film.id else film_id

    # -- dictionaries

    def dictionaries(self) -> list[dictd.Dictionary]:
        """The dictd dictionaries found on the machine and in the chosen folder."""
        if self._dictionaries is None:
            folders = [dictd.SYSTEM_FOLDER]
            chosen = self._context.preferences.get(settings.DICTIONARY_FOLDER)
            if chosen:
                folders.append(Path(chosen))
            self._dictionaries = dictd.find_dictionaries(folders)
        return self._dictionaries

    def _look_up(self, word: Word) -> list[tuple[str, str]]:
        try:
            entries = dictd.look_up(self.dictionaries(), word.base, word.language)
            if not entries and word.base != word.text.lower():
                entries = dictd.look_up(self.dictionaries(), word.text, word.language)
        except MismaLunaError as error:
            return [(_("Dictionary"), error.message)]
        return entries

    def choose_dictionary_folder(self) -> None:
        """Ask for a folder of dictd dictionaries and remember it."""
        current = self._context.preferences.get(settings.DICTIONARY_FOLDER)
        folder = QFileDialog.getExistingDirectory(self, _("Folder of dictionaries"), current)
        if folder:
            self.set_dictionary_folder(Path(folder))

    def set_dictionary_folder(self, folder: Path) -> None:
        """Look up words in the dictionaries of `folder` too, from now on."""
        self._context.preferences.set(settings.DICTIONARY_FOLDER, str(folder))
        self._dictionaries = None
        self._show_selected()


def _rest(sighting: Sighting) -> tuple[str, str, str, str, str, int | None]:
    s = sighting
    return (s.language, s.line, s.film_id, s.paired_line, s.paired_language, s.time_ms)


def _no_dictionary_text() -> str:
    return _(
        "No dictionary entry. Misma Luna reads dictd dictionaries, such as FreeDict's "
        "(on Debian and Ubuntu: the packages dict-freedict-spa-eng and dict-freedict-eng-spa, "
        "installed in /usr/share/dictd), or a folder you choose with Dictionaries…"
    )
