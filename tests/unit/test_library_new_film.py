"""New films from a reader's files: guesses, film.toml, the review, the package whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.film.loading import load_film
from misma_luna.core.library.library import Library
from misma_luna.core.library.new_film import (
    NewFilm,
    create_film,
    film_id_for,
    guess_track,
    title_from_name,
)

SUBTITLES = Path(__file__).resolve().parents[1] / "data" / "subtitles"


def test_guesses_from_a_subtitle_file() -> None:
    guess = guess_track(SUBTITLES / "pair.es.srt")
    assert guess.language == "es"
    assert guess.runtime_minutes is not None and guess.runtime_minutes >= 1
    assert guess.title == "Pair"
    assert title_from_name(Path("la_misma_luna.es.srt")) == "La misma luna"
    assert title_from_name(Path("Roma-2018_spanish.srt")) == "Roma 2018"


def test_ids_are_plain_and_never_taken() -> None:
    assert film_id_for("¿Qué pasó, Señor?", set()) == "que-paso-senor"
    assert film_id_for("Roma", {"roma", "roma-2"}) == "roma-3"
    assert film_id_for("???", set()) == "film"


def test_a_new_film_is_a_complete_package(tmp_path: Path) -> None:
    library = Library(tmp_path / "films")
    review = tmp_path / "resena.md"
    review.write_text("# Roma\n\nUna película sobre Cleo.\n", encoding="utf-8")
    film = NewFilm(
        title='Roma "la película"',
        original_title="Roma",
        source_language="es",
        subtitles={"es": SUBTITLES / "pair.es.srt", "en": SUBTITLES / "pair.en.srt"},
        review=review,
        year=2018,
        directors=("Alfonso Cuarón",),
        cast=("Yalitza Aparicio",),
        runtime_minutes=135,
        synopsis="Ciudad de México, 1970.",
    )
    folder = create_film(library, film)
    loaded = load_film(folder)
    assert loaded.id == "roma-la-pelicula"
    assert loaded.facts.titles.original == "Roma"
    assert loaded.facts.titles.by_language["es"] == 'Roma "la película"'
    assert loaded.facts.directors == ("Alfonso Cuarón",)
    assert loaded.facts.texts["synopsis"] == "Ciudad de México, 1970."
    assert set(loaded.subtitle_tracks) == {"es", "en"}
    assert "Cleo" in loaded.review_source.text
    assert loaded.id in library.ids()


def test_without_a_review_only_the_title_and_synopsis_are_written(tmp_path: Path) -> None:
    library = Library(tmp_path / "films")
    folder = create_film(
        library, NewFilm("Roma", "es", {"es": SUBTITLES / "pair.es.srt"}, synopsis="Cleo.")
    )
    assert (folder / "review.md").read_text(encoding="utf-8") == "# Roma\n\nCleo.\n"


def test_a_file_that_is_not_subtitles_is_refused_and_nothing_written(tmp_path: Path) -> None:
    library = Library(tmp_path / "films")
    with pytest.raises(MismaLunaError) as raised:
        create_film(library, NewFilm("X", "es", {"es": SUBTITLES / "not-subtitles.srt"}))
    assert "not-subtitles.srt" in raised.value.message
    assert [p.name for p in (tmp_path / "films").iterdir() if p.is_dir()] == []
