"""NotesStore: the reader's notes in SQLite, written so that nothing typed is lost.

WAL with `synchronous=FULL`, one explicit `BEGIN IMMEDIATE` transaction per change,
`integrity_check` at start (a damaged file is replaced by the newest good backup), a daily
backup, and read-only opening for a file from a newer version or a second instance.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.notes import backup, schema
from misma_luna.core.notes.note import Anchor, Note

DB_NAME = "notes.sqlite3"
_COLUMNS = "id, film_id, body, created, updated, anchor_kind, anchor_id, anchor_position, quote"
_WORD = re.compile(r"\w+", re.UNICODE)


class NotesError(MismaLunaError):
    """The notes database could not be read or written."""


def notes_path(data_dir: Path) -> Path:
    """Where the notes database lives inside the app's data directory."""
    return data_dir / DB_NAME


@dataclass(frozen=True)
class OpenReport:
    """What happened while opening: recovery, or a newer format opened read-only."""

    recovery: backup.Recovery | None = None
    newer_version: int | None = None

    def messages(self) -> list[str]:
        """Sentences for the reader, in the active language."""
        out: list[str] = []
        if self.recovery is not None:
            out.append(recovery_message(self.recovery))
        if self.newer_version is not None:
            out.append(
                _(
                    "Your notes were saved by a newer version of Misma Luna (format {version}). "
                    "They are shown read-only so that nothing is lost; update Misma Luna to "
                    "edit them."
                ).format(version=self.newer_version)
            )
        return out


def recovery_message(recovery: backup.Recovery) -> str:
    """Tell the reader what was done about a damaged notes file."""
    if recovery.restored_from is None:
        return _(
            "The notes file was damaged and there was no good backup, so a new, empty "
            "notes file was started. The damaged file was kept at {damaged}."
        ).format(damaged=recovery.damaged_copy)
    return _(
        "The notes file was damaged. It was kept at {damaged} and your notes were restored "
        "from the backup {backup}; notes written after that backup may be missing."
    ).format(damaged=recovery.damaged_copy, backup=recovery.restored_from.name)


class NotesStore:
    """The reader's notes: add, save, delete, list in reading order, search, back up."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only
        self.report = OpenReport()

    # -- opening and closing

    @classmethod
    def open(cls, path: Path, read_only: bool = False, today: dt.date | None = None) -> NotesStore:
        """Open (creating, migrating or recovering as needed) the notes database at `path`."""
        if read_only:
            return cls._open_read_only(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn, recovery = _connect_checked(path)
        found = schema.user_version(conn)
        if found > schema.SCHEMA_VERSION:
            conn.close()
            store = cls._open_read_only(path)
            store.report = OpenReport(recovery=recovery, newer_version=found)
            return store
        schema.migrate(conn, lambda v: _backup_before(conn, path, v, found))
        backup.daily_backup(conn, path, today or dt.date.today())
        store = cls(conn, path, read_only=False)
        store.report = OpenReport(recovery=recovery)
        return store

    @classmethod
    def _open_read_only(cls, path: Path) -> NotesStore:
        if not path.exists():
            conn = _connect(Path(":memory:"))
            schema.migrate(conn, lambda _v: None)
        else:
            conn = _connect_read_only(path)
        return cls(conn, path, read_only=True)

    def close(self) -> None:
        """Close the database (everything is already on disk)."""
        self._conn.close()

    def __enter__(self) -> NotesStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing

    def add(self, film_id: str, body: str = "", anchor: Anchor | None = None) -> Note:
        """Create a note (pinned to `anchor` when given) and return it."""
        now = _now()
        a = anchor
        with self._write():
            cursor = self._conn.execute(
                "INSERT INTO notes (film_id, body, created, updated, anchor_kind, anchor_id,"
                " anchor_position, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (film_id, body, _iso(now), _iso(now), a and a.kind, a and a.id,
                 a and a.position, a and a.quote),
            )  # fmt: skip
        return Note(int(cursor.lastrowid or 0), film_id, body, now, now, anchor)

    def save(self, note: Note, body: str) -> Note:
        """Store a new body for `note` (the autosave) and return the updated note."""
        now = _now()
        with self._write():
            self._conn.execute(
                "UPDATE notes SET body = ?, updated = ? WHERE id = ?", (body, _iso(now), note.id)
            )
        return replace(note, body=body, updated=now)

    def delete(self, note_id: int) -> None:
        """Remove a note for good."""
        with self._write():
            self._conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))

    @contextmanager
    def _write(self) -> Iterator[None]:
        if self.read_only:
            raise NotesError(self.path, _("the notes are open read-only"))
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _save_error(self.path, exc) from exc
        try:
            yield
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise _save_error(self.path, exc) from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    # -- reading

    def get(self, note_id: int) -> Note | None:
        """The note with `note_id`, if it exists."""
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,))
        found = row.fetchone()
        return _note(found) if found else None

    def notes_for_film(self, film_id: str) -> list[Note]:
        """A film's notes in reading order (by anchor position)."""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM notes WHERE film_id = ? ORDER BY {schema.READING_ORDER}",
            (film_id,),
        )
        return [_note(r) for r in rows]

    def all_notes(self) -> list[Note]:
        """Every note, film by film, each film's in reading order."""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM notes ORDER BY film_id, {schema.READING_ORDER}"
        )
        return [_note(r) for r in rows]

    def film_ids(self) -> list[str]:
        """The films that have notes, sorted."""
        return [r[0] for r in self._conn.execute("SELECT DISTINCT film_id FROM notes ORDER BY 1")]

    def search(self, text: str, film_id: str | None = None) -> list[Note]:
        """Notes whose words (or pinned passage) start with every word of `text`."""
        query = fts_query(text)
        if not query:
            return self.notes_for_film(film_id) if film_id else self.all_notes()
        film_filter = " AND film_id = ?" if film_id else ""
        params: tuple[str, ...] = (query, film_id) if film_id else (query,)
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM notes WHERE id IN "
            f"(SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?){film_filter} "
            f"ORDER BY film_id, {schema.READING_ORDER}",
            params,
        )
        return [_note(r) for r in rows]

    def integrity_check(self) -> bool:
        """True when the whole database passes `PRAGMA integrity_check`."""
        return self._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def fts_query(text: str) -> str:
    """The reader's words as a safe FTS5 query: every word, as a prefix."""
    return " ".join(f'"{word}"*' for word in _WORD.findall(text))


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=5.0)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    # Copy every commit into the main file at once, so a lost or deleted -wal loses nothing.
    conn.execute("PRAGMA wal_autocheckpoint = 1")
    return conn


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Read the notes without writing; on a read-only disk (no -shm can be made), as immutable."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True, isolation_level=None)
    return conn


def _connect_checked(path: Path) -> tuple[sqlite3.Connection, backup.Recovery | None]:
    """Connect, and if `integrity_check` fails, recover from backup and connect again."""
    if path.exists():
        if path.stat().st_size == 0 and backup.all_backups(path):  # emptied by a crash or a tool
            recovery = backup.recover(path)
            return _connect(path), recovery
        try:
            conn = _connect(path)
            # integrity_check, not quick_check: only it sees indexes that disagree with the table.
            if conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)] and _is_ours(conn):
                return conn, None
            conn.close()
        except sqlite3.DatabaseError:
            pass
        recovery = backup.recover(path)
        return _connect(path), recovery
    return _connect(path), None


def _is_ours(conn: sqlite3.Connection) -> bool:
    """False for a sound database that is not a notes file (such as another one's -wal applied)."""
    tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    return schema.user_version(conn) > 0 or tables == 0


def _backup_before(conn: sqlite3.Connection, path: Path, version: int, found: int) -> None:
    if found > 0:
        backup.migration_backup(conn, path, version)


def _save_error(path: Path, exc: sqlite3.Error) -> NotesError:
    name = getattr(exc, "sqlite_errorname", "")
    if name == "SQLITE_FULL":
        reason = _("the disk is full")
    elif name.startswith("SQLITE_READONLY") or name.startswith("SQLITE_CANTOPEN"):
        reason = _("the notes folder cannot be written to")
    elif name.startswith("SQLITE_IOERR"):
        reason = _("the disk could not be written to")
    elif name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        reason = _("another program is using the notes file")
    else:
        reason = str(exc)
    return NotesError(path, _("the note could not be saved: {reason}").format(reason=reason))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def _note(row: tuple[Any, ...]) -> Note:
    (note_id, film_id, body, created, updated, kind, anchor_id, position, quote) = row
    anchor = None
    if kind in {"block", "subtitle"}:
        anchor = Anchor(kind, anchor_id, int(position), quote or "")
    return Note(
        note_id,
        film_id,
        body,
        dt.datetime.fromisoformat(created),
        dt.datetime.fromisoformat(updated),
        anchor,
    )
