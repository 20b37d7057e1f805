"""Opening films from the window: drag and drop, recent files, bad files, original text."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QMessageBox

from misma_luna.core.film.content import TranslationState
from misma_luna.ui.services import settings
from misma_luna.ui.widgets.original_text import OriginalTextDialog

from .dragging import drag_enter, drop, files

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile"


def _problem_boxes(window) -> list[QMessageBox]:  # type: ignore[no-untyped-def]
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_dropping_a_zipped_package_opens_it(main_window) -> None:
    mime = files(HOSTILE / "hostile-film.zip")
    assert drag_enter(main_window, mime).isAccepted()
    assert drop(main_window, mime).isAccepted()
    assert main_window.context.film.id == "hostile-film"
    assert main_window.windowTitle().startswith("Under the Same Moon")
    assert "Adrián Alonso plays" in main_window.review_pane.view.toPlainText()


def test_dropping_something_else_is_refused(main_window, tmp_path: Path) -> None:
    other = tmp_path / "poster.png"
    other.write_bytes(b"\x89PNG")
    mime = files(other)
    assert not drag_enter(main_window, mime).isAccepted()
    text_only = QMimeData()
    text_only.setText("https://example.com/film.zip")
    assert not drag_enter(main_window, text_only).isAccepted()
    assert main_window.context.film.id == "bajo-la-misma-luna"


def test_a_bad_drop_keeps_the_film_and_says_why(main_window) -> None:
    mime = files(HOSTILE / "broken-toml")
    assert drag_enter(main_window, mime).isAccepted()
    drop(main_window, mime)
    assert main_window.context.film.id == "bajo-la-misma-luna"
    boxes = _problem_boxes(main_window)
    assert len(boxes) == 1
    assert f"{HOSTILE / 'broken-toml' / 'film.toml'}:6:" in boxes[0].text()
    boxes[0].close()


def test_each_bad_file_gets_a_message_naming_it(main_window) -> None:
    for name in ("traversal.zip", "no-review", "binary-review.txt", "bomb.zip"):
        assert main_window.opener.open_path(HOSTILE / name) is None
        boxes = _problem_boxes(main_window)
        assert [str(HOSTILE / name) in box.text() for box in boxes] == [True]
        boxes[0].close()
    assert main_window.context.film.id == "bajo-la-misma-luna"


def test_po_syntax_error_opens_with_a_warning(main_window) -> None:
    film = main_window.opener.open_path(HOSTILE / "bad-po")
    assert film is not None
    assert main_window.context.film.id == "bad-po"
    (box,) = _problem_boxes(main_window)
    assert "es.po:7" in box.text()
    box.close()


def test_recent_files_menu(main_window) -> None:
    opener = main_window.opener
    opener.clear_recent()
    opener.open_path(HOSTILE / "plain-review.txt")
    opener.open_path(HOSTILE / "hostile-film")
    menu = opener.recent_menu
    assert menu is not None
    menu.aboutToShow.emit()
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == ["&1 hostile-film", "&2 plain-review.txt", "&Clear Recent Files"]
    stored = main_window.context.preferences.get(settings.RECENT_FILES)
    assert stored == [str((HOSTILE / n).resolve()) for n in ("hostile-film", "plain-review.txt")]
    menu.actions()[1].trigger()
    assert main_window.context.film.id == "review-plain-review"
    assert menu.actions()[0].text() == "&1 plain-review.txt"
    menu.actions()[-1].trigger()
    assert main_window.context.preferences.get(settings.RECENT_FILES) == []
    assert not menu.actions()[0].isEnabled()


def test_recent_files_skip_missing_ones(main_window, tmp_path: Path) -> None:
    review = tmp_path / "gone.md"
    shutil.copy(HOSTILE / "plain-review.txt", review)
    main_window.opener.open_path(review)
    review.unlink()
    main_window.opener.recent_menu.aboutToShow.emit()
    assert "gone.md" not in " ".join(a.text() for a in main_window.opener.recent_menu.actions())


def test_repair_report_and_original_text(qtbot, main_window) -> None:
    main_window.opener.open_path(HOSTILE / "hostile-film")
    assert main_window.statusBar().currentMessage() == "Repaired 2 mis-encoded characters"
    main_window.context.actions["view.show_original"].trigger()
    dialog = main_window.findChild(OriginalTextDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert "AdriÃ¡n Alonso" in dialog.text.toPlainText()
    assert "Repaired 2 mis-encoded characters" in dialog.summary.text()
    assert "UTF-8" in dialog.summary.text()
    dialog.close()


def test_missing_and_outdated_translations_show_the_source_with_a_marker(
    make_context, qtbot, tmp_path: Path
) -> None:
    from misma_luna.core.film.loading import load_film
    from misma_luna.ui.shell.main_window import MainWindow

    package = Path(shutil.copytree(HOSTILE / "hostile-film", tmp_path / "film"))
    po = package / "i18n" / "es.po"
    po.write_text(
        po.read_text()
        + '\n#, fuzzy\nmsgid "A quote with a [look-alike](https://www.paypa1.com/login) and a '
        '[punycode site](https://xn--mdb-pdd.com/title/tt0796307/)."\nmsgstr "Cita VIEJA."\n'
    )
    film = load_film(package)
    window = MainWindow(make_context(film, language="es"))
    qtbot.addWidget(window)
    states = [shown.state for _block, shown in window.context.localized_film().blocks()]
    assert states[0] is TranslationState.TRANSLATED
    assert states[-1] is TranslationState.OUTDATED
    assert TranslationState.MISSING in states
    text = window.review_pane.view.toPlainText()
    assert "Una reseña de la web salvaje" in text
    assert "Cita VIEJA" not in text
    untranslated = sum(1 for state in states if state.shows_source)
    notice, review = text.split("\n", 1)  # said once, above the review
    assert notice.startswith("6 pasajes aún no están traducidos al español")
    assert "La traducción al español de 1 pasaje está desactualizada" in notice
    assert review.count("⚑") == untranslated  # and a quiet mark on each passage
    assert "Aún sin traducir" not in text  # not a sentence per passage
    window.context.language.set_language("en")


def test_dropping_on_the_review_text_opens_the_film_too(main_window) -> None:
    viewport = main_window.review_pane.view.viewport()
    mime = files(HOSTILE / "bare-review-es.md")
    assert drag_enter(viewport, mime).isAccepted()
    drop(viewport, mime)
    assert main_window.context.film.path == HOSTILE / "bare-review-es.md"
    assert main_window.context.film.source_language == "es"
