"""File → Print, Print Preview and Export as PDF on the real main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QMessageBox

from misma_luna.ui.services import settings


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_actions_are_in_the_file_menu(main_window) -> None:
    actions = main_window.context.actions
    assert actions["file.print"].text() == "&Print…"
    assert actions["file.print"].shortcut().toString() == "Ctrl+P"
    assert actions["file.export_pdf"].text() == "Export as P&DF…"


def test_export_uses_the_remembered_options(main_window, tmp_path: Path) -> None:
    prefs = main_window.context.preferences
    prefs.set(settings.SHEET_LANGUAGE, "es")
    prefs.set(settings.SHEET_PAPER, "letter")
    out = main_window.sheet_printer.write(tmp_path / "hoja.pdf")
    assert out == tmp_path / "hoja.pdf"
    text = _pdf_text(out)
    assert "Bajo la misma luna" in text
    assert "Duración" in text
    assert "Página 1 de" in text
    from pypdf import PdfReader

    box = PdfReader(out).pages[0].mediabox
    assert round(float(box.width)) == 612  # US Letter, in points


def test_export_to_a_folder_that_does_not_exist_is_reported(main_window, tmp_path, qtbot) -> None:
    target = tmp_path / "missing" / "sheet.pdf"
    assert main_window.sheet_printer.write(target) is None
    qtbot.waitUntil(lambda: any(b.isVisible() for b in main_window.findChildren(QMessageBox)))
    assert not target.parent.exists()


def test_no_printer_offers_a_pdf(main_window, tmp_path, monkeypatch) -> None:
    target = tmp_path / "instead.pdf"
    monkeypatch.setattr("misma_luna.ui.printing.printer.QPrinterInfo.availablePrinters", lambda: [])
    monkeypatch.setattr(QMessageBox, "exec", lambda _self: QMessageBox.StandardButton.Save)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    main_window.context.actions["file.print"].trigger()
    assert target.is_file()
    assert "Under the Same Moon" in _pdf_text(target)


@pytest.mark.parametrize("language", ["en", "es"])
def test_preview_has_the_options_beside_the_pages(main_window, qtbot, tmp_path, language) -> None:
    main_window.switch_language(language)
    dialog = main_window.sheet_printer.make_preview()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    panel = dialog.findChild(object, "sheetOptions")
    assert panel is not None and panel.isVisible()
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() > 1)
    panel.language.setCurrentIndex(panel.language.findData("both"))
    assert main_window.context.preferences.get(settings.SHEET_LANGUAGE) == "both"
    dialog.grab().save(str(tmp_path / f"preview-{language}.png"))
    expected = {"en": "Both, side by side", "es": "Ambos, en dos columnas"}[language]
    assert panel.language.currentText() == expected


def test_export_says_where_the_pdf_went_and_opens_its_folder(
    main_window, tmp_path: Path, qtbot, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    opened: list[str] = []
    monkeypatch.setattr(
        "misma_luna.ui.widgets.dialogs.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    shown: list[str] = []
    main_window.context.status.shown.connect(lambda text, _ms: shown.append(text))
    folder = tmp_path / "<i>class"
    folder.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(folder / "s"), ""))
    )
    main_window.context.actions["file.export_pdf"].trigger()
    target = folder / "s.pdf"
    assert target.is_file()
    assert shown == [f"Saved the review sheet as {target}"]
    notes = [box for box in main_window.findChildren(QMessageBox) if box.isVisible()]
    assert len(notes) == 1 and notes[0].icon() == QMessageBox.Icon.Information
    note = notes[0]
    assert note.text() == "The review sheet was saved as a PDF."
    assert note.informativeText() == str(target)
    labels = [label for label in note.findChildren(QLabel) if label.text() == str(target)]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    button = next(b for b in note.buttons() if b.text() == "Open &Folder")
    button.click()
    assert opened == [str(folder)]
    qtbot.waitUntil(lambda: not note.isVisible())
