"""The library's search in its window, posters in the list, the last opening of every film,
a passage opened at its place, and the offer to add a bare review to the library."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from tests.unit.test_library_search import png

from misma_luna.core.base.resources import BUNDLED_FILM_ID
from misma_luna.core.library.library import Library
from misma_luna.core.notes.store import NotesStore
from misma_luna.ui.library.search_model import FILM, PLACE
from misma_luna.ui.library.table_model import INITIAL, OPENED, TITLE
from misma_luna.ui.library.window import LibraryWindow
from misma_luna.ui.shell.main_window import MainWindow

DATA = Path(__file__).resolve().parents[1] / "data"


def private_context(make_context, tmp_path: Path):  # type: ignore[no-untyped-def]
    context = make_context()
    context.library_root = tmp_path / "films"
    context.open_notes = lambda: NotesStore.open(tmp_path / "notes.sqlite3")
    return context


def copied_film(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "films" / name
    shutil.copytree(DATA / "hostile" / "hostile-film", folder)
    return folder


def library_with_a_note(qtbot, make_context, tmp_path):  # type: ignore[no-untyped-def]
    """The library window, shown, and its context: the bundled film with one note on it."""
    context = private_context(make_context, tmp_path)
    context.notes.add(BUNDLED_FILM_ID, "Escena inolvidable del teléfono público")
    window = LibraryWindow(context)
    qtbot.addWidget(window)
    window.show_library()
    return window, context


def test_the_search_box_lists_passages_and_opens_one(qtbot, make_context, tmp_path) -> None:
    window, _context = library_with_a_note(qtbot, make_context, tmp_path)
    assert window.found.isHidden()
    qtbot.keyClicks(window.filter, "INOLVIDABLE")
    qtbot.waitUntil(lambda: window.hits.rowCount() == 1)
    assert not window.found.isHidden()
    assert window.hits.index(0, FILM).data() == "Under the Same Moon"
    assert window.hits.index(0, PLACE).data() == "Your note"
    assert "1 passage" in window.results_label.text()
    window.filter.clear()
    qtbot.keyClicks(window.filter, 'carlitos NEAR("zzqx')
    window.run_search()
    assert window.hits.rowCount() == 0 and "No title" in window.results_label.text()
    window.filter.clear()
    qtbot.keyClicks(window.filter, "luna")
    hits = window.run_search()
    assert {hit.kind for hit in hits} >= {"review", "subtitle"}
    with qtbot.waitSignal(window.passageChosen) as chosen:
        window.results.doubleClicked.emit(window.hits.index(0, PLACE))
    assert chosen.args[0] == hits[0]


def test_a_poster_shows_and_a_bad_one_falls_back_to_the_initial(
    qtbot, make_context, tmp_path
) -> None:
    context = private_context(make_context, tmp_path)
    good = copied_film(tmp_path, "hostile-film")
    (good / "poster.png").write_bytes(png(60, 90))
    window = LibraryWindow(context)
    qtbot.addWidget(window)
    window.show_library()
    model = window.model
    rows = {model.entry(r).id: r for r in range(model.rowCount())}
    poster = model.index(rows["hostile-film"], INITIAL)
    pixmap = poster.data(Qt.ItemDataRole.DecorationRole)
    assert pixmap is not None and not pixmap.isNull() and pixmap.height() <= 34
    assert poster.data() == ""
    bundled = model.index(rows[BUNDLED_FILM_ID], INITIAL)
    assert bundled.data(Qt.ItemDataRole.DecorationRole) is None and bundled.data() == "U"
    (good / "poster.png").write_bytes(b"\x89PNG\r\n\x1a\n not really an image" * 10)
    window.refresh()
    poster = model.index(rows["hostile-film"], INITIAL)
    assert poster.data(Qt.ItemDataRole.DecorationRole) is None
    assert poster.data() == model.index(rows["hostile-film"], TITLE).data()[:1].upper()


def window_on(make_context, qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    context = private_context(make_context, tmp_path)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_bundled_film_read_is_not_never_opened(qtbot, make_context, tmp_path) -> None:
    window = window_on(make_context, qtbot, tmp_path)
    window.opener.show_library()
    library = window.opener.library_window
    model = library.model
    row = next(r for r in range(model.rowCount()) if model.entry(r).id == BUNDLED_FILM_ID)
    assert model.entry(row).last_opened
    assert model.index(row, OPENED).data() != "never"
    library.close()


def test_a_passage_opens_its_film_at_that_place(qtbot, make_context, tmp_path) -> None:
    window = window_on(make_context, qtbot, tmp_path)
    context = window.context
    window.opener.open_path(copied_film(tmp_path, "hostile-film"))
    library: Library = context.library
    library.refresh()
    line = [h for h in library.search("luna") if h.kind == "subtitle"][-1]
    assert context.film.id != line.entry.id
    window.opener.open_passage(line)
    assert context.film.id == line.entry.id
    pane = window.subtitles_pane
    [selected] = pane.table.selectionModel().selectedRows()
    row = pane.model.rows()[selected.row()]
    assert line.start_ms is not None and row.start_ms <= line.start_ms < row.end_ms
    note = context.notes.add(BUNDLED_FILM_ID, "una nota para buscar")
    library.index_notes(context.notes.iter_notes())
    [found] = library.search("buscar")
    window.opener.open_passage(found)
    assert context.film.id == BUNDLED_FILM_ID
    assert window.notes_pane.saver.note is not None
    assert window.notes_pane.saver.note.id == note.id


def test_opening_a_bare_review_offers_to_add_it(qtbot, make_context, tmp_path) -> None:
    window = window_on(make_context, qtbot, tmp_path)
    review = tmp_path / "reseña.md"
    shutil.copy(DATA / "hostile" / "bare-review-es.md", review)
    film = window.opener.open_path(review)
    assert film is not None
    box = window.opener.review_offer.box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "reseña.md" in box.text()
    window.opener.review_offer.add_button.click()
    library: Library = window.context.library
    assert film.id in library.ids()
    assert window.context.film.id == film.id
    assert window.context.film.path.parent == tmp_path / "films"
    # Now in the library: opening the file again asks nothing.
    window.opener.open_path(review)
    assert window.opener.review_offer.box is None or not window.opener.review_offer.box.isVisible()


def test_a_switch_says_the_passages_found_again_without_searching(
    qtbot, make_context, tmp_path, monkeypatch
) -> None:
    window, context = library_with_a_note(qtbot, make_context, tmp_path)
    qtbot.keyClicks(window.filter, "inolvidable")
    window.run_search()
    assert window.hits.index(0, PLACE).data() == "Your note"
    searches: list[str] = []
    real = Library.search
    monkeypatch.setattr(
        Library, "search", lambda self, text: searches.append(text) or real(self, text)
    )
    context.language.set_language("es")
    qtbot.waitUntil(lambda: window.hits.index(0, PLACE).data() != "Your note")
    assert window.hits.index(0, FILM).data() == "Bajo la misma luna"
    assert "1 pasaje" in window.results_label.text() and searches == []
