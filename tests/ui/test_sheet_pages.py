"""Sheet pages: paragraphs that run over a page break are cut there, and nothing moves."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPdfWriter

from misma_luna.ui.widgets import sheet_pages
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
