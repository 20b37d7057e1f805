"""Runs every figure, prints the table and writes benchmarks/results.json.

`python -m benchmarks` (or `make bench`) measures everything; `--smoke` runs each figure
once, quickly, to prove the harness works (its numbers mean nothing and are not saved
over results.json); `--only NAME` runs some of the modules.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, WORK, Figure, child_env, machine

RESULTS = ROOT / "benchmarks" / "results.json"
# The Markdown files whose latest table each full run rewrites (between the markers).
READMES = (ROOT / "benchmarks" / "README.md", ROOT / "README.md")
TABLE_START = "<!-- results:start -->"
TABLE_END = "<!-- results:end -->"


@dataclass(frozen=True)
class Plan:
    """How many repetitions each figure gets."""

    process_pairs: int
    switches: int
    subtitle_pairs: int
    note_saves: int
    note_count: int
    searches: int
    lookups: int = 300
    films: int = 1000


FULL = Plan(
    process_pairs=21, switches=50, subtitle_pairs=15, note_saves=50, note_count=10_000, searches=30
)
SMOKE = Plan(
    process_pairs=1,
    switches=2,
    subtitle_pairs=1,
    note_saves=2,
    note_count=200,
    searches=2,
    films=20,
)


def modules(plan: Plan) -> dict[str, Callable[[], list[Figure]]]:
    """Each module of the harness, by name, bound to its repetitions."""
    from benchmarks import (
        bundle,
        dictionaries,
        language,
        library,
        notes,
        sheet,
        startup,
        subtitles,
        subtitles_sync,
        words,
        worksheet,
    )

    return {
        "startup": lambda: startup.measure(plan.process_pairs),
        "language": lambda: language.measure(plan.switches),
        "subtitles": lambda: subtitles.measure(plan.subtitle_pairs),
        "subtitles_sync": lambda: subtitles_sync.measure(plan.subtitle_pairs),
        "sheet": lambda: sheet.measure(plan.process_pairs),
        "worksheet": lambda: worksheet.measure(plan.process_pairs),
        "notes": lambda: notes.measure(plan.note_saves, plan.note_count, plan.searches),
        "library": lambda: library.measure(plan.films, plan.searches),
        "dictionaries": lambda: dictionaries.measure(plan.lookups),
        "bundle": lambda: bundle.measure(plan.process_pairs),
        "words": lambda: words.measure(plan.subtitle_pairs),
    }


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, save the results; exit 1 if a measured target is missed."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="one quick repetition of each")
    parser.add_argument("--only", action="append", help="run only this module (repeatable)")
    parser.add_argument("--output", type=Path, help="where to write the JSON results")
    options = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _fresh_work_dir()
    # The in-process figures build the real window: its settings and notes stay in _work too.
    os.environ.update({key: value for key, value in child_env().items() if key.startswith("XDG_")})
    plan = SMOKE if options.smoke else FULL
    chosen = modules(plan)
    names = options.only or list(chosen)
    figures: list[Figure] = []
    started = time.perf_counter()
    for name in names:
        print(f"… {name}", file=sys.stderr, flush=True)
        figures.extend(chosen[name]())
    elapsed = time.perf_counter() - started
    table = markdown_table(figures)
    print(table)
    info = machine()
    print(f"\n{machine_line(info)}; {elapsed:.0f} s")
    partial = options.smoke or bool(options.only)
    output = options.output or (WORK / "results-partial.json" if partial else RESULTS)
    write_results(output, figures, info, plan, elapsed)
    if not partial:
        for readme in READMES:
            update_readme(readme, table, info)
    return 0


def _fresh_work_dir() -> None:
    """Settings, notes and generated files from earlier runs must not leak into this one."""
    for name in ("config", "data", "cache"):
        shutil.rmtree(WORK / name, ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "ms":
        digits = 2 if value < 10 else 1 if value < 100 else 0
        return f"{value:.{digits}f} ms"
    return f"{value:.3g} {unit}"


def markdown_table(figures: list[Figure]) -> str:
    """The figures as a Markdown table: figure, measured, baseline, ratio, target, verdict."""
    lines = [
        "| Figure | Misma Luna | Baseline | Ratio | Target | Met |",
        "|---|---:|---:|---:|---|---|",
    ]
    for figure in figures:
        if figure.value is None:
            lines.append(f"| {figure.name} | — | — | — | {figure.target} | {figure.note} |")
            continue
        ratio = f"{figure.ratio:.2f}×" if figure.ratio is not None else "—"
        verdict = "context" if figure.met is None else "yes" if figure.met else "**no**"
        if figure.note:
            verdict += f" ({figure.note})"
        lines.append(
            f"| {figure.name} | {_number(figure.value, figure.unit)} "
            f"| {_number(figure.baseline, figure.unit)} | {ratio} | {figure.target} | {verdict} |"
        )
    return "\n".join(lines)


def machine_line(info: dict[str, str]) -> str:
    """One line naming the machine the figures ran on."""
    return (
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory']}, {info['os']}, "
        f"Python {info['python']}, PySide6 {info['pyside6']}, Qt platform {info['qt_platform']}"
    )


def write_results(
    path: Path, figures: list[Figure], info: dict[str, str], plan: Plan, elapsed: float
) -> None:
    """Save every figure with its samples, the machine and the repetitions as JSON."""
    data = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": info,
        "plan": plan.__dict__,
        "seconds": round(elapsed, 1),
        "figures": [figure.as_dict() for figure in figures],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def update_readme(readme: Path, table: str, info: dict[str, str]) -> None:
    """Put the latest table and machine between the markers of `readme`, if it has them."""
    if not readme.exists():
        return
    text = readme.read_text(encoding="utf-8")
    if TABLE_START not in text or TABLE_END not in text:
        return
    head, rest = text.split(TABLE_START, 1)
    _old, tail = rest.split(TABLE_END, 1)
    day = dt.date.today().isoformat()
    block = f"{TABLE_START}\n{table}\n\n{machine_line(info)}; measured {day}.\n{TABLE_END}"
    readme.write_text(head + block + tail, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
