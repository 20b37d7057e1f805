"""Worksheets: a class worksheet of a 5-minute scene, all parts, as a PDF and as a .docx.

The PDF is `misma-luna worksheet … --output x.pdf` beside `baselines/bare_print.py` loading
the word data any tool choosing a scene's words needs (simplemma's base forms and wordfreq's
frequencies, about a second for Spanish) and printing the very HTML the app composes (one
bare QTextDocument, one QPdfWriter), both whole processes, alternating. The .docx is
composed and written in process beside a bare python-docx document holding the same
headings, paragraphs and tables, alternating too.

The bundled film's subtitles last two minutes, so the scene comes from a copy of the film in
benchmarks/_work/ whose two tracks repeat the sample, moved on, until they last 6 minutes.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import (
    BASELINES,
    VENV_BIN,
    WORK,
    Figure,
    absolute_figure,
    alternate,
    alternate_processes,
    ratio_figure,
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


def _worksheet(film_dir: Path) -> tuple[Any, Any]:
    """The worksheet of the scene, all parts, and its labels, as the command composes them."""
    from misma_luna.core.base.resources import locale_dir
    from misma_luna.core.film.package import load_package_dir
    from misma_luna.core.worksheets.compose import (
        WorksheetOptions,
        compose_worksheet,
        worksheet_labels,
    )
    from misma_luna.core.worksheets.scene import read_time

    span = (read_time(SCENE[0]), read_time(SCENE[1]))
    options = WorksheetOptions(language=LANGUAGE, span=span, paper="a4")
    worksheet = compose_worksheet(load_package_dir(film_dir), options, QUESTIONS)
    return worksheet, worksheet_labels(worksheet, locale_dir())


def measure(pairs: int) -> list[Figure]:
    """The PDF against the bare print, then the .docx against bare python-docx."""
    film_dir = scene_film()
    return [_pdf(film_dir, pairs), _docx(film_dir, max(pairs, 3))]


def _pdf(film_dir: Path, pairs: int) -> Figure:
    from misma_luna.core.worksheets.html import worksheet_html

    worksheet, labels = _worksheet(film_dir)
    html = WORK / "worksheet.html"
    html.write_text(worksheet_html(worksheet, labels), encoding="utf-8")
    app_pdf, base_pdf = WORK / "worksheet-app.pdf", WORK / "worksheet-baseline.pdf"
    app_command = [
        str(VENV_BIN / "misma-luna"), "worksheet", "--film", str(film_dir),
        "--from", SCENE[0], "--to", SCENE[1], "--lang", LANGUAGE, "--paper", "a4",
        "--output", str(app_pdf),
    ]  # fmt: skip
    base_command = [
        sys.executable, str(BASELINES / "bare_print.py"), str(html), str(base_pdf),
        "--words", LANGUAGE,
    ]  # fmt: skip
    app_runs, base_runs = alternate_processes(app_command, base_command, pairs)
    app, base = [r.seconds * 1000 for r in app_runs], [r.seconds * 1000 for r in base_runs]
    lines = len(worksheet.scene.lines)
    note = f"spawn to exit, PDF written; {lines} lines, {len(worksheet.gapfill.key)} gaps"
    return ratio_figure(PDF_NAME, "ms", PDF_LIMIT, app, base, note=note)


def _docx(film_dir: Path, repeats: int) -> Figure:
    from docx import Document

    from misma_luna.core.worksheets.docx_file import write_docx

    app_docx, base_docx = WORK / "worksheet-app.docx", WORK / "worksheet-baseline.docx"

    def app() -> float:
        start = time.perf_counter()
        worksheet, labels = _worksheet(film_dir)
        write_docx(app_docx, worksheet, labels)
        return (time.perf_counter() - start) * 1000

    app()  # the first run writes the document whose text the baseline copies
    written = Document(str(app_docx))
    paragraphs = [(p.style.name, p.text) for p in written.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in written.tables]

    def base() -> float:
        start = time.perf_counter()
        _bare_docx(paragraphs, tables, base_docx)
        return (time.perf_counter() - start) * 1000

    app_ms, base_ms = alternate(app, base, repeats)
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
