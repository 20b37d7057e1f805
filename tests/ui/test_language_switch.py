"""The live language switch: every text on screen changes at once, with no restart."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import polib
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from misma_luna.core.base.i18n import _
from misma_luna.core.base.resources import locale_dir
from misma_luna.core.film.facts_table import facts_table
from misma_luna.ui.services import settings
from misma_luna.ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def labels(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [label.text() for label in widget.findChildren(QLabel)]


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
    english_labels = labels(main_window.film_pane)
    switch(qtbot, main_window, "es")
    assert menu_titles(main_window) == ["&Archivo", "&Editar", "&Ver", "&Película", "Ay&uda"]
    assert main_window.language_menu.title() == "&Idioma"
    assert main_window.context.actions["file.open"].text() == "&Abrir…"
    assert main_window.context.actions["file.open"].toolTip().startswith("Abre")
    assert main_window.windowTitle().startswith("Bajo la misma luna")
    spanish_labels = labels(main_window.film_pane)
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
    before = (menu_titles(main_window), labels(main_window.film_pane), main_window.windowTitle())
    switch(qtbot, main_window, "es")
    switch(qtbot, main_window, "en")
    after = (menu_titles(main_window), labels(main_window.film_pane), main_window.windowTitle())
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


def test_the_facts_keep_their_rows_on_a_switch_and_follow_another_film(
    qtbot, main_window, bundled_film
) -> None:  # type: ignore[no-untyped-def]
    pane = main_window.film_pane
    qtbot.waitUntil(lambda: len(labels(pane)) > 4)

    def fact_rows() -> list[tuple[QLabel, QLabel]]:
        return [(label, label.buddy()) for label in pane.findChildren(QLabel) if label.buddy()]

    before = fact_rows()
    switch(qtbot, main_window, "es")
    assert fact_rows() == before  # the same captions and values, with other words
    assert "Reparto" in labels(pane)
    rows_before = [caption.text() for caption, _value in fact_rows()]
    shorter = replace(bundled_film.facts, writers=(), rating=None, premiere=None)
    film = replace(bundled_film, facts=shorter)
    main_window.context.session.set_film(film)
    expected = facts_table(film.localized("es"))
    shown = [caption.text() for caption, _value in fact_rows()]
    assert shown == [row.label for row in expected]
    assert len(shown) < len(rows_before)


def test_a_fact_is_plain_text_unless_a_line_carries_its_untranslated_note(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from misma_luna.core.film.facts_table import FactLine, FactRow
    from misma_luna.ui.film.pane import _show_value

    label = QLabel()
    _show_value(label, FactRow("cast", "Cast", (FactLine("<b>Kate</b> & Eugenio"), FactLine("X"))))
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>Kate</b> & Eugenio\nX"
    note = FactLine("Una <madre>", "not translated yet")
    _show_value(label, FactRow("tagline", "Tagline", (note,)))
    assert label.textFormat() == Qt.TextFormat.RichText
    assert label.text() == "Una &lt;madre&gt; <i>not translated yet</i>"
