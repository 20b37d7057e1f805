"""`misma-luna subtitles export` as installed: the CSV it writes and how it refuses bad input."""

from __future__ import annotations

import csv
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMMAND = ROOT / ".venv" / "bin" / "misma-luna"
SUBS = ROOT / "tests" / "data" / "subtitles"

pytestmark = pytest.mark.e2e


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANGUAGE": "en"}
    return subprocess.run(
        [str(COMMAND), *args], capture_output=True, text=True, timeout=60, check=False, env=env
    )


def test_export_writes_one_row_per_aligned_row(tmp_path: Path) -> None:
    target = tmp_path / "pair.csv"
    done = run(
        "subtitles", "export", str(SUBS / "pair.es.srt"), str(SUBS / "pair.en.srt"),
        "--output", str(target),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "5 rows: 3 paired by time, 2 unpaired" in done.stderr
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["start", "end", "es", "en"]
    assert len(rows) == 6
    assert rows[3][2:] == ["Gracias, señora.", "Thank you, ma'am."]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pair.csv"]


def test_export_with_estimated_offset_and_warnings(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    done = run(
        "subtitles", "export", str(SUBS / "backwards.srt"), str(SUBS / "overlapping.srt"),
        "--output", str(target), "--estimate-offset", "--languages", "es", "en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "backwards.srt:6: 1 cue was skipped" in done.stderr
    assert "overlapping.srt: 1 cue overlaps" in done.stderr
    assert target.read_text(encoding="utf-8").startswith("start,end,es,en\n")


def test_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "never.csv"
    done = run(
        "subtitles", "export", str(SUBS / "not-subtitles.srt"), str(SUBS / "pair.en.srt"),
        "--output", str(target),
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "not-subtitles.srt: this is not a subtitle file" in done.stderr
    assert not target.exists()
