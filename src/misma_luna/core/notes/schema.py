"""The notes database's shape and how an older file is brought up to it.

Each migration step is a list of statements run in one `BEGIN IMMEDIATE` transaction that
also sets `PRAGMA user_version`; the caller takes a backup before every step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from misma_luna.core.base import sqlite_files

# Step i (0-based) upgrades a database from user_version i to i + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            film_id TEXT NOT NULL,
            body TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            anchor_kind TEXT CHECK (anchor_kind IN ('block', 'subtitle')),
            anchor_id TEXT,
            anchor_position INTEGER,
            quote TEXT
        )""",
        "CREATE INDEX notes_by_film ON notes (film_id, anchor_kind, anchor_position, id)",
    ),
    (
        """CREATE VIRTUAL TABLE notes_fts USING fts5(
            body, quote, content='notes', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
            INSERT INTO notes_fts (rowid, body, quote) VALUES (new.id, new.body, new.quote);
        END""",
        """CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
            INSERT INTO notes_fts (notes_fts, rowid, body, quote)
            VALUES ('delete', old.id, old.body, old.quote);
        END""",
        """CREATE TRIGGER notes_fts_update AFTER UPDATE OF body, quote ON notes BEGIN
            INSERT INTO notes_fts (notes_fts, rowid, body, quote)
            VALUES ('delete', old.id, old.body, old.quote);
            INSERT INTO notes_fts (rowid, body, quote) VALUES (new.id, new.body, new.quote);
        END""",
        "INSERT INTO notes_fts (notes_fts) VALUES ('rebuild')",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)

# Reading order as SQL: review blocks, then subtitle rows, then unpinned notes (Note.reading_order).
READING_ORDER = (
    "CASE anchor_kind WHEN 'block' THEN 0 WHEN 'subtitle' THEN 1 ELSE 2 END, "
    "CASE WHEN anchor_kind IS NULL THEN 0 ELSE anchor_position END, id"
)


def migrate(
    conn: sqlite3.Connection,
    before_step: Callable[[int], None],
    target: int = SCHEMA_VERSION,
) -> None:
    """Run every step from the file's version up to `target`."""
    sqlite_files.migrate(conn, MIGRATIONS, before_step, target)


def run_step(conn: sqlite3.Connection, version: int) -> None:
    """Upgrade from `version` to `version + 1` in one transaction, or not at all."""
    sqlite_files.run_step(conn, version, MIGRATIONS[version])
