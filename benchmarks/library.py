"""The library: listing 1,000 films, searching them, and making a film from files.

A library of generated films (film.toml, a review of a few paragraphs, a Spanish
translation of it, a short subtitle track) is written into benchmarks/_work/ and indexed once;
then `Library.entries()` (every package looked at for changes, every row read) and
`Library.search()` are timed. Beside the search, the bare FTS5 MATCH query on the same
index, as a ratio. Making a film: `create_film` from two generated 2-hour subtitle files and
a review, into an empty library (a new library each time).
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from pathlib import Path

from benchmarks.common import (
    WORK,
    Figure,
    absolute_figure,
    alternate,
    not_measured,
    repeated,
    timed,
)
from benchmarks.subtitles import srt_time

LIST_NAME = "Library: list 1,000 films"
SEARCH_NAME = "Library: search 1,000 films"
MAKE_NAME = "Library: a new film from two 2-hour subtitle files and a review"
LIST_LIMIT_MS = 100.0
SEARCH_LIMIT_MS = 50.0
MAKE_LIMIT_MS = 1000.0
QUERY = "frontera"
_VOCABULARY = (
    "luna frontera madre hijo domingo teléfono camión cruzar esperar carta película escena "
    "mercado trabajo promesa viaje noche calle abuela música cámara plano montaje guion "
    "diálogo actor actriz ritmo humor ternura distancia regreso border mother son letter"
)
_WORDS = _VOCABULARY.split(" ")


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _srt(rng: random.Random, cues: int, step_ms: int) -> str:
    blocks = []
    for number in range(cues):
        start = number * step_ms
        text = _sentence(rng, rng.randint(3, 9))
        blocks.append(
            f"{number + 1}\n{srt_time(start)} --> {srt_time(start + step_ms - 200)}\n{text}\n"
        )
    return "\n".join(blocks)


def _film(folder: Path, number: int) -> None:
    rng = random.Random(number)
    folder.mkdir(parents=True)
    (folder / "film.toml").write_text(
        f'id = "film-{number:04d}"\nsource_language = "en"\nyear = {1950 + number % 70}\n\n'
        f'[titles]\noriginal = "Film {number}"\nes = "Película {number}"\n',
        encoding="utf-8",
    )
    paragraphs = [_sentence(rng, rng.randint(30, 60)) for _ in range(6)]
    (folder / "review.md").write_text(
        f"# Film {number}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
    )
    entries = "".join(f'\nmsgid "{text}"\nmsgstr "{text[::-1]}"\n' for text in paragraphs[:4])
    (folder / "i18n").mkdir()
    (folder / "i18n" / "es.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' + entries,
        encoding="utf-8",
    )
    (folder / "subtitles").mkdir()
    (folder / "subtitles" / "es.srt").write_text(_srt(rng, 40, 3000), encoding="utf-8")


def _list_and_search(films: int, repeats: int) -> list[Figure]:
    from misma_luna.core.library.index import INDEX_NAME
    from misma_luna.core.library.library import Library

    root = WORK / "library" / "films"
    shutil.rmtree(root.parent, ignore_errors=True)
    for number in range(films):
        _film(root / f"film-{number:04d}", number)
    started = time.perf_counter()
    library = Library(root, bundled=root.parent / "no-bundled-film")
    library.refresh()
    indexing = time.perf_counter() - started
    count = [0, 0]

    def listing() -> None:
        count[0] = len(library.entries())

    def search() -> None:
        count[1] = len(library.search(QUERY))

    raw = sqlite3.connect(f"file:{root / INDEX_NAME}?mode=ro", uri=True)

    def bare() -> None:
        raw.execute(
            "SELECT rowid, text FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT 200",
            (f'"{QUERY}"*',),
        ).fetchall()

    list_app = repeated(listing, repeats)
    search_app, search_base = alternate(timed(search), timed(bare), repeats)
    raw.close()
    library.close()
    list_note = (
        f"Library.entries(): {count[0]} films, each package looked at; "
        f"indexed once in {indexing:.0f} s"
    )
    search_note = f"Library.search({QUERY!r}): {count[1]} passages; baseline: bare FTS5 MATCH"
    return [
        absolute_figure(LIST_NAME, "ms", LIST_LIMIT_MS, list_app, note=list_note),
        absolute_figure(
            SEARCH_NAME, "ms", SEARCH_LIMIT_MS, search_app, search_base, note=search_note
        ),
    ]


def _make_film(repeats: int) -> Figure:
    from misma_luna.core.library.library import Library
    from misma_luna.core.library.new_film import NewFilm, create_film

    folder = WORK / "library" / "new"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(7)
    spanish, english, review = folder / "film.es.srt", folder / "film.en.srt", folder / "review.md"
    spanish.write_text(_srt(rng, 1800, 4000), encoding="utf-8")
    english.write_text(_srt(rng, 1800, 4000), encoding="utf-8")
    review.write_text(
        "# A film\n\n" + "\n\n".join(_sentence(rng, 60) for _ in range(12)) + "\n",
        encoding="utf-8",
    )
    film = NewFilm(
        title="A film",
        source_language="en",
        subtitles={"es": spanish, "en": english},
        review=review,
    )
    runs = [0]

    def make() -> None:
        runs[0] += 1
        library = Library(folder / f"library-{runs[0]}", bundled=folder / "no-bundled-film")
        create_film(library, film)
        library.close()

    app = repeated(make, repeats)
    note = "create_film: both tracks read, the package written, checked and indexed"
    return absolute_figure(MAKE_NAME, "ms", MAKE_LIMIT_MS, app, note=note)


def measure(films: int, repeats: int) -> list[Figure]:
    """Listing and searching `films` generated films, and making a film from files."""
    try:
        import misma_luna.core.library.library  # noqa: F401
    except ImportError as error:
        reason = f"core.library is missing: {error}"
        return [
            not_measured(LIST_NAME, "ms", f"≤ {LIST_LIMIT_MS:g} ms", reason),
            not_measured(SEARCH_NAME, "ms", f"≤ {SEARCH_LIMIT_MS:g} ms", reason),
            not_measured(MAKE_NAME, "ms", f"≤ {MAKE_LIMIT_MS:g} ms", reason),
        ]
    return [*_list_and_search(films, repeats), _make_film(max(1, repeats // 5))]
