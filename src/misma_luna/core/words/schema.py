"""The words database's shape and how an older file is brought up to it.

Each step runs in one `BEGIN IMMEDIATE` transaction that also sets `PRAGMA user_version`;
the store takes a backup before every step of a file that already held words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from misma_luna.core.base import sqlite_files

# Step i (0-based) upgrades a database from user_version i to i + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE words (
            id INTEGER PRIMARY KEY,
            film_id TEXT NOT NULL,
            key TEXT NOT NULL,
            text TEXT NOT NULL,
            base TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            zipf REAL NOT NULL DEFAULT 0,
            line TEXT NOT NULL DEFAULT '',
            paired_line TEXT NOT NULL DEFAULT '',
            paired_language TEXT NOT NULL DEFAULT '',
            time_ms INTEGER,
            meaning TEXT NOT NULL DEFAULT '',
            counterpart TEXT NOT NULL DEFAULT '',
            confidence REAL NOT NULL DEFAULT 0,
            folded TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            UNIQUE (film_id, key)
        )""",
        "CREATE INDEX words_by_film ON words (film_id, time_ms, id)",
    ),
    # Words the reader knows (marked or imported), and each film's words counted (see known.py).
    (
        """CREATE TABLE known (
            language TEXT NOT NULL,
            key TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            PRIMARY KEY (language, key)
        )""",
        """CREATE TABLE film_vocabulary (
            film_id TEXT NOT NULL,
            language TEXT NOT NULL,
            word TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (film_id, language, word)
        )""",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(
    conn: sqlite3.Connection,
    before_step: Callable[[int], None] | None = None,
    target: int = SCHEMA_VERSION,
) -> None:
    """Run every step from the file's version up to `target`, each whole or not at all,
    calling `before_step(version)` before each."""
    sqlite_files.migrate(conn, MIGRATIONS, before_step, target)
