"""Sheets on paper (review sheets, worksheets): their HTML laid out by a QTextDocument against
the device it prints on (a QPrinter, a preview, a QPdfWriter), kept together where a page
break would strand a line (`page_keeping`), a footer on every page, PDFs written whole.
Uses QtGui only, so the headless `sheet` command stays light, and
never the `Qt` namespace, whose 96 enum classes PySide6 builds on first use (about 20 ms).
"""

from __future__ import annotations

import os
import re
from html import escape
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
)

from misma_luna.core.base.errors import MismaLunaError, cannot_write
from misma_luna.core.base.file_writing import whole_path
from misma_luna.core.base.i18n import _
from misma_luna.core.sheets.compose import PAPERS, Footer, Paper, PdfInfo, SheetJob, default_paper
from misma_luna.ui.services.appearance.fonts import SERIF_FALLBACKS, register_bundled_fonts
from misma_luna.ui.widgets.page_keeping import keep_together

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(20, 18, 20, 12)
FOOTER_GAP_MM = 6.0
FOOTER_INK = "#444444"
RULE_INK = "#999999"
RULE_MM = 0.2
PDF_RESOLUTION = 1200
# How far (device pixels) a block may poke past a page edge and still belong to its own page.
EDGE = 1.0
# Passes of cutting paragraphs at page breaks; one suffices, the others only check.
CUT_PASSES = 3
# Scales tried in turn to spare a last page that would hold less than NEARLY_EMPTY of a page.
FIT_SCALES = (1.0, 0.97, 0.94)
NEARLY_EMPTY = 0.15
LINE_SEPARATOR = "\u2028"  # what <br/> becomes inside a QTextDocument block
# The end of a PDF: where its cross-reference table starts, then the end-of-file marker.
_PDF_END = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
PDF_TAIL_BYTES = 1024


class SheetError(MismaLunaError):
    """A sheet that could not be written where the reader asked."""


def page_layout(paper: Paper) -> QPageLayout:
    """Portrait `paper` with the sheet's margins."""
    size = QPageSize(PAGE_SIZES[paper])
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


def locale_paper() -> Paper:
    """The usual paper where the reader lives: Letter in the US, Canada, Mexico...; else A4."""
    return default_paper(QLocale.territoryToCode(QLocale.system().territory()))


def preferred_paper(saved: str) -> Paper:
    """The paper the reader chose in the app (`saved`, as the preferences keep it) when it
    is one the app prints on, else the usual paper where they live."""
    return saved if saved in PAPERS else locale_paper()


def sheet_font(point_size: float) -> QFont:
    """The bundled serif at `point_size`."""
    register_bundled_fonts()
    font = QFont()
    font.setFamilies(list(SERIF_FALLBACKS))
    font.setPointSizeF(point_size)
    return font


def cut_at_page_breaks(document: QTextDocument, page_height: float) -> None:
    """Cut every paragraph that runs over a page break in two, at the break.

    QTextLayout.draw also paints the line just above its clip: a paragraph across a break
    would put the last line of one page into the next page too, hidden by the clip but
    there twice for text extraction, search and screen readers. Cut in two, each page
    paints only its own lines. The cut moves nothing: the second half starts where Qt
    had already carried its first line, at the top of the next page.
    """
    layout = document.documentLayout()
    for _pass in range(CUT_PASSES):
        layout.documentSize()  # finish the layout: Qt lays documents out lazily
        cuts = [cut for block in _blocks(document) for cut in _page_breaks(block, page_height)]
        if not cuts:
            return
        _cut(document, cuts)


def _blocks(document: QTextDocument) -> list[QTextBlock]:
    """Every block, table cells included, in document order."""
    blocks = []
    block = document.begin()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    return blocks


def _page_breaks(block: QTextBlock, page_height: float) -> list[int]:
    """The document positions where `block`'s lines move on to another page."""
    rect = block.document().documentLayout().blockBoundingRect(block)
    top = rect.top()
    if (top + EDGE) // page_height == (rect.bottom() - EDGE) // page_height:
        return []  # on one page (most blocks): no need to look at its lines
    lines = block.layout()
    cuts: list[int] = []
    previous = None
    for index in range(lines.lineCount()):
        line = lines.lineAt(index)
        page = (top + line.y() + line.height() / 2) // page_height
        if previous is not None and page != previous:
            cuts.append(block.position() + line.textStart())
        previous = page
    return cuts


def _cut(document: QTextDocument, positions: list[int]) -> None:
    """Split blocks at `positions`: no space between the halves, no indent on the second."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for position in sorted(positions, reverse=True):
        cursor.setPosition(position)
        if document.characterAt(position - 1) == LINE_SEPARATOR:
            cursor.deletePreviousChar()  # a <br/> at the break becomes the break itself
        first, second = cursor.blockFormat(), cursor.blockFormat()
        first.setBottomMargin(0)
        second.setTopMargin(0)
        second.setTextIndent(0)
        cursor.setBlockFormat(first)
        cursor.insertBlock(second)
    cursor.endEditBlock()


class SheetPages:
    """One sheet laid out for one device: its pages, painted with a footer each."""

    def __init__(self, html: str, font_size: float, device: QPagedPaintDevice) -> None:
        """Lay `html` out on `device`'s page size, less the footer."""
        self.device = device
        rect = device.pageLayout().paintRectPixels(device.logicalDpiY())
        self.width = float(rect.width())
        self.footer_font = sheet_font(max(font_size * 0.75, 6.0))
        self.footer_metrics = QFontMetricsF(self.footer_font, device)
        self.footer_height = self._footer_height()
        self.body_height = float(rect.height()) - self.footer_height
        self.scale = 1.0
        for scale in FIT_SCALES:  # shrink a little when that saves a nearly empty last page
            self.scale = scale
            self.document = self._text_document(sheet_font(font_size))
            self.document.setHtml(html)
            self.document.setPageSize(QSizeF(self.width, self.body_height) / scale)
            line = QFontMetricsF(self.document.defaultFont(), device).lineSpacing()
            keep_together(self.document, self.body_height / scale, line)
            if not self._last_page_nearly_empty():
                break
        cut_at_page_breaks(self.document, self.body_height / self.scale)

    def _text_document(self, font: QFont) -> QTextDocument:
        """An empty document laid out for the device, in `font`, with no margin."""
        document = QTextDocument()
        document.setUndoRedoEnabled(False)
        document.documentLayout().setPaintDevice(self.device)
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        return document

    def _mm(self, millimetres: float) -> float:
        return millimetres / 25.4 * float(self.device.logicalDpiY())

    def _footer_height(self) -> float:
        line = self.footer_font.pointSizeF() / 72 * float(self.device.logicalDpiY()) * 1.6
        return self._mm(FOOTER_GAP_MM) + line

    def _last_page_nearly_empty(self) -> bool:
        """Whether the last of several pages holds only a few lines."""
        page = self.body_height / self.scale
        height = self.document.documentLayout().documentSize().height()
        pages = self.document.pageCount()
        return pages > 1 and height - (pages - 1) * page < page * NEARLY_EMPTY

    @property
    def page_count(self) -> int:
        """How many pages the sheet takes."""
        return max(1, self.document.pageCount())

    def paint(self, painter: QPainter, footer: Footer) -> None:
        """Paint every page on the painter's device, starting new pages between them."""
        pages = self.page_count
        for index in range(pages):
            if index:
                self.device.newPage()
            self._paint_body(painter, index)
            self._paint_footer(painter, footer, index + 1, pages)

    def _paint_body(self, painter: QPainter, index: int) -> None:
        painter.save()
        width, height = self.width / self.scale, self.body_height / self.scale
        top = index * height
        painter.scale(self.scale, self.scale)
        painter.translate(0, -top)
        painter.setClipRect(QRectF(0, top, width, height))
        context = QAbstractTextDocumentLayout.PaintContext()
        # Only the blocks of this page: one touching its edge belongs to the page beside.
        context.clip = QRectF(0, top + EDGE, width, height - 2 * EDGE)
        self.document.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_footer(self, painter: QPainter, footer: Footer, page: int, pages: int) -> None:
        """Title left, date centred, page number right, under a hairline."""
        top = self.body_height + self._mm(FOOTER_GAP_MM) / 2
        rule = QPainterPath(QPointF(0, top))
        rule.lineTo(QPointF(self.width, top))
        painter.strokePath(rule, self._rule_pen(painter))
        metrics = self.footer_metrics
        box_height = self.body_height + self.footer_height - top
        baseline = top + (box_height + metrics.ascent() - metrics.descent()) / 2
        texts = (footer.title, footer.date, footer.page_template.format(page=page, pages=pages))
        for share, text in zip((0.0, 0.5, 1.0), texts, strict=True):
            painter.save()
            x = (self.width - metrics.horizontalAdvance(text)) * share
            painter.translate(x, baseline - metrics.ascent())
            self._footer_text(text).drawContents(painter)
            painter.restore()

    def _rule_pen(self, painter: QPainter) -> QPen:
        """The footer's hairline pen (QPainter.setPen would build the Qt namespace's enums)."""
        pen = painter.pen()
        pen.setColor(QColor(RULE_INK))
        pen.setWidthF(self._mm(RULE_MM))
        return pen

    def _footer_text(self, text: str) -> QTextDocument:
        """One line of footer text in its ink, ready to draw at its top left corner."""
        document = self._text_document(self.footer_font)
        document.setHtml(f'<span style="color:{FOOTER_INK}">{escape(text)}</span>')
        return document


def print_sheet(job: SheetJob, device: QPagedPaintDevice) -> int:
    """Lay out and paint a sheet on `device`; return the number of pages."""
    pages = SheetPages(job.html, job.font_size, device)
    painter = QPainter()
    if not painter.begin(device):
        raise SheetError(None, _("The printer could not be started."))
    try:
        pages.paint(painter, job.footer)
    finally:
        painter.end()
    return pages.page_count


def write_pdf(path: Path, job: SheetJob, paper: Paper, info: PdfInfo) -> int:
    """Write the sheet to `path` as a PDF, whole or not at all; return the number of pages."""
    if path.is_dir():
        raise SheetError(path, _("this is a folder; give a file name for the PDF"))
    try:
        with whole_path(path) as partial:
            writer = QPdfWriter(str(partial))
            writer.setResolution(PDF_RESOLUTION)
            writer.setPageLayout(page_layout(paper))
            writer.setTitle(info.title)
            writer.setCreator(info.creator)
            writer.setDocumentXmpMetadata(info.xmp)
            count = print_sheet(job, writer)
            if not pdf_is_whole(partial):
                raise SheetError(path, _("the PDF could not be written whole (is the disk full?)"))
    except SheetError as error:
        if error.path is None:  # the writer could not even start
            raise SheetError(path, _("the PDF could not be written")) from None
        raise
    except OSError as error:
        raise SheetError(path, cannot_write(error)) from error
    return count


def pdf_is_whole(path: Path) -> bool:
    """Whether the PDF at `path` ends as a PDF does and its cross-reference table is where
    its last line says: a write that failed part way (a full disk) shows in one or the other,
    as QPdfWriter reports no error of its own."""
    with path.open("rb") as stream:
        size = stream.seek(0, os.SEEK_END)
        stream.seek(max(0, size - PDF_TAIL_BYTES))
        found = _PDF_END.search(stream.read())
        if found is None or int(found.group(1)) >= size:
            return False
        stream.seek(int(found.group(1)))
        return stream.read(4) == b"xref"
