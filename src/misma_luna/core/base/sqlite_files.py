"""SQLite files the app keeps (notes, words, the library's index): how to name one in a URI,
whatever its folder is called, and how to bring its schema up to date, step by step.

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
