"""Every hostile fixture either opens safely or is refused with a message naming the file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from misma_luna.core.base.errors import CatalogError, FilmError, MismaLunaError, TextFileError
from misma_luna.core.base.regular_files import read_regular_text
from misma_luna.core.base.text_decoding import decode_bytes, repair_summary
from misma_luna.core.film.bare_review import detect_language
from misma_luna.core.film.content import TranslationState
from misma_luna.core.film.loading import load_film

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile"


def test_mis_encoded_names_are_repaired_and_the_original_kept() -> None:
    film = load_film(HOSTILE / "hostile-film")
    assert "Adrián Alonso" in film.review.blocks[1].text
    assert "niño" in film.review.blocks[1].text
    assert "AdriÃ¡n" in film.review_source.original
    assert film.review_source.repaired == 2
    assert repair_summary(film.review_source) == "Repaired 2 mis-encoded characters"


def test_repair_counts_each_character() -> None:
    decoded = decode_bytes("AdriÃ¡n, niÃ±o, Â¡QuÃ© bien!\r\n".encode())
    assert decoded.text == "Adrián, niño, ¡Qué bien!\n"
    assert repair_summary(decoded) == "Repaired 4 mis-encoded characters"
    assert repair_summary(decode_bytes(b"plain")) is None


@pytest.mark.parametrize(
    ("name", "encoding"), [("resena-cp1252.txt", "cp1252"), ("resena-utf16.txt", "utf_16_le")]
)
def test_legacy_encodings_are_detected(name: str, encoding: str) -> None:
    film = load_film(HOSTILE / name)
    assert film.review_source.encoding == encoding
    assert film.review.title == "Bajo la misma luna: una reseña"
    assert "\r" not in film.review_source.text
    assert film.source_language == "es"
    assert film.review_source.repaired == 0


def test_utf8_bom_is_removed() -> None:
    decoded = decode_bytes(b"\xef\xbb\xbf# T\xc3\xadtulo\n")
    assert decoded.text == "# Título\n"


def test_binary_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TextFileError, match="binary file"):
        load_film(HOSTILE / "binary-review.txt")


def test_huge_files_are_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.md"
    with huge.open("wb") as handle:
        handle.truncate(5 * 1024 * 1024 + 1)
    with pytest.raises(TextFileError, match="too large") as caught:
        read_regular_text(huge)
    assert str(huge) in caught.value.message


def test_a_zipped_package_opens_like_a_folder() -> None:
    film = load_film(HOSTILE / "hostile-film.zip")
    assert film.id == "hostile-film"
    assert film.review.blocks == load_film(HOSTILE / "hostile-film").review.blocks
    assert "es" in film.catalogs


@pytest.mark.parametrize("name", ["traversal.zip", "absolute.zip"])
def test_unsafe_archive_paths_are_refused(name: str) -> None:
    with pytest.raises(FilmError, match="unsafe path") as caught:
        load_film(HOSTILE / name)
    assert caught.value.path == HOSTILE / name


def test_zip_bombs_and_broken_archives_are_refused(tmp_path: Path) -> None:
    with pytest.raises(FilmError, match="zip bomb"):
        load_film(HOSTILE / "bomb.zip")
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(FilmError, match=r"not a readable \.zip"):
        load_film(broken)


def test_a_member_name_that_is_not_the_utf8_it_claims_is_a_broken_archive(
    tmp_path: Path,
) -> None:
    archive = tmp_path / "film.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("film.toml", 'id = "x"')
    data = bytearray(archive.read_bytes())
    data[6:8] = (0x0800).to_bytes(2, "little")  # local header: "the name is UTF-8"
    data[30] = 0xCB  # and its first byte is not
    archive.write_bytes(bytes(data))
    with pytest.raises(FilmError, match=r"not a readable \.zip") as caught:
        load_film(archive)
    assert caught.value.path == archive


def test_errors_inside_an_archive_name_the_archive(tmp_path: Path) -> None:
    archive = tmp_path / "no-review.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(HOSTILE / "no-review" / "film.toml", "pkg/film.toml")
    with pytest.raises(FilmError, match=r"no review\.md") as caught:
        load_film(archive)
    assert caught.value.path == archive


def test_broken_film_toml_names_the_line() -> None:
    with pytest.raises(FilmError) as caught:
        load_film(HOSTILE / "broken-toml")
    assert caught.value.line == 6
    assert caught.value.message.startswith(f"{HOSTILE / 'broken-toml' / 'film.toml'}:6: ")


def test_package_without_review() -> None:
    with pytest.raises(FilmError, match=r"no review\.md"):
        load_film(HOSTILE / "no-review")


def test_po_with_syntax_error_shows_source_with_a_warning() -> None:
    film = load_film(HOSTILE / "bad-po")
    assert len(film.warnings) == 1
    assert isinstance(film.warnings[0], CatalogError)
    assert film.warnings[0].line == 7
    spanish = film.localized("es")
    assert all(shown.state is TranslationState.MISSING for _block, shown in spanish.blocks())
    assert spanish.blocks()[0][1].text == "A Review With a Broken Translation"


def test_bare_review_with_front_matter_becomes_a_film() -> None:
    film = load_film(HOSTILE / "bare-review-es.md")
    assert film.source_language == "es"
    assert film.facts.titles.original == "Bajo la misma luna"
    assert film.facts.year == 2007
    assert film.facts.directors == ("Patricia Riggen",)
    assert [member.name for member in film.facts.cast][1] == "Adrián Alonso"
    assert film.review.title == "Una madre, un hijo y una frontera"
    assert film.content_languages() == ["es"]
    assert film.facts.texts == {"genre": "Drama"}


def test_bare_text_review_title_and_language() -> None:
    film = load_film(HOSTILE / "plain-review.txt")
    assert film.source_language == "en"
    assert film.facts.titles.original == "plain review"
    assert film.id == "review-plain-review"


def test_bare_review_never_takes_a_packages_id(tmp_path: Path) -> None:
    review = tmp_path / "mine.md"
    review.write_text("# Bajo la misma luna\n\nMi reseña.\n", encoding="utf-8")
    assert load_film(review).id == "review-bajo-la-misma-luna"


def test_bare_review_title_comes_from_first_heading(tmp_path: Path) -> None:
    review = tmp_path / "x.md"
    review.write_text("Intro line.\n\n## Una película sobre la frontera\n\nEl niño y la madre.\n")
    film = load_film(review)
    assert film.facts.titles.original == "Una película sobre la frontera"
    assert film.source_language == "es"


def test_bad_front_matter_names_the_line(tmp_path: Path) -> None:
    review = tmp_path / "bad.md"
    review.write_text("---\ntitle: X\nyear: soon\n---\n# X\n\nText.\n")
    with pytest.raises(FilmError) as caught:
        load_film(review)
    assert caught.value.line == 3


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The film is a story of a mother and her son, and it is moving.", "en"),
        ("La película es la historia de una madre y su hijo, y es muy conmovedora.", "es"),
    ],
)
def test_language_detection(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_other_files_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "film.pdf"
    other.write_bytes(b"%PDF-1.4")
    with pytest.raises(MismaLunaError, match="neither a film package"):
        load_film(other)
