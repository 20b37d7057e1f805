"""Notes: autosave of a 10,000-character note and a full-text search across 10,000 notes.

Both go through core.notes.NotesStore on a database in benchmarks/_work/ (WAL,
synchronous=FULL, as the app runs it). Beside each, for context, the same work done by bare
sqlite3: an UPDATE in its own transaction, and the FTS5 MATCH query alone.
"""

from __future__ import annotations

import itertools
import random
import sqlite3
from pathlib import Path
from typing import Any

from benchmarks.common import WORK, Figure, absolute_figure, alternate, not_measured, timed

SAVE_NAME = "Notes: autosave of a 10,000-character note"
SEARCH_NAME = "Notes: search across 10,000 notes"
SAVE_LIMIT_MS = 5.0
SEARCH_LIMIT_MS = 20.0
NOTE_CHARS = 10_000
FILM_ID = "bajo-la-misma-luna"
RARE_WORD = "zapotecas"
QUERY = "zapote"
_VOCABULARY = (
    "luna frontera madre hijo domingo teléfono camión cruzar esperar carta película escena "
    "Carlitos Rosario Enrique coyote Texas México Los Ángeles lavandería mercado trabajo "
    "promesa viaje noche calle pan dulce abuela mariachi risa lágrima música cámara plano "
    "montaje guion diálogo actor actriz ritmo humor ternura distancia regreso"
)
_WORDS = _VOCABULARY.split(" ")


def _body(rng: random.Random, words: int, rare: bool) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(words)]
    if rare:
        chosen.insert(rng.randrange(len(chosen)), RARE_WORD)
    return " ".join(chosen)


def _populate(path: Path, count: int) -> None:
    """Fill the notes table in one transaction (the schema's triggers index every note)."""
    rng = random.Random(10)
    stamp = "2026-11-21T12:00:00+00:00"
    rows = [
        (FILM_ID, _body(rng, rng.randint(20, 120), index % 100 == 0), stamp, stamp)
        for index in range(count)
    ]
    with sqlite3.connect(path, isolation_level=None) as conn:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO notes (film_id, body, created, updated) VALUES (?, ?, ?, ?)", rows
        )
        conn.execute("COMMIT")
    conn.close()


def _long_note(index: int) -> str:
    """A 10,000-character body, different at every save (as typing makes it)."""
    text = _body(random.Random(index), 2000, False)
    return (f"{index} " + text)[:NOTE_CHARS]


def _bare_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT OR REPLACE INTO notes (id, body) VALUES (1, '')")
    return conn


def _save_figure(store: Any, saves: int) -> Figure:
    note = store.add(FILM_ID, "")
    bare = _bare_connection(WORK / "notes" / "bare.sqlite3")
    holder = [note]
    turns = itertools.count(1)  # each save writes another text

    def app_save() -> None:
        holder[0] = store.save(holder[0], _long_note(next(turns)))

    def bare_save() -> None:
        body = _long_note(next(turns))
        bare.execute("BEGIN IMMEDIATE")
        bare.execute("UPDATE notes SET body = ? WHERE id = 1", (body,))
        bare.execute("COMMIT")

    app, base = alternate(timed(app_save), timed(bare_save), saves)
    bare.close()
    note_text = "NotesStore.save (FTS re-index, fsync); baseline: bare sqlite3 UPDATE, no FTS"
    return absolute_figure(SAVE_NAME, "ms", SAVE_LIMIT_MS, app, base, note=note_text)


def _search_figure(store: Any, path: Path, searches: int, count: int) -> Figure:
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    found = [0]

    def app_search() -> None:
        found[0] = len(store.search(QUERY))

    def bare_search() -> None:
        raw.execute(
            "SELECT id, body FROM notes WHERE id IN "
            "(SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?)",
            (f'"{QUERY}"*',),
        ).fetchall()

    app, base = alternate(timed(app_search), timed(bare_search), searches)
    raw.close()
    note_text = f"NotesStore.search({QUERY!r}): {found[0]} of {count} notes; baseline: bare MATCH"
    return absolute_figure(SEARCH_NAME, "ms", SEARCH_LIMIT_MS, app, base, note=note_text)


def measure(saves: int, count: int, searches: int) -> list[Figure]:
    """The autosave and search figures, on a fresh database of `count` notes."""
    try:
        from misma_luna.core.notes.store import NotesStore
    except ImportError as error:
        reason = f"core.notes is missing: {error}"
        return [
            not_measured(SAVE_NAME, "ms", f"≤ {SAVE_LIMIT_MS:g} ms", reason),
            not_measured(SEARCH_NAME, "ms", f"≤ {SEARCH_LIMIT_MS:g} ms", reason),
        ]
    folder = WORK / "notes"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.is_file():
            old.unlink()
    path = folder / "notes.sqlite3"
    NotesStore.open(path).close()
    _populate(path, count)
    with NotesStore.open(path) as store:
        return [_save_figure(store, saves), _search_figure(store, path, searches, count)]
