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
    assert target.read_bytes().startswith("\ufeffstart,".encode())  # Excel shows the accents
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:6] == ["start", "end", "es", "en", "match", "confidence"]
    assert rows[0][8:] == ["es_start", "es_end", "en_start", "en_end"]
    assert len(rows) == 6
    assert "English: the timing already matched" in done.stderr
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
    assert target.read_text(encoding="utf-8-sig").startswith("start,end,es,en,match,")


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


def _stamp(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02}:{minutes:02}:{rest // 1000:02},{rest % 1000:03}"


def _release(path: Path, lines: list[str], shift_ms: int, ratio: float = 1.0) -> None:
    blocks = []
    for number, text in enumerate(lines):
        start = round((5000 + number * 4100 + (number % 3) * 700) * ratio) + shift_ms
        blocks.append(f"{number + 1}\n{_stamp(start)} --> {_stamp(start + 2500)}\n{text}\n")
    path.write_text("\n".join(blocks), encoding="utf-8")


SPANISH = [f"Línea {n}: -¿Vienes el domingo {n}?" for n in range(60)]
ENGLISH = [f"Line {n}: are you coming on Sunday {n}?" for n in range(60)]


def test_a_shifted_release_is_synced_and_written_three_ways(tmp_path: Path) -> None:
    spanish, english = tmp_path / "film.es.srt", tmp_path / "film.en.srt"
    _release(spanish, SPANISH, 0)
    _release(english, ENGLISH, 2430)
    table, dual, synced = tmp_path / "pair.csv", tmp_path / "both.vtt", tmp_path / "en.synced.srt"
    for target in (table, dual, synced):
        done = run("subtitles", "export", str(spanish), str(english), "--output", str(target))
        assert done.returncode == 0, done.stderr
        assert "English moved −2.43 s" in done.stderr
    with table.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert all(row[4] == "1:1" for row in rows[1:]) and len(rows) == 61
    assert rows[1][2].startswith("Línea 0") and rows[1][3].startswith("Line 0")
    assert rows[1][10] == "00:00:07.430"  # the English file's own time
    assert "Línea 0: -¿Vienes el domingo 0?\nLine 0" in dual.read_text(encoding="utf-8")
    assert "00:00:05,000 --> 00:00:07,500\nLine 0:" in synced.read_text(encoding="utf-8")


def test_formula_cells_are_quoted(tmp_path: Path) -> None:
    spanish, english = tmp_path / "a.es.srt", tmp_path / "b.en.srt"
    _release(spanish, ["=1+1", *SPANISH[1:]], 0)
    _release(english, ["-dash", *ENGLISH[1:]], 0)
    done = run(
        "subtitles", "export", str(spanish), str(english), "-o", str(tmp_path / "x.csv"),
        "--no-bom",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with (tmp_path / "x.csv").open(encoding="utf-8", newline="") as stream:
        head, first = list(csv.reader(stream))[:2]
    assert head[0] == "start"  # no byte-order mark, as asked
    assert first[2:4] == ["'=1+1", "'-dash"]


@pytest.mark.parametrize(
    "options", [("--offset", "99999999"), ("--offset", "nonsense"), ("-o", "pair.txt")]
)
def test_nonsense_values_are_one_line_and_exit_2(tmp_path: Path, options: tuple[str, str]) -> None:
    done = run(
        "subtitles", "export", str(SUBS / "pair.es.srt"), str(SUBS / "pair.en.srt"),
        "--output", str(tmp_path / "pair.csv"), *options,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip() and "Traceback" not in done.stderr
    assert not (tmp_path / "pair.csv").exists()


def test_no_sync_pairs_as_timed(tmp_path: Path) -> None:
    spanish, english = tmp_path / "film.es.srt", tmp_path / "film.en.srt"
    _release(spanish, SPANISH, 0)
    _release(english, ENGLISH, 2430)
    done = run("subtitles", "export", str(spanish), str(english), "-o", str(tmp_path / "p.csv"),
               "--no-sync")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "as timed, not synced" in done.stderr
