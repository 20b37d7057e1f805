"""Words: collect a word with its counterpart, export 1,000 words as .apkg, level a film.

A 2-hour pair of subtitle lines (2 × 1,800, sentences made up here from a small vocabulary)
feeds `FilmLines` (the film's statistics: its IBM Model 1 table, built once), the words
store collects in `benchmarks/_work/`, `core.words.export` writes the deck, and
`core.words.coverage.film_level` measures the film for a reader who knows a few words.
"""

from __future__ import annotations

import random
import time
from typing import Any

from benchmarks.common import WORK, Figure, absolute_figure

BUILD_NAME = "Words: a 2-hour film's statistics built once"
COLLECT_NAME = "Words: collect a word and suggest its counterpart"
EXPORT_NAME = "Words: export 1,000 words as .apkg"
LEVEL_NAME = "Words: level of a 2-hour film"
BUILD_LIMIT_MS, COLLECT_LIMIT_MS, EXPORT_LIMIT_MS, LEVEL_LIMIT_MS = 500.0, 50.0, 1000.0, 200.0
LINES = 1800
FILM_ID = "dos-horas"
_PAIRS = (
    ("madre", "mother"), ("hijo", "son"), ("frontera", "border"), ("carta", "letter"),
    ("camión", "truck"), ("calle", "street"), ("noche", "night"), ("trabajo", "work"),
    ("domingo", "sunday"), ("teléfono", "phone"), ("abuela", "grandmother"), ("pan", "bread"),
    ("ciudad", "city"), ("mercado", "market"), ("viaje", "trip"), ("promesa", "promise"),
    ("lavandería", "laundry"), ("coyote", "smuggler"), ("dinero", "money"), ("casa", "house"),
)  # fmt: skip
_FRAMES = (
    ("Mañana mi {a} busca la {b}.", "Tomorrow my {a} looks for the {b}."),
    ("¿Dónde está el {a} de la {b}?", "Where is the {a} of the {b}?"),
    ("Nunca olvido la {a} ni el {b}.", "I never forget the {a} or the {b}."),
    ("La {a} llega con el {b} cada semana.", "The {a} arrives with the {b} every week."),
)  # fmt: skip


def film_rows(count: int = LINES, seed: int = 7) -> list[tuple[str, str]]:
    """`count` paired lines, Spanish and English, made up from `_PAIRS` in `_FRAMES`."""
    rng = random.Random(seed)
    rows = []
    for _index in range(count):
        (sa, ea), (sb, eb) = rng.sample(_PAIRS, 2)
        spanish, english = rng.choice(_FRAMES)
        rows.append((spanish.format(a=sa, b=sb), english.format(a=ea, b=eb)))
    return rows


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def measure(repeats: int) -> list[Figure]:
    """Build the statistics, then collect, export and level, `repeats` times each."""
    from misma_luna.core.words.coverage import film_level
    from misma_luna.core.words.export import write_apkg
    from misma_luna.core.words.store import WordsStore
    from misma_luna.core.words.word import Sighting
    from misma_luna.ui.words.film_lines import FilmLines

    rows = film_rows()
    folder = WORK / "words"
    folder.mkdir(parents=True, exist_ok=True)
    builds, collects, exports, levels = [], [], [], []
    for run in range(repeats):
        lines = FilmLines(FILM_ID, ("es", "en"), rows)
        start = time.perf_counter()
        lines.suggest("madre", "es", rows[0][1])  # the first suggestion builds the table
        builds.append(_ms(start))
        path = folder / f"words-{run}.sqlite3"
        path.unlink(missing_ok=True)
        with WordsStore.open(path) as store:
            for number, (spanish, english) in enumerate(rows[:20]):
                word = spanish.split()[-1].strip("?.")
                start = time.perf_counter()
                found = lines.suggest(word, "es", english)
                sighting = Sighting(word, "es", spanish, FILM_ID, english, "en", number * 4000)
                store.collect(sighting, found[0] if found else None)
                collects.append(_ms(start))
            known = store.known("es")
        words = _thousand_words(rows)
        start = time.perf_counter()
        write_apkg(words, folder / f"words-{run}.apkg", cloze=True)
        exports.append(_ms(start))
        spanish_lines = [spanish for spanish, _english in rows]
        start = time.perf_counter()
        film_level(spanish_lines, "es", known | {"madre"})
        levels.append(_ms(start))
    note = f"{LINES} paired lines"
    return [
        absolute_figure(BUILD_NAME, "ms", BUILD_LIMIT_MS, builds, note=note),
        absolute_figure(COLLECT_NAME, "ms", COLLECT_LIMIT_MS, collects, note="store + IBM1"),
        absolute_figure(EXPORT_NAME, "ms", EXPORT_LIMIT_MS, exports, note="two cards + cloze"),
        absolute_figure(LEVEL_NAME, "ms", LEVEL_LIMIT_MS, levels, note=note),
    ]


def _thousand_words(rows: list[tuple[str, str]]) -> list[Any]:
    """1,000 stored-looking words, each in a line of the film."""
    import datetime as dt

    from misma_luna.core.words.word import Word

    moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    words = []
    for index in range(1000):
        spanish, english = rows[index % len(rows)]
        text = spanish.split()[1]
        film = f"{FILM_ID}-{index}"
        words.append(Word(index + 1, film, text, text, "es", 3.0, spanish, english, "en",
                          index * 3000, "", "", 0.0, moment))  # fmt: skip
    return words
