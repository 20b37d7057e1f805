"""The Library window and File > New Film, with their data kept in tmp_path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from misma_luna.core.base.resources import BUNDLED_FILM_ID
from misma_luna.core.library.library import Library
from misma_luna.core.library.sharing import import_film
from misma_luna.core.notes.store import NotesStore
from misma_luna.ui.library.new_film_dialog import NewFilmDialog
from misma_luna.ui.library.table_model import ENTRY_ROLE, NOTES, TITLE, TRANSLATED, YEAR
from misma_luna.ui.library.window import LibraryWindow

SUBTITLES = Path(__file__).resolve().parents[1] / "data" / "subtitles"
HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


def private_context(make_context, tmp_path: Path):  # type: ignore[no-untyped-def]
    context = make_context()
    context.library_root = tmp_path / "films"
    context.open_notes = lambda: NotesStore.open(tmp_path / "notes.sqlite3")
    return context


def test_the_library_lists_sorts_filters_and_opens(qtbot, make_context, tmp_path) -> None:
    context = private_context(make_context, tmp_path)
    import_film(Library(tmp_path / "films"), HOSTILE / "hostile-film.zip")
    context.notes.add(BUNDLED_FILM_ID, "una nota")
    window = LibraryWindow(context)
    qtbot.addWidget(window)
    window.show_library()
    proxy = window.proxy
    assert proxy.rowCount() == 2
    window.table.sortByColumn(YEAR, Qt.SortOrder.AscendingOrder)
    titles = [proxy.index(row, TITLE).data() for row in range(2)]
    assert "Under the Same Moon" in titles
    bundled_row = next(r for r in range(2) if proxy.index(r, TITLE).data() == titles[0])
    assert proxy.index(bundled_row, NOTES).data() in {"0", "1"}
    counts = proxy.index(bundled_row, TRANSLATED).data(Qt.ItemDataRole.ToolTipRole)
    entry = proxy.index(bundled_row, TITLE).data(ENTRY_ROLE)
    done = next(iter(entry.completeness.values()))
    assert f"{done.translated} of {done.total} passages and details translated" in counts
    window.filter.clear()
    qtbot.keyClicks(window.filter, "MISMA")
    assert proxy.rowCount() == 2
    window.filter.clear()
    qtbot.keyClicks(window.filter, "hostil")
    assert proxy.rowCount() == 1
    with qtbot.waitSignal(window.filmChosen) as chosen:
        qtbot.keyClick(window.filter, Qt.Key.Key_Return)
    assert chosen.args[0] == tmp_path / "films" / "hostile-film"


def test_export_and_a_bad_import_from_the_window(qtbot, make_context, tmp_path) -> None:
    context = private_context(make_context, tmp_path)
    window = LibraryWindow(context)
    qtbot.addWidget(window)
    window.show_library()
    entry = window.current_entry()
    assert entry is not None
    target = tmp_path / "shared.zip"
    assert window.export_entry(entry, target) == target and target.is_file()
    assert window.import_path(HOSTILE / "traversal.zip") is None
    window.close()


def test_a_new_film_from_two_subtitle_files(qtbot, make_context, tmp_path) -> None:
    context = private_context(make_context, tmp_path)
    dialog = NewFilmDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.add_track(SUBTITLES / "pair.es.srt")
    assert dialog.add_track(SUBTITLES / "pair.en.srt")
    assert [box.currentData() for _path, box in dialog.tracks] == ["es", "en"]
    assert dialog.title.text() == "Pair"
    assert dialog.runtime.value() >= 1
    assert not dialog.add_track(SUBTITLES / "binary.srt")
    dialog.title.setText("Un par")
    dialog.directors.setText("Ana, Beto")
    with qtbot.waitSignal(dialog.filmCreated) as created:
        assert dialog.make_film() is not None
    folder = created.args[0]
    assert folder.parent == tmp_path / "films"
    assert 'directors = ["Ana", "Beto"]' in (folder / "film.toml").read_text(encoding="utf-8")


def test_two_tracks_in_one_language_are_refused(qtbot, make_context, tmp_path) -> None:
    context = private_context(make_context, tmp_path)
    dialog = NewFilmDialog(context)
    qtbot.addWidget(dialog)
    dialog.add_track(SUBTITLES / "pair.es.srt")
    dialog.add_track(SUBTITLES / "utf8.es.srt")
    assert dialog.make_film() is None
    assert not any(p.is_dir() for p in (tmp_path / "films").iterdir())
