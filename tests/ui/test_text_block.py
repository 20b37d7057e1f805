"""A block of rich text in a scrolling page: as tall as its text at the width it is given."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from misma_luna.ui.widgets.text_block import TextBlock

WORDS = "<p>" + "palabra " * 300 + "</p>"


def _page(qtbot, width: int) -> tuple[QWidget, TextBlock]:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    block = TextBlock(page)
    layout.addWidget(block)
    layout.addStretch(1)
    block.set_html(WORDS)
    page.resize(width, 3000)
    page.show()
    qtbot.waitExposed(page)
    return page, block


def _text_height(block: TextBlock) -> float:
    document = block.document()
    document.setTextWidth(block.viewport().width())
    return document.size().height()


def test_the_block_shows_all_its_text_and_no_more(qtbot) -> None:  # type: ignore[no-untyped-def]
    _shown, block = _page(qtbot, 600)
    assert abs(block.height() - _text_height(block)) <= 1
    assert not block.verticalScrollBar().isVisible()


def test_a_narrower_page_makes_the_block_taller(qtbot) -> None:  # type: ignore[no-untyped-def]
    page, block = _page(qtbot, 600)
    wide = block.height()
    page.resize(300, 3000)
    qtbot.waitUntil(lambda: block.height() > wide * 1.5)
    assert abs(block.height() - _text_height(block)) <= 1


def test_new_text_gives_the_block_a_new_height(qtbot) -> None:  # type: ignore[no-untyped-def]
    _shown, block = _page(qtbot, 600)
    long_height = block.height()
    block.set_html("<p>Una línea.</p>")
    qtbot.waitUntil(lambda: block.height() < long_height / 4)
    assert abs(block.height() - _text_height(block)) <= 1
    assert block.toPlainText() == "Una línea."


def test_larger_letters_make_the_block_taller(qtbot) -> None:  # type: ignore[no-untyped-def]
    _shown, block = _page(qtbot, 600)
    before = block.height()
    font = block.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    block.setFont(font)
    qtbot.waitUntil(lambda: block.height() > before * 1.3)
    assert abs(block.height() - _text_height(block)) <= 1


def test_new_texts_leave_no_copies_behind(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QTextDocument

    _shown, block = _page(qtbot, 600)
    for number in range(20):
        block.set_html(f"<p>Texto {number}</p>")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(block.findChildren(QTextDocument)) <= 2  # its own document and one copy
