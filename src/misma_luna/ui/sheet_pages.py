"""Review sheets on paper: core.sheet's HTML laid out by a QTextDocument against the device
it prints on (a QPrinter, a preview, a QPdfWriter), a footer on every page, PDFs written
whole or not at all. Uses QtGui only, so the headless `sheet` command stays light.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from misma_luna import APP_NAME, __version__
from misma_luna.core.anchors import Note
from misma_luna.core.catalogs import _
from misma_luna.core.errors import MismaLunaError
from misma_luna.core.film import FilmPackage
from misma_luna.core.formatting import format_date
from misma_luna.core.sheet import (
    Paper,
    SheetOptions,
    Transcript,
    compose_sheet,
    label_language,
    labels_in,
    page_template,
    pdf_xmp,
    sheet_title,
)
from misma_luna.ui.fonts import SERIF_FALLBACKS, register_bundled_fonts

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(20, 18, 20, 12)
FOOTER_GAP_MM = 6.0
PDF_RESOLUTION = 1200


@dataclass(frozen=True)
class Footer:
    """What every page's footer says besides its number."""

    title: str
    date: str
    page_template: str  # "Page {page} of {pages}", already in the sheet's language


@dataclass(frozen=True)
class SheetJob:
    """A composed sheet ready to lay out: its HTML, type size and footer."""

    html: str
    font_size: float
    footer: Footer


@dataclass(frozen=True)
class PdfInfo:
    """The PDF's metadata."""

    title: str
    creator: str
    xmp: bytes


def compose_job(
    film: FilmPackage,
    options: SheetOptions,
    extras: tuple[Sequence[Note], Transcript | None],
    ui_language: str,
    locales: Path,
) -> tuple[SheetJob, PdfInfo]:
    """The sheet's HTML, footer and PDF metadata, labels in the sheet's language (one
    recipe for the window's print, preview and PDF and for `misma-luna sheet`)."""
    language = label_language(options, ui_language)
    with labels_in(language, locales) as active:
        html = compose_sheet(film, options, *extras)
        title = sheet_title(film, options)
        footer = Footer(title, format_date(dt.date.today(), active), page_template())
    creator = f"{APP_NAME} {__version__}"
    info = PdfInfo(title, creator, pdf_xmp(title, creator, options.languages))
    return SheetJob(html, options.font_size, footer), info


class SheetError(MismaLunaError):
    """A sheet that could not be written where the reader asked."""


def page_layout(paper: Paper) -> QPageLayout:
    """Portrait `paper` with the sheet's margins."""
    size = QPageSize(PAGE_SIZES[paper])
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


def sheet_font(point_size: float) -> QFont:
    """The bundled serif at `point_size`."""
    register_bundled_fonts()
    font = QFont()
    font.setFamilies(list(SERIF_FALLBACKS))
    font.setPointSizeF(point_size)
    return font


class SheetPages:
    """One sheet laid out for one device: its pages, painted with a footer each."""

    def __init__(self, html: str, font_size: float, device: QPagedPaintDevice) -> None:
        """Lay `html` out on `device`'s page size, less the footer."""
        self.device = device
        self.font_size = font_size
        rect = device.pageLayout().paintRectPixels(device.logicalDpiY())
        self.width = float(rect.width())
        self.footer_height = self._footer_height()
        self.body_height = float(rect.height()) - self.footer_height
        self.document = QTextDocument()
        self.document.documentLayout().setPaintDevice(device)
        self.document.setDefaultFont(sheet_font(font_size))
        self.document.setDocumentMargin(0)
        self.document.setHtml(html)
        self.document.setPageSize(QSizeF(self.width, self.body_height))

    def _mm(self, millimetres: float) -> float:
        return millimetres / 25.4 * float(self.device.logicalDpiY())

    def _footer_font(self) -> QFont:
        return sheet_font(max(self.font_size * 0.75, 6.0))

    def _footer_height(self) -> float:
        line = self._footer_font().pointSizeF() / 72 * float(self.device.logicalDpiY()) * 1.6
        return self._mm(FOOTER_GAP_MM) + line

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
        top = index * self.body_height
        painter.translate(0, -top)
        painter.setClipRect(QRectF(0, top, self.width, self.body_height))
        context = QAbstractTextDocumentLayout.PaintContext()
        # A line that starts exactly at the page break belongs to the next page only.
        context.clip = QRectF(0, top, self.width, self.body_height - 1)
        self.document.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_footer(self, painter: QPainter, footer: Footer, page: int, pages: int) -> None:
        """Title left, date centred, page number right, under a hairline."""
        painter.save()
        painter.setFont(self._footer_font())
        top = self.body_height + self._mm(FOOTER_GAP_MM) / 2
        painter.setPen(QPen(QColor("#999999"), self._mm(0.2)))
        painter.drawLine(QPointF(0, top), QPointF(self.width, top))
        painter.setPen(QColor("#444444"))
        metrics = QFontMetricsF(painter.font(), self.device)
        box_height = self.body_height + self.footer_height - top
        baseline = top + (box_height + metrics.ascent() - metrics.descent()) / 2
        texts = (footer.title, footer.date, footer.page_template.format(page=page, pages=pages))
        for share, text in zip((0.0, 0.5, 1.0), texts, strict=True):
            x = (self.width - metrics.horizontalAdvance(text)) * share
            painter.drawText(QPointF(x, baseline), text)
        painter.restore()


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
    partial = _reserve_partial(path)
    try:
        writer = QPdfWriter(str(partial))
        writer.setResolution(PDF_RESOLUTION)
        writer.setPageLayout(page_layout(paper))
        writer.setTitle(info.title)
        writer.setCreator(info.creator)
        writer.setDocumentXmpMetadata(info.xmp)
        count = print_sheet(job, writer)
        if partial.stat().st_size == 0:
            raise SheetError(path, _("the PDF could not be written"))
        os.replace(partial, path)
    except OSError as error:
        raise SheetError(path, _cannot_write(error)) from error
    finally:
        partial.unlink(missing_ok=True)
    return count


def _reserve_partial(path: Path) -> Path:
    """Create the temporary file beside `path` that becomes it once complete."""
    if path.is_dir():
        raise SheetError(path, _("this is a folder; give a file name for the PDF"))
    partial = path.with_name(f".{path.name}.{os.urandom(4).hex()}.part")
    try:
        partial.open("xb").close()
    except OSError as error:
        raise SheetError(path, _cannot_write(error)) from error
    return partial


def _cannot_write(error: OSError) -> str:
    reason = error.strerror or str(error)
    return _("the PDF cannot be written here ({reason})").format(reason=reason)
