"""`misma-luna worksheet`: the installed command writes worksheets as PDF and .docx, read back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from misma_luna.core.words.store import WordsStore
from misma_luna.core.words.word import Sighting

COMMAND = str(Path(sys.executable).with_name("misma-luna"))
SCENE = ("--from", "0:00", "--to", "2:10")


def worksheet(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)  # the command must manage without a display by itself
    env.update(XDG_CONFIG_HOME=str(home / "c"), XDG_DATA_HOME=str(home / "d"), LANGUAGE="en")
    return subprocess.run(
        [COMMAND, "worksheet", *args], capture_output=True, text=True, timeout=120, env=env,
        check=False,
    )  # fmt: skip


@pytest.mark.parametrize(("lang", "version"), [("es", "A"), ("en", "B")])
def test_pdf_has_numbered_gaps_as_text_and_the_key_last(
    tmp_path: Path, lang: str, version: str
) -> None:
    out = tmp_path / "w.pdf"
    parts = ("--parts", "glossary,cloze,script,key")
    options = ("--lang", lang, "--version", version, *parts, "--output", str(out))
    result = worksheet("--bundled", *SCENE, *options, home=tmp_path)
    assert result.returncode == 0, result.stderr
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(out).pages]
    text = " ".join(pages)
    assert "(1) ________" in text and "(5) ________" in text
    assert f"Version {version}" in pages[0] or f"Versión {version}" in pages[0]
    assert "(1) ________" not in pages[-1] and "(1) " in pages[-1]  # the key, on its own page


def test_docx(tmp_path: Path) -> None:
    out = tmp_path / "w.docx"
    result = worksheet("--film", str(_bundled()), *SCENE, "--output", str(out), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(Document(str(out)).tables) == 2


def _collect(home: Path, *texts: str) -> None:
    """Words collected from the bundled film, in the data folder the command reads."""
    code = "from misma_luna.cli.words import default_db_path; print(default_db_path())"
    env = dict(os.environ, XDG_CONFIG_HOME=str(home / "c"), XDG_DATA_HOME=str(home / "d"))
    env["QT_QPA_PLATFORM"] = "offscreen"
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    with WordsStore.open(Path(found.stdout.strip())) as store:
        for text in texts:
            store.collect(Sighting(text, "es", "…", "bajo-la-misma-luna"))


def test_glossary_of_collected_words(tmp_path: Path) -> None:
    _collect(tmp_path, "mijo", "plantado")
    out = tmp_path / "w.docx"
    options = ("--glossary", "collected", "--lang", "es", "--output", str(out))
    result = worksheet("--bundled", *SCENE, *options, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    glossary = Document(str(out)).tables[0]
    assert [row.cells[0].text.split()[0] for row in glossary.rows[1:]] == ["mijo", "plantar"]


def test_no_collected_word_in_the_scene_is_a_warning_not_an_error(tmp_path: Path) -> None:
    _collect(tmp_path, "bicicleta")
    out = tmp_path / "w.docx"
    options = ("--glossary", "collected", "--words", "4", "--output", str(out))
    result = worksheet("--bundled", *SCENE, *options, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warning: None of the words you collected" in result.stderr
    assert len(Document(str(out)).tables[0].rows) == 1 + 4  # the 4 least common instead


def _bundled() -> Path:
    from misma_luna.core.base.resources import bundled_film_dir

    return bundled_film_dir()


@pytest.mark.parametrize(
    ("args", "problem"),
    [(("--from", "0:14:00", "--to", "0:10:00"), "before it starts"),
     (("--from", "3:00:00"), "after the film ends"),
     (("--from", "0:10:00", "--to", "0:14:00"), "no one speaks"),
     (("--from", "soon"), "is not a time"),
     (("--parts", "poem"), "is not a part")],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], problem: str
) -> None:
    out = tmp_path / "w.pdf"
    result = worksheet("--bundled", *args, "--output", str(out), home=tmp_path)
    assert result.returncode == 2
    assert problem in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_the_film_named_by_its_library_id_or_its_path(tmp_path: Path) -> None:
    for name in ("bajo-la-misma-luna", str(_bundled())):
        out = tmp_path / "w.docx"
        result = worksheet(name, *SCENE, "--output", str(out), home=tmp_path)
        assert result.returncode == 0, result.stderr
        assert len(Document(str(out)).tables) == 2
        out.unlink()
    unknown = worksheet("no-such-film", *SCENE, "--output", str(out), home=tmp_path)
    assert unknown.returncode == 2
    assert "no-such-film" in unknown.stderr and "Traceback" not in unknown.stderr
    assert not out.exists()
