"""The Words pane: what the reader collected, searchable as they type, this film or all.

The shell hands it a `Sighting` when the reader collects (Edit > Collect Word) and the film's
paired subtitle lines; the pane saves through `context.words`, suggests the counterpart from
those lines, shows dictionary entries, says how much of the film's tracks the reader will
follow, and exports decks and tables.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.notes.note import Anchor
from misma_luna.core.words import lexicon
from misma_luna.core.words.coverage import vocabulary
from misma_luna.core.words.dictionaries.shelf import Shelf
from misma_luna.core.words.export import write_words
from misma_luna.core.words.known import Imported, imported_message
from misma_luna.core.words.word import Sighting, Word
from misma_luna.ui.services import settings
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.dialogs import report_problem
from misma_luna.ui.widgets.plain_text import make_plain_box, plain_label
from misma_luna.ui.words.coverage_line import coverage_text, film_levels
from misma_luna.ui.words.detail import WordDetail
from misma_luna.ui.words.export_dialog import ExportChoices
from misma_luna.ui.words.film_lines import FilmLines
from misma_luna.ui.words.level_panel import LevelPanel
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
        self._shelf: Shelf | None = None
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
        self.cloze = False
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
        self.level_panel = LevelPanel(self)
        self.tabs = QTabWidget(self)
        self._layout()
        self._connect()
        self.retranslate()

    def _layout(self) -> None:
        tools = QHBoxLayout()
        for widget in (self.search_field, self.scope, self.known_button, self.export_button,
                       self.delete_button, self.import_button, self.folder_button):  # fmt: skip
            tools.addWidget(widget, 1 if widget is self.search_field else 0)
        split = QSplitter(self)
        split.addWidget(self.table)
        self.tabs.addTab(self._scrolling(self.detail), "")
        self.tabs.addTab(self._scrolling(self.level_panel), "")
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.coverage_label)
        layout.addLayout(tools)
        layout.addWidget(split, 1)

    def _scrolling(self, widget: QWidget) -> QScrollArea:
        """`widget` in a scroll area: a tab scrolls rather than make the dock tall or crush
        its texts, for the reading panes come first."""
        area = QScrollArea(self)
        area.setWidget(widget)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setMinimumHeight(60)
        return area

    def _connect(self) -> None:
        self.search_field.textChanged.connect(self.refresh)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.export_button.clicked.connect(self.choose_and_export)
        self.delete_button.clicked.connect(self.delete_selected)
        self.folder_button.clicked.connect(self.choose_dictionary_folder)
        self.known_button.clicked.connect(self.toggle_known)
        self.import_button.clicked.connect(self.choose_and_import_known)
        self.level_panel.lineChosen.connect(self.go_to_line)
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
        self.model.set_words(words, self._known_ids(words))
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

    def _known_ids(self, words: list[Word]) -> set[int]:
        """The ids of `words` the reader knows (as written or by base form)."""
        try:
            known = {language: self._context.words.known(language) for language in
                     {word.language for word in words}}  # fmt: skip
        except MismaLunaError:
            return set()
        return {
            word.id for word in words
            if lexicon.key(word.base) in known[word.language]
            or lexicon.key(word.text) in known[word.language]
        }  # fmt: skip

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
            self.detail.show_entries(self._look_up(word))

    def set_lines(self, film_id: str, languages: tuple[str, str],
                  rows: list[tuple[str, str]], times: list[int] | None = None) -> None:  # fmt: skip
        """The film's paired subtitle lines (plain text) and when each starts, for
        counterparts, coverage and the lines to learn from."""
        self.lines = FilmLines(film_id, languages, rows, times)
        self._keep_vocabulary()
        self.show_coverage()
        self.levelChanged.emit()

    def _keep_vocabulary(self) -> None:
        """Count the film's words once for the library's level column (kept in the store)."""
        store = self._context.words
        if store.read_only or not self.lines.film_id:
            return
        try:
            for language in self.lines.languages:
                counts = vocabulary(self.lines.lines(language), language) if language else {}
                if counts and counts != store.vocabulary(self.lines.film_id, language):
                    store.save_vocabulary(self.lines.film_id, language, counts)
        except MismaLunaError as error:
            self._context.status.show(error.message)

    def show_coverage(self) -> None:
        """How much of the film's tracks the reader will follow, in the header, and the
        lines with one new word beside the selected word."""
        levels = []
        try:
            text = coverage_text(self.lines, self._context.words, self._context.film.id)
            if self.lines.film_id == self._context.film.id:
                levels = film_levels(self.lines, self._context.words)
        except MismaLunaError as error:
            text = error.message
        self.coverage_label.setText(text)
        times = {language: self.lines.line_times(language) for language in self.lines.languages}
        self.level_panel.show_levels(levels, times)

    def go_to_line(self, start_ms: int) -> None:
        """Bring the subtitle line starting at `start_ms` into view."""
        self._context.reading.scroll_to(Anchor("subtitle", f"cue:{start_ms}", start_ms, ""))

    # -- known words

    def toggle_known(self) -> None:
        """Count the selected word among the words the reader knows, or no longer."""
        word = self.selected()
        if word is None:
            return
        known = not self.model.is_known(word.id)
        try:
            self._context.words.set_known(word.text, word.language, known)
        except MismaLunaError as error:
            report_problem(self, _("The word could not be saved"), error)
            return
        message = (
            _("“{word}” counts as known.") if known else _("“{word}” no longer counts as known.")
        )
        self._context.status.show(message.format(word=word.text))
        self.refresh()
        self.levelChanged.emit()

    def choose_and_import_known(self) -> None:
        """Ask for a list of words the reader knows, then add them."""
        folder = self._context.preferences.get(settings.LAST_FOLDER)
        filters = ";;".join((_("Word lists (*.txt *.csv *.tsv)"), _("All files (*)")))
        path, _chosen = QFileDialog.getOpenFileName(
            self, _("Add the words you know"), folder, filters
        )
        if path:
            self.import_known(Path(path))

    def import_known(self, path: Path) -> Imported | None:
        """Add the words of the list at `path` (its language guessed) and say how many."""
        try:
            done = self._context.words.import_known(path)
        except MismaLunaError as error:
            report_problem(self, _("The list could not be added"), error)
            return None
        message = imported_message(done, path)
        self._context.status.show(message)
        box = QMessageBox(QMessageBox.Icon.Information, _("Words you know"), "",
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        make_plain_box(box).setText(message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
        self.refresh()
        self.levelChanged.emit()
        return done

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
        choices = ExportChoices(len(words), self.cloze, self)
        if choices.exec() != ExportChoices.DialogCode.Accepted:
            return
        form = choices.form()
        self.cloze = choices.with_cloze() or (form == "csv" and self.cloze)
        folder = Path(self._context.preferences.get(settings.LAST_FOLDER))
        filters = _("Anki decks (*.apkg)") if form == "apkg" else _("CSV tables (*.csv)")
        path, _chosen = QFileDialog.getSaveFileName(
            self, _("Export words"), str(folder / f"misma-luna-words.{form}"), filters
        )
        if path:
            target = Path(path)
            if target.suffix.lower() != f".{form}":
                target = target.with_name(f"{target.name}.{form}")
            self.export(words, target, cloze=choices.with_cloze())

    def export(self, words: list[Word], path: Path, cloze: bool = False) -> bool:
        """Write `words` to `path` (Anki or CSV by its suffix); report a failure."""
        try:
            write_words(words, path, title=self._film_title, cloze=cloze)
        except MismaLunaError as error:
            report_problem(self, _("The words could not be exported"), error)
            return False
        self._context.status.show(_("Words saved to {path}.").format(path=path))
        return True

    def _film_title(self, film_id: str) -> str:
        return self._context.localized_film().title if film_id == self._context.film.id else film_id

    # -- dictionaries

    def dictionaries(self) -> Shelf:
        """The dictionaries on the machine and in the chosen folder (the preference)."""
        chosen = self._context.preferences.get(settings.DICTIONARY_FOLDER)
        if self._shelf is None or self._shelf.chosen != chosen:
            self._shelf = Shelf(chosen)
        return self._shelf

    def _look_up(self, word: Word) -> list[tuple[str, str]]:
        return self.dictionaries().look_up((word.base, word.text), word.language)

    def choose_dictionary_folder(self) -> None:
        """Ask for a folder of dictionaries and remember it."""
        current = self._context.preferences.get(settings.DICTIONARY_FOLDER)
        folder = QFileDialog.getExistingDirectory(self, _("Folder of dictionaries"), current)
        if folder:
            self.set_dictionary_folder(Path(folder))

    def set_dictionary_folder(self, folder: Path) -> None:
        """Look up words in the dictionaries of `folder` too, from now on."""
        self._context.preferences.set(settings.DICTIONARY_FOLDER, str(folder))
        self._shelf = None
        self._show_selected()


def _rest(sighting: Sighting) -> tuple[str, str, str, str, str, int | None]:
    s = sighting
    return (s.language, s.line, s.film_id, s.paired_line, s.paired_language, s.time_ms)
