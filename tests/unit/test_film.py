"""Film packages: the bundled film's facts, broken packages and translation states."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from misma_luna.core.base.errors import FilmError
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.content import TranslationState
from misma_luna.core.film.loading import load_film


def copy_bundled(tmp_path: Path) -> Path:
    """A writable copy of the bundled film package."""
    return Path(shutil.copytree(bundled_film_dir(), tmp_path / "film"))


def test_bundled_film_states_every_fact(bundled_film) -> None:
    facts = bundled_film.facts
    assert facts.titles.original == "Bajo la misma luna"
    assert facts.titles.by_language["en"] == "Under the Same Moon"
    assert "La misma luna" in facts.titles.also_known_as
    assert (facts.year, facts.runtime_minutes) == (2007, 109)
    assert facts.countries == ("MX", "US")
    assert facts.languages == ("es", "en")
    assert facts.directors == ("Patricia Riggen",)
    assert facts.writers == ("Ligiah Villalobos",)
    assert facts.rating is not None and facts.rating.value == "PG-13"
    assert "Fox Searchlight Pictures" in facts.distributors
    assert facts.premiere is not None and (facts.premiere.year, facts.premiere.month) == (2007, 1)
    assert facts.release is not None and (facts.release.year, facts.release.month) == (2008, 3)
    cast = {member.name: member.role for member in facts.cast}
    assert cast["Kate del Castillo"] == "Rosario"
    assert cast["Adrián Alonso"] == "Carlitos"
    assert cast["Eugenio Derbez"] == "Enrique"
    assert {"Maya Zapata", "Carmen Salinas"} <= set(cast)
    assert "ALMA" in facts.texts["awards.0"]
    assert bundled_film.warnings == ()


def test_bundled_film_is_fully_translated_to_spanish(bundled_film) -> None:
    spanish = bundled_film.localized("es")
    assert spanish.untranslated_count() == 0
    assert all(shown.state is TranslationState.TRANSLATED for _b, shown in spanish.blocks())
    for name in bundled_film.facts.texts:
        shown = spanish.field(name)
        assert shown is not None and shown.state is TranslationState.TRANSLATED, name
    assert spanish.title == "Bajo la misma luna"
    assert bundled_film.localized("en").title == "Under the Same Moon"


def test_source_language_is_shown_as_source(bundled_film) -> None:
    english = bundled_film.localized("en")
    assert {shown.state for _b, shown in english.blocks()} == {TranslationState.SOURCE}


def test_language_without_catalog_shows_source_marked_missing(bundled_film) -> None:
    french = bundled_film.localized("fr")
    assert french.untranslated_count() == len(bundled_film.review.blocks)
    assert french.blocks()[0][1].text == bundled_film.review.blocks[0].text


def test_fuzzy_translation_is_marked_outdated_not_shown(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    po = folder / "i18n" / "es.po"
    text = po.read_text(encoding="utf-8")
    first = text.index("#. review block: paragraph")
    po.write_text(text[:first] + "#, fuzzy\n" + text[first:], encoding="utf-8")
    spanish = load_film(folder).localized("es")
    states = [shown.state for _b, shown in spanish.blocks()]
    assert states.count(TranslationState.OUTDATED) == 1
    outdated = next(pair for pair in spanish.blocks() if pair[1].state is TranslationState.OUTDATED)
    assert outdated[1].text == outdated[0].text


def test_broken_film_toml_names_the_file_and_line(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    toml = folder / "film.toml"
    lines = toml.read_text(encoding="utf-8").splitlines()
    lines[3] = "runtime_minutes = = 109"
    toml.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(FilmError) as caught:
        load_film(folder)
    assert caught.value.line == 4
    assert caught.value.message.startswith(f"{toml}:4: ")


@pytest.mark.parametrize(
    ("replace", "by", "words"),
    [
        ("year = 2007", 'year = "2007"', "“year” has the wrong type"),
        ('id = "bajo-la-misma-luna"', "", "“id” is missing"),
        ('date = "2007-01"', 'date = "January"', "year-month"),
        ("runtime_minutes = 109", "runtime_minutes = -3", "positive number"),
    ],
)
def test_invalid_fields_are_reported(tmp_path: Path, replace: str, by: str, words: str) -> None:
    folder = copy_bundled(tmp_path)
    toml = folder / "film.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(replace, by), encoding="utf-8")
    with pytest.raises(FilmError, match=words):
        load_film(folder)


def test_package_without_review_is_refused(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    (folder / "review.md").unlink()
    with pytest.raises(FilmError, match=r"no review\.md"):
        load_film(folder)


def test_po_with_syntax_error_becomes_a_warning_and_source_text(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    po = folder / "i18n" / "es.po"
    po.write_text(
        po.read_text(encoding="utf-8") + '\nmsgid "x"\nmsgstr broken\nnonsense\n', encoding="utf-8"
    )
    film = load_film(folder)
    assert len(film.warnings) == 1
    warning = film.warnings[0]
    assert warning.path == po and warning.line is not None
    assert film.localized("es").untranslated_count() == len(film.review.blocks)


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FilmError, match="does not exist"):
        load_film(tmp_path / "nowhere")
