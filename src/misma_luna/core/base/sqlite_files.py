"""SQLite files the app keeps (notes, words, the library's index): how to name one in a URI,
whatever its folder is called, how to open it (for writing, or read-only), how to tell a
damaged file from a failing disk, and how to bring its schema up to date, step by step.

A data folder named "C#", "100%" or "a?b" must not cut the path short or turn part of it
into a parameter, so the path is always percent-encoded (`Path.as_uri`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlencode


def sqlite_uri(path: Path, **parameters: str) -> str:
    """`path` as an SQLite `file:` URI, with `parameters` (such as mode="ro") after it."""
    uri = Path(path).absolute().as_uri()
    return f"{uri}?{urlencode(parameters)}" if parameters else uri


def connect_wal(path: Path) -> sqlite3.Connection:
    """Open (or create) the file at `path` for writing: autocommit, write-ahead log, and
    every commit synced to disk."""
    conn = sqlite3.connect(sqlite_uri(path), uri=True, isolation_level=None, timeout=5.0)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Read the file at `path` without writing; on a read-only disk (no -shm can be made),
    as immutable."""
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(
            sqlite_uri(path, mode="ro", immutable="1"), uri=True, isolation_level=None
        )
    return conn


# Error names that mean the file's content is damaged (any other error is the disk's).
_DAMAGE_ERRORS = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether `exc` says the file's content is damaged (not that the disk failed)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name:
        return name.startswith(_DAMAGE_ERRORS)
    return "malformed" in str(exc) or "not a database" in str(exc)


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version written in the file's header."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: sqlite3.Connection,
    migrations: Sequence[Sequence[str]],
    before_step: Callable[[int], None] | None = None,
    target: int | None = None,
) -> None:
    """Run every step from the file's version up to `target` (all of `migrations` by
    default), each in one transaction, whole or not at all."""
    for version in range(user_version(conn), len(migrations) if target is None else target):
        if before_step is not None:
            before_step(version)
        run_step(conn, version, migrations[version])


def run_step(conn: sqlite3.Connection, version: int, statements: Sequence[str]) -> None:
    """Upgrade from `version` to `version + 1` in one transaction, or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version + 1:d}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
