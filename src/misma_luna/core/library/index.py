"""The library's index: one SQLite row per film, so that listing needs no package read.

The packages are the truth: a row is made again whenever its package changed, and an index
that is missing, damaged or of another version is thrown away and rebuilt from them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from misma_luna.core.base.sqlite_files import connect_wal
from misma_luna.core.library.entry import Completeness, LibraryEntry

INDEX_NAME = "library.sqlite3"
SCHEMA_VERSION = 1
_SCHEMA = """CREATE TABLE films (
    id TEXT PRIMARY KEY,
    folder TEXT NOT NULL,
    stamp TEXT NOT NULL,
    data TEXT NOT NULL,
    last_opened TEXT
)"""


class LibraryIndex:
    """The films table, opened (or rebuilt) in WAL mode with explicit transactions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = _open_sound(path)

    def close(self) -> None:
        """Close the database."""
        self._conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it or none of it."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def stamps(self) -> dict[str, tuple[str, str]]:
        """Each indexed film's folder and stamp, by id."""
        rows = self._conn.execute("SELECT id, folder, stamp FROM films")
        return {str(i): (str(folder), str(stamp)) for i, folder, stamp in rows}

    def entries(self) -> list[LibraryEntry]:
        """Every indexed film."""
        rows = self._conn.execute("SELECT data, last_opened FROM films ORDER BY id")
        return [_decode(json.loads(data), last) for data, last in rows]

    def mark_opened(self, film_id: str, when: dt.datetime | None = None) -> None:
        """Remember that `film_id` was opened now."""
        moment = (when or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
        with self.transaction() as conn:
            conn.execute("UPDATE films SET last_opened = ? WHERE id = ?", (moment, film_id))


def put(conn: sqlite3.Connection, entry: LibraryEntry, stamp: str) -> None:
    """Insert or replace `entry` (its last opening kept) inside a transaction."""
    conn.execute(
        "INSERT INTO films (id, folder, stamp, data) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO "
        "UPDATE SET folder = excluded.folder, stamp = excluded.stamp, data = excluded.data",
        (entry.id, str(entry.folder), stamp, json.dumps(_encode(entry), ensure_ascii=False)),
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
    }


def _decode(data: dict[str, Any], last_opened: str | None) -> LibraryEntry:
    return LibraryEntry(
        id=data["id"],
        folder=Path(data["folder"]),
        original_title=data["original_title"],
        source_language=data["source_language"],
        titles=dict(data["titles"]),
        year=data["year"],
        completeness={k: Completeness(v[0], v[1]) for k, v in data["completeness"].items()},
        last_opened=last_opened,
        bundled=bool(data.get("bundled")),
    )


def _open_sound(path: Path) -> sqlite3.Connection:
    """The index at `path`, made anew when it is missing, damaged or of another version."""
    try:
        conn = _connect(path)
        sound = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if sound and version == SCHEMA_VERSION:
            conn.execute("SELECT data FROM films LIMIT 1").fetchall()
            return conn
        conn.close()
    except sqlite3.Error:
        with contextlib.suppress(NameError, sqlite3.Error):
            conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = _connect(path)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(_SCHEMA)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute("COMMIT")
    return conn


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    return connect_wal(path)
