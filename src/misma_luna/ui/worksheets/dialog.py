"""The worksheet dialog: the scene (whole film, the selected subtitle rows, or two times
typed), the language, the version, the parts, where the glossary's words come from (the
scene's least common, or the words the reader collected) and the teacher's questions; then
preview, print, or save as PDF or Word, and a line saying where the file went.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.sheets.compose import Paper
from misma_luna.core.words.word import Word
from misma_luna.core.worksheets.compose import (
    PARTS,
    WorksheetOptions,
    compose_worksheet,
    glossary_notice,
    worksheet_labels,
)
from misma_luna.core.worksheets.gapfill import VERSIONS
from misma_luna.core.worksheets.questions import load_questions, questions_path, save_questions
from misma_luna.core.worksheets.scene import LANGUAGES, clock, read_time
from misma_luna.core.worksheets.vocabulary import collected_in
from misma_luna.ui.services import settings
from misma_luna.ui.services.appearance.screen import resize_to_fit
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.dialogs import open_folder
from misma_luna.ui.widgets.plain_text import plain_label
from misma_luna.ui.widgets.sheet_pages import preferred_paper
from misma_luna.ui.worksheets.output import WorksheetOutput

Span = tuple[int, int]


class WorksheetDialog(Retranslating, QDialog):
    """Choose a scene and the parts of a worksheet, then print or save it."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, selected: Span | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("worksheetDialog")
        self._context = context
        self._selected = selected
        self._saved_folder: Path | None = None
        self.whole, self.rows, self.typed = (QRadioButton(self) for _i in range(3))
        self.start, self.end = QLineEdit(self), QLineEdit(self)
        self.language, self.version = QComboBox(self), QComboBox(self)
        self.glossary_source = QComboBox(self)
        self.glossary_note = plain_label(self)
        self.glossary_note.setWordWrap(True)
        self.parts = {part: QCheckBox(self) for part in PARTS}
        self.hints = QCheckBox(self)
        self.questions = QPlainTextEdit(self)
        self.message = plain_label(self)
        self.message.setWordWrap(True)
        self.open_folder = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.preview_button, self.print_button, self.pdf_button, self.word_button = (
            self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole) for _i in range(4)
        )
        self._labels = [QLabel(self) for _i in range(6)]
        self._lay_out()
        self._fill()
        self._connect()
        self.retranslate()
        resize_to_fit(self, 560, 620)

    def _lay_out(self) -> None:
        scene = QGridLayout()
        scene.addWidget(self.whole, 0, 0, 1, 4)
        scene.addWidget(self.rows, 1, 0, 1, 4)
        scene.addWidget(self.typed, 2, 0)
        scene.addWidget(self.start, 2, 1)
        scene.addWidget(self._labels[4], 2, 2)
        scene.addWidget(self.end, 2, 3)
        form = QFormLayout()
        form.addRow(self._labels[0], scene)
        form.addRow(self._labels[1], self.language)
        form.addRow(self._labels[2], self.version)
        parts = QGridLayout()
        for index, box in enumerate(self.parts.values()):
            parts.addWidget(box, index // 2, index % 2)
        parts.addWidget(self.hints, 3, 0, 1, 2)
        form.addRow(self._labels[3], parts)
        form.addRow(self._labels[5], self.glossary_source)
        form.addRow("", self.glossary_note)
        saved = QHBoxLayout()
        saved.addWidget(self.message, 1)
        saved.addWidget(self.open_folder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.questions, 1)
        layout.addLayout(saved)
        layout.addWidget(self.buttons)

    def _fill(self) -> None:
        for code in LANGUAGES:
            self.language.addItem("", code)
        wanted = self._context.film.facts.titles.original_language
        self.language.setCurrentIndex(max(self.language.findData(wanted), 0))
        for name in VERSIONS:
            self.version.addItem(name, name)
        for box in self.parts.values():
            box.setChecked(True)
        for source in ("collected", "rare"):
            self.glossary_source.addItem("", source)
        wanted = "collected" if self._collected_words() else "rare"
        self.glossary_source.setCurrentIndex(self.glossary_source.findData(wanted))
        self.glossary_note.hide()
        self.rows.setEnabled(self._selected is not None)
        (self.rows if self._selected else self.whole).setChecked(True)
        if self._selected:
            self.start.setText(clock(self._selected[0]))
            self.end.setText(clock(self._selected[1]))
        self.questions.setPlainText("\n".join(self._load_questions()))
        self.open_folder.hide()

    def _connect(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_worksheet)
        self.pdf_button.clicked.connect(lambda: self.export(".pdf"))
        self.word_button.clicked.connect(lambda: self.export(".docx"))
        self.open_folder.clicked.connect(self._open_folder)
        for field in (self.start, self.end):
            field.textEdited.connect(lambda _text: self.typed.setChecked(True))
        self.parts["glossary"].toggled.connect(self.glossary_source.setEnabled)

    def retranslate(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Worksheet"))
        texts = (
            _("Scene:"), _("&Language studied:"), _("&Version:"), _("Parts:"), _("to"),
            _("Glossary w&ords:"),
        )  # fmt: skip
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self._labels[1].setBuddy(self.language)
        self._labels[2].setBuddy(self.version)
        self._labels[5].setBuddy(self.glossary_source)
        sources = {
            "collected": _("Collected words (from the Words panel)"),
            "rare": _("Least common words in the scene"),
        }
        for index in range(self.glossary_source.count()):
            source = str(self.glossary_source.itemData(index))
            self.glossary_source.setItemText(index, sources[source])
        self.whole.setText(_("The &whole film"))
        span = self._selected
        self.rows.setText(
            _("The &selected subtitle lines ({start}–{end})").format(
                start=clock(span[0]), end=clock(span[1])
            )
            if span
            else _("The &selected subtitle lines (select rows in the subtitles first)")
        )
        self.typed.setText(_("&From"))
        self.start.setPlaceholderText("0:10:00")
        self.end.setPlaceholderText("0:14:00")
        names = {"es": _("Spanish"), "en": _("English")}
        for index in range(self.language.count()):
            self.language.setItemText(index, names[str(self.language.itemData(index))])
        titles = {
            "title": _("&Title block"), "glossary": _("&Glossary"), "gapfill": _("Gap-f&ill"),
            "questions": _("&Questions"), "script": _("Parallel s&cript"), "key": _("Answer &key"),
        }  # fmt: skip
        for part, box in self.parts.items():
            box.setText(titles[part])
        self.hints.setText(_("Show the other language's line under each gap-fill line"))
        self.questions.setPlaceholderText(
            _("Your questions about the scene, one per line; they are kept with the film.")
        )
        self.open_folder.setText(_("Open &Folder"))
        self.preview_button.setText(_("Pre&view…"))
        self.print_button.setText(_("&Print…"))
        self.pdf_button.setText(_("Export as P&DF…"))
        self.word_button.setText(_("Export as &Word…"))
        self._describe_scene()
        self._describe_choices()
        self._describe_buttons()

    def _describe_scene(self) -> None:
        """What a screen reader says of the scene's choices (and a tooltip says to the eye)."""
        self.whole.setToolTip(_("The scene is the whole film, from the first subtitle to the last"))
        self.rows.setToolTip(_("The scene is the subtitle rows selected in the main window"))
        self.typed.setAccessibleName(_("Between two times"))
        self.typed.setToolTip(_("The scene runs between the two times typed beside it"))
        self.start.setAccessibleName(_("Scene start"))
        self.start.setToolTip(_("The scene's start, as h:mm:ss"))
        self.end.setAccessibleName(_("Scene end"))
        self.end.setToolTip(_("The scene's end, as h:mm:ss"))

    def _describe_choices(self) -> None:
        """Names for the lists (Qt would say their current item), and what each choice does."""
        for label, combo in (
            (self._labels[1], self.language),
            (self._labels[2], self.version),
            (self._labels[5], self.glossary_source),
        ):
            combo.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        self.language.setToolTip(
            _("The language the students are learning: the gaps and the glossary are in it")
        )
        self.version.setToolTip(
            _("Version B blanks other words than version A, for students sitting side by side")
        )
        self.glossary_source.setToolTip(_("Where the glossary's words come from"))
        tips = {
            "title": _("The film's title, the scene, and lines for the class, name and date"),
            "glossary": _("Words of the scene with their lines, and room to write the meaning"),
            "gapfill": _("The scene's lines with a word blanked in each, and the words to use"),
            "questions": _("The questions typed below, with room for the answers"),
            "script": _("The scene's lines in both languages, side by side, with their times"),
            "key": _("The words that fill the gaps, on a page of their own"),
        }
        for part, box in self.parts.items():
            box.setToolTip(tips[part])
        self.hints.setToolTip(_("A help for the gap-fill: the same line in the other language"))
        self.questions.setAccessibleName(_("Questions about the scene"))
        self.questions.setAccessibleDescription(
            _(
                "The questions printed on the worksheet, one per line; they are kept with the "
                "film for the next worksheet."
            )
        )

    def _describe_buttons(self) -> None:
        """What each button does, said by its tooltip."""
        self.open_folder.setToolTip(_("The folder the worksheet was saved in, in a file window"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(
            _("Close this window without making a worksheet")
        )
        self.preview_button.setToolTip(_("The worksheet on screen, as it will print"))
        self.print_button.setToolTip(_("Send the worksheet to a printer, chosen first"))
        self.pdf_button.setToolTip(_("Save the worksheet as a PDF, to print or share"))
        self.word_button.setToolTip(_("Save the worksheet as a Word document, to change it"))

    # -- composing

    def options(self) -> WorksheetOptions:
        """The options as chosen; `WorksheetError` for a time that cannot be read."""
        span: tuple[int | None, int | None] = (None, None)
        if self.rows.isChecked() and self._selected:
            span = self._selected
        elif self.typed.isChecked():
            span = (read_time(self.start.text()), read_time(self.end.text()))
        language = str(self.language.currentData())
        collected = None
        if self.glossary_source.currentData() == "collected":
            collected = collected_in(self._collected_words(), language)
        return WorksheetOptions(
            language=language,
            span=span,
            collected=collected,
            parts=frozenset(part for part, box in self.parts.items() if box.isChecked()),
            version=str(self.version.currentData()),
            hints=self.hints.isChecked(),
            paper=self._paper(),
        )

    def _paper(self) -> Paper:
        """The review sheet's paper, from the preferences, else the locale's."""
        return preferred_paper(self._context.preferences.get(settings.SHEET_PAPER))

    def _collected_words(self) -> list[Word]:
        """The words the reader collected from this film; none when they cannot be read."""
        try:
            return self._context.words.words(self._context.film.id)
        except MismaLunaError as error:
            self._say(error.message)
            return []

    def _load_questions(self) -> list[str]:
        try:
            return load_questions(questions_path(self._context.data_dir), self._context.film.id)
        except MismaLunaError as error:
            self._say(error.message)
            return []

    def output(self) -> WorksheetOutput | None:
        """The worksheet composed as chosen, its questions kept; None after saying why not."""
        lines = self.questions.toPlainText().splitlines()
        film = self._context.film
        try:
            save_questions(questions_path(self._context.data_dir), film.id, lines)
            options = self.options()
            worksheet = compose_worksheet(film, options, lines)
        except MismaLunaError as error:
            self._say(error.message)
            return None
        notice = glossary_notice(worksheet)
        self.glossary_note.setText(notice)
        self.glossary_note.setVisible(bool(notice))
        labels = worksheet_labels(worksheet, self._context.language.locale_dir)
        return WorksheetOutput(worksheet, labels, options.paper)

    # -- destinations

    def preview(self) -> None:
        """Qt's print preview of the worksheet."""
        output = self.output()
        if output is not None:
            output.preview(self).exec()

    def print_worksheet(self) -> None:
        """Ask which printer, then print."""
        output = self.output()
        if output is not None and output.print_to(self):
            self._say(_("The worksheet was sent to the printer."))

    def export(self, suffix: str) -> Path | None:
        """Ask where, then save as a PDF or a .docx and say where it went."""
        output = self.output()
        if output is None:
            return None
        folder = Path(self._context.preferences.get(settings.LAST_FOLDER) or Path.home())
        suggested = folder / f"{self._context.film.id}-{output.worksheet.options.version}{suffix}"
        kind = _("PDF (*.pdf)") if suffix == ".pdf" else _("Word document (*.docx)")
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the worksheet"), str(suggested), kind
        )
        if not name:
            return None
        path = Path(name) if name.lower().endswith(suffix) else Path(name + suffix)
        return self.save(output, path)

    def save(self, output: WorksheetOutput, path: Path) -> Path | None:
        """Write `output` to `path`; say where it was saved, or why it was not."""
        try:
            output.save(path)
        except MismaLunaError as error:
            self._say(error.message)
            return None
        self._say(_("Saved the worksheet as {path}").format(path=str(path)), path.parent)
        return path

    def _say(self, text: str, folder: Path | None = None) -> None:
        self.message.setText(text)
        self._saved_folder = folder
        self.open_folder.setVisible(folder is not None)

    def _open_folder(self) -> None:
        if self._saved_folder is not None:
            open_folder(self._saved_folder)
