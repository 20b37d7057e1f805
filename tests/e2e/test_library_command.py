"""`misma-luna film new` and `library list|import|export` as installed, in a private data folder."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMMAND = ROOT / ".venv" / "bin" / "misma-luna"
SUBTITLES = ROOT / "tests" / "data" / "subtitles"

pytestmark = pytest.mark.e2e


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    env["LANGUAGE"] = "en"
    return subprocess.run(
        [str(COMMAND), *args], capture_output=True, text=True, timeout=60, check=False, env=env
    )


def test_a_film_made_listed_exported_and_imported_elsewhere(tmp_path: Path) -> None:
    review = tmp_path / "review.md"
    review.write_text("# Pair\n\nA film about a pair of subtitle files and the people in them.\n")
    made = run(
        tmp_path, "film", "new", "--title", "Pair", "--year", "2020", "--director", "Ana",
        "--review", str(review), "--subtitles",
        str(SUBTITLES / "pair.es.srt"), str(SUBTITLES / "pair.en.srt"),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    folder = Path(made.stdout.strip())
    assert (folder / "film.toml").is_file() and (folder / "subtitles" / "es.srt").is_file()
    assert str(tmp_path / "data") in str(folder)

    listed = json.loads(run(tmp_path, "library", "list", "--json").stdout)
    pair = next(film for film in listed if film["id"] == "pair")
    assert pair["year"] == 2020 and pair["languages"] == ["en"]
    assert any(film["id"] == "bajo-la-misma-luna" for film in listed)
    assert "pair\tPair\t2020" in run(tmp_path, "library", "list").stdout

    archive = tmp_path / "pair.zip"
    exported = run(tmp_path, "library", "export", "pair", "--output", str(archive))
    assert exported.returncode == 0 and archive.is_file()
    colleague = tmp_path / "colleague"
    imported = run(colleague, "library", "import", str(archive))
    assert imported.returncode == 0, imported.stderr
    assert Path(imported.stdout.strip()).name == "pair"


def test_mistakes_are_one_line_naming_the_file(tmp_path: Path) -> None:
    bad = run(tmp_path, "film", "new", "--title", "X", "--subtitles", str(SUBTITLES / "binary.srt"))
    assert bad.returncode == 2
    assert "binary.srt" in bad.stderr and bad.stderr.strip().count("\n") == 0
    unknown = run(tmp_path, "library", "export", "nope", "--output", str(tmp_path / "x.zip"))
    assert unknown.returncode == 2 and "nope" in unknown.stderr
    assert not (tmp_path / "x.zip").exists()


def test_search_finds_passages_and_survives_any_query(tmp_path: Path) -> None:
    made = run(
        tmp_path, "film", "new", "--title", "Estación", "--subtitles",
        str(SUBTITLES / "pair.es.srt"), str(SUBTITLES / "pair.en.srt"),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    found = run(tmp_path, "library", "search", "ESTACION", "--json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    kinds = {(hit["id"], hit["kind"]) for hit in hits}
    assert ("estacion", "title") in kinds and ("estacion", "subtitle") in kinds
    line = next(hit for hit in hits if hit["kind"] == "subtitle")
    assert line["start_ms"] == 1000 and "estación" in line["snippet"]
    for query in ('"', "NEAR(", "*", "(a OR", 'est" AND'):
        done = run(tmp_path, "library", "search", query)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (query, done.stderr)
    text = run(tmp_path, "library", "search", "estación")
    assert "estacion\tEstación\tSubtitles (es) 0:01\t" in text.stdout
