"""`misma-luna words list|export|level`, run as a process the way scripts run it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.words.store import WordsStore
from misma_luna.core.words.word import Sighting

pytestmark = pytest.mark.e2e
COMMAND = str(Path(sys.executable).with_name("misma-luna"))


def environment(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        LANGUAGE="en",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    return env


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMAND, "words", *args], capture_output=True, text=True, timeout=120,
        env=environment(tmp_path), check=False,
    )  # fmt: skip


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A data folder whose words database holds two words of one film and one of another."""
    code = "from misma_luna.cli.words import default_db_path; print(default_db_path())"
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env=environment(tmp_path),
    )  # fmt: skip
    with WordsStore.open(Path(found.stdout.strip())) as store:
        for text in ("perro", "gato"):
            store.collect(Sighting(text, "es", f"El {text} come.", "film-a", "It eats.", "en", 5))
        store.collect(Sighting("moon", "en", "The moon.", "film-b"))
    return tmp_path


def test_list_as_json(home: Path) -> None:
    result = run(home, "list", "--json")
    assert result.returncode == 0, result.stderr
    words = json.loads(result.stdout)
    assert [w["word"] for w in words] == ["perro", "gato", "moon"]
    assert words[0]["base"] == "perro" and words[0]["paired_line"] == "It eats."


def test_export_apkg_twice_keeps_the_guids(home: Path) -> None:
    guids = []
    for name in ("one.apkg", "two.apkg"):
        target = home / name
        result = run(home, "export", "--film", "film-a", "--output", str(target))
        assert result.returncode == 0, result.stderr
        database = home / f"{name}.anki2"
        database.write_bytes(zipfile.ZipFile(target).read("collection.anki2"))
        with sqlite3.connect(database) as conn:
            guids.append(conn.execute("SELECT guid FROM notes ORDER BY guid").fetchall())
    assert len(guids[0]) == 2 and guids[0] == guids[1]


def test_export_all_as_csv(home: Path) -> None:
    target = home / "words.csv"
    assert run(home, "export", "--all", "--output", str(target)).returncode == 0
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 4


def test_mistakes_are_one_line_naming_the_file(home: Path) -> None:
    result = run(home, "export", "--film", "nope", "--output", str(home / "x.apkg"))
    assert result.returncode == 2 and "nope" in result.stderr and "Traceback" not in result.stderr
    result = run(home, "export", "--all", "--output", str(home / "x.txt"))
    assert result.returncode == 2 and "x.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_level_of_the_bundled_film(home: Path) -> None:
    result = run(home, "level", str(bundled_film_dir()), "--json")
    assert result.returncode == 0, result.stderr
    tracks = {t["language"]: t for t in json.loads(result.stdout)["tracks"]}
    assert set(tracks) == {"en", "es"}
    assert 0.5 < tracks["es"]["share"] <= 1


def test_known_import_then_level_with_lines_to_learn(home: Path) -> None:
    listing = home / "known.txt"
    listing.write_text("luna\ncasas\n", encoding="utf-8")
    result = run(home, "known", "import", str(listing))
    assert result.returncode == 0, result.stderr
    assert "2 new words" in result.stdout and "Spanish" in result.stdout
    assert "es\tcasa" in run(home, "known", "list").stdout
    result = run(home, "level", str(bundled_film_dir()), "--json")
    track = {t["language"]: t for t in json.loads(result.stdout)["tracks"]}["es"]
    assert track["known_share"] > 0 and track["level"] in ("comfortable", "effort", "hard")
    for line in track["one_new_word_lines"]:
        assert line["word"] and line["time_ms"] >= 0
    prose = home / "story.txt"
    prose.write_text("Había una vez un gato.\nEl gato dormía mucho.\n", encoding="utf-8")
    result = run(home, "known", "import", str(prose))
    assert result.returncode == 2 and "story.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
