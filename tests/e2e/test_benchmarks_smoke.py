"""The benchmark harness runs end to end (one repetition of each figure); times are not judged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e


def _python(args: list[str], env: dict[str, str], timeout: int) -> subprocess.CompletedProcess[str]:
    """`python ARGS` from the repository's root, its output kept."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_smoke_run_reports_every_figure(tmp_path: Path) -> None:
    output = tmp_path / "results.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MISMA_BENCH_WORK=str(tmp_path / "work"))
    done = _python(["-m", "benchmarks", "--smoke", "--output", str(output)], env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "| Figure |" in done.stdout
    figures = json.loads(output.read_text(encoding="utf-8"))["figures"]
    names = {figure["name"] for figure in figures}
    assert any(name.startswith("Start to first paint") for name in names)
    assert any(name.startswith("Language switch") for name in names)
    assert any(name.startswith("Library: search") for name in names)
    assert any(name.startswith("Library: a new film") for name in names)
    worksheets = [figure for figure in figures if figure["name"].startswith("Worksheet")]
    assert len(worksheets) == 2 and all(figure["value"] for figure in worksheets), worksheets
    assert {"Words: collect a word and suggest its counterpart", "Words: level of a 2-hour film",
            "Words: export 1,000 words as .apkg"} <= names  # fmt: skip
    lookup = next(f for f in figures if f["name"].startswith("Dictionaries: a lookup"))
    assert lookup["target"] == "≤ 5 ms"
    if Path("/usr/share/dictd/freedict-spa-eng.index").is_file():
        assert lookup["value"] > 0 and "found" in lookup["note"], lookup
    else:
        assert "FreeDict is not installed" in lookup["note"], lookup
    for figure in figures:
        measured = figure["value"] is not None
        assert measured or figure["note"].startswith("not measured ("), figure
        if measured and figure["ratio"] is not None:
            assert figure["ratio"] > 0


def test_the_instruction_counts_stop_each_start_at_its_first_paint(tmp_path: Path) -> None:
    from benchmarks.paint_instructions import PAINTED, app_start, bare_start, counting_env
    from benchmarks.startup import review_html_file

    env = counting_env(tmp_path, None)
    for code in (app_start(), bare_start(review_html_file())):
        done = _python(["-c", code], env, timeout=60)
        assert done.returncode == PAINTED, done.stderr  # ended by its paint's line, not after
