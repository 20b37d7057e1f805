"""Backups of the notes database and recovery from a damaged file.

Backups are single-file copies made with sqlite3's backup API (daily, the newest seven
kept, plus one before each migration). A damaged file is moved aside, never deleted, and
the newest backup that passes `PRAGMA quick_check` and holds notes takes its place; the
copy is made before anything moves, so a full disk leaves the damaged file where it was.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from misma_luna.core.base.file_writing import whole_path
from misma_luna.core.base.sqlite_files import sqlite_uri

KEEP_DAILY = 7
DAILY_PREFIX = "notes-daily-"
SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Recovery:
    """What was done about a damaged database: where it went, what replaced it."""

    damaged_copy: Path
    restored_from: Path | None


def backups_dir(db_path: Path) -> Path:
    """Where the backups of `db_path` are kept."""
    return db_path.parent / "backups"


def is_healthy(path: Path) -> bool:
    """True when `path` is a notes database (never an empty file) passing `quick_check`."""
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    except sqlite3.Error:
        return False
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return rows == [("ok",)] and tables > 0 and version > 0


def copy_database(source: sqlite3.Connection, dest: Path) -> Path:
    """Copy an open database to `dest` as one self-contained file, atomically."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with whole_path(dest) as partial:
        _copy_into(source, partial)
    return dest


def _copy_into(source: sqlite3.Connection, partial: Path) -> None:
    """Copy `source` into the new file `partial` (one file, no journal left beside it)."""
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def daily_backup(conn: sqlite3.Connection, db_path: Path, today: dt.date) -> Path | None:
    """Make today's backup unless it exists, then keep only the newest `KEEP_DAILY`."""
    folder = backups_dir(db_path)
    dest = folder / f"{DAILY_PREFIX}{today.isoformat()}.sqlite3"
    made = None if dest.exists() else copy_database(conn, dest)
    for old in daily_backups(db_path)[KEEP_DAILY:]:
        old.unlink(missing_ok=True)
    return made


def daily_backups(db_path: Path) -> list[Path]:
    """The daily backups of `db_path`, newest first."""
    folder = backups_dir(db_path)
    return sorted(folder.glob(f"{DAILY_PREFIX}*.sqlite3"), reverse=True)


def all_backups(db_path: Path) -> list[Path]:
    """Every backup of `db_path` (daily and before migrations), newest first."""
    found = backups_dir(db_path).glob("notes-*.sqlite3")
    return sorted(found, key=lambda p: p.stat().st_mtime_ns, reverse=True)


def migration_backup(conn: sqlite3.Connection, db_path: Path, version: int) -> Path:
    """A copy taken just before migrating from `version`."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    return copy_database(conn, backups_dir(db_path) / f"notes-v{version}-{stamp}.sqlite3")


def recover(db_path: Path) -> Recovery:
    """Move a damaged database aside and put the newest good backup in its place.

    The backup is copied beside the database first: if that fails (a full disk), nothing
    has moved and the error propagates.
    """
    candidate = next((c for c in all_backups(db_path) if is_healthy(c)), None)
    if candidate is None:
        return Recovery(move_aside(db_path), None)
    source = sqlite3.connect(sqlite_uri(candidate, mode="ro"), uri=True)
    try:
        with whole_path(db_path) as partial:
            _copy_into(source, partial)
            damaged = move_aside(db_path)
    finally:
        source.close()
    return Recovery(damaged, candidate)


def move_aside(db_path: Path) -> Path:
    """Rename the database (and its WAL files) to a dated name beside it; return the new path."""
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    folder = db_path.parent / "damaged"
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"{db_path.stem}-damaged-{stamp}{db_path.suffix}"
    counter = 1
    while dest.exists():
        counter += 1
        dest = folder / f"{db_path.stem}-damaged-{stamp}-{counter}{db_path.suffix}"
    os.replace(db_path, dest)
    for suffix in SIDE_FILES:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, dest.with_name(dest.name + suffix))
    return dest
