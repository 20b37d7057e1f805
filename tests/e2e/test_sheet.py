"""`misma-luna sheet`: the installed command writes review sheets as PDFs, read back with pypdf."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.loading import load_film

COMMAND = str(Path(sys.executable).with_name("misma-luna"))


def sheet(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the command must manage without a display by itself
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.update(
        XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"), LANGUAGE="en"
    )
    return subprocess.run(
        [COMMAND, "sheet", *args], capture_output=True, text=True, timeout=120, env=env, check=False
    )


def pages(path: Path) -> list[str]:
    """Each page's text, whitespace collapsed (Qt spaces words with tabs)."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One PDF per language choice, made once for the module."""
    home = tmp_path_factory.mktemp("sheets")
    out = {}
    for lang in ("es", "en", "both"):
        out[lang] = home / f"{lang}.pdf"
        result = sheet("--output", str(out[lang]), "--lang", lang, home=home)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    return out


def test_spanish_sheet(made: dict[str, Path]) -> None:
    text = pages(made["es"])
    assert "Bajo la misma luna" in text[0]
    assert "Reparto" in text[0] and "Duración" in text[0] and "109 minutos" in text[0]
    assert "Una llamada cada domingo" in " ".join(text)
    assert all(f"Página {n} de {len(text)}" in page for n, page in enumerate(text, 1))
    assert "Page 1" not in text[0] and "A Phone Call Every Sunday" not in " ".join(text)


def test_english_sheet(made: dict[str, Path]) -> None:
    text = pages(made["en"])
    assert "Under the Same Moon" in text[0]
    assert "Cast" in text[0] and "Running time" in text[0] and "109 minutes" in text[0]
    assert all(f"Page {n} of {len(text)}" in page for n, page in enumerate(text, 1))
    assert "Página" not in " ".join(text)


def test_two_columns_keep_both_versions_of_a_block_on_one_page(made: dict[str, Path]) -> None:
    text = pages(made["both"])
    for spanish, english in (
        ("Una llamada cada domingo", "A Phone Call Every Sunday"),
        ("Dos viajes, un mismo cielo", "Two Journeys, One Sky"),
    ):
        found = [n for n, page in enumerate(text) if spanish in page]
        assert found and english in text[found[0]]
    assert "Español" in text[0] and "English" in text[0]


def test_fonts_are_embedded_and_metadata_set(made: dict[str, Path]) -> None:
    for path in made.values():
        data = path.read_bytes()
        assert b"/FontFile2" in data
        assert not re.search(rb"/Subtype\s*/Type3", data)
    reader = PdfReader(made["es"])
    assert reader.metadata is not None
    assert reader.metadata.title == "Bajo la misma luna"
    assert (reader.metadata.creator or "").startswith("Misma Luna")
    xmp = reader.xmp_metadata
    assert xmp is not None and list(xmp.dc_language) == ["es"]


def test_no_empty_last_page(made: dict[str, Path]) -> None:
    for path in made.values():
        last = pages(path)[-1]
        body = re.sub(r"(Page|Página) \d+ (of|de) \d+", "", last)
        assert len(body.split()) > 12, path.name


def test_each_line_is_written_once(tmp_path: Path) -> None:
    """A paragraph across a page break is in the PDF once: no line of one page is also
    drawn (clipped, but there for text extraction) on the next."""
    words = [f"w{number:04d}" for number in range(2400)]
    paragraphs = [" ".join(words[start : start + 120]) for start in range(0, 2400, 120)]
    review = tmp_path / "tokens.md"
    review.write_text("# Tokens\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    out = tmp_path / "tokens.pdf"
    result = sheet("-o", str(out), "--lang", "en", str(review), home=tmp_path)
    assert result.returncode == 0, result.stderr
    text = pages(out)
    starts = [re.search(r"w\d{4}", page) for page in text[1:]]
    # Some page begins in the middle of a paragraph (else this test proves nothing).
    assert any(start and int(start.group()[1:]) % 120 for start in starts)
    assert Counter(re.findall(r"w\d{4}", " ".join(text))) == Counter(words)
    assert all(f"Page {n} of {len(text)}" in page for n, page in enumerate(text, 1))


def test_notes_only_when_asked(tmp_path: Path) -> None:
    from misma_luna.core.notes.note import Anchor
    from misma_luna.core.notes.store import NotesStore

    film = load_film(bundled_film_dir())
    block = film.review.blocks[2]
    db = tmp_path / "data" / "Misma Luna" / "Misma Luna" / "notes.sqlite3"
    with NotesStore.open(db) as store:
        anchor = Anchor("block", block.id, 2, block.text[:30])
        store.add(film.id, "Ask the class what a Sunday call costs.", anchor)
        store.add(film.id, "Bring a map of the border.")
    plain, noted = tmp_path / "plain.pdf", tmp_path / "noted.pdf"
    assert sheet("-o", str(plain), "--lang", "en", home=tmp_path).returncode == 0
    assert sheet("-o", str(noted), "--lang", "en", "--notes", home=tmp_path).returncode == 0
    assert "Sunday call costs" not in " ".join(pages(plain))
    text = " ".join(pages(noted))
    assert text.index("A Phone Call Every Sunday") < text.index("Sunday call costs")
    assert text.index("Sunday call costs") < text.index("Two Roads, One Destination")
    assert text.index("My notes") < text.index("Bring a map of the border.")


def test_letter_paper_and_transcript(tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    result = sheet(
        "-o", str(out), "--lang", "en", "--paper", "letter", "--transcript", home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    text = " ".join(pages(out))
    assert "Subtitle transcript" in text and "Hello? Mom?" in text


@pytest.mark.parametrize("where", ["missing-folder/out.pdf", "locked/out.pdf", "."])
def test_unwritable_output_exits_2_with_one_line_and_no_file(tmp_path: Path, where: str) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    target = tmp_path / where
    try:
        result = sheet("--output", str(target), home=tmp_path)
        if where.startswith("locked") and os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1
        assert str(target) in result.stderr
        assert "Traceback" not in result.stderr
        assert not [p for p in tmp_path.rglob("*") if p.suffix in (".pdf", ".part", ".tmp")]
    finally:
        locked.chmod(0o700)


def test_spanish_sections_are_in_spanish(tmp_path: Path) -> None:
    from misma_luna.core.notes.store import NotesStore

    film = load_film(bundled_film_dir())
    db = tmp_path / "data" / "Misma Luna" / "Misma Luna" / "notes.sqlite3"
    with NotesStore.open(db) as store:
        store.add(film.id, "Llevar un mapa de la frontera.")
    out = tmp_path / "es.pdf"
    result = sheet("-o", str(out), "--lang", "es", "--notes", "--transcript", home=tmp_path)
    assert result.returncode == 0, result.stderr
    text = " ".join(pages(out))
    assert "Mis notas" in text and "Transcripción de los subtítulos" in text
    assert "My notes" not in text and "Subtitle transcript" not in text


def _save_in_the_app(home: Path, **keys: str) -> None:
    """Write the app's settings file as the window does (QSettings' INI file on Linux)."""
    from PySide6.QtCore import QSettings

    path = home / "config" / "Misma Luna" / "Misma Luna.conf"
    store = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in keys.items():
        store.setValue(key, value)
    store.sync()


def test_the_language_and_paper_chosen_in_the_app_are_the_default(tmp_path: Path) -> None:
    _save_in_the_app(tmp_path, **{"ui/language": "es", "sheet/paper": "letter"})
    out = tmp_path / "chosen.pdf"
    result = sheet("-o", str(out), home=tmp_path)  # the environment says LANGUAGE=en
    assert result.returncode == 0, result.stderr
    text = pages(out)
    assert "Reparto" in text[0] and "Página 1" in text[0] and "Running time" not in text[0]
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    english = tmp_path / "asked.pdf"
    assert sheet("-o", str(english), "--lang", "en", home=tmp_path).returncode == 0
    assert "Running time" in pages(english)[0]


def test_the_sheet_language_preference_comes_before_the_app_language(tmp_path: Path) -> None:
    _save_in_the_app(tmp_path, **{"ui/language": "es", "sheet/language": "both"})
    out = tmp_path / "both.pdf"
    assert sheet("-o", str(out), "--paper", "a4", home=tmp_path).returncode == 0
    text = pages(out)
    assert "Español" in text[0] and "English" in text[0]
