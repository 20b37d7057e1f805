"""A worksheet as an editable Word file (python-docx): real headings, tables with a header
row repeated on every page, numbered gaps as text, the answer key after a page break.
Written whole or not at all.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

from misma_luna.core.base.errors import cannot_write
from misma_luna.core.base.file_writing import write_whole
from misma_luna.core.base.i18n import Translator
from misma_luna.core.worksheets.compose import Worksheet
from misma_luna.core.worksheets.gapfill import Gap
from misma_luna.core.worksheets.html import WRITE_LINE
from misma_luna.core.worksheets.labels import Labels, worksheet_labels_for
from misma_luna.core.worksheets.scene import WorksheetError, clock


def worksheet_docx(worksheet: Worksheet, labels: Translator) -> bytes:
    """The worksheet as the bytes of a .docx file, labelled in the language of `labels`."""
    words = worksheet_labels_for(worksheet, labels)
    document = Document()
    document.core_properties.title = worksheet.film_title
    document.core_properties.language = worksheet.scene.language
    document.styles["Normal"].font.size = Pt(worksheet.options.font_size)
    if worksheet.has("title"):
        document.add_heading(worksheet.film_title, level=0)
        document.add_paragraph(words.scene).runs[0].italic = True
        document.add_paragraph("    ".join(f"{label} {'_' * 16}" for label in words.fill_in))
    if worksheet.has("glossary") and worksheet.glossary:
        _glossary(document, worksheet, words)
    if worksheet.has("gapfill") and worksheet.gapfill.key:
        _gapfill(document, worksheet, words)
    if worksheet.has("questions") and worksheet.questions:
        document.add_heading(words.questions, level=1)
        for number, question in enumerate(worksheet.questions, start=1):
            document.add_paragraph(f"{number}. {question}").paragraph_format.keep_with_next = True
            document.add_paragraph(WRITE_LINE).paragraph_format.keep_with_next = True
            document.add_paragraph(WRITE_LINE)
    if worksheet.has("script"):
        document.add_heading(words.script, level=1)
        rows = [(clock(line.start_ms), line.target, line.other) for line in worksheet.scene.lines]
        _table(document, (words.time, *words.languages), rows)
    if worksheet.has("key") and worksheet.has("gapfill") and worksheet.gapfill.key:
        heading = document.add_heading(f"{words.key} · {words.scene}", level=1)
        heading.paragraph_format.page_break_before = True
        document.add_heading(words.gapfill, level=2)
        for gap in worksheet.gapfill.key:
            document.add_paragraph(f"({gap.number}) {gap.answer}")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def write_docx(path: Path, worksheet: Worksheet, labels: Translator) -> None:
    """Write the worksheet to `path` as a .docx, whole or not at all."""
    data = worksheet_docx(worksheet, labels)
    try:
        write_whole(path, data)
    except OSError as error:
        raise WorksheetError(path, cannot_write(error)) from error


def _glossary(document: DocxDocument, worksheet: Worksheet, words: Labels) -> None:
    document.add_heading(words.glossary, level=1)
    document.add_paragraph(words.glossary_intro).runs[0].italic = True
    rows = [
        (entry.lemma if entry.form == entry.lemma else f"{entry.lemma} ({entry.form})",
         f"{entry.line}\n{entry.counterpart}", "")
        for entry in worksheet.glossary
    ]  # fmt: skip
    _table(document, words.glossary_columns, rows)


def _gapfill(document: DocxDocument, worksheet: Worksheet, words: Labels) -> None:
    document.add_heading(words.gapfill, level=1)
    document.add_paragraph(words.gapfill_intro).runs[0].italic = True
    bank = document.add_paragraph()
    bank.add_run(f"{words.bank}: ").bold = True
    bank.add_run(" · ".join(worksheet.gapfill.bank))
    for line in worksheet.gapfill.lines:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.keep_together = True
        for piece in line.pieces:
            run = paragraph.add_run(piece.blank if isinstance(piece, Gap) else piece)
            run.bold = isinstance(piece, Gap)
        if worksheet.options.hints and line.hint:
            hint = paragraph.add_run("\n" + line.hint)
            hint.italic = True


def _table(document: DocxDocument, heads: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A grid table whose first row is its heading, repeated on every page it crosses."""
    table: Table = document.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    header = table.rows[0]
    for cell, text in zip(header.cells, heads, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for values in rows:
        cells = table.add_row().cells  # type: ignore[no-untyped-call]
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    return table
