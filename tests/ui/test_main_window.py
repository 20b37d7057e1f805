"""The main window as a reader uses it: facts, review, find, zoom, layout memory."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt

from misma_luna.ui.services import settings
from misma_luna.ui.shell.main_window import VERTICAL, MainWindow


def test_window_shows_the_bundled_film(main_window) -> None:
    assert main_window.windowTitle() == "Under the Same Moon — Misma Luna"
    text = main_window.review_pane.view.toPlainText()
    assert text.startswith("Two Journeys, One Sky")
    assert "Adrián" in text and "Ã" not in text


def test_facts_review_over_subtitles_and_notes_sit_side_by_side(main_window) -> None:
    assert main_window.splitter.orientation() == Qt.Orientation.Horizontal
    panes = [main_window.splitter.widget(i) for i in range(main_window.splitter.count())]
    assert panes == [main_window.film_pane, main_window.reading_splitter, main_window.notes_pane]
    assert main_window.reading_splitter.orientation() == Qt.Orientation.Vertical
    assert main_window.reading_splitter.widget(1) is main_window.subtitles_pane
    assert Qt.Orientation.Vertical.value == VERTICAL
    assert not any(map(main_window.splitter.isCollapsible, range(len(panes))))


def test_find_counts_and_steps_through_matches(qtbot, main_window) -> None:
    main_window.context.actions["edit.find"].trigger()
    bar = main_window.review_pane.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "Carlitos")
    total = main_window.review_pane.view.toPlainText().count("Carlitos")
    assert total > 2
    assert bar.count_label.text() == f"1 of {total} matches"
    main_window.context.actions["edit.find_next"].trigger()
    assert bar.count_label.text() == f"2 of {total} matches"
    main_window.context.actions["edit.find_previous"].trigger()
    main_window.context.actions["edit.find_previous"].trigger()
    assert bar.count_label.text() == f"{total} of {total} matches"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_reports_no_match(qtbot, main_window) -> None:
    main_window.context.actions["edit.find"].trigger()
    qtbot.keyClicks(main_window.review_pane.find_bar.field, "zzzqqq")
    assert main_window.review_pane.find_bar.count_label.text() == "No matches"


def test_zoom_changes_the_text_size_and_is_remembered(qtbot, main_window) -> None:
    view = main_window.review_pane.view
    size = view.document().defaultFont().pointSizeF()
    main_window.context.actions["view.zoom_in"].trigger()
    main_window.context.actions["view.zoom_in"].trigger()
    assert view.document().defaultFont().pointSizeF() > size
    assert main_window.context.preferences.get(settings.REVIEW_ZOOM) == 2
    main_window.context.actions["view.zoom_reset"].trigger()
    assert view.document().defaultFont().pointSizeF() == size


def test_the_review_keeps_a_centred_reading_column_at_any_width(qtbot, main_window) -> None:
    view = main_window.review_pane.view
    margin = view.document().documentMargin()

    def sides() -> tuple[float, float]:
        margins = view.viewportMargins()
        return margins.left() + margin, margins.right() + margin

    def column() -> float:
        return view.viewport().width() - 2 * margin

    main_window.resize(1800, 900)
    qtbot.waitUntil(lambda: view.viewport().width() + sum(sides()) > 1100)
    left, right = sides()
    assert left == right > margin  # wide: the text keeps to a centred column
    wide_column = column()
    assert 70 < wide_column / view.fontMetrics().averageCharWidth() < 90  # characters a line
    main_window.context.actions["view.zoom_in"].trigger()
    assert column() > wide_column  # larger letters, a wider column of the same length
    main_window.context.actions["view.zoom_reset"].trigger()
    main_window.resize(700, 600)
    qtbot.waitUntil(lambda: sides()[0] == margin)  # narrow: the smallest margin, lines wrap
    assert view.document().textWidth() == view.viewport().width()


def test_a_new_text_of_the_review_keeps_its_column(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    """The column is the view's own margin, not the document's: a new text (a language
    switch, a new film) is laid out at the column's width, with nothing to set again."""
    view = main_window.review_pane.view
    main_window.resize(1800, 900)
    qtbot.waitUntil(lambda: view.viewportMargins().left() > 0)
    column = view.viewport().width()
    main_window.review_pane.render()
    frame = view.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() == view.document().documentMargin()
    assert view.viewport().width() == column == view.document().textWidth()


def test_window_reopens_as_it_was_left(qtbot, make_context) -> None:
    context = make_context()
    first = MainWindow(context)
    qtbot.addWidget(first)
    first.show()
    first.resize(first.minimumSizeHint().expandedTo(QSize(760, 560)))
    first.splitter.setSizes([230, 290, 240])
    size, sizes = first.size(), first.splitter.sizes()
    first.close()
    second = MainWindow(context)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == size
    assert second.splitter.sizes() == sizes


def test_every_action_has_a_text_and_menu(main_window) -> None:
    in_menus = {a for menu in main_window.menuBar().actions() for a in menu.menu().actions()}
    for spec_id in ("file.open", "file.quit", "edit.find", "view.zoom_in", "help.about"):
        action = main_window.context.actions[spec_id]
        assert action.text() and action.toolTip()
        assert action in in_menus


def test_every_menu_reaches_each_entry_by_its_own_letter_in_both_languages(
    qtbot, main_window
) -> None:  # type: ignore[no-untyped-def]
    def mnemonic(text: str) -> str:
        index = text.replace("&&", "").find("&")
        assert index >= 0, f"no mnemonic in {text!r}"
        return text.replace("&&", "")[index + 1].lower()

    for language, file_menu in (("es", "&Archivo"), ("en", "&File")):
        main_window.switch_language(language)
        qtbot.waitUntil(lambda m=file_menu: main_window.menuBar().actions()[0].text() == m)
        menus = [action.menu() for action in main_window.menuBar().actions()]
        for menu in [main_window.menuBar(), *menus]:
            texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.text()]
            letters = [mnemonic(text) for text in texts]
            assert len(set(letters)) == len(letters), (language, texts)


def test_a_broken_film_is_reported_and_the_current_film_stays(qtbot, main_window, tmp_path) -> None:
    import shutil
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    from misma_luna.core.base.resources import bundled_film_dir

    broken = Path(shutil.copytree(bundled_film_dir(), tmp_path / "broken"))
    (broken / "film.toml").write_text('id = "x"\nyear = \n', encoding="utf-8")
    before = main_window.context.film
    assert main_window.opener.open_path(broken) is None
    assert main_window.context.film is before
    boxes = [w for w in main_window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and f"{broken / 'film.toml'}:2:" in boxes[-1].text()


def test_a_subtitle_file_given_alone_is_routed_to_the_subtitles_pane(tmp_path) -> None:
    from pathlib import Path

    from misma_luna.ui.shell.app import route_subtitle_path

    track = Path("movie.es.srt")
    assert route_subtitle_path(track, None) == (None, [track])
    film = Path("film-folder")
    assert route_subtitle_path(film, None) == (film, None)


def test_notes_hidden_by_the_reader_stay_hidden_at_the_next_start(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    from misma_luna.ui.services.startup import StartupQueue

    context = make_context()
    context.preferences.set(settings.NOTES_SHOWN, False)
    context.startup = StartupQueue(held=True)  # as at the app's start: panes after the paint
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert window.splitter.widget(2).isHidden()  # no room kept for the notes at the paint
    review = window.review_pane.geometry()
    context.startup.release()
    assert window.notes_pane.isHidden()
    assert not window.context.actions["view.notes"].isChecked()
    assert window.review_pane.geometry() == review
