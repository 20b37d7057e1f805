"""Start to first paint, and peak memory, of the app beside a bare PySide6 window.

Both processes show the same review text (Spanish, the bundled film), print the moment of
their first paint and their CPU time until then (`first-paint <time.monotonic()> cpu
<time.process_time()>`) and quit; start-up is spawn to that moment, memory is max RSS from
wait4. Spawn to exit and CPU to first paint are kept beside it, as context.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from benchmarks.common import (
    BASELINES,
    VENV_BIN,
    WORK,
    Figure,
    alternate_processes,
    not_measured,
    paint_ms,
    ratio_figure,
)

LANGUAGE = "es"
TIME_LIMIT = 1.3
MEMORY_LIMIT = 1.3
TIME_NAME = "Start to first paint"
MEMORY_NAME = "Peak memory (max RSS)"


def review_html_file(language: str = LANGUAGE) -> Path:
    """Write the review HTML the app shows in `language`, for the baseline to show."""
    from misma_luna.core.base import catalogs, i18n
    from misma_luna.core.base.resources import bundled_film_dir, locale_dir
    from misma_luna.core.film.loading import load_film
    from misma_luna.core.film.review_html import review_html

    i18n.activate(language, catalogs.load_translations(locale_dir(), language))
    try:
        html = review_html(load_film(bundled_film_dir()).localized(language), "#808080")
    finally:
        i18n.activate(i18n.SOURCE_LANGUAGE, catalogs.load_translations(locale_dir(), "en"))
    path = WORK / f"review-{language}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


def measure(pairs: int) -> list[Figure]:
    """Alternate app and bare window `pairs` times; two figures from the same runs."""
    app_command = [str(VENV_BIN / "misma-luna"), "--exit-after-paint", "--lang", LANGUAGE]
    if not (VENV_BIN / "misma-luna").exists():
        reason = "the misma-luna command is not installed in the venv"
        return [
            not_measured(TIME_NAME, "ms", f"≤ {TIME_LIMIT:g}×", reason),
            not_measured(MEMORY_NAME, "MB", f"≤ {MEMORY_LIMIT:g}×", reason),
        ]
    base_command = [
        sys.executable,
        str(BASELINES / "bare_window.py"),
        str(review_html_file()),
        "--exit-after-paint",
    ]
    app_runs, base_runs = alternate_processes(app_command, base_command, pairs)
    app, base = [paint_ms(r) for r in app_runs], [paint_ms(r) for r in base_runs]
    exits = [statistics.median(r.seconds * 1000 for r in rs) for rs in (app_runs, base_runs)]
    time_note = f"spawn to exit {exits[0]:.0f} ms vs {exits[1]:.0f} ms"
    app_cpu = [r.cpu_to_paint * 1000 for r in app_runs if r.cpu_to_paint is not None]
    base_cpu = [r.cpu_to_paint * 1000 for r in base_runs if r.cpu_to_paint is not None]
    if app_cpu and base_cpu:
        cpu = statistics.median(app_cpu), statistics.median(base_cpu)
        time_note += f"; CPU to first paint {cpu[0]:.0f} ms vs {cpu[1]:.0f} ms"
    if any(r.first_paint is None for r in app_runs + base_runs):
        time_note += "; a process did not report its paint: spawn to exit used"
    return [
        ratio_figure(TIME_NAME, "ms", TIME_LIMIT, app, base, note=time_note),
        ratio_figure(
            MEMORY_NAME,
            "MB",
            MEMORY_LIMIT,
            [r.max_rss_mb for r in app_runs],
            [r.max_rss_mb for r in base_runs],
        ),
    ]
