"""File → Worksheet…: the dialog composes a worksheet for the selected rows, keeps the
questions with the film, saves a PDF or a .docx and says where."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel

from misma_luna.core.words.store import WordsStore
from misma_luna.core.words.word import Sighting
from misma_luna.core.worksheets.questions import load_questions, questions_path
from misma_luna.ui.subtitles.pane import SubtitlesPane
from misma_luna.ui.worksheets.dialog import WorksheetDialog


@pytest.fixture
def context(make_context, tmp_path: Path):  # type: ignore[no-untyped-def]
    built = make_context()
    # Words of this test only: the session's data folder is shared by every test.
    vars(built)["words"] = WordsStore.open(tmp_path / "words.sqlite3")
    yield built
    built.close_words()


def test_the_selected_rows_are_the_scene_offered(context, qtbot) -> None:
    pane = SubtitlesPane(context)
    qtbot.addWidget(pane)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (2, 5):
        pane.table.selectionModel().select(pane.model.index(row, 1), flags)
    span = pane.selected_span()
    assert span == (pane.model.row(2).start_ms, pane.model.row(5).end_ms)
    dialog = WorksheetDialog(context, None, span)
    qtbot.addWidget(dialog)
    assert dialog.rows.isChecked() and dialog.options().span == span
    assert context.actions["file.worksheet"].text() == "&Worksheet…"


def test_save_pdf_and_docx_and_say_where(context, qtbot, tmp_path: Path) -> None:
    dialog = WorksheetDialog(context)
    qtbot.addWidget(dialog)
    dialog.questions.setPlainText("Who calls whom?\nWhat does he count to?")
    output = dialog.output()
    assert output is not None
    pdf = dialog.save(output, tmp_path / "w.pdf")
    assert pdf is not None and str(pdf) in dialog.message.text()
    assert dialog.open_folder.isVisibleTo(dialog)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "(1) ________" in text and "Who calls whom?" in text
    assert dialog.save(output, tmp_path / "w.docx") is not None
    path = questions_path(context.data_dir)
    assert load_questions(path, context.film.id)[0] == "Who calls whom?"


def test_a_bad_scene_is_said_in_the_dialog(context, qtbot) -> None:
    dialog = WorksheetDialog(context)
    qtbot.addWidget(dialog)
    dialog.typed.setChecked(True)
    dialog.start.setText("0:14:00")
    dialog.end.setText("0:10:00")
    assert dialog.output() is None
    assert "before it starts" in dialog.message.text()
    assert not dialog.open_folder.isVisibleTo(dialog)


def _collect(context, *texts: str) -> None:  # type: ignore[no-untyped-def]
    for text in texts:
        context.words.collect(Sighting(text, "es", "…", context.film.id))


def test_the_glossary_is_the_collected_words_when_there_are_some(context, qtbot) -> None:
    plain = WorksheetDialog(context)
    qtbot.addWidget(plain)
    assert plain.glossary_source.currentData() == "rare"
    assert plain.options().collected is None
    _collect(context, "mijo", "plantado")
    dialog = WorksheetDialog(context)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert dialog.glossary_source.currentText() == "Collected words (from the Words panel)"
    output = dialog.output()
    assert output is not None
    assert [entry.lemma for entry in output.worksheet.glossary] == ["mijo", "plantar"]
    assert not dialog.glossary_note.isVisibleTo(dialog)
    dialog.parts["glossary"].setChecked(False)
    assert not dialog.glossary_source.isEnabled()


def test_no_collected_word_in_the_scene_is_said_calmly(context, qtbot) -> None:
    _collect(context, "bicicleta")
    dialog = WorksheetDialog(context)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.typed.setChecked(True)
    dialog.start.setText("0:00")
    dialog.end.setText("2:10")
    output = dialog.output()
    assert output is not None and output.worksheet.glossary  # the least common words instead
    assert dialog.glossary_note.isVisibleTo(dialog)
    assert "None of the words you collected" in dialog.glossary_note.text()
    assert dialog.message.text() == ""  # a notice, not an error
    dialog.glossary_source.setCurrentIndex(dialog.glossary_source.findData("rare"))
    assert dialog.output() is not None and not dialog.glossary_note.isVisibleTo(dialog)
