"""How hard a film is for the reader, in the window: words marked known and back, a list of
known words imported through its dialog, the lines with one new word and the jump to them,
the export choices (Anki with or without cloze, CSV), the film pane's level and the
library's Level column, in both languages where the wording matters."""

from __future__ import annotations

import csv
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressBar

from misma_luna.core.base.resources import BUNDLED_FILM_ID
from misma_luna.core.notes.store import NotesStore
from misma_luna.core.words.export import CLOZE_MODEL_NAME, MODEL_NAME
from misma_luna.core.words.store import WordsStore, words_path
from misma_luna.core.words.word import Sighting
from misma_luna.ui.library.table_model import ENTRY_ROLE, LEVEL, TITLE
from misma_luna.ui.library.window import LibraryWindow
from misma_luna.ui.shell.main_window import MainWindow
from misma_luna.ui.words.export_dialog import ExportChoices
from misma_luna.ui.words.pane import WordsPane
from misma_luna.ui.words.table_model import KNOWN_COLUMN, WORD_COLUMN


@pytest.fixture
def window(qtbot, words_window):  # type: ignore[no-untyped-def]
    """The real main window, with a words store of its own, once the film's lines reached
    the words pane."""
    pane = words_window.words_pane
    qtbot.waitUntil(lambda: pane.lines.film_id == words_window.context.film.id, timeout=5000)
    return words_window


def spanish_level(win: MainWindow):  # type: ignore[no-untyped-def]
    """The film pane's count of the Spanish track."""
    return next(c for c in win.film_pane.level.coverages if c.language == "es")


def collect_first_to_learn(pane: WordsPane, film_id: str) -> str:
    """Collect the Spanish word the film most wants learned (unknown to the reader)."""
    level = next(lvl for lvl in pane.level_panel._levels if lvl.coverage.language == "es")
    word = level.to_learn[0][0]
    line = next(text for text in pane.lines.lines("es") if word in text.lower())
    pane.collect(Sighting(word, "es", line, film_id, "", "en", None))
    return word


def to_spanish(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Switch the window to Spanish and wait for the posted LanguageChange to arrive."""
    win.switch_language("es")
    qtbot.waitUntil(lambda: win.words_pane.export_button.text() == "E&xportar…", timeout=3000)


def message_boxes(parent) -> list[QMessageBox]:  # type: ignore[no-untyped-def]
    return [box for box in parent.findChildren(QMessageBox) if box.isVisible()]


def close_boxes(parent) -> None:  # type: ignore[no-untyped-def]
    for box in message_boxes(parent):
        box.close()


def test_marking_a_word_known_and_back(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    pane = window.words_pane
    word = collect_first_to_learn(pane, window.context.film.id)
    row = pane.model.row_of(pane.selected().id)
    known_cell = pane.model.index(row, KNOWN_COLUMN)
    assert pane.model.index(row, WORD_COLUMN).data() == word
    assert known_cell.data() == "" and not pane.known_button.isChecked()
    before = spanish_level(window)
    panel_before = pane.level_panel.to_learn.text()
    assert word in panel_before
    qtbot.mouseClick(pane.known_button, Qt.MouseButton.LeftButton)
    known_cell = pane.model.index(pane.model.row_of(pane.selected().id), KNOWN_COLUMN)
    assert known_cell.data() == "known" and pane.known_button.isChecked()
    assert pane.model.headerData(KNOWN_COLUMN, Qt.Orientation.Horizontal) == "Known"
    after = spanish_level(window)
    assert after.known > before.known and after.reader > before.reader
    assert word not in pane.level_panel.to_learn.text().split(": ", 1)[1].split(", ")
    to_spanish(qtbot, window)
    assert known_cell.data() == "conocida"
    assert pane.model.headerData(KNOWN_COLUMN, Qt.Orientation.Horizontal) == "Conocida"
    assert pane.known_button.text().replace("&", "") == "Ya la conozco"
    qtbot.mouseClick(pane.known_button, Qt.MouseButton.LeftButton)
    known_cell = pane.model.index(pane.model.row_of(pane.selected().id), KNOWN_COLUMN)
    assert known_cell.data() == "" and not pane.known_button.isChecked()
    assert spanish_level(window).known == before.known
    assert not window.context.words.is_known(word, "es")


def test_importing_known_words_through_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    pane = window.words_pane
    word = collect_first_to_learn(pane, window.context.film.id)
    listed = tmp_path / "conocidas.txt"
    listed.write_text(f"{word}\nperro\ngato\ncasa\nesto es una frase\n", encoding="utf-8")
    asked: list[str] = []

    def choose(*args: object, **_kwargs: object) -> tuple[str, str]:
        asked.append(str(args[3]))  # the filters offered
        return str(listed), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    before = spanish_level(window).known
    qtbot.mouseClick(pane.import_button, Qt.MouseButton.LeftButton)
    assert "*.txt" in asked[0]
    [box] = message_boxes(pane)
    assert box.windowTitle() == "Words you know"
    assert box.text().startswith("4 new words you know in Spanish added from conocidas.txt.")
    assert "1 line was not a single word" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    row = pane.model.row_of(pane.selected().id)
    assert pane.model.index(row, KNOWN_COLUMN).data() == "known"
    assert spanish_level(window).known > before
    close_boxes(pane)
    # The same list again, in Spanish: nothing new, and said so.
    to_spanish(qtbot, window)
    qtbot.mouseClick(pane.import_button, Qt.MouseButton.LeftButton)
    [box] = message_boxes(pane)
    assert box.windowTitle() == "Palabras que conoces"
    assert "Se agregaron 0 palabras nuevas que conoces en español, de conocidas.txt." in box.text()
    assert "4 ya estaban entre ellas." in box.text()
    close_boxes(pane)


@pytest.mark.parametrize(
    "case",
    [
        (b"\x00\x01\x02binary\xff" * 50, ""),
        ("Esto es una frase.\nY otra frase más.\n".encode(), "this is not a list of words"),
    ],
)
def test_a_bad_list_gives_one_message_naming_it(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path, monkeypatch, case: tuple[bytes, str]
) -> None:
    content, reason = case
    pane = window.words_pane
    bad = tmp_path / "mal-lista.txt"
    bad.write_bytes(content)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    qtbot.mouseClick(pane.import_button, Qt.MouseButton.LeftButton)
    [box] = message_boxes(pane)
    assert box.windowTitle() == "The list could not be added"
    assert "mal-lista.txt" in box.text() and reason in box.text()
    assert box.icon() == QMessageBox.Icon.Warning
    assert window.context.words.known("es") == frozenset()
    close_boxes(pane)


def test_lines_with_one_new_word_jump_to_the_subtitle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    pane = window.words_pane
    panel = pane.level_panel
    pane.tabs.setCurrentIndex(1)
    assert pane.tabs.currentWidget().isAncestorOf(panel)
    assert pane.tabs.tabText(pane.tabs.currentIndex()) == "Lines to Learn From"
    count = panel.model.rowCount()
    assert count >= 2
    assert panel.summary.text().startswith(f"{count} lines have exactly one word new to you")
    subtitles = window.subtitles_pane
    starts = [row.start_ms for row in subtitles.model.rows()]
    last = panel.model.line(count - 1)
    assert last.time_ms in starts and "(new: " in panel.model.index(count - 1, 0).data()
    # Enter on a line: the subtitles select the row it starts on.
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(count - 1, 0))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert subtitles.current_start() == last.time_ms
    # A double-click on another line goes there.
    first = panel.model.line(0)
    assert first.time_ms != last.time_ms
    rect = panel.list.visualRect(panel.model.index(0, 0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert subtitles.current_start() == first.time_ms
    to_spanish(qtbot, window)
    assert pane.tabs.tabText(1) == "Líneas para aprender"
    assert f"(nueva: {first.word})" in panel.model.index(0, 0).data()
    assert panel.list.accessibleName() == "Líneas con una sola palabra nueva"


def read_apkg(path: Path, tmp_path: Path) -> dict[str, int]:
    """How many notes of each note type the package's collection holds."""
    with zipfile.ZipFile(path) as package:
        package.extract("collection.anki2", tmp_path / "unzipped")
    with sqlite3.connect(tmp_path / "unzipped" / "collection.anki2") as conn:
        models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
        names = {int(model_id): model["name"] for model_id, model in models.items()}
        counts: dict[str, int] = {}
        for (mid,) in conn.execute("SELECT mid FROM notes"):
            counts[names[mid]] = counts.get(names[mid], 0) + 1
    return counts


def choose_export(monkeypatch, form: str, cloze: bool, target: Path) -> list[ExportChoices]:  # type: ignore[no-untyped-def]
    """Answer the export choices with `form` and `cloze`, and the save dialog with `target`."""
    shown: list[ExportChoices] = []

    def answer(dialog: ExportChoices) -> int:
        shown.append(dialog)
        (dialog.anki if form == "apkg" else dialog.csv).setChecked(True)
        if dialog.cloze.isEnabled():
            dialog.cloze.setChecked(cloze)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportChoices, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    return shown


def test_export_choices_write_anki_with_and_without_cloze_and_csv(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    pane = window.words_pane
    film = window.context.film.id
    for text in ("perro", "gato"):
        pane.collect(Sighting(text, "es", f"El {text} come.", film, "It eats.", "en", 1000))
    plain = tmp_path / "sin-cloze"  # no suffix: the form's own is added
    shown = choose_export(monkeypatch, "apkg", False, plain)
    pane.export_button.click()
    assert read_apkg(plain.with_name("sin-cloze.apkg"), tmp_path / "a") == {MODEL_NAME: 2}
    assert shown[0].intro.text() == "Export 2 words as:"
    cloze = tmp_path / "con-cloze.apkg"
    choose_export(monkeypatch, "apkg", True, cloze)
    pane.export_button.click()
    assert read_apkg(cloze, tmp_path / "b") == {MODEL_NAME: 2, CLOZE_MODEL_NAME: 2}
    table = tmp_path / "palabras.csv"
    shown = choose_export(monkeypatch, "csv", True, table)
    pane.export_button.click()
    assert not shown[0].cloze.isEnabled()  # cloze is for Anki only
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:2] == ["word", "base"] and {row[0] for row in rows[1:]} == {"perro", "gato"}
    assert pane.cloze  # the cloze choice is kept for the next Anki export


def test_export_choices_in_both_languages(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportChoices(1, True, window.words_pane)
    qtbot.addWidget(dialog)
    assert dialog.intro.text() == "Export 1 word as:"
    assert dialog.form() == "apkg" and dialog.with_cloze()
    dialog.csv.setChecked(True)
    assert dialog.form() == "csv" and not dialog.with_cloze() and not dialog.cloze.isEnabled()
    to_spanish(qtbot, window)
    spanish = ExportChoices(3, False, window.words_pane)
    qtbot.addWidget(spanish)
    assert spanish.windowTitle() == "Exportar palabras"
    assert spanish.intro.text() == "Exportar 3 palabras como:"
    assert "Anki" in spanish.anki.text() and "cloze" in spanish.cloze.text()
    assert not spanish.with_cloze()


def test_the_film_pane_shows_the_level_with_an_accessible_name(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    level = window.film_pane.level
    qtbot.waitUntil(lambda: bool(level.findChildren(QProgressBar)), timeout=5000)
    bars = {bar.accessibleName(): bar for bar in level.findChildren(QProgressBar)}
    assert set(bars) == {"Spanish subtitles: words familiar", "English subtitles: words familiar"}
    spanish = bars["Spanish subtitles: words familiar"]
    share = round(spanish_level(window).share * 100)
    assert spanish.value() == share
    assert spanish.accessibleDescription().startswith(f"{share}% of the words familiar to you: ")
    assert level.heading.text() == "How hard it is for you"
    to_spanish(qtbot, window)
    qtbot.waitUntil(
        lambda: (
            "Subtítulos en español: palabras conocidas"
            in {bar.accessibleName() for bar in level.findChildren(QProgressBar)}
        ),
        timeout=5000,
    )
    assert level.heading.text() == "Qué tan difícil es para ti"


def test_the_library_level_column_after_the_subtitles_were_opened(  # type: ignore[no-untyped-def]
    qtbot, make_context, tmp_path: Path
) -> None:
    context = make_context()
    context.library_root = tmp_path / "films"
    context.open_notes = lambda: NotesStore.open(tmp_path / "notes.sqlite3")
    context.words = WordsStore.open(words_path(tmp_path / "data"))
    library = LibraryWindow(context)
    qtbot.addWidget(library)
    library.show_library()

    def bundled_level() -> tuple[str, str]:
        proxy = library.proxy
        row = next(
            r for r in range(proxy.rowCount())
            if proxy.index(r, TITLE).data(ENTRY_ROLE).id == BUNDLED_FILM_ID
        )  # fmt: skip
        index = proxy.index(row, LEVEL)
        return index.data(), index.data(Qt.ItemDataRole.ToolTipRole)

    assert library.model.headerData(LEVEL, Qt.Orientation.Horizontal) == "Level"
    text, tip = bundled_level()
    assert text == "" and tip.startswith("Open the film's subtitles once")
    pane = WordsPane(context, None)
    qtbot.addWidget(pane)
    rows = [("El perro come pan en la casa.", "The dog eats bread at home.")] * 3
    pane.set_lines(BUNDLED_FILM_ID, ("es", "en"), rows, [0, 1000, 2000])
    library.refresh()
    text, tip = bundled_level()
    assert text.startswith("Spanish: ") and text.endswith("%")
    assert "of the words familiar to you:" in tip
    context.language.set_language("es")
    text, tip = bundled_level()
    assert text.startswith("inglés: ") and "de las palabras te son conocidas" in tip
    context.words.close()
