"""The frozen bundle: its size and start beside a bare PySide6 window frozen the same way.

Needs `make bundle` (dist/misma-luna/) and `python packaging/build_bundle.py --bare` and
`--bare --stock` (dist/bare-window/, dist/bare-window-stock/).

Size: the baseline is the bare window frozen by PyInstaller with the app's build options
(onedir, windowed, stripped) and PyInstaller's own choice of what goes in; the app's
trimming is the app's work. Beside it, for context, the bare window trimmed by the app's
own rules: the app can never be smaller than that, as it holds the same window and more.
Start: spawn to first paint, against the trimmed bare window showing the same review.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import (
    ROOT,
    Figure,
    alternate_processes,
    not_measured,
    paint_ms,
    ratio_figure,
)
from benchmarks.startup import review_html_file

DIST = ROOT / "dist"
STOCK_DIR = DIST / "bare-window-stock"
SIZE_NAME = "Bundle size"
TRIMMED_NAME = "Bundle size vs a bare window trimmed alike"
START_NAME = "Frozen start to first paint"
SIZE_LIMIT = 1.0
START_LIMIT = 1.3


def folder_mb(folder: Path) -> float:
    """Bytes of every file under `folder` (links not followed), in MB."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return total / 1e6


def measure(pairs: int) -> list[Figure]:
    """Size and frozen-start figures, or why they cannot be measured yet."""
    app_dir, bare_dir, stock_dir = DIST / "misma-luna", DIST / "bare-window", STOCK_DIR
    app_exe, bare_exe = app_dir / "misma-luna", bare_dir / "bare-window"
    missing = [str(p.relative_to(ROOT)) for p in (app_exe, bare_exe, stock_dir) if not p.exists()]
    if missing:
        reason = f"{' and '.join(missing)} not built (make bundle; build_bundle.py --bare, --stock)"
        return [
            not_measured(SIZE_NAME, "MB", f"≤ {SIZE_LIMIT:g}×", reason),
            not_measured(START_NAME, "ms", f"≤ {START_LIMIT:g}×", reason),
        ]
    app_mb = [folder_mb(app_dir)]
    figures = [
        ratio_figure(SIZE_NAME, "MB", SIZE_LIMIT, app_mb, [folder_mb(stock_dir)],
                     note="bare window: same PyInstaller options, PyInstaller's collection"),
        ratio_figure(TRIMMED_NAME, "MB", None, app_mb, [folder_mb(bare_dir)],
                     note="the app's fonts, SQLite, printing, babel's data and code"),
    ]  # fmt: skip
    app_command = [str(app_exe), "--exit-after-paint", "--lang", "es"]
    bare_command = [str(bare_exe), str(review_html_file()), "--exit-after-paint"]
    app_runs, bare_runs = alternate_processes(app_command, bare_command, pairs)
    app, base = [paint_ms(r) for r in app_runs], [paint_ms(r) for r in bare_runs]
    note = "onedir, spawn to first paint"
    if any(r.first_paint is None for r in app_runs + bare_runs):
        note += "; a process did not report its paint: spawn to exit used"
    figures.append(ratio_figure(START_NAME, "ms", START_LIMIT, app, base, note=note))
    return figures
