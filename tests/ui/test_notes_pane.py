"""The notes pane as a reader uses it: autosave, pinning, markers, search, faults."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor

from misma_luna.core.notes.note import Anchor
from misma_luna.core.notes.store import NotesStore, notes_path
from misma_luna.ui.shell.main_window import MainWindow

UNLIMITED_PAGES = 1073741823


@pytest.fixture
def window(notes_window):  # type: ignore[no-untyped-def]
    """The real main window, with a notes store of its own."""
    return notes_window


def bodies(win: MainWindow) -> list[str]:
    return [n.body for n in win.context.notes.all_notes()]


def type_note(qtbot, win: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    win.context.actions["notes.focus"].trigger()
    qtbot.keyClicks(win.notes_pane.editor, text)


def put_review_cursor_in_block(win: MainWindow, index: int) -> str:
    view = win.review_pane.view
    cursor = view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    view.setTextCursor(cursor)
    block_id = win.review_pane.block_at_cursor()
    blocks = [b.id for b in win.context.film.review.blocks]
    assert block_id in blocks
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    while win.review_pane.block_at_cursor() != blocks[index]:
        assert cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        view.setTextCursor(cursor)
    return blocks[index]


def test_typing_is_saved_without_a_save_button(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    type_note(qtbot, window, "Rosario never gives up")
    qtbot.waitUntil(lambda: bodies(window) == ["Rosario never gives up"], timeout=3000)
    assert window.notes_pane.status.text().startswith("Saved at ")
    assert not window.notes_pane.dirty
    assert window.notes_pane.count_label.text() == "1 note"


def test_leaving_the_editor_saves_at_once(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.notes_pane.flush()
    type_note(qtbot, window, "saved on focus change")
    assert window.notes_pane.dirty
    window.notes_pane.search_field.setFocus()
    qtbot.waitUntil(lambda: not window.notes_pane.editor.hasFocus())
    assert bodies(window) == ["saved on focus change"]
    assert not window.notes_pane.dirty


def test_changing_film_and_closing_save_at_once(qtbot, window, bundled_film) -> None:  # type: ignore[no-untyped-def]
    type_note(qtbot, window, "before the film changes")
    window.context.session.set_film(bundled_film)
    assert bodies(window) == ["before the film changes"]
    assert window.notes_pane.editor.toPlainText() == ""
    type_note(qtbot, window, "before closing")
    window.close()
    assert sorted(bodies(window)) == ["before closing", "before the film changes"]


def test_another_film_starts_with_no_search_and_no_saved_time(qtbot, window, bundled_film) -> None:  # type: ignore[no-untyped-def]
    type_note(qtbot, window, "about this film")
    window.notes_pane.flush()
    window.notes_pane.search_field.setText("this")
    assert window.notes_pane.status.text().startswith("Saved at ")
    window.context.session.set_film(bundled_film)
    assert window.notes_pane.search_field.text() == ""
    assert window.notes_pane.status.text() == ""


def test_a_failed_save_keeps_the_text_warns_and_retries_at_the_next_change(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    pane = window.notes_pane
    type_note(qtbot, window, "first words")
    qtbot.waitUntil(lambda: bodies(window) == ["first words"], timeout=3000)
    conn = window.context.notes._conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    pane.editor.insertPlainText(" and a long paragraph" * 2000)
    qtbot.waitUntil(pane.warning.isVisible, timeout=3000)
    assert "the disk is full" in pane.warning.text()
    assert pane.editor.toPlainText().endswith("long paragraph")
    assert pane.dirty and bodies(window) == ["first words"]
    assert pane.stack.currentWidget() is pane.editor
    conn.execute(f"PRAGMA max_page_count = {UNLIMITED_PAGES}")
    qtbot.keyClicks(pane.editor, "!")
    qtbot.waitUntil(lambda: not pane.warning.isVisible(), timeout=3000)
    assert bodies(window) == [pane.editor.toPlainText()]
    assert bodies(window)[0].endswith("paragraph!")


def test_add_note_here_pins_to_the_block_and_marks_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    block_id = put_review_cursor_in_block(window, 3)
    window.context.actions["notes.add"].trigger()
    assert window.notes_pane.editor.hasFocus()
    assert window.notes_pane.anchor_label.text().startswith("Pinned to “")
    qtbot.keyClicks(window.notes_pane.editor, "pinned thought")
    qtbot.waitUntil(lambda: bodies(window) == ["pinned thought"], timeout=3000)
    (note,) = window.context.notes.all_notes()
    assert note.anchor is not None and note.anchor.id == block_id and note.anchor.position == 3
    assert note.anchor.quote and note.anchor.quote in window.review_pane.view.toPlainText()
    assert f"note:{note.id}" in window.review_pane.view.toHtml()


def test_clicking_a_marker_selects_its_note(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    store = window.context.notes
    film = window.context.film
    blocks = film.review.blocks
    first = store.add(film.id, "on the first block", Anchor("block", blocks[0].id, 0, "x"))
    last = store.add(
        film.id, "on the last block", Anchor("block", blocks[-1].id, len(blocks) - 1, "y")
    )
    window.notes_pane.refresh()
    links = []
    window.review_pane.linkActivated.connect(links.append)
    window.review_pane.view.anchorClicked.emit(QUrl(f"note:{last.id}"))
    assert window.notes_pane.editor.toPlainText() == "on the last block"
    assert window.notes_pane.list_view.currentIndex().row() == 1
    assert links == []  # a marker is not a link to confirm
    window.notes_pane.select_note(first.id)
    assert window.notes_pane.list_view.currentIndex().row() == 0


def test_clicking_a_note_scrolls_the_review_to_its_passage(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    film = window.context.film
    blocks = film.review.blocks
    store = window.context.notes
    store.add(film.id, "far below", Anchor("block", blocks[-1].id, len(blocks) - 1, "end"))
    window.notes_pane.refresh()
    bar = window.review_pane.view.verticalScrollBar()
    bar.setValue(0)
    view = window.notes_pane.list_view
    rect = view.visualRect(window.notes_pane.model.index(0))
    qtbot.mouseClick(view.viewport(), qtbot_left(), pos=rect.center())
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert window.notes_pane.editor.toPlainText() == "far below"


def qtbot_left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_note_is_shown_formatted_when_not_editing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    pane = window.notes_pane
    type_note(qtbot, window, "a **bold** idea")
    pane.search_field.setFocus()
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.viewer)
    assert pane.viewer.toPlainText().strip() == "a bold idea"
    qtbot.mouseClick(pane.viewer.viewport(), qtbot_left())
    assert pane.stack.currentWidget() is pane.editor
    assert pane.editor.toPlainText() == "a **bold** idea"


def test_undo_and_redo_in_the_editor(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    type_note(qtbot, window, "abc")
    editor = window.notes_pane.editor
    editor.undo()
    assert editor.toPlainText() != "abc"
    editor.redo()
    assert editor.toPlainText() == "abc"


def test_search_counts_in_proper_plurals_in_both_languages(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    store = window.context.notes
    film_id = window.context.film.id
    for body in ("la luna llena", "otra luna", "la frontera"):
        store.add(film_id, body)
    store.add("another-film", "luna lejana")
    pane = window.notes_pane
    pane.refresh()
    assert pane.count_label.text() == "3 notes"
    qtbot.keyClicks(pane.search_field, "frontera")
    assert pane.count_label.text() == "1 note found"
    pane.search_field.setText("luna")
    assert pane.count_label.text() == "2 notes found"
    pane.all_films.setChecked(True)
    assert pane.count_label.text() == "3 notes found"
    window.switch_language("es")
    qtbot.waitUntil(lambda: pane.count_label.text() == "3 notas encontradas")
    pane.search_field.setText("frontera")
    assert pane.count_label.text() == "1 nota encontrada"
    pane.search_field.clear()
    assert pane.count_label.text() == "4 notas"
    assert pane.heading.text() == "Notas"


def test_saved_at_follows_the_language(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    type_note(qtbot, window, "hola")
    window.notes_pane.flush()
    assert window.notes_pane.status.text().startswith("Saved at ")
    window.switch_language("es")
    qtbot.waitUntil(lambda: window.notes_pane.status.text().startswith("Guardado a las "))


def test_a_read_only_store_shows_a_banner_and_keeps_the_editor_read_only(
    qtbot, make_context, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = notes_path(tmp_path)
    with NotesStore.open(path) as store:
        store.add("bajo-la-misma-luna", "written elsewhere")
    context = make_context()
    context.notes = NotesStore.open(path, read_only=True)
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    pane = win.notes_pane
    assert pane.banner.isVisible()
    assert "read-only" in pane.banner.text()
    assert pane.editor.isReadOnly()
    assert not win.context.actions["notes.add"].isEnabled()
    assert not pane.new_button.isEnabled()
    assert pane.editor.placeholderText() == pane.banner.text()  # the reason, where one types
    assert not pane.banner.styleSheet() and pane.banner.autoFillBackground()  # palette colours
    assert pane.model.rowCount() == 1
    context.notes.close()


def test_a_note_pins_to_the_subtitle_row_in_focus_and_leads_back_to_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    subtitles = window.subtitles_pane
    assert subtitles.model.rowCount() > 4
    table = subtitles.table
    table.setFocus()
    table.setCurrentIndex(subtitles.model.index(4, 1))
    window.context.actions["notes.add"].trigger()
    qtbot.keyClicks(window.notes_pane.editor, "on a line of dialogue")
    window.notes_pane.flush()
    (note,) = window.context.notes.all_notes()
    assert note.anchor is not None and note.anchor.kind == "subtitle"
    assert note.anchor.id == f"cue:{note.anchor.position}"
    table.setCurrentIndex(subtitles.model.index(0, 1))
    window.notes_pane.go_to_anchor(note)
    assert table.currentIndex().row() == 4


def test_the_notes_pane_cannot_be_dragged_away(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1200, 800)
    qtbot.waitUntil(lambda: window.notes_pane.width() > 0)
    window.splitter.setSizes([320, 880, 0])  # as far as a drag of the handle can go
    assert window.notes_pane.width() >= window.notes_pane.minimumSizeHint().width() > 0


def test_the_notes_pane_hides_from_the_view_menu_and_comes_back_for_a_note(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from misma_luna.ui.services import settings

    shown = window.context.actions["view.notes"]
    qtbot.waitUntil(window.notes_pane.isVisible)
    review_width = window.reading_splitter.width()
    written = "escrita antes de cerrar el panel"
    type_note(qtbot, window, written)
    shown.trigger()
    assert not shown.isChecked() and not window.notes_pane.isVisible()
    qtbot.waitUntil(lambda: window.reading_splitter.width() > review_width)  # the review grows
    assert window.context.preferences.get(settings.NOTES_SHOWN) is False
    assert [note.body for note in window.context.notes.all_notes()] == [written]
    for action_id, focused in (
        ("notes.search", "search_field"),
        ("notes.add", "editor"),
        ("notes.focus", "editor"),
    ):
        shown.setChecked(False)
        window.context.actions[action_id].trigger()
        assert shown.isChecked() and window.notes_pane.isVisible()
        qtbot.waitUntil(getattr(window.notes_pane, focused).hasFocus)
    assert window.context.preferences.get(settings.NOTES_SHOWN) is True
