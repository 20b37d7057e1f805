"""Calm for every reader: the window fits small screens, Tab reaches everything, names are said."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

from misma_luna.core.words.coverage import coverage_of_counts
from misma_luna.ui.services.appearance.screen import FRAME_MARGIN, available_size, fitted


def test_a_window_is_fitted_to_the_screen_it_opens_on() -> None:
    assert fitted(QSize(1200, 800), QSize(1366, 768)) == QSize(1200, 768 - FRAME_MARGIN.height())
    assert fitted(QSize(1200, 800), QSize(1920, 1080)) == QSize(1200, 800)
    assert fitted(QSize(1000, 760), QSize(1024, 700)).width() <= 1024


def test_the_main_window_opens_within_the_available_screen(main_window) -> None:
    room = available_size(main_window)
    assert main_window.width() <= max(room.width(), main_window.minimumSizeHint().width())
    assert main_window.height() <= room.height()


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_pane_fits_a_1024_by_700_screen_in_either_language(main_window, language) -> None:
    main_window.context.language.set_language(language)
    main_window.subtitles_pane.controls.show_jump_error()
    least = main_window.minimumSizeHint()
    assert least.width() <= 1024 - FRAME_MARGIN.width()
    assert least.height() <= 700 - FRAME_MARGIN.height()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_subtitle_rows_keep_their_labels_whole(qtbot, main_window, language) -> None:
    main_window.context.language.set_language(language)
    main_window.resize(1008, 652)
    pane = main_window.subtitles_pane
    qtbot.waitUntil(lambda: pane.width() >= pane.minimumSizeHint().width())
    for bar in pane.bars:
        for label in (bar.file_label, bar.encoding_label):
            assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
        box = bar.language_box
        longest = max(
            box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count())
        )
        assert box.width() > longest


def test_tab_from_the_review_reaches_every_pane(qtbot, main_window) -> None:
    main_window.activateWindow()
    main_window.review_pane.view.setFocus()
    wanted = {
        main_window.notes_pane.editor,
        main_window.notes_pane.search_field,
        main_window.subtitles_pane.controls.offset_box,
        main_window.subtitles_pane.controls.search_field,
        main_window.subtitles_pane.table,
    }
    reached = set()
    for _step in range(40):
        focused = QApplication.focusWidget()
        reached.add(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert wanted <= reached
    assert QApplication.focusWidget() is not main_window.subtitles_pane.table


def _unnamed(window: QWidget) -> list[str]:
    """Focusable widgets of `window` with no accessible name (parts of a spin box or a combo
    box's popup are named by their owner)."""
    found = []
    for widget in window.findChildren(QWidget):
        owner = widget.parentWidget()
        if widget.window() is not window or isinstance(owner, QAbstractSpinBox | QComboBox):
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not widget.accessibleName():
            found.append(f"{type(widget).__name__} {widget.objectName()}")
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_focusable_widget_has_a_name_in_the_language(qtbot, main_window, language) -> None:
    main_window.context.language.set_language(language)
    assert main_window.review_pane.find_bar is not None
    assert _unnamed(main_window) == []
    if language == "es":
        table = main_window.subtitles_pane.table
        qtbot.waitUntil(lambda: table.accessibleName() == "Subtítulos en dos idiomas")


def _undescribed(window) -> list[str]:  # type: ignore[no-untyped-def]
    """Named panes, tables, editors, text views and search or time fields of `window` with no
    accessible description (what the widget is for and how to use it)."""
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QAbstractSpinBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    kinds = (QAbstractItemView, QTextEdit, QPlainTextEdit, QLineEdit, QAbstractSpinBox)
    panes = {window.film_pane, window.notes_pane, window.words_pane}
    found = []
    for widget in window.findChildren(QWidget):
        owner = widget.parentWidget()
        if widget.window() is not window or isinstance(owner, QAbstractSpinBox | QComboBox):
            continue
        wanted = isinstance(widget, kinds) or widget in panes
        if wanted and widget.accessibleName() and not widget.accessibleDescription():
            found.append(f"{type(widget).__name__} {widget.accessibleName()}")
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_pane_table_editor_and_field_says_what_it_is_for(
    qtbot, main_window, language
) -> None:
    main_window.context.language.set_language(language)
    assert main_window.review_pane.find_bar is not None
    said = "reseña" if language == "es" else "review"
    pane = main_window.review_pane
    qtbot.waitUntil(lambda: said in pane.view.accessibleDescription())  # followed live
    assert _undescribed(main_window) == []
    descriptions = {
        main_window.review_pane.view.accessibleDescription(),
        main_window.subtitles_pane.table.accessibleDescription(),
        main_window.notes_pane.editor.accessibleDescription(),
        main_window.review_pane.find_bar.field.accessibleDescription(),
    }
    assert len(descriptions) == 4  # each says its own thing
    if language == "es":
        assert "subtítulo" in main_window.subtitles_pane.table.accessibleDescription()
        assert all("the" not in text.split() for text in descriptions)


def _dialog_words(dialog: QWidget) -> list[str]:
    """Every label, button text, tooltip, accessible name and list entry a dialog shows."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTreeView

    words = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            words.append(widget.text())
        if isinstance(widget, QComboBox):
            words += [widget.itemText(i) for i in range(widget.count())]
        words += [widget.toolTip(), widget.accessibleName()]
    for view in dialog.findChildren(QTreeView):
        model = view.model()
        for column in range(model.columnCount()):
            words.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
            words.append(str(model.index(0, column, view.rootIndex()).data()))
    return [word for word in words if word]


def test_the_file_dialog_speaks_latin_american_spanish(qtbot, make_context, tmp_path) -> None:
    from PySide6.QtWidgets import QFileDialog

    (tmp_path / "subtítulos").mkdir()
    context = make_context(language="es")
    try:
        dialog = QFileDialog(None, "Abrir", str(tmp_path), "Subtítulos (*.srt);;Todos (*)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: "Carpeta" in _dialog_words(dialog))
        words = " ".join(_dialog_words(dialog))
        for english in ("Look in", "Files of type", "File name", "Folder", "Directory"):
            assert english not in words
        assert "fichero" not in words.lower()
        assert "Buscar en:" in words and "Tipo de archivo:" in words
    finally:
        context.language.set_language("en")


def _tab_stops(window: QWidget) -> list[QWidget]:
    """Every widget of `window` that Tab can reach (a spin box, a combo box and a view count
    whole: their inner field, popup and viewport are said by their owner)."""
    from PySide6.QtWidgets import QAbstractScrollArea

    stops = []
    for widget in window.findChildren(QWidget):
        owner = widget.parentWidget()
        if widget.window() is not window or isinstance(owner, QAbstractSpinBox | QComboBox):
            continue
        if isinstance(owner, QAbstractScrollArea) and widget is owner.viewport():
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
    return stops


def _said(widget: QWidget) -> tuple[str, str]:
    """The name and the description a screen reader gets for `widget` from Qt."""
    from PySide6.QtGui import QAccessible

    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description)


def _unsaid(window: QWidget) -> list[str]:
    """Tab stops of `window` with no accessible name or no description, as Qt gives them."""
    found = []
    for widget in _tab_stops(window):
        name, description = _said(widget)
        if not name.strip() or not description.strip():
            kind = f"{window.objectName()}: {type(widget).__name__} {widget.objectName()}"
            found.append(f"{kind} name={name!r} description={description!r}")
    return found


def _open_dialogs(main_window, tmp_path) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Every dialog and window of the app that follows a language switch, shown."""
    from misma_luna.ui.library.new_film_dialog import NewFilmDialog
    from misma_luna.ui.library.window import LibraryWindow
    from misma_luna.ui.widgets.original_text import OriginalTextDialog
    from misma_luna.ui.worksheets.dialog import WorksheetDialog

    context = main_window.context
    context.library_root = tmp_path / "films"
    subtitles = Path(__file__).resolve().parents[1] / "data" / "subtitles" / "cp1252.es.srt"
    new_film = NewFilmDialog(context, main_window)
    assert new_film.add_track(subtitles)  # a language box for each subtitle file
    dialogs = [
        WorksheetDialog(context, main_window, (10_000, 20_000)),
        main_window.show_translation(),
        LibraryWindow(context, main_window),
        new_film,
        OriginalTextDialog(context.film, main_window),
    ]
    main_window.show_about()
    main_window.show_preferences()
    main_window.show_getting_started()
    for name in ("aboutDialog", "preferencesDialog", "helpDialog"):
        dialogs.append(main_window.findChild(QWidget, name))
    for dialog in dialogs:
        dialog.show()
    return dialogs


def _made_on_use(main_window) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The dialogs made each time they are asked for (they open in the language of the day)."""
    from misma_luna.ui.words.export_dialog import ExportChoices

    dialogs = [ExportChoices(3, True, main_window), main_window.sheet_printer.make_preview()]
    for dialog in dialogs:
        dialog.show()
    return dialogs


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_tab_stop_of_every_window_has_a_name_and_a_description(
    qtbot, main_window, tmp_path, language
) -> None:
    dialogs = _open_dialogs(main_window, tmp_path)  # built before the switch: they follow it
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    main_window.switch_language(language)
    later = _made_on_use(main_window)
    for dialog in later:
        qtbot.addWidget(dialog)
    windows = [main_window, *dialogs, *later]
    qtbot.waitUntil(lambda: all(window.isVisible() for window in windows))
    worksheet = dialogs[0]
    title = "Hoja de trabajo" if language == "es" else "Worksheet"
    qtbot.waitUntil(lambda: worksheet.windowTitle() == title)  # the switch is followed live
    unsaid = [line for window in windows for line in _unsaid(window)]
    assert not unsaid, "\n".join(["Not said to a screen reader:", *unsaid])
    if language == "es":
        assert _said(worksheet.start) == (
            "Inicio de la escena",
            "El inicio de la escena, en formato h:mm:ss",
        )
        described = [_said(widget)[1] for window in windows for widget in _tab_stops(window)]
        assert "Cierra la biblioteca" in described
        assert not [text for text in described if text.startswith(("The ", "Close "))]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_film_facts_need_no_sideways_scrolling_at_1024_by_700(
    qtbot, main_window, language
) -> None:  # type: ignore[no-untyped-def]
    main_window.context.language.set_language(language)
    main_window.resize(1024 - FRAME_MARGIN.width(), 700 - FRAME_MARGIN.height())
    pane = main_window.film_pane
    qtbot.waitUntil(lambda: pane.widget().findChild(QWidget, "filmLevel") is not None)
    pane.level.coverages = [coverage_of_counts(Counter({"casa": 3, "frontera": 1}), "es", set())]
    pane.level.retranslate()
    qtbot.waitUntil(lambda: pane.viewport().width() > 0)
    assert pane.widget().minimumSizeHint().width() <= pane.viewport().width()
