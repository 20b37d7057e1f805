"""The live language switch: every text on screen changes at once, with no restart."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import polib
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from misma_luna.core.base.i18n import _
from misma_luna.core.base.resources import locale_dir
from misma_luna.core.film.facts_table import FactRow, facts_table
from misma_luna.ui.services import settings
from misma_luna.ui.shell.main_window import MainWindow
from misma_luna.ui.widgets.text_block import TextBlock

ROOT = Path(__file__).resolve().parents[2]


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def labels(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [label.text() for label in widget.findChildren(QLabel)]


def facts_lines(window: MainWindow) -> list[str]:
    """Each line of the film's facts as the film pane shows them."""
    return window.film_pane.facts.toPlainText().splitlines()


def film_texts(window: MainWindow) -> list[str]:
    """Every text of the film pane: its labels, then each line of the facts."""
    return labels(window.film_pane) + facts_lines(window)


def switch(qtbot, window: MainWindow, code: str) -> None:  # type: ignore[no-untyped-def]
    window.language_menu.actions()[_index(window, code)].trigger()
    qtbot.waitUntil(lambda: menu_titles(window)[0] == _("&File"))


def _index(window: MainWindow, code: str) -> int:
    return [a.data() for a in window.language_menu.actions()].index(code)


def test_language_menu_lists_catalogs_in_their_own_names(main_window) -> None:
    names = [action.text() for action in main_window.language_menu.actions()]
    assert names == ["English", "Español"]
    assert main_window.language_menu.title() == "&Language"


def test_switch_to_spanish_changes_every_text(qtbot, main_window) -> None:
    english_labels = film_texts(main_window)
    switch(qtbot, main_window, "es")
    assert menu_titles(main_window) == ["&Archivo", "&Editar", "&Ver", "&Película", "Ay&uda"]
    assert main_window.language_menu.title() == "&Idioma"
    assert main_window.context.actions["file.open"].text() == "&Abrir…"
    assert main_window.context.actions["file.open"].toolTip().startswith("Abre")
    assert main_window.windowTitle().startswith("Bajo la misma luna")
    spanish_labels = film_texts(main_window)
    assert "Reparto" in spanish_labels and "Cast" in english_labels
    assert any("109 minutos" in text for text in spanish_labels)
    assert any("Adrián Alonso como Carlitos" in text for text in spanish_labels)
    assert any("México y Estados Unidos" in text for text in spanish_labels)
    assert any("enero de 2007" in text for text in spanish_labels)
    review = main_window.review_pane.view.toPlainText()
    assert review.startswith("Dos viajes, un mismo cielo")
    assert "Traducción al español completa" in labels(main_window)
    assert main_window.review_pane.find_bar.field.placeholderText() == "Buscar en la reseña"


def test_switch_back_restores_english(qtbot, main_window) -> None:
    before = (menu_titles(main_window), film_texts(main_window), main_window.windowTitle())
    switch(qtbot, main_window, "es")
    switch(qtbot, main_window, "en")
    after = (menu_titles(main_window), film_texts(main_window), main_window.windowTitle())
    assert after == before
    assert main_window.review_pane.view.toPlainText().startswith("Two Journeys, One Sky")


def test_qt_standard_buttons_follow_the_language(qtbot, main_window) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Cancel"
    switch(qtbot, main_window, "es")
    qtbot.waitUntil(lambda: cancel.text().replace("&", "") == "Cancelar")


def test_open_about_dialog_switches_too(qtbot, main_window) -> None:
    main_window.context.actions["help.about"].trigger()
    about = main_window._about
    assert about.isVisible() and about.windowTitle() == "About Misma Luna"
    switch(qtbot, main_window, "es")
    qtbot.waitUntil(lambda: about.windowTitle() == "Acerca de Misma Luna")
    assert any("licencia MIT" in text for text in labels(about))
    close = about.findChild(QDialogButtonBox).buttons()[0]
    assert close.text().replace("&", "") == "Cerrar"


def test_each_widget_retranslates_once_per_switch(qtbot, main_window, monkeypatch) -> None:
    seen: list[QEvent.Type] = []
    pane = main_window.film_pane
    original = type(pane).retranslate

    def counting(self, *args):  # type: ignore[no-untyped-def]
        if self is pane:  # panes of earlier tests may still be alive
            seen.append(QEvent.Type.LanguageChange)
        original(self, *args)

    monkeypatch.setattr(type(pane), "retranslate", counting)
    switch(qtbot, main_window, "es")
    qtbot.wait(50)
    assert len(seen) == 1


def test_choice_is_remembered(qtbot, main_window) -> None:
    switch(qtbot, main_window, "es")
    assert main_window.context.preferences.get(settings.LANGUAGE) == "es"


def test_a_dropped_in_catalog_adds_a_language(qtbot, make_context, tmp_path: Path) -> None:
    """A third language needs no code: compile a generated catalog and it is offered."""
    locales = Path(shutil.copytree(locale_dir(), tmp_path / "locale"))
    template = polib.pofile(str(ROOT / "i18n" / "misma_luna.pot"))
    portuguese = polib.POFile()
    portuguese.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "pt"}
    translated = {"&File": "&Arquivo", "&View": "E&xibir", "&Language": "&Idioma"}
    for entry in template:
        if entry.msgid in translated:
            portuguese.append(polib.POEntry(msgid=entry.msgid, msgstr=translated[entry.msgid]))
    po_path = tmp_path / "pt.po"
    portuguese.save(str(po_path))
    target = locales / "pt" / "LC_MESSAGES" / "misma_luna.mo"
    target.parent.mkdir(parents=True)
    with po_path.open("rb") as source, target.open("wb") as out:
        write_mo(out, read_po(source, locale="pt"))

    window = MainWindow(make_context(locales=locales))
    qtbot.addWidget(window)
    names = [action.text() for action in window.language_menu.actions()]
    assert "Português" in names
    switch(qtbot, window, "pt")
    assert menu_titles(window)[0] == "&Arquivo"
    switch(qtbot, window, "en")


def test_an_unreadable_spanish_catalog_falls_back_to_english(qtbot, make_context, tmp_path) -> None:
    locales = Path(shutil.copytree(locale_dir(), tmp_path / "locale"))
    (locales / "es" / "LC_MESSAGES" / "misma_luna.mo").write_bytes(b"\xde\x12\x04\x95broken")
    context = make_context(language="es", locales=locales)
    assert context.language.language == "en"
    [problem] = context.language.problems
    assert problem.path == locales / "es" / "LC_MESSAGES" / "misma_luna.mo"
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert menu_titles(window)[0] == "&File"


def assert_facts_shown(window: MainWindow, rows: list[FactRow]) -> None:
    """The film pane shows exactly `rows`: each caption, then its value a line each."""
    lines = iter(facts_lines(window))
    for row in rows:
        assert next(lines) == row.label
        assert [next(lines) for _line in row.lines] == [line.text for line in row.lines]
    assert next(lines, None) is None


def test_the_facts_follow_a_switch_and_another_film(qtbot, main_window, bundled_film) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: len(facts_lines(main_window)) > 4)
    switch(qtbot, main_window, "es")
    everything = facts_table(bundled_film.localized("es"))
    assert "Reparto" in [row.label for row in everything]
    assert_facts_shown(main_window, everything)
    shorter = bundled_film.facts._replace(writers=(), rating=None, premiere=None)
    film = replace(bundled_film, facts=shorter)
    main_window.context.session.set_film(film)
    fewer = facts_table(film.localized("es"))
    assert len(fewer) < len(everything)
    assert_facts_shown(main_window, fewer)


def test_the_facts_are_escaped_and_an_untranslated_line_says_so_in_italics(qapp) -> None:  # type: ignore[no-untyped-def]
    from misma_luna.core.film.facts_table import FactLine
    from misma_luna.ui.film.pane import facts_html

    rows = [
        FactRow("cast", "Cast <i>", (FactLine("<b>Kate</b> & Eugenio"), FactLine("X"))),
        FactRow("tagline", "Tagline", (FactLine("Una <madre>", "not translated yet"),)),
    ]
    block = TextBlock()
    block.set_html(facts_html(rows))
    assert block.toPlainText().splitlines() == [
        "Cast <i>",
        "<b>Kate</b> & Eugenio",
        "X",
        "Tagline",
        "Una <madre> not translated yet",
    ]
    cursor = block.document().find("not translated yet")
    assert cursor.charFormat().fontItalic()
    assert block.document().find("Kate").charFormat().fontWeight() < 600  # the <b> is text


def test_the_pane_follows_the_caret_through_the_facts(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: len(facts_lines(main_window)) > 4)
    main_window.resize(900, 500)
    pane = main_window.film_pane
    facts = pane.facts
    qtbot.waitUntil(lambda: pane.verticalScrollBar().maximum() > 0)
    main_window.activateWindow()
    facts.setFocus()
    qtbot.waitUntil(facts.hasFocus)
    qtbot.keyClick(facts, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.verticalScrollBar().value() > 0)
    caret = facts.mapTo(pane.viewport(), facts.cursorRect().center())
    assert pane.viewport().rect().contains(caret)


def test_the_facts_start_at_the_top_and_stay_put_on_a_switch(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: len(facts_lines(main_window)) > 4)
    pane = main_window.film_pane
    main_window.resize(900, 500)
    qtbot.waitUntil(lambda: pane.verticalScrollBar().maximum() > 0)
    assert pane.verticalScrollBar().value() == 0  # the film's title shows first
    pane.verticalScrollBar().setValue(40)  # the reader scrolled a little, the mouse elsewhere
    main_window.context.language.set_language("es")
    qtbot.waitUntil(lambda: "Año" in facts_lines(main_window))
    assert pane.verticalScrollBar().value() == 40


def test_a_language_shown_before_comes_back_already_laid_out(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    pane, language = main_window.review_pane, main_window.context.language
    english = pane.view
    language.set_language("es")
    qtbot.waitUntil(lambda: "México" in pane.view.toPlainText())
    spanish = pane.view
    assert spanish is not english and english.isHidden() and not spanish.isHidden()
    laid_out = spanish.document().revision()
    language.set_language("en")
    qtbot.waitUntil(lambda: pane.view is english and not english.isHidden())
    assert spanish.isHidden()
    size = english.font().pointSizeF()
    main_window.context.actions["view.zoom_in"].trigger()  # every view kept takes the size
    assert spanish.font().pointSizeF() == english.font().pointSizeF() > size
    language.set_language("es")
    qtbot.waitUntil(lambda: pane.view is spanish)
    assert spanish.document().revision() == laid_out  # its text was not set again
    block = main_window.context.localized_film().blocks()[0][0].id
    pane.set_note_markers({block: 7})  # a marker: the view shown takes it, the rest go
    assert pane.view is spanish and "note:7" in spanish.toHtml()
    language.set_language("en")
    qtbot.waitUntil(lambda: "Under the Same Moon" in pane.view.toPlainText())
    assert pane.view is not english and "note:7" in pane.view.toHtml()


def test_facts_shown_before_come_back_as_they_were_until_another_film(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    pane, language = main_window.film_pane, main_window.context.language
    english = pane.facts
    language.set_language("es")
    qtbot.waitUntil(lambda: "Año" in facts_lines(main_window))
    spanish = pane.facts
    assert spanish is not english and english.isHidden() and not spanish.isHidden()
    laid_out = spanish.document().revision()
    language.set_language("en")
    qtbot.waitUntil(lambda: "Year" in facts_lines(main_window))
    assert pane.facts is english and spanish.isHidden()
    language.set_language("es")
    qtbot.waitUntil(lambda: pane.facts is spanish)
    assert spanish.document().revision() == laid_out  # its text was not set again
    assert "Kate del Castillo como Rosario" in spanish.toPlainText()
    opened = main_window.opener.open_path(ROOT / "tests" / "data" / "hostile" / "hostile-film")
    assert opened is not None and pane.facts is spanish  # kept on screen, with the new film
    assert "Kate del Castillo" not in spanish.toPlainText() and "Año" in facts_lines(main_window)
    language.set_language("en")  # the English facts of the other film were forgotten
    qtbot.waitUntil(lambda: "Year" in facts_lines(main_window))
    assert pane.facts is not english
    assert "A boy crosses the border" in pane.facts.toPlainText()


def test_the_review_opens_at_its_top_and_a_switch_keeps_the_place(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    pane, language = main_window.review_pane, main_window.context.language
    bar = pane.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == 0  # the review's title shows first
    bar.setValue(bar.maximum() // 2)
    shown = pane.view
    for code in ("es", "en", "es"):  # a new view, the kept English one, the kept Spanish one
        language.set_language(code)
        qtbot.waitUntil(lambda old=shown: pane.view is not old)
        shown, bar = pane.view, pane.view.verticalScrollBar()
        assert abs(bar.value() / bar.maximum() - 0.5) < 0.1  # the same part of the review


def tab_order(window: MainWindow) -> list[str]:
    """The names of the shown widgets Tab goes through, in its order, from the window."""
    order, widget = [], window.nextInFocusChain()
    while widget is not window:
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget.objectName() or type(widget).__name__)
        widget = widget.nextInFocusChain()
    return order


def test_tab_goes_through_the_window_in_one_order_in_every_language(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.context.actions["edit.find"].trigger()  # the find bar, made on first use
    english = tab_order(main_window)
    film, review = english.index("filmFacts"), english.index("reviewView")
    assert film < review < english.index("findField") < english.index("subtitlesTable")
    assert english.index("subtitlesTable") < english.index("notesEditor")  # as on screen
    main_window.context.language.set_language("es")  # a review and facts made for Spanish
    qtbot.waitUntil(lambda: "Año" in facts_lines(main_window))
    assert tab_order(main_window) == english


def test_a_new_colour_scheme_makes_the_review_of_every_language_again(
    qtbot, main_window, system_theme_after
) -> None:  # type: ignore[no-untyped-def]
    from misma_luna.ui.services.appearance.theme import apply_theme

    pane, language = main_window.review_pane, main_window.context.language
    english = pane.view
    language.set_language("es")
    qtbot.waitUntil(lambda: pane.view is not english)
    spanish = pane.view
    laid_out = spanish.document().revision()
    apply_theme("dark")  # the English view kept would show the light scheme's notices
    qtbot.waitUntil(lambda: spanish.document().revision() != laid_out)  # made again
    assert pane.view is spanish  # the view on screen is kept
    language.set_language("en")
    qtbot.waitUntil(lambda: "Under the Same Moon" in pane.view.toPlainText())
    assert pane.view is not english


def test_the_facts_are_as_tall_as_their_text_at_any_width(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    pane = main_window.film_pane
    qtbot.waitUntil(lambda: len(facts_lines(main_window)) > 4)
    sizes = main_window.splitter.sizes()
    for film_width in (240, 420, 260):  # narrower and wider: the text's height changes
        main_window.splitter.setSizes([film_width, sizes[1] + sizes[0] - film_width, sizes[2]])
        facts = pane.facts
        qtbot.waitUntil(lambda f=facts: abs(f.height() - f.heightForWidth(f.width())) <= 1)
        level_top = pane.level.geometry().top()
        assert 0 <= level_top - facts.geometry().bottom() < 24  # no gap, no overlap
