"""The .docx worksheet: real headings, a script table with a repeated header row, numbered
gaps as text and the answer key after a page break."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from misma_luna.core.base.i18n import Translator
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.package import load_package_dir
from misma_luna.core.worksheets.compose import WorksheetOptions, compose_worksheet
from misma_luna.core.worksheets.docx_file import worksheet_docx, write_docx


def test_docx_structure(tmp_path: Path) -> None:
    film = load_package_dir(bundled_film_dir())
    sheet = compose_worksheet(film, WorksheetOptions(language="en"), ["What time is it?"])
    document = Document(io.BytesIO(worksheet_docx(sheet, Translator())))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[:4] == ["Under the Same Moon", "Glossary", "Fill in the gaps", "Questions"]
    key = next(p for p in document.paragraphs if p.text.startswith("Answer key"))
    assert key.paragraph_format.page_break_before
    assert any(
        p.text.startswith("(1) ") and "(1) ________" not in p.text for p in document.paragraphs
    )
    assert any("(1) ________" in p.text for p in document.paragraphs)
    script = document.tables[1]
    assert [c.text for c in script.rows[0].cells] == ["Time", "English", "Spanish"]
    assert script.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert len(script.rows) == len(sheet.scene.lines) + 1
    write_docx(tmp_path / "w.docx", sheet, Translator())
    assert Document(str(tmp_path / "w.docx")).tables
