"""The Words pane: what the reader collected, searchable as they type, this film or all.

The shell hands it a `Sighting` when the reader collects (Edit > Collect Word) and the film's
paired subtitle lines; the pane saves through `context.words`, suggests the counterpart from
those lines, shows dictionary entries, says how much of the film's tracks the reader will
follow, and exports decks and tables.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QTabWidget, QWidget

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.notes.note import subtitle_anchor
from misma_luna.core.words.coverage import vocabulary
from misma_luna.core.words.word import Sighting, Word
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.dialogs import report_problem
from misma_luna.ui.widgets.plain_text import plain_label
from misma_luna.ui.words.collecting import chosen_word
from misma_luna.ui.words.coverage_line import coverage_text, film_levels
from misma_luna.ui.words.detail import WordDetail
from misma_luna.ui.words.dictionary_shelf import Dictionaries
from misma_luna.ui.words.exporting import WordsExport
from misma_luna.ui.words.film_lines import FilmLines
from misma_luna.ui.words.known_words import KnownWords
from misma_luna.ui.words.level_panel import LevelPanel
from misma_luna.ui.words.pane_layout import lay_out, words_table
from misma_luna.ui.words.table_model import FILM_COLUMN, WordsModel

THIS_FILM, ALL_FILMS = 0, 1


class WordsPane(Retranslating, QWidget):
    """The collected words: a table, the selected word up close, and their films' coverage."""

    wantsShowing = Signal()  # noqa: N815 (Qt naming); a word was collected: show the pane
    levelChanged = Signal()  # noqa: N815 (Qt naming); known words or the film's words changed

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("wordsPane")
        self.lines = FilmLines()
        # What `_keep_vocabulary` last counted, by language: the film and its track's words.
        self._counted: dict[str, tuple[str, str]] = {}
        self._exporting = WordsExport(context, self)
        self._known = KnownWords(context, self, self._known_changed)
        self._dictionaries = Dictionaries(context, self, self._show_selected)
        self.coverage_label = plain_label(self)
        self.coverage_label.setObjectName("wordsCoverage")
        self.coverage_label.setWordWrap(True)
        self.search_field = QLineEdit(self)
        self.search_field.setClearButtonEnabled(True)
        self.scope = QComboBox(self)
        self.export_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.folder_button = QPushButton(self)
        self.known_button = QPushButton(self)
        self.known_button.setObjectName("knownToggle")
        self.known_button.setCheckable(True)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importKnown")
        self.model = WordsModel(self)
        self.table = words_table(self.model, self)
        self.detail = WordDetail(self)
        self.level_panel = LevelPanel(self)
        self.tabs = QTabWidget(self)
        tools = (self.search_field, self.scope, self.known_button, self.export_button,
                 self.delete_button, self.import_button, self.folder_button)  # fmt: skip
        lay_out(self, header=self.coverage_label, tools=tools, table=self.table, tabs=self.tabs,
                pages=(self.detail, self.level_panel))  # fmt: skip
        self._connect()
        self.retranslate()

    def _connect(self) -> None:
        self.search_field.textChanged.connect(self.refresh)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.export_button.clicked.connect(self.choose_and_export)
        self.delete_button.clicked.connect(self.delete_selected)
        self.folder_button.clicked.connect(self._dictionaries.choose_folder)
        self.known_button.clicked.connect(self.toggle_known)
        self.import_button.clicked.connect(self._known.choose_and_import)
        self.level_panel.lineChosen.connect(self.go_to_line)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_selected())
        self.detail.meaningEdited.connect(lambda word, text: self._save(word, meaning=text))
        self.detail.counterpartChosen.connect(
            lambda word, chosen, sure: self._save(word, counterpart=chosen, confidence=sure)
        )
        self._context.session.filmChanged.connect(self._film_changed)

    def retranslate(self) -> None:
        """Every text of the pane in the active language."""
        self.search_field.setPlaceholderText(_("Search your words…"))
        self.search_field.setAccessibleName(_("Search your words"))
        self.search_field.setAccessibleDescription(
            _("Type to find among your collected words, their base forms and meanings.")
        )
        with_index = self.scope.currentIndex()
        with QSignalBlocker(self.scope):  # the same scope, in other words: nothing to reload
            self.scope.clear()
            self.scope.addItems([_("This film"), _("All films")])
            self.scope.setCurrentIndex(max(with_index, 0))
        self.export_button.setText(_("E&xport…"))
        self.export_button.setToolTip(_("Save these words as an Anki deck or a CSV table"))
        self.delete_button.setText(_("&Delete"))
        self.folder_button.setText(_("Dictionaries…"))
        self.known_button.setText(_("I &Know It"))
        self.known_button.setToolTip(_("Count this word among the words you know, or not"))
        self.import_button.setText(_("Known Words…"))
        self.import_button.setToolTip(_("Add the words you know from a list, one word a line"))
        self.tabs.setTabText(0, _("Word"))
        self.tabs.setTabText(1, _("Lines to Learn From"))
        self.tabs.setAccessibleName(_("The selected word, or the lines to learn from"))
        self.folder_button.setToolTip(_("Choose a folder of dictd or StarDict dictionaries"))
        self.table.setAccessibleName(_("Your words"))
        self.table.setAccessibleDescription(
            _("The words you collected; select one to see its lines, counterpart and meaning.")
        )
        self.scope.setAccessibleName(_("Which films' words to show"))
        for button in (self.export_button, self.delete_button, self.folder_button,
                       self.known_button, self.import_button):  # fmt: skip
            button.setAccessibleName(button.text().replace("&", ""))
        self.model.retranslate()
        self.detail.retranslate()
        self.level_panel.retranslate()
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
        self.model.set_words(words, self._known.known_ids(words))
        self.table.setColumnHidden(FILM_COLUMN, self.film_id() is not None)
        self.table.resizeColumnsToContents()
        if selected is None and words:
            selected = words[0]
        self.select_word(selected.id if selected else None)

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
        self.known_button.setEnabled(word is not None)
        with QSignalBlocker(self.known_button):
            self.known_button.setChecked(word is not None and self.model.is_known(word.id))
        suggestions = []
        if word is not None and word.paired_line and word.film_id == self.lines.film_id:
            suggestions = self.lines.suggest(word.text, word.language, word.paired_line)
        self.detail.show_word(word, suggestions)
        if word is not None:
            self.detail.show_entries(self._dictionaries.look_up(word))

    def set_lines(self, film_id: str, languages: tuple[str, str],
                  rows: list[tuple[str, str]], times: list[int] | None = None) -> None:  # fmt: skip
        """The film's paired subtitle lines (plain text) and when each starts, for
        counterparts, coverage and the lines to learn from."""
        self.lines = FilmLines(film_id, languages, rows, times)
        saved = self._keep_vocabulary()
        self.show_coverage()
        if saved:
            self.levelChanged.emit()

    def _keep_vocabulary(self) -> bool:
        """Count the film's words for the library's level column (kept in the store), once
        per track: another offset or pairing of the same tracks changes no count. Whether a
        count changed."""
        store = self._context.words
        saved = False
        if store.read_only or not self.lines.film_id:
            return saved
        try:
            for language in filter(None, self.lines.languages):
                track = self.lines.lines(language)
                words = (self.lines.film_id, " ".join(track))  # the cues, however paired
                if self._counted.get(language) == words:
                    continue
                counts = vocabulary(track, language)
                if counts and counts != store.vocabulary(self.lines.film_id, language):
                    store.save_vocabulary(self.lines.film_id, language, counts)
                    saved = True
                self._counted[language] = words
        except MismaLunaError as error:
            self._context.status.show(error.message)
        return saved

    def show_coverage(self) -> None:
        """How much of the film's tracks the reader will follow, in the header, and the
        lines with one new word beside the selected word."""
        levels = []
        try:
            if self.lines.film_id == self._context.film.id:
                levels = film_levels(self.lines, self._context.words)
            text = coverage_text(self.lines, levels, self._context.film.id)
        except MismaLunaError as error:
            text = error.message
        self.coverage_label.setText(text)
        times = {language: self.lines.line_times(language) for language in self.lines.languages}
        self.level_panel.show_levels(levels, times)

    def go_to_line(self, start_ms: int) -> None:
        """Bring the subtitle line starting at `start_ms` into view."""
        self._context.reading.scroll_to(subtitle_anchor(start_ms))

    # -- known words

    def toggle_known(self) -> None:
        """Count the selected word among the words the reader knows, or no longer."""
        word = self.selected()
        if word is not None:
            self._known.set_known(word, not self.model.is_known(word.id))

    def _film_changed(self, *_film: object) -> None:
        self.refresh()
        self.show_coverage()  # this film's tracks, or what to open to count them

    def _known_changed(self) -> None:
        self.refresh()
        self.show_coverage()
        self.levelChanged.emit()

    # -- what the reader does

    def collect(self, sighting: Sighting) -> Word | None:
        """Save the word of `sighting` (asking which word when only a line was selected)."""
        chosen = chosen_word(sighting, self)
        if chosen is None:
            return None
        sighting = chosen
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

    # -- exporting and dictionaries, each done by its own helper

    @property
    def cloze(self) -> bool:
        """Whether the next Anki deck adds a cloze card (the reader's last choice)."""
        return self._exporting.cloze

    def choose_and_export(self) -> None:
        """Ask where to save the words on show as an Anki deck or a CSV table, then save."""
        self._exporting.choose_and_export(self.model.words())

    def export(self, words: list[Word], path: Path, cloze: bool = False) -> bool:
        """Write `words` to `path` (Anki or CSV by its suffix); report a failure."""
        return self._exporting.export(words, path, cloze)

    def set_dictionary_folder(self, folder: Path) -> None:
        """Look up words in the dictionaries of `folder` too, from now on."""
        self._dictionaries.set_folder(folder)
