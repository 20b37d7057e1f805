"""The review sheet's transcript on paper: its column headings at the top of every page the
table crosses, in both languages, read back from the PDF page by page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from misma_luna.core.base.resources import bundled_film_dir, locale_dir
from misma_luna.core.film.package import load_package_dir
from misma_luna.core.sheets.compose import SheetOptions, compose_job
from misma_luna.core.sheets.transcript import load_transcript
from misma_luna.ui.widgets.sheet_pages import write_pdf

ROW_TIME = re.compile(r"^\d+:\d\d\b", re.MULTILINE)  # a transcript row starts with its time


@pytest.mark.parametrize(("language", "headings"), [("en", ("Spanish", "English")),
                                                     ("es", ("Español", "Inglés"))])  # fmt: skip
def test_transcript_headings_repeat_on_every_page(
    qapp, tmp_path: Path, language: str, headings: tuple[str, str]
) -> None:
    film = load_package_dir(bundled_film_dir())
    # A large type makes the bundled transcript cross a page break.
    options = SheetOptions((language,), include_transcript=True, font_size=16.0)
    extras = ([], load_transcript(film))
    job, info = compose_job(film, options, extras, language, locale_dir())
    pdf = tmp_path / f"sheet-{language}.pdf"
    write_pdf(pdf, job, "a4", info)
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    with_rows = [text for text in pages if ROW_TIME.search(text)]
    assert len(with_rows) >= 2
    for text in with_rows:
        lines = text.splitlines()
        first_row = next(n for n, line in enumerate(lines) if ROW_TIME.match(line))
        above = " ".join(lines[:first_row])
        assert all(heading in above for heading in headings), text[:200]
