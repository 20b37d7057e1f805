"""The Words pane in the window: collect from the subtitles and the review, edit, search,
delete, dictionaries, coverage and export, in both languages."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog
from tests.unit.test_words_dictd_export import write_dictionary

from misma_luna.core.words.dictionaries import shelf
from misma_luna.core.words.word import Sighting
from misma_luna.ui.shell.main_window import MainWindow
from misma_luna.ui.shell.words_wiring import WordsDock
from misma_luna.ui.subtitles.table_model import LEFT_COLUMN


@pytest.fixture
def window(words_window):  # type: ignore[no-untyped-def]
    """The real main window, with a words store of its own."""
    return words_window


def subtitle_row_with(win: MainWindow, word: str) -> int:
    rows = win.subtitles_pane.model.rows()
    return next(n for n, row in enumerate(rows) if word in " ".join(row.left))


def test_collect_from_a_subtitle_line_with_its_counterpart(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pane = window.words_pane
    row = subtitle_row_with(window, "teléfono")
    window.subtitles_pane.select_row(row, LEFT_COLUMN)
    window.subtitles_pane.table.setFocus()
    monkeypatch.setattr(QInputDialog, "exec", lambda dialog: dialog.setTextValue("teléfono") or 1)
    window.context.actions["words.collect"].trigger()
    word = window.context.words.words()[0]
    assert word.text == "teléfono" and word.language == "es" and word.paired_line
    assert word.counterpart.lower() == "phone" and 0 < word.confidence < 1
    assert window.context.actions["view.words"].isChecked()
    assert pane.model.rowCount() == 1 and pane.selected() == word
    assert "<b>teléfono</b>" in pane.detail.line.text()
    assert pane.detail.counterpart.currentText() == word.counterpart
    pane.detail.counterpart.setCurrentText("ringing")
    pane.detail.accept_button.click()
    assert window.context.words.words()[0].counterpart == "ringing"
    assert "Chosen by you" in pane.detail.sureness.text()


def test_collect_from_the_review_selection(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = window.review_pane.view
    start = view.toPlainText().index("Carlitos")
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("Carlitos"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    window.context.actions["words.collect"].trigger()
    word = window.context.words.words()[0]
    assert word.text == "Carlitos" and word.language == "en"
    assert "Carlitos" in word.line and word.film_id == window.context.film.id


def test_meaning_search_delete_and_scope(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    pane = window.words_pane
    film = window.context.film.id
    for text in ("perro", "gato"):
        pane.collect(Sighting(text, "es", f"El {text} come.", film, "It eats.", "en", 1000))
    pane.collect(Sighting("luna", "es", "La luna.", "other-film"))
    assert pane.scope.currentIndex() == 1 and pane.model.rowCount() == 3
    pane.scope.setCurrentIndex(0)
    assert pane.model.rowCount() == 2
    pane.select_word(pane.model.word(0).id)
    pane.detail.meaning.setText("dog")
    pane.detail.meaning.editingFinished.emit()
    qtbot.keyClicks(pane.search_field, "DOG")
    assert [w.text for w in pane.model.words()] == ["perro"]
    pane.search_field.clear()
    pane.select_word(pane.model.word(1).id)
    pane.delete_button.click()
    assert [w.text for w in pane.model.words()] == ["perro"]


def test_dictionary_entries_and_where_they_come_from(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(shelf, "system_folders", list)  # the machine's own left out
    pane = window.words_pane
    pane.collect(Sighting("perros", "es", "Los perros.", window.context.film.id))
    assert "dict-freedict-spa-eng" in pane.detail.dictionary.toPlainText()
    folder = tmp_path / "dicts"
    folder.mkdir()
    write_dictionary(folder, "freedict-spa-eng", True)
    pane.set_dictionary_folder(folder)
    assert pane.detail.dictionary.toPlainText() == "freedict-spa-eng\nperro\n dog"


def test_coverage_header_and_spanish(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    pane = window.words_pane
    qtbot.waitUntil(lambda: "%" in pane.coverage_label.text(), timeout=3000)
    assert "Spanish:" in pane.coverage_label.text()
    window.switch_language("es")
    qtbot.waitUntil(lambda: "Español: el " in pane.coverage_label.text(), timeout=3000)
    assert pane.export_button.text() == "E&xportar…"
    window.context.actions["view.words"].setChecked(True)
    assert window.findChild(WordsDock, "wordsDock").windowTitle() == "Palabras"


def test_export_writes_a_deck(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pane = window.words_pane
    pane.collect(Sighting("perro", "es", "El perro <b>come</b>.", window.context.film.id))
    target = tmp_path / "deck.apkg"
    assert pane.export(pane.model.words(), target)
    assert "collection.anki2" in zipfile.ZipFile(target).namelist()
    assert not pane.export(pane.model.words(), tmp_path)  # a folder: reported, not raised


def test_collect_shortcut_and_the_dock(window) -> None:  # type: ignore[no-untyped-def]
    action = window.context.actions["words.collect"]
    assert action.shortcut().toString() == "Ctrl+Shift+W"
    assert action in window.review_pane.view.context_actions
    assert window.findChild(WordsDock) is None  # made when first shown
    toggle = window.context.actions["view.words"]
    toggle.setChecked(True)
    dock = window.findChild(WordsDock, "wordsDock")
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.words_pane.isVisible()
    toggle.setChecked(False)
    assert dock.isHidden()


def test_another_pairing_of_the_same_tracks_counts_no_word_again(
    qtbot, words_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from misma_luna.ui.words import pane as pane_module

    window = words_window
    qtbot.waitUntil(lambda: not window.context.startup.held)
    pane, film_id = window.words_pane, window.context.film.id
    counted: list[str] = []
    real = pane_module.vocabulary

    def counting(lines, language):  # type: ignore[no-untyped-def]
        counted.append(language)
        return real(lines, language)

    monkeypatch.setattr(pane_module, "vocabulary", counting)
    apart = [("Hola, mijo.", "Hi, kiddo."), ("¿Cómo estás?", "How are you?")]
    together = [("Hola, mijo. ¿Cómo estás?", "Hi, kiddo. How are you?")]
    pane.set_lines(film_id, ("es", "en"), apart)
    assert sorted(counted) == ["en", "es"]
    with qtbot.assertNotEmitted(pane.levelChanged):  # the film's level stays as it was
        pane.set_lines(film_id, ("es", "en"), together)  # an offset pairs the cues otherwise
    assert sorted(counted) == ["en", "es"]
    assert window.context.words.vocabulary(film_id, "es")["mijo"] == 1
    other_spanish = [("Hola, chamaco.", "Hi, kiddo."), ("", "How are you?")]
    with qtbot.waitSignal(pane.levelChanged, timeout=1000):
        pane.set_lines(film_id, ("es", "en"), other_spanish)  # another Spanish track
    assert sorted(counted) == ["en", "es", "es"]
    assert "chamaco" in window.context.words.vocabulary(film_id, "es")
