"""Dictionaries in the window: a StarDict folder chosen in Edit > Preferences reaches the
Words pane, entries shown as plain text in both languages; and what opening the words found
(a damaged file restored) is told once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from tests.unit.test_words_stardict import write_stardict

from misma_luna.core.words.dictionaries import shelf
from misma_luna.core.words.store import WordsStore, words_path
from misma_luna.core.words.word import Sighting
from misma_luna.ui.services import settings
from misma_luna.ui.shell.main_window import MainWindow
from misma_luna.ui.shell.words_wiring import tell_about_words


@pytest.fixture
def window(words_window, monkeypatch):  # type: ignore[no-untyped-def]
    """The main window with a words store of its own and none of the machine's dictionaries."""
    monkeypatch.setattr(shelf, "system_folders", list)
    return words_window


def test_a_folder_chosen_in_preferences_reaches_the_words_pane(
    qtbot, window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    markup = "<b>luna</b> &lt;f&gt;<br>moon<script>alert(1)</script>"
    book = "Mini <i>Spanish</i>-English"
    entries = {"luna": markup.encode()}
    write_stardict(tmp_path / "dicts" / "spa-eng", "luna", types="h", entries=entries, book=book)
    pane = window.words_pane
    pane.collect(Sighting("luna", "es", "La luna.", window.context.film.id))
    assert "StarDict" in pane.detail.dictionary.toPlainText()  # where dictionaries come from
    window.context.actions["edit.preferences"].trigger()
    dialog = window._preferences
    dialog.dictionary_folder.setText(str(tmp_path / "dicts"))
    dialog.dictionary_folder.editingFinished.emit()
    prefs = window.context.preferences
    assert prefs.get(settings.DICTIONARY_FOLDER) == str(tmp_path / "dicts")
    pane.select_word(pane.model.word(0).id)
    shown = pane.detail.dictionary.toPlainText()
    assert shown == "Mini <i>Spanish</i>-English\nluna <f>\nmoonalert(1)"
    window.context.language.set_language("es")
    assert pane.detail.dictionary.toPlainText() == shown
    dialog.dictionary_folder.clear()
    dialog.dictionary_folder.editingFinished.emit()
    pane.select_word(pane.model.word(0).id)
    assert "StarDict" in pane.detail.dictionary.toPlainText()
    assert "diccionario" in pane.detail.dictionary.toPlainText().lower()


def test_a_restored_words_file_is_told_once(
    qtbot, make_context, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = words_path(tmp_path / "data")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"SQLite format 3\0" + b"\xff" * 4096)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "show", lambda box: shown.append(box.text()))
    context = make_context()
    context.words = WordsStore.open(path)
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)  # told by the window once it is up
    assert len(shown) == 1 and "damaged" in shown[0]
    context.words.close()
    context.words = WordsStore.open(path)
    tell_about_words(win, context)
    assert len(shown) == 1
    context.words.close()
