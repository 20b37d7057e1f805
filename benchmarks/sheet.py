"""Review sheet: `misma-luna sheet --output x.pdf` beside Qt printing the same HTML bare.

Both are whole processes (start, compose or read, paint, write), alternating; the
baseline gets the very HTML the app composes, written to benchmarks/_work/ first.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.common import (
    BASELINES,
    VENV_BIN,
    WORK,
    Figure,
    alternate_processes,
    not_measured,
    ratio_figure,
)

NAME = "Review sheet PDF (es, A4)"
LIMIT = 1.5
LANGUAGE = "es"


def sheet_html_file() -> Path:
    """Compose the sheet HTML the app prints (Spanish, A4, no notes) into _work."""
    from misma_luna.core.base.resources import bundled_film_dir, locale_dir
    from misma_luna.core.film.loading import load_film
    from misma_luna.core.sheets.compose import SheetOptions, compose_sheet, sheet_labels

    options = SheetOptions(languages=(LANGUAGE,), paper="a4")
    labels = sheet_labels(LANGUAGE, locale_dir())
    html = compose_sheet(load_film(bundled_film_dir()), options, labels=labels)
    path = WORK / "sheet.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


def measure(pairs: int) -> list[Figure]:
    """Alternate the app's sheet command and the bare print, `pairs` times."""
    from misma_luna.cli.main import SUBCOMMANDS

    if "sheet" not in SUBCOMMANDS:
        return [not_measured(NAME, "ms", f"≤ {LIMIT:g}×", "the sheet subcommand does not exist")]
    try:
        html = sheet_html_file()
    except Exception as error:  # the sheet code is still being written
        return [not_measured(NAME, "ms", f"≤ {LIMIT:g}×", f"core.sheets failed: {error!r}")]
    app_pdf, base_pdf = WORK / "sheet-app.pdf", WORK / "sheet-baseline.pdf"
    app_command = [
        str(VENV_BIN / "misma-luna"), "sheet", "--output", str(app_pdf),
        "--lang", LANGUAGE, "--paper", "a4",
    ]  # fmt: skip
    base_command = [sys.executable, str(BASELINES / "bare_print.py"), str(html), str(base_pdf)]

    app_runs, base_runs = alternate_processes(app_command, base_command, pairs)
    app, base = [r.seconds * 1000 for r in app_runs], [r.seconds * 1000 for r in base_runs]
    return [ratio_figure(NAME, "ms", LIMIT, app, base, note="spawn to exit, PDF written")]
