"""A new film from a reader's files: subtitle tracks, an optional review and the facts
typed in, written as a complete package (`film.toml`, `review.md`, `subtitles/`).

No review is invented: without a review file, `review.md` holds the title as a heading and
the synopsis the reader typed, if any.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from misma_luna.core.base.errors import FilmError
from misma_luna.core.base.folding import fold_in_place
from misma_luna.core.base.formatting import first_capital
from misma_luna.core.base.i18n import _
from misma_luna.core.base.regular_files import read_regular_bytes, read_regular_text
from misma_luna.core.base.text_decoding import MAX_TEXT_BYTES
from misma_luna.core.film.bare_review import load_bare_review, split_front_matter
from misma_luna.core.library.library import Library
from misma_luna.core.subtitles.cue_text import language_from_name, language_from_text
from misma_luna.core.subtitles.tracks import load_track


@dataclass(frozen=True)
class NewFilm:
    """What the reader gave: the facts, the subtitle files by language, the review file."""

    title: str
    source_language: str
    subtitles: dict[str, Path] = field(default_factory=dict)
    review: Path | None = None
    original_title: str = ""
    year: int | None = None
    directors: tuple[str, ...] = ()
    cast: tuple[str, ...] = ()
    runtime_minutes: int | None = None
    synopsis: str = ""
    # The review's text itself, when it was read already (a bare review being added).
    review_body: str = ""


def film_id_for(title: str, taken: set[str]) -> str:
    """A package id made from `title` (lowercase ASCII words and hyphens), not in `taken`."""
    base = re.sub(r"[^a-z0-9]+", "-", fold_in_place(title).lower()).strip("-")[:60] or "film"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def q(text: str) -> str:
    """`text` as a TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def film_toml(film: NewFilm, film_id: str) -> str:
    """The `film.toml` of a new film (strings quoted as JSON, which TOML reads alike)."""
    lines = [f"id = {q(film_id)}", f"source_language = {q(film.source_language)}"]
    if film.year is not None:
        lines.append(f"year = {film.year}")
    if film.runtime_minutes:
        lines.append(f"runtime_minutes = {film.runtime_minutes}")
    if film.directors:
        lines.append(f"directors = [{', '.join(q(name) for name in film.directors)}]")
    lines += ["", "[titles]", f"original = {q(film.original_title or film.title)}"]
    if film.original_title and film.original_title != film.title:
        lines.append(f"{film.source_language} = {q(film.title)}")
    if film.synopsis:
        lines += ["", "[text]", f"synopsis = {q(film.synopsis)}"]
    for name in film.cast:
        lines += ["", "[[cast]]", f"name = {q(name)}"]
    return "\n".join(lines) + "\n"


def review_text(film: NewFilm) -> str:
    """The review file's text, or the title and synopsis when no review was given."""
    if film.review_body:
        return film.review_body
    if film.review is not None:
        return read_regular_text(film.review).text
    heading = f"# {film.title}\n"
    return heading + (f"\n{film.synopsis.strip()}\n" if film.synopsis.strip() else "")


def write_package(film: NewFilm, film_id: str, folder: Path) -> None:
    """Write the whole package of `film` into the empty `folder`."""
    (folder / "film.toml").write_text(film_toml(film, film_id), encoding="utf-8")
    (folder / "review.md").write_text(review_text(film), encoding="utf-8")
    if film.subtitles:
        (folder / "subtitles").mkdir()
    for language, path in film.subtitles.items():
        data = read_regular_bytes(path, MAX_TEXT_BYTES)
        (folder / "subtitles" / f"{language}{path.suffix.lower()}").write_bytes(data)


@dataclass(frozen=True)
class TrackGuess:
    """What a subtitle file tells about a new film: its language and the film's length."""

    language: str | None
    runtime_minutes: int | None
    title: str


def guess_track(path: Path) -> TrackGuess:
    """Read the subtitle file `path` (raising its error) and guess what it tells."""
    track = load_track(path)
    text = " ".join(cue.text for cue in track.cues[:400])
    language = track.language or language_from_name(path) or language_from_text(text)
    last = max((cue.end_ms for cue in track.cues), default=0)
    runtime = -(-last // 60_000) or None
    return TrackGuess(language, runtime, title_from_name(path))


def title_from_name(path: Path) -> str:
    """A title from a file name: `la_misma_luna.es.srt` gives `La misma luna`."""
    stem = path.name.split(".")[0]
    words = re.sub(r"[_.]+|(?<=\w)-(?=\w)", " ", stem).split()
    if words and language_from_name(Path(f"x.{words[-1]}.srt")) and len(words) > 1:
        words = words[:-1]
    return first_capital(" ".join(words))


def create_film(library: Library, film: NewFilm) -> Path:
    """Write `film` into the library whole and return its package folder; every subtitle
    file is read first, so that one that is not what it claims is refused by name."""
    for path in film.subtitles.values():
        load_track(path)
    film_id = film_id_for(film.title, library.ids())
    return library.install(lambda folder: write_package(film, film_id, folder))


def add_review(library: Library, path: Path) -> Path:
    """Write the bare review file `path` into the library as a one-language film, whole, and
    return its folder. The film keeps the id it was read under, so that the notes written on
    the review are the notes of the film."""
    film = load_bare_review(path)
    if film.id in library.ids():
        raise FilmError(path, _("this review is already in your library"))
    _meta, body, _line = split_front_matter(film.review_source.text)
    facts = film.facts
    new = NewFilm(
        title=facts.titles.original,
        source_language=facts.source_language,
        year=facts.year,
        directors=facts.directors,
        cast=tuple(member.name for member in facts.cast),
        runtime_minutes=facts.runtime_minutes,
        review_body=body,
    )
    return library.install(lambda folder: write_package(new, film.id, folder))


def tracks_by_language(paths: list[Path], given: dict[Path, str] | None = None) -> dict[str, Path]:
    """Each subtitle file under its language (given, else guessed); a file whose language
    cannot be told, or a second file in the same language, is refused by name."""
    found: dict[str, Path] = {}
    for path in paths:
        language = (given or {}).get(path) or guess_track(path).language
        if not language:
            raise FilmError(path, _("its language cannot be told; name it, as in “es=film.srt”"))
        if language in found:
            raise FilmError(
                path,
                _("a second subtitle file in the same language ({language})").format(
                    language=language
                ),
            )
        found[language] = path
    return found


def review_language(path: Path) -> str | None:
    """The language a review file is written in, when its words say so clearly."""
    return language_from_text(read_regular_text(path).text)
