"""SQLite files the app keeps (notes, words, the library's index): how to name one in a URI,
whatever its folder is called, how to open it (for writing, or read-only), how to tell a
damaged file from a failing disk, how to bring its schema up to date, step by step, and
its backups, with recovery from a damaged file.

Backups are single-file copies made with sqlite3's backup API (daily, the newest seven
kept, plus one before each migration), named after the database ("notes-daily-<day>",
"words-v1-<time>") in a `backups` folder beside it. A damaged file is moved aside, never
deleted, and the newest backup that passes `PRAGMA quick_check` and holds data takes its
place; the copy is made before anything moves, so a full disk leaves the damaged file
where it was.

A data folder named "C#", "100%" or "a?b" must not cut the path short or turn part of it
into a parameter, so the path is always percent-encoded (`Path.as_uri`).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Self
from urllib.parse import urlencode

from misma_luna.core.base.file_writing import whole_path
from misma_luna.core.base.i18n import _


def sqlite_uri(path: Path, **parameters: str) -> str:
    """`path` as an SQLite `file:` URI, with `parameters` (such as mode="ro") after it."""
    uri = Path(path).absolute().as_uri()
    return f"{uri}?{urlencode(parameters)}" if parameters else uri


def fts_query(text: str) -> str:
    """The reader's words as an FTS5 query that cannot fail: each word quoted as a string
    (quotes, `NEAR`, `*` and parentheses are only text), each a prefix, all required."""
    return " ".join(f'"{word}"*' for word in _WORD.findall(text))


_WORD = re.compile(r"\w+", re.UNICODE)


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


@contextmanager
def transaction(
    conn: sqlite3.Connection, failed: Callable[[sqlite3.Error], Exception] | None = None
) -> Iterator[sqlite3.Connection]:
    """One write transaction, all of it or none of it: rolled back when anything in it fails,
    an SQLite error raised as `failed(error)` when given (a store's error naming its file)."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _roll_back(conn)
        if failed is None:
            raise
        raise failed(exc) from exc
    except BaseException:
        _roll_back(conn)
        raise


def _roll_back(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def connect_logged(path: Path) -> sqlite3.Connection:
    """`connect_wal`, with every commit copied into the main file at once, so that a lost or
    deleted -wal loses nothing (notes and words are opened so)."""
    conn = connect_wal(path)
    conn.execute("PRAGMA wal_autocheckpoint = 1")
    return conn


def connect_checked(path: Path) -> tuple[sqlite3.Connection, Recovery | None]:
    """`connect_logged`, after a damaged or emptied file was moved aside and its newest good
    backup put in its place (what was done is returned). Only damage is recovered: errors of
    the disk (full, failing, read-only) propagate, and nothing is moved for them."""
    if not path.exists():
        return connect_logged(path), None
    emptied = path.stat().st_size == 0 and bool(all_backups(path))  # by a crash or a tool
    if not emptied and is_sound(path):
        return connect_logged(path), None
    recovery = recover(path)
    return connect_logged(path), recovery


def is_sound(path: Path) -> bool:
    """Whether `path` passes `integrity_check` and is one of the app's files (a schema
    version, or no table at all: not another database's -wal applied to it); raises for
    errors of the disk."""
    try:
        conn = connect_logged(path)
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            return False
        raise
    try:
        # integrity_check, not quick_check: only it sees indexes that disagree with the table.
        sound = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        return sound and (user_version(conn) > 0 or tables == 0)
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            return False
        raise
    finally:
        conn.close()


# -- backups and recovery

KEEP_DAILY = 7
DAILY = "daily"
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
    """True when `path` is one of our databases (never an empty file) passing `quick_check`."""
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


def daily_backup(db_path: Path, today: dt.date) -> Path | None:
    """Make today's backup unless it exists, then keep only the newest `KEEP_DAILY`.

    The copy is read through a connection of its own, so any thread may make it while the
    database is in use (a large file takes seconds to copy)."""
    folder = backups_dir(db_path)
    dest = folder / f"{db_path.stem}-{DAILY}-{today.isoformat()}.sqlite3"
    made = None
    if not dest.exists():
        source = connect_read_only(db_path)
        try:
            made = copy_database(source, dest)
        finally:
            source.close()
    for old in daily_backups(db_path)[KEEP_DAILY:]:
        old.unlink(missing_ok=True)
    return made


def daily_backups(db_path: Path) -> list[Path]:
    """The daily backups of `db_path`, newest first."""
    folder = backups_dir(db_path)
    return sorted(folder.glob(f"{db_path.stem}-{DAILY}-*.sqlite3"), reverse=True)


def all_backups(db_path: Path) -> list[Path]:
    """Every backup of `db_path` (daily and before migrations), newest first."""
    found = backups_dir(db_path).glob(f"{db_path.stem}-*.sqlite3")
    return sorted(found, key=lambda p: p.stat().st_mtime_ns, reverse=True)


class FileStore:
    """A store kept in one SQLite file of the reader's (the notes, the words): its
    connection, where it lives, whether this process may write it, and its daily backup."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only

    def back_up_daily(self, today: dt.date | None = None) -> str | None:
        """Make today's backup through a connection of its own, so that any thread may call
        it while the store is in use; None when it was made (or nothing needs it), else why
        it could not be."""
        if self.read_only:
            return None
        try:
            daily_backup(self.path, today or dt.date.today())
        except (sqlite3.Error, OSError) as exc:
            return disk_problem(exc, self.path)
        return None

    def close(self) -> None:
        """Close the database (everything is already on disk)."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def backup_before_migrating(
    conn: sqlite3.Connection, db_path: Path, found: int
) -> Callable[[int], None]:
    """What to do before each step of a migration from version `found`: copy the database,
    unless it was new (version 0 holds nothing to lose)."""

    def back_up(version: int) -> None:
        if found > 0:
            migration_backup(conn, db_path, version)

    return back_up


def migration_backup(conn: sqlite3.Connection, db_path: Path, version: int) -> Path:
    """A copy taken just before migrating from `version`."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    name = f"{db_path.stem}-v{version}-{stamp}.sqlite3"
    return copy_database(conn, backups_dir(db_path) / name)


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


# -- disk errors, in the reader's words

# Less free space than this, and an I/O error is taken for a full disk.
LOW_SPACE_BYTES = 1024 * 1024


def is_disk_full(exc: BaseException, path: Path) -> bool:
    """Whether `exc` comes from a full disk: SQLITE_FULL, ENOSPC, or an I/O error on a disk
    with (almost) no free space left."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL" or "database or disk is full" in str(exc):
        return True
    return name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) and _low_on_space(path)


def _low_on_space(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < LOW_SPACE_BYTES
    except OSError:
        return False


def disk_problem(exc: sqlite3.Error | OSError, path: Path) -> str:
    """Why reading or writing the file at `path` failed, in the reader's words."""
    if is_disk_full(exc, path):
        return _("the disk is full")
    name = getattr(exc, "sqlite_errorname", "") or ""
    if isinstance(exc, PermissionError) or name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
        return _("the folder {folder} cannot be written to").format(folder=path.parent)
    if isinstance(exc, OSError) or name.startswith("SQLITE_IOERR"):
        return _("the disk could not be written to")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return _("another program is using {file}").format(file=path)
    return str(exc)
