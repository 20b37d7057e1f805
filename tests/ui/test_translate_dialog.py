"""Film > Translate…: the pieces listed with their states, typing saved into the package's
catalog, the review following at once, and a film outside the library shown read-only."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from PySide6.QtCore import Qt

from misma_luna.core.base.i18n import _
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.loading import load_film
from misma_luna.core.film.translating import PieceState
from misma_luna.core.notes.store import NotesStore
from misma_luna.ui.shell.main_window import MainWindow
from misma_luna.ui.translation.dialog import TranslateDialog
from misma_luna.ui.translation.piece_model import PIECE_ROLE, STATE

CHANGED = ("Neither quite manages", "Neither of them quite manages")


def library_film(tmp_path: Path) -> Path:
    """The bundled film copied into a library under tmp_path, one paragraph reworded."""
    folder = Path(shutil.copytree(bundled_film_dir(), tmp_path / "films" / "mine"))
    review = folder / "review.md"
    review.write_text(review.read_text(encoding="utf-8").replace(*CHANGED), encoding="utf-8")
    return folder


def window_on(qtbot, make_context, tmp_path: Path, folder: Path, language: str) -> MainWindow:  # type: ignore[no-untyped-def]
    context = make_context(load_film(folder))
    context.library_root = tmp_path / "films"
    context.open_notes = lambda: NotesStore.open(tmp_path / "notes.sqlite3")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.context.language.set_language(language)
    return window


def pieces(dialog: TranslateDialog) -> list[object]:
    proxy = dialog.proxy
    return [proxy.index(row, STATE).data(PIECE_ROLE) for row in range(proxy.rowCount())]


def test_a_fact_translated_shows_in_the_facts_kept_for_that_language(
    qtbot, make_context, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = window_on(qtbot, make_context, tmp_path, library_film(tmp_path), "es")
    pane = window.film_pane
    qtbot.waitUntil(lambda: "Drama: una película de carretera" in pane.facts.toPlainText())
    spanish = pane.facts
    window.context.language.set_language("en")  # both languages' facts kept from now on
    qtbot.waitUntil(lambda: pane.facts is not spanish)
    english = pane.facts
    window.context.language.set_language("es")
    qtbot.waitUntil(lambda: pane.facts is spanish)
    dialog = window.show_translation()
    genre = window.context.film.facts.texts["genre"]
    table = dialog.piece_list.table
    row = [piece.source for piece in pieces(dialog)].index(genre)  # type: ignore[attr-defined]
    table.setCurrentIndex(dialog.proxy.index(row, 0))
    dialog.editor.selectAll()
    qtbot.keyClicks(dialog.editor, "Drama de carretera")
    dialog.save_now()
    assert "Drama de carretera" in pane.facts.toPlainText()  # the facts on screen follow
    window.context.language.set_language("en")  # made again: the film's text changed
    qtbot.waitUntil(lambda: "Year" in pane.facts.toPlainText())
    assert pane.facts is not english and "Drama: a family road movie" in pane.facts.toPlainText()
    dialog.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_typing_saves_the_catalog_and_the_review_follows(
    qtbot, make_context, tmp_path: Path, language: str
) -> None:  # type: ignore[no-untyped-def]
    folder = library_film(tmp_path)
    window = window_on(qtbot, make_context, tmp_path, folder, language)
    dialog = window.show_translation()
    assert dialog.language_box.currentData() == "es"
    assert dialog.windowTitle() == _("Translate the Film")
    if language == "es":
        assert dialog.windowTitle() != "Translate the Film"
    assert not dialog.notice.isVisible()
    film = window.context.film
    assert dialog.proxy.rowCount() == len({b.text for b in film.review.blocks}) + len(
        film.facts.texts
    )
    before = dialog.progress_label.text()
    dialog.only_needed.setChecked(True)
    [outdated] = pieces(dialog)
    assert outdated.state is PieceState.OUTDATED  # type: ignore[attr-defined]
    assert dialog.proxy.rowCount() == 1  # the one piece left, chosen
    assert dialog.previous_view.isVisible()
    assert CHANGED[0] in dialog.previous_view.toPlainText()
    dialog.editor.selectAll()
    qtbot.keyClicks(dialog.editor, "Ninguna de las dos lo logra del todo.")
    po_file = folder / "i18n" / "es.po"

    def saved() -> polib.POEntry | None:
        return polib.pofile(str(po_file)).find(outdated.source)  # type: ignore[attr-defined,no-any-return]

    typed = "Ninguna de las dos lo logra del todo."
    qtbot.waitUntil(lambda: (e := saved()) is not None and e.msgstr == typed, timeout=5000)
    entry = saved()  # the pause after typing saved it
    assert entry is not None and entry.msgstr == typed
    assert not entry.fuzzy
    assert dialog.progress_label.text() != before
    shown = window.context.localized_film().text(outdated.source)  # type: ignore[attr-defined]
    if language == "es":
        assert shown.text == "Ninguna de las dos lo logra del todo."
        assert "Ninguna de las dos lo logra del todo." in window.review_pane.view.toPlainText()
    dialog.close()


def test_ctrl_enter_confirms_and_moves_on(qtbot, make_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = library_film(tmp_path)
    window = window_on(qtbot, make_context, tmp_path, folder, "es")
    dialog = window.show_translation()
    qtbot.waitExposed(dialog)
    dialog.only_needed.setChecked(True)
    assert dialog.proxy.rowCount() == 1
    dialog.editor.setFocus()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.proxy.rowCount() == 0  # confirmed as it stood: nothing left to do
    entries = polib.pofile(str(folder / "i18n" / "es.po"))
    assert not [e for e in entries if e.fuzzy and not e.obsolete]
    assert window.context.localized_film().untranslated_count() == 0
    dialog.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_bundled_film_is_shown_read_only(qtbot, make_context, tmp_path, language) -> None:  # type: ignore[no-untyped-def]
    window = window_on(qtbot, make_context, tmp_path, bundled_film_dir(), language)
    before = (bundled_film_dir() / "i18n" / "es.po").read_bytes()
    dialog = window.show_translation()
    qtbot.waitExposed(dialog)
    assert dialog.notice.isVisible()
    reason = _(
        "This film comes with Misma Luna and cannot be changed, so its translations are shown "
        "here as they are. Films you make or import into your library can be translated here."
    )
    assert dialog.notice.text() == reason
    assert ("viene con Misma Luna" in reason) == (language == "es")
    assert dialog.editor.isReadOnly()
    assert not dialog.next_button.isEnabled()  # nothing to save
    assert dialog.proxy.rowCount() > 0
    qtbot.keyClicks(dialog.editor, "x")
    dialog.save_and_next()
    assert (bundled_film_dir() / "i18n" / "es.po").read_bytes() == before
    dialog.close()


def test_a_failed_save_keeps_the_text_and_asks_before_closing(
    qtbot, make_context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    folder = library_film(tmp_path)
    window = window_on(qtbot, make_context, tmp_path, folder, "en")
    dialog = window.show_translation()
    before = (folder / "i18n" / "es.po").read_bytes()

    def full_disk(path: Path, data: bytes, *, durable: bool = True) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("misma_luna.core.film.translating.write_whole", full_disk)
    dialog.editor.setPlainText("Un texto que no cabe")
    assert not dialog.save_now()
    assert str(folder / "i18n" / "es.po") in dialog.save_state.text()
    assert dialog.editor.toPlainText() == "Un texto que no cabe"
    assert (folder / "i18n" / "es.po").read_bytes() == before
    monkeypatch.setattr(TranslateDialog, "_ask_to_leave_unsaved", lambda self: False)
    dialog.close()
    assert dialog.isVisible()  # not closed over the reader's text
    monkeypatch.undo()
    assert dialog.save_now()
    assert "Un texto que no cabe" in (folder / "i18n" / "es.po").read_text(encoding="utf-8")
    dialog.close()
    assert not dialog.isVisible()


def test_the_review_notices_take_a_new_colour_scheme(
    qtbot, make_context, tmp_path: Path, system_theme_after
) -> None:  # type: ignore[no-untyped-def]
    from misma_luna.ui.services.appearance.theme import DARK, apply_theme, themed_palette

    window = window_on(qtbot, make_context, tmp_path, library_film(tmp_path), "es")
    pane = window.review_pane

    def notice_colour() -> str | None:
        """The colour of the notice above the review (one passage's translation is old)."""
        block = pane.view.document().firstBlock()
        while block.isValid() and "⚑" not in block.text():
            block = block.next()
        return (
            block.begin().fragment().charFormat().foreground().color().name()
            if block.isValid()
            else None
        )

    qtbot.waitUntil(lambda: notice_colour() is not None)  # the review in Spanish
    light = notice_colour()
    apply_theme("dark")
    qtbot.waitUntil(lambda: notice_colour() != light)
    muted = themed_palette(DARK).placeholderText().color().name()
    assert notice_colour() == muted  # the dark scheme's muted text, not the light one's
