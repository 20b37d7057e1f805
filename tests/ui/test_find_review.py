"""Find in the review: accents and case ignored, the hit shown whole, long reviews stay quick."""

from __future__ import annotations

from misma_luna.core.base.folding import fold_in_place


def _open_find(main_window):  # type: ignore[no-untyped-def]
    main_window.context.actions["edit.find"].trigger()
    return main_window.review_pane.find_bar


def test_find_ignores_accents_and_case(qtbot, main_window) -> None:
    main_window.context.language.set_language("es")
    pane = main_window.review_pane
    qtbot.waitUntil(lambda: "México" in pane.view.toPlainText())
    view = pane.view
    bar = _open_find(main_window)
    text = view.toPlainText()
    total = fold_in_place(text).count("mexico")
    assert total >= 1 and "México" in text
    qtbot.keyClicks(bar.field, "mexico")
    assert bar.count_label.text().endswith(f"de {total}" + (" coincidencias" if total > 1 else ""))
    for _step in range(total):
        selected = main_window.review_pane.view.extraSelections()
        current = [s for s in selected if s.format.foreground().color().isValid()]
        assert any(fold_in_place(s.cursor.selectedText()) == "mexico" for s in current)
        bar.next()


def test_the_current_hit_is_fully_in_view(qtbot, main_window) -> None:
    main_window.resize(900, 500)
    bar = _open_find(main_window)
    view = main_window.review_pane.view
    qtbot.keyClicks(bar.field, "Carlitos")
    viewport = view.viewport().rect()
    for _step in range(6):
        bar.next()
        cursor = view.textCursor()
        rect = view.cursorRect(cursor)
        assert viewport.contains(rect.topLeft()) and viewport.contains(rect.bottomLeft())


def test_a_large_review_stays_responsive(qtbot, main_window) -> None:
    view = main_window.review_pane.view
    paragraph = "Rosario cruzó la frontera desde México; Carlitos la busca en Los Ángeles. "
    view.setPlainText(paragraph * 34_000)  # about 2.5 MB
    bar = _open_find(main_window)
    qtbot.keyClicks(bar.field, "angeles")
    # The keys were not held up by a search each: none has run yet; one runs at the pause.
    assert not view.extraSelections()
    qtbot.waitUntil(lambda: bar.count_label.text().endswith(" 34000 matches"), timeout=5000)


def test_the_find_bar_counts_again_in_the_language_switched_to(qtbot, main_window) -> None:
    pane = main_window.review_pane
    english_view = pane.view
    bar = _open_find(main_window)
    qtbot.keyClicks(bar.field, "mother")
    english = fold_in_place(english_view.toPlainText()).count("mother")
    assert english >= 1 and bar.count_label.text().endswith(f" {english} matches")
    main_window.context.language.set_language("es")
    qtbot.waitUntil(lambda: "México" in pane.view.toPlainText())
    assert "mother" not in fold_in_place(pane.view.toPlainText())
    qtbot.waitUntil(lambda: bar.count_label.text() == "Sin coincidencias")  # searched again
    assert not pane.view.extraSelections()  # nothing found in the Spanish text
    assert not english_view.extraSelections()  # nor left marked in the English one
    main_window.context.language.set_language("en")  # the English view again, kept
    qtbot.waitUntil(lambda: bar.count_label.text().endswith(f" {english} matches"))
