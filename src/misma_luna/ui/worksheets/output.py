"""Where a worksheet goes from the window: the printer, Qt's print preview, a PDF or a
.docx. Composition is core's (`core.worksheets`); paper is `ui.widgets.sheet_pages`'.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from misma_luna import APP_NAME
from misma_luna.core.base.i18n import Translator, _
from misma_luna.core.sheets.compose import Paper
from misma_luna.core.worksheets.compose import Worksheet, worksheet_job
from misma_luna.core.worksheets.docx_file import write_docx
from misma_luna.core.worksheets.html import worksheet_html
from misma_luna.ui.services.appearance.screen import resize_to_fit
from misma_luna.ui.widgets.sheet_pages import page_layout, print_sheet, write_pdf


class WorksheetOutput:
    """One composed worksheet, ready for each destination."""

    def __init__(self, worksheet: Worksheet, labels: Translator, paper: Paper) -> None:
        self.worksheet = worksheet
        self.labels = labels
        self.paper = paper
        self._preview_printer: QPrinter | None = None
        self.job, self.info = worksheet_job(worksheet, labels, worksheet_html(worksheet, labels))

    def printer(self) -> QPrinter:
        """A printer set up for the worksheet's paper and title."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.paper))
        printer.setDocName(self.info.title)
        printer.setCreator(APP_NAME)
        return printer

    def paint(self, printer: QPrinter) -> int:
        """Lay the worksheet out on `printer` and paint it; the number of pages."""
        printer.setPageLayout(page_layout(self.paper))
        return print_sheet(self.job, printer)

    def print_to(self, parent: QWidget) -> bool:
        """Ask which printer, then print; whether it was printed."""
        printer = self.printer()
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_("Print the worksheet"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.paint(printer)
        return True

    def preview(self, parent: QWidget) -> QPrintPreviewDialog:
        """Qt's print preview of the worksheet, ready to show."""
        printer = self.printer()
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setObjectName("worksheetPreview")
        dialog.setWindowTitle(_("Worksheet preview"))
        dialog.paintRequested.connect(self.paint)
        self._preview_printer = printer  # the dialog does not own its printer
        resize_to_fit(dialog, 900, 760)
        return dialog

    def save(self, path: Path) -> Path:
        """Write a .pdf or a .docx (by `path`'s suffix), whole or not at all."""
        if path.suffix.lower() == ".docx":
            write_docx(path, self.worksheet, self.labels)
        else:
            write_pdf(path, self.job, self.paper, self.info)
        return path
