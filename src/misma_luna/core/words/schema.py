"""The words database's shape and how an older file is brought up to it.

Each step runs in one `BEGIN IMMEDIATE` transaction that also sets `PRAGMA user_version`.
"""

from __future__ import annotations

import sqlite3

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
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> None:
    """Run every step from the file's version up to `SCHEMA_VERSION`, each whole or not at all."""
    sqlite_files.migrate(conn, MIGRATIONS)
