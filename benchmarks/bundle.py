"""The frozen bundle: its size and start beside a bare PySide6 window frozen the same way.

Needs `make bundle` (dist/misma-luna/) and `python packaging/build_bundle.py --bare`
(dist/bare-window/; `--bare --stock` adds PyInstaller's untrimmed defaults as a second
size baseline). Start is spawn to exit after the first paint, as for the installed app.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import (
    ROOT,
    Figure,
    ProcessRun,
    alternate,
    not_measured,
    ratio_figure,
    run_process,
)

DIST = ROOT / "dist"
SIZE_NAME = "Bundle size"
STOCK_NAME = "Bundle size vs stock PyInstaller bare window"
START_NAME = "Frozen start to first paint"
SIZE_LIMIT = 1.0
START_LIMIT = 1.3


def folder_mb(folder: Path) -> float:
    """Bytes of every file under `folder` (links not followed), in MB."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return total / 1e6


def measure(pairs: int) -> list[Figure]:
    """Size and frozen-start figures, or why they cannot be measured yet."""
    app_dir, bare_dir = DIST / "misma-luna", DIST / "bare-window"
    app_exe, bare_exe = app_dir / "misma-luna", bare_dir / "bare-window"
    missing = [str(p.relative_to(ROOT)) for p in (app_exe, bare_exe) if not p.exists()]
    if missing:
        reason = f"{' and '.join(missing)} not built (make bundle; build_bundle.py --bare)"
        return [
            not_measured(SIZE_NAME, "MB", f"≤ {SIZE_LIMIT:g}×", reason),
            not_measured(START_NAME, "ms", f"≤ {START_LIMIT:g}×", reason),
        ]
    figures = [
        ratio_figure(SIZE_NAME, "MB", SIZE_LIMIT, [folder_mb(app_dir)], [folder_mb(bare_dir)],
                     note="same trimming rules as the app"),
    ]  # fmt: skip
    stock = DIST / "bare-window-stock"
    if stock.is_dir():
        figures.append(
            ratio_figure(STOCK_NAME, "MB", SIZE_LIMIT, [folder_mb(app_dir)], [folder_mb(stock)],
                         note="PyInstaller defaults, untrimmed")
        )  # fmt: skip
    app_command = [str(app_exe), "--exit-after-paint", "--lang", "es"]
    bare_command = [str(bare_exe), "--exit-after-paint"]
    runs: dict[str, list[ProcessRun]] = {"app": [], "bare": []}

    def run(command: list[str], key: str) -> float:
        runs[key].append(run_process(command))
        return runs[key][-1].seconds * 1000

    app, base = alternate(lambda: run(app_command, "app"), lambda: run(bare_command, "bare"), pairs)
    app_runs, bare_runs = runs["app"][-pairs:], runs["bare"][-pairs:]
    painted = [r.first_paint for r in app_runs + bare_runs]
    if all(moment is not None for moment in painted):
        app = [r.first_paint * 1000 for r in app_runs if r.first_paint is not None]
        base = [r.first_paint * 1000 for r in bare_runs if r.first_paint is not None]
        note = "onedir, spawn to first paint"
    else:
        note = "onedir, spawn to exit (the bare bundle does not report its paint)"
    figures.append(ratio_figure(START_NAME, "ms", START_LIMIT, app, base, note=note))
    return figures
