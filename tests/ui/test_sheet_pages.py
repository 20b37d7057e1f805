"""Sheet pages: paragraphs that run over a page break are cut there, and nothing moves."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPdfWriter, QTextCursor, QTextFormat, QTextTable

from misma_luna.ui.widgets import page_keeping, sheet_pages
from misma_luna.ui.widgets.sheet_pages import PDF_RESOLUTION, SheetPages, page_layout

LINES = "<br/>".join(f"Line {number} of a long note." for number in range(60))
HTML = (
    "<html><body>"
    + "".join(f"<p>{f'Paragraph {n} runs on and on. ' * 40}</p>" for n in range(12))
    + f'<table width="100%"><tr><td>{LINES}</td><td>{LINES}</td></tr></table>'
    + "</body></html>"
)


def _pages(tmp_path: Path, name: str) -> SheetPages:
    writer = QPdfWriter(str(tmp_path / name))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout("a4"))
    return SheetPages(HTML, 11.0, writer)


def test_cuts_keep_the_layout_and_the_text(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(sheet_pages, "cut_at_page_breaks", lambda *_args: None)
        uncut = _pages(tmp_path, "whole.pdf")  # keeps its device alive with its document
    pages = _pages(tmp_path, "cut.pdf")
    whole, cut = uncut.document, pages.document
    assert cut.blockCount() > whole.blockCount()  # paragraphs and table cells were cut
    assert cut.pageCount() == whole.pageCount() > 2
    height = cut.documentLayout().documentSize().height()  # a <br/> at a break became it
    assert height == whole.documentLayout().documentSize().height()
    assert cut.toPlainText().split() == whole.toPlainText().split()
    blocks = sheet_pages._blocks(cut)
    assert not [b for b in blocks if sheet_pages._page_breaks(b, pages.body_height)]


def _transcript(rows: int, longest: int = 23) -> str:
    """A long borderless table, as a transcript is: rows of one to four lines (more when
    `longest` is larger)."""
    body = "".join(
        f"<tr><td>{n}</td><td>{'palabra ' * (4 + n * 7 % longest)}fin{n}</td>"
        f"<td>{'word ' * (3 + n * 5 % 19)}end{n}</td></tr>"
        for n in range(rows)
    )
    return (
        '<html><body><p>Intro</p><table width="100%" cellspacing="0" cellpadding="0">'
        f"<thead><tr><th>T</th><th>Español</th><th>English</th></tr></thead>{body}"
        "</table></body></html>"
    )


def _table(document) -> QTextTable:  # type: ignore[no-untyped-def]
    block = document.begin()
    while QTextCursor(block).currentTable() is None:
        block = block.next()
    return QTextCursor(block).currentTable()


def _short_rows_split(pages: SheetPages) -> list[int]:
    """Rows shorter than a small table that start on one page and end on the next."""
    document, height = pages.document, pages.body_height / pages.scale
    layout, table = document.documentLayout(), _table(document)
    split = []
    for row in range(1, table.rows()):
        cells = [page_keeping._cell_blocks(table, row, column) for column in range(3)]
        rects = [layout.blockBoundingRect(block) for cell in cells for block in cell]
        top, bottom = min(rect.top() for rect in rects), max(rect.bottom() for rect in rects)
        short = bottom - top < height * page_keeping.SMALL_TABLE
        if short and (top + 1) // height != (bottom - 1) // height:
            split.append(row)
    return split


def _loose_and_kept(
    html: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[SheetPages, SheetPages]:
    """`html` laid out on A4 as Qt alone splits its rows, then as the sheet keeps them; the
    first splits some rows that the second keeps whole."""
    writer = QPdfWriter(str(tmp_path / "t.pdf"))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout("a4"))
    with monkeypatch.context() as patch:
        patch.setattr(page_keeping, "_push_split_row", lambda *_args: False)
        loose = SheetPages(html, 11.0, writer)
    assert _short_rows_split(loose)  # Qt alone splits some
    kept = SheetPages(html, 11.0, writer)
    assert _short_rows_split(kept) == []
    return loose, kept


def test_a_short_row_of_a_long_table_is_never_split_across_pages(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loose, kept = _loose_and_kept(_transcript(220), tmp_path, monkeypatch)
    assert kept.page_count <= loose.page_count + 1
    words = kept.document.toPlainText().split()
    assert words == loose.document.toPlainText().split()  # spacer rows hold no text
    assert [word for word in words if word.startswith("fin")] == [f"fin{n}" for n in range(220)]


def test_a_framed_table_keeps_its_rows_whole_and_shows_no_empty_box(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    glossary = _transcript(120, longest=47).replace("<table ", '<table border="1" ')
    loose, kept = _loose_and_kept(glossary, tmp_path, monkeypatch)
    table = _table(kept.document)
    assert table.format().borderCollapse()  # so that a cell can drop its own lines
    spacers = [
        row
        for row in range(1, table.rows())
        if not table.cellAt(row, 1).firstCursorPosition().block().text()
    ]
    assert spacers
    for row in spacers:
        for column in range(table.columns()):
            cell = table.cellAt(row, column).format().toTableCellFormat()
            assert cell.leftBorder() == cell.rightBorder() == cell.bottomBorder() == 0
            # the table's own line stays above it, and closes the table on its page
            assert not cell.hasProperty(QTextFormat.Property.TableCellTopBorder)
    words = kept.document.toPlainText().split()
    assert words == loose.document.toPlainText().split()
