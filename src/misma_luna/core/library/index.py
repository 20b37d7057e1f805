"""The library's index: one SQLite row per film, so that listing needs no package read, the
films' words for the library's search (FTS5), and when each film was last opened.

The packages are the truth: a row and its passages are made again whenever the package
changed, and an index that is damaged or from a newer version is thrown away and rebuilt from
them. Its schema grows step by step (`sqlite_files.migrate`), so an older index is kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from misma_luna.core.base import sqlite_files
from misma_luna.core.base.sqlite_files import connect_wal, migrate, user_version
from misma_luna.core.library.entry import Completeness, LibraryEntry
from misma_luna.core.library.passages import Passage

INDEX_NAME = "library.sqlite3"
# One list of statements per step: step n brings a file from version n to n + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE films (
            id TEXT PRIMARY KEY,
            folder TEXT NOT NULL,
            stamp TEXT NOT NULL,
            data TEXT NOT NULL,
            last_opened TEXT
        )""",
    ),
    (
        # When each film was last opened, kept apart from the rows, which are remade.
        "CREATE TABLE openings (film_id TEXT PRIMARY KEY, moment TEXT NOT NULL)",
        "INSERT INTO openings SELECT id, last_opened FROM films WHERE last_opened IS NOT NULL",
        "ALTER TABLE films DROP COLUMN last_opened",
        # The words of every film, accents and case ignored; where each passage is, beside.
        """CREATE VIRTUAL TABLE passages USING fts5(
            text, tokenize = 'unicode61 remove_diacritics 2'
        )""",
        """CREATE TABLE places (
            rowid INTEGER PRIMARY KEY,
            film_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            place TEXT NOT NULL,
            language TEXT NOT NULL
        )""",
        "CREATE INDEX places_by_film ON places (film_id)",
        "CREATE TABLE marks (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # Every package is read again, so that its passages are indexed.
        "UPDATE films SET stamp = ''",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
# The most hits a search returns (the best first).
SEARCH_LIMIT = 200
# Words each side of a hit in its snippet.
SNIPPET_TOKENS = 12
_NOTES_MARK = "notes"


class LibraryIndex:
    """The index, opened (or rebuilt) in WAL mode with explicit transactions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = _open_sound(path)

    def close(self) -> None:
        """Close the database."""
        self._conn.close()

    def rebuild(self) -> None:
        """Throw the index away and start an empty one (the packages fill it again)."""
        self._conn.close()
        self._conn = _made_anew(self.path)

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction: all of it or none of it."""
        return sqlite_files.transaction(self._conn)

    def stamps(self) -> dict[str, tuple[str, str]]:
        """Each indexed film's folder and stamp, by id."""
        rows = self._conn.execute("SELECT id, folder, stamp FROM films")
        return {str(i): (str(folder), str(stamp)) for i, folder, stamp in rows}

    def entries(self) -> list[LibraryEntry]:
        """Every indexed film."""
        rows = self._conn.execute(
            "SELECT data, moment FROM films LEFT JOIN openings ON film_id = id ORDER BY id"
        )
        return [_decode(json.loads(data), last) for data, last in rows]

    def mark_opened(self, film_id: str, when: dt.datetime | None = None) -> None:
        """Remember that `film_id` was opened now (listed or not yet)."""
        moment = (when or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO openings (film_id, moment) VALUES (?, ?) "
                "ON CONFLICT(film_id) DO UPDATE SET moment = excluded.moment",
                (film_id, moment),
            )

    def notes_mark(self) -> str:
        """What the notes were like when they were last indexed."""
        row = self._conn.execute("SELECT value FROM marks WHERE name = ?", (_NOTES_MARK,))
        found = row.fetchone()
        return str(found[0]) if found else ""

    def put_notes(self, passages: Iterable[Passage], mark: str) -> None:
        """Index the notes' `passages` in place of those indexed before."""
        with self.transaction() as conn:
            _forget(conn, "kind = 'note'", ())
            _insert(conn, passages)
            conn.execute(
                "INSERT INTO marks (name, value) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (_NOTES_MARK, mark),
            )

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[tuple[Any, ...]]:
        """Rows (data, kind, place, language, snippet) of the passages matching the FTS5
        `query`, best first; notes of films not in the library are left out."""
        return self._conn.execute(
            "SELECT films.data, places.kind, places.place, places.language, "
            f"snippet(passages, 0, '', '', '…', {SNIPPET_TOKENS:d}) "
            "FROM passages JOIN places ON places.rowid = passages.rowid "
            "JOIN films ON films.id = places.film_id "
            "WHERE passages MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        ).fetchall()


def put(
    conn: sqlite3.Connection, entry: LibraryEntry, stamp: str, passages: Iterable[Passage] = ()
) -> None:
    """Insert or replace `entry` and its `passages` (its notes and last opening kept),
    inside a transaction."""
    conn.execute(
        "INSERT INTO films (id, folder, stamp, data) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO "
        "UPDATE SET folder = excluded.folder, stamp = excluded.stamp, data = excluded.data",
        (entry.id, str(entry.folder), stamp, json.dumps(_encode(entry), ensure_ascii=False)),
    )
    _forget(conn, "film_id = ? AND kind != 'note'", (entry.id,))
    _insert(conn, passages)


def remove(conn: sqlite3.Connection, film_id: str) -> None:
    """Forget the film `film_id` and its passages (its notes' stay, for when it comes back)."""
    conn.execute("DELETE FROM films WHERE id = ?", (film_id,))
    _forget(conn, "film_id = ? AND kind != 'note'", (film_id,))


def _forget(conn: sqlite3.Connection, where: str, params: tuple[str, ...]) -> None:
    conn.execute(
        f"DELETE FROM passages WHERE rowid IN (SELECT rowid FROM places WHERE {where})", params
    )
    conn.execute(f"DELETE FROM places WHERE {where}", params)


def _insert(conn: sqlite3.Connection, passages: Iterable[Passage]) -> None:
    for passage in passages:
        cursor = conn.execute(
            "INSERT INTO places (film_id, kind, place, language) VALUES (?, ?, ?, ?)",
            (passage.film_id, passage.kind, passage.place, passage.language),
        )
        conn.execute(
            "INSERT INTO passages (rowid, text) VALUES (?, ?)", (cursor.lastrowid, passage.text)
        )


def _encode(entry: LibraryEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "folder": str(entry.folder),
        "original_title": entry.original_title,
        "source_language": entry.source_language,
        "titles": entry.titles,
        "year": entry.year,
        "completeness": {k: [v.translated, v.total] for k, v in entry.completeness.items()},
        "bundled": entry.bundled,
        "poster": entry.poster.name if entry.poster is not None else None,
    }


def decode_entry(data: str, last_opened: str | None = None) -> LibraryEntry:
    """The entry stored as the JSON `data`."""
    return _decode(json.loads(data), last_opened)


def _decode(data: dict[str, Any], last_opened: str | None) -> LibraryEntry:
    folder = Path(data["folder"])
    poster = data.get("poster")
    return LibraryEntry(
        id=data["id"],
        folder=folder,
        original_title=data["original_title"],
        source_language=data["source_language"],
        titles=dict(data["titles"]),
        year=data["year"],
        completeness={k: Completeness(v[0], v[1]) for k, v in data["completeness"].items()},
        last_opened=last_opened,
        bundled=bool(data.get("bundled")),
        poster=folder / poster if poster else None,
    )


def _open_sound(path: Path) -> sqlite3.Connection:
    """The index at `path`, brought up to date, or made anew when it is missing, damaged,
    from a newer version or cannot be brought up to date."""
    try:
        conn = _connect(path)
        sound = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        if sound and user_version(conn) <= SCHEMA_VERSION:
            migrate(conn, MIGRATIONS)
            conn.execute("SELECT data FROM films LIMIT 1").fetchall()
            conn.execute("SELECT rowid FROM passages LIMIT 1").fetchall()
            return conn
        conn.close()
    except sqlite3.Error:
        with contextlib.suppress(NameError, sqlite3.Error):
            conn.close()
    return _made_anew(path)


def _made_anew(path: Path) -> sqlite3.Connection:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = _connect(path)
    migrate(conn, MIGRATIONS)
    return conn


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    return connect_wal(path)
