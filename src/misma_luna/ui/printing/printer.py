"""File → Print…, Print Preview… and Export as PDF…: one sheet (core.sheets), three destinations.

The preview is Qt's own dialog (translated by qtbase) with the options panel beside it;
every destination paints through `sheet_pages`, so paper and PDF look the same. A PDF
written is said twice: in the status bar, and in a calm note with the path and a button
that opens its folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsView,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QToolBar,
    QWidget,
)

from misma_luna import APP_NAME
from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.sheets.compose import PdfInfo, SheetJob, SheetOptions, compose_job, sheet_title
from misma_luna.core.sheets.transcript import Transcript, load_transcript
from misma_luna.ui.printing.options import SheetOptionsPanel, sheet_options
from misma_luna.ui.services import settings
from misma_luna.ui.services.appearance.screen import resize_to_fit
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.widgets.dialogs import open_folder, report_problem
from misma_luna.ui.widgets.plain_text import make_plain_box
from misma_luna.ui.widgets.sheet_pages import page_layout, print_sheet, write_pdf


class SheetPrinter(QObject):
    """Prints, previews and exports the current film's review sheet."""

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self._preview_printer: QPrinter | None = None

    # -- composing

    def _compose(self, options: SheetOptions) -> tuple[SheetJob, PdfInfo]:
        """The sheet's HTML, footer and PDF metadata, labels in the sheet's language."""
        film = self._context.film
        notes = self._context.notes.notes_for_film(film.id) if options.include_notes else []
        extras = (notes, self._transcript(options))
        language = self._context.language
        return compose_job(film, options, extras, language.language, language.locale_dir)

    def _transcript(self, options: SheetOptions) -> Transcript | None:
        if not options.include_transcript:
            return None
        try:
            return load_transcript(self._context.film)
        except MismaLunaError:
            return None

    def _printer(self, options: SheetOptions) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(options.paper))
        printer.setDocName(sheet_title(self._context.film, options))
        printer.setCreator(APP_NAME)
        return printer

    def _paint(self, printer: QPrinter) -> None:
        options = sheet_options(self._context)
        printer.setPageLayout(page_layout(options.paper))
        job, _info = self._compose(options)
        try:
            print_sheet(job, printer)
        except MismaLunaError as error:
            report_problem(self._window, _("The sheet could not be printed"), error)

    # -- destinations

    def print_sheet(self) -> None:
        """Ask which printer, then print; with no printer installed, offer a PDF instead."""
        if not QPrinterInfo.availablePrinters():
            self._offer_pdf()
            return
        options = sheet_options(self._context)
        printer = self._printer(options)
        dialog = QPrintDialog(printer, self._window)
        dialog.setWindowTitle(_("Print the review sheet"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._paint(printer)

    def _offer_pdf(self) -> None:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("No printer"))
        box.setText(_("No printer is installed on this computer."))
        box.setInformativeText(_("You can save the review sheet as a PDF and print it elsewhere."))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        if box.exec() == QMessageBox.StandardButton.Save:
            self.export_pdf()

    def preview(self) -> None:
        """Qt's print preview, with the sheet's options beside the pages."""
        self.make_preview().exec()

    def make_preview(self) -> QPrintPreviewDialog:
        """The preview dialog, ready to show."""
        printer = self._printer(sheet_options(self._context))
        self._preview_printer = printer  # the dialog does not own its printer
        dialog = QPrintPreviewDialog(printer, self._window)
        dialog.setObjectName("sheetPreview")
        dialog.setWindowTitle(_("Review sheet preview"))
        dialog.paintRequested.connect(self._paint)
        panel = SheetOptionsPanel(self._context, dialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        if preview is not None:
            panel.changed.connect(preview.updatePreview)
            _place_beside(dialog, preview, panel)
            _describe_preview(dialog, preview)
        resize_to_fit(dialog, 1000, 760)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def export_pdf(self) -> Path | None:
        """Ask where, then write the sheet as a PDF (whole, or not at all)."""
        prefs = self._context.preferences
        folder = Path(prefs.get(settings.LAST_FOLDER) or Path.home())
        suggested = folder / f"{self._context.film.id}.pdf"
        name, _filter = QFileDialog.getSaveFileName(
            self._window, _("Export the review sheet as PDF"), str(suggested), _("PDF (*.pdf)")
        )
        if not name:
            return None
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        return self.write(path)

    def write(self, path: Path) -> Path | None:
        """Write the sheet with the remembered options to `path`; report a failure."""
        options = sheet_options(self._context)
        job, info = self._compose(options)
        try:
            write_pdf(path, job, options.paper, info)
        except MismaLunaError as error:
            report_problem(self._window, _("The PDF could not be saved"), error)
            return None
        self._context.status.show(_("Saved the review sheet as {path}").format(path=path))
        saved_note(self._window, path)
        return path


def saved_note(parent: QWidget, path: Path) -> QMessageBox:
    """Say, without blocking the window, that the sheet was saved at `path`, with a button
    that opens its folder."""
    box = QMessageBox(QMessageBox.Icon.Information, _("PDF saved"), "", parent=parent)
    box.setText(_("The review sheet was saved as a PDF."))
    box.setInformativeText(str(path))
    make_plain_box(box)  # every label made plain, the path's too: a file's name is never HTML
    folder = box.addButton(_("Open &Folder"), QMessageBox.ButtonRole.ActionRole)
    folder.clicked.connect(lambda: open_folder(path.parent))
    box.addButton(QMessageBox.StandardButton.Close)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box


def _describe_preview(dialog: QPrintPreviewDialog, preview: QPrintPreviewWidget) -> None:
    """Name and describe the parts of Qt's preview that Tab reaches (its zoom box, its page
    number and its pages), which Qt leaves unnamed. The dialog is made anew for each preview,
    in the language of the moment."""
    for bar in dialog.findChildren(QToolBar):
        for zoom in bar.findChildren(QComboBox):
            zoom.setAccessibleName(_("Zoom"))
            zoom.setToolTip(_("How large the pages are shown"))
        for field in bar.findChildren(QLineEdit):
            if not isinstance(field.parentWidget(), QComboBox):  # not the zoom box's own field
                field.setAccessibleName(_("Page shown"))
                field.setToolTip(
                    _("The number of the page shown; typing another goes to that page")
                )
    for pages in preview.findChildren(QGraphicsView):
        pages.setAccessibleName(_("Pages of the review sheet"))
        pages.setAccessibleDescription(
            _("The review sheet as it will print; the options beside it change it at once.")
        )


def _place_beside(dialog: QPrintPreviewDialog, preview: QWidget, panel: QWidget) -> None:
    """Put `panel` to the right of the preview pages inside Qt's preview dialog."""
    layout = dialog.layout()
    if layout is None:
        return
    index = layout.indexOf(preview)
    row = QWidget(dialog)
    inner = QHBoxLayout(row)
    inner.setContentsMargins(0, 0, 0, 0)
    layout.removeWidget(preview)
    inner.addWidget(preview, 1)
    inner.addWidget(panel)
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(index, row, 1)
    else:
        layout.addWidget(row)
