"""Calm for every reader: the window fits small screens, Tab reaches everything, names are said."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

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
    view = main_window.review_pane.view
    said = "reseña" if language == "es" else "review"
    qtbot.waitUntil(lambda: said in view.accessibleDescription())  # the switch is followed live
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
