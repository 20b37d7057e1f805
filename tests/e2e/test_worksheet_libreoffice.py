"""The worksheet's .docx opens in LibreOffice: converted to PDF by `soffice --headless`, its
headings and numbered gaps read back, in both languages. Skipped where LibreOffice is not
installed (CI installs libreoffice-writer-nogui)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from misma_luna.core.base.resources import bundled_film_dir, locale_dir
from misma_luna.core.film.package import load_package_dir
from misma_luna.core.worksheets.compose import (
    WorksheetOptions,
    compose_worksheet,
    worksheet_labels,
)
from misma_luna.core.worksheets.docx_file import write_docx
from misma_luna.core.worksheets.labels import worksheet_labels_for

pytestmark = pytest.mark.e2e
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SPANISH = ("Glosario", "Banco de palabras", "La escena, línea por línea")  # read by a person


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("language", ["es", "en"])
def test_libreoffice_reads_the_docx(tmp_path: Path, language: str) -> None:
    film = load_package_dir(bundled_film_dir())
    options = WorksheetOptions(language=language, span=(0, 130_000))
    worksheet = compose_worksheet(film, options, ["¿Quién llama?"])
    docx = tmp_path / f"worksheet-{language}.docx"
    labels = worksheet_labels(worksheet, locale_dir())
    write_docx(docx, worksheet, labels)
    profile = (tmp_path / "profile").as_uri()  # a fresh LibreOffice profile, not the user's
    done = subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = docx.with_suffix(".pdf")
    assert done.returncode == 0 and pdf.is_file(), done.stdout + done.stderr
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]
    text = " ".join(pages)
    assert worksheet.film_title in pages[0]
    words = worksheet_labels_for(worksheet, labels)
    headings = (words.glossary, words.gapfill, words.bank, words.questions, words.script, words.key)
    for heading in headings:
        assert heading in text, heading
    assert all(heading in text for heading in SPANISH) == (language == "es")
    gaps = len(worksheet.gapfill.key)
    assert gaps >= 5
    assert all(f"({number}) ________" in text for number in range(1, gaps + 1))
    key = worksheet.gapfill.key[0]
    assert f"(1) {key.answer}" in pages[-1] and "(1) ________" not in pages[-1]
