"""Worksheets: a class worksheet of a 5-minute scene, all parts, as a PDF and as a .docx.

Both are made in process, as File > Worksheet… makes them once the film is on screen and
a first worksheet has read the word data (simplemma's base forms, wordfreq's frequencies)
and paired the film's two tracks (the pair is kept while the files are unchanged); that
first read is in the PDF figure's note. The PDF (compose, lay out, write
whole) is beside one bare QTextDocument printing the very same HTML to a QPdfWriter; the
.docx beside a bare python-docx document holding the same headings, paragraphs and tables.
Both alternate with their baselines.

The bundled film's subtitles last two minutes, so the scene comes from a copy of the film in
benchmarks/_work/ whose two tracks repeat the sample, moved on, until they last 6 minutes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.common import (
    WORK,
    Figure,
    absolute_figure,
    alternate,
    ratio_figure,
    timed,
)

PDF_NAME = "Worksheet PDF (5-minute scene, all parts, es, A4)"
DOCX_NAME = "Worksheet .docx (5-minute scene, all parts, es)"
PDF_LIMIT = 1.5  # × the bare print of the same HTML
DOCX_LIMIT_MS = 300.0
LANGUAGE = "es"
SCENE = ("0:00:30", "0:05:30")  # five minutes
FILM_MINUTES = 6
QUESTIONS = ("¿Quién llama a quién?", "¿Hasta qué número sabe contar Carlitos?")


def scene_film() -> Path:
    """A copy of the bundled film whose tracks repeat the sample up to FILM_MINUTES."""
    import pysubs2

    from misma_luna.core.base.resources import bundled_film_dir

    source, target = bundled_film_dir(), WORK / "worksheet-film"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    for track in (target / "subtitles").glob("*.srt"):
        sample = pysubs2.load(str(track), encoding="utf-8")
        length = max(event.end for event in sample) + 3_000
        longer = pysubs2.SSAFile()
        for turn in range(FILM_MINUTES * 60_000 // length + 1):
            for event in sample:
                longer.append(event.copy())
                longer[-1].shift(ms=turn * length)
        longer.save(str(track), format_="srt")
    return target


def _compose(film: Any) -> tuple[Any, Any]:
    """The worksheet of the scene, all parts, and its labels, as the dialog composes them."""
    from misma_luna.core.base.resources import locale_dir
    from misma_luna.core.worksheets.compose import (
        WorksheetOptions,
        compose_worksheet,
        worksheet_labels,
    )
    from misma_luna.core.worksheets.scene import read_time

    span = (read_time(SCENE[0]), read_time(SCENE[1]))
    options = WorksheetOptions(language=LANGUAGE, span=span, paper="a4")
    worksheet = compose_worksheet(film, options, QUESTIONS)
    return worksheet, worksheet_labels(worksheet, locale_dir())


def measure(pairs: int) -> list[Figure]:
    """The PDF against the bare print, then the .docx against bare python-docx."""
    film_dir = scene_film()
    return [_pdf(film_dir, pairs), _docx(film_dir, max(pairs, 3))]


def _pdf(film_dir: Path, repeats: int) -> Figure:
    """The worksheet as File > Worksheet… > Export as PDF makes it, film loaded and word data
    read once (as after the first worksheet), beside the same HTML printed bare."""
    from misma_luna.core.film.package import load_package_dir
    from misma_luna.core.worksheets.compose import worksheet_job
    from misma_luna.core.worksheets.html import worksheet_html
    from misma_luna.ui.shell.app import make_application
    from misma_luna.ui.widgets.sheet_pages import PDF_RESOLUTION, write_pdf

    make_application()
    film = load_package_dir(film_dir)
    cold_ms = _word_data_ms()
    worksheet, labels = _compose(film)
    html = worksheet_html(worksheet, labels)
    app_pdf, base_pdf = WORK / "worksheet-app.pdf", WORK / "worksheet-baseline.pdf"

    def app() -> None:
        sheet, words = _compose(film)
        job, info = worksheet_job(sheet, words, worksheet_html(sheet, words))
        write_pdf(app_pdf, job, "a4", info)

    app_ms, base_ms = alternate(
        timed(app), timed(lambda: _bare_pdf(html, base_pdf, PDF_RESOLUTION)), repeats
    )
    lines = len(worksheet.scene.lines)
    note = (
        f"compose + lay out + write, in process; {lines} lines, {len(worksheet.gapfill.key)} "
        f"gaps; a session's first worksheet also reads the word data: {cold_ms:.0f} ms, "
        "in a fresh process, and pairs the tracks"
    )
    return ratio_figure(PDF_NAME, "ms", PDF_LIMIT, app_ms, base_ms, note=note)


# Reads the base forms and frequencies of LANGUAGE once, as a first worksheet does.
_WORD_DATA = """
import time
started = time.perf_counter()
from misma_luna.core.words import lexicon
lexicon.base_form("palabras", "{language}")
lexicon.zipf("palabra", "{language}")
print((time.perf_counter() - started) * 1000)
"""


def _word_data_ms() -> float:
    """How long a fresh process takes to read the word data a worksheet needs."""
    code = _WORD_DATA.format(language=LANGUAGE)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def _bare_pdf(html: str, path: Path, resolution: int) -> None:
    """The same HTML in one bare QTextDocument, printed to an A4 PDF."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(resolution)
    document.print_(writer)
    del writer


def _docx(film_dir: Path, repeats: int) -> Figure:
    from docx import Document

    from misma_luna.core.film.package import load_package_dir
    from misma_luna.core.worksheets.docx_file import write_docx

    app_docx, base_docx = WORK / "worksheet-app.docx", WORK / "worksheet-baseline.docx"

    film = load_package_dir(film_dir)

    def app() -> None:
        worksheet, labels = _compose(film)
        write_docx(app_docx, worksheet, labels)

    app()  # the first run writes the document whose text the baseline copies
    written = Document(str(app_docx))
    paragraphs = [(p.style.name, p.text) for p in written.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in written.tables]
    app_ms, base_ms = alternate(
        timed(app), timed(lambda: _bare_docx(paragraphs, tables, base_docx)), repeats
    )
    note = "compose the scene + write, in process; baseline: bare python-docx, same text"
    return absolute_figure(DOCX_NAME, "ms", DOCX_LIMIT_MS, app_ms, base_ms, note=note)


def _bare_docx(
    paragraphs: list[tuple[str, str]], tables: list[list[list[str]]], path: Path
) -> None:
    """The same headings, paragraphs and tables in a plain python-docx document."""
    from docx import Document

    document = Document()
    for style, text in paragraphs:
        if style.startswith("Heading") or style == "Title":
            document.add_heading(text, level=0 if style == "Title" else int(style[-1]))
        else:
            document.add_paragraph(text)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for cells, row in zip(rows, table.rows, strict=True):
            for text, cell in zip(cells, row.cells, strict=True):
                cell.text = text
    document.save(str(path))
