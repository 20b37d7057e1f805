"""NotesStore: the reader's notes in SQLite, written so that nothing typed is lost.

WAL with `synchronous=FULL`, one explicit `BEGIN IMMEDIATE` transaction per change,
`integrity_check` at start (a damaged file is replaced by the newest good backup), a daily
backup, and read-only opening for a file from a newer version or a second instance. A full
or failing disk is never taken for damage: the notes open read-only, untouched, and say so.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from misma_luna.core.base import sqlite_files
from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.notes import schema
from misma_luna.core.notes.note import Anchor, Note

DB_NAME = "notes.sqlite3"
_COLUMNS = "id, film_id, body, created, updated, anchor_kind, anchor_id, anchor_position, quote"
_PREVIEW_COLUMNS = (
    "id, film_id, substr(body, 1, ?), created, updated, anchor_kind, anchor_id, "
    "anchor_position, substr(quote, 1, ?)"
)
# Characters of a note's body (and of its quote) that a listing carries.
PREVIEW_CHARS = 2000
# The most notes a search lists (the best matches first).
SEARCH_LIMIT = 500


class NotesError(MismaLunaError):
    """The notes database could not be read or written."""


def notes_path(data_dir: Path) -> Path:
    """Where the notes database lives inside the app's data directory."""
    return data_dir / DB_NAME


@dataclass(frozen=True)
class OpenReport:
    """What happened while opening: recovery, or a newer format opened read-only."""

    recovery: sqlite_files.Recovery | None = None
    newer_version: int | None = None
    # Why the notes could not be opened for writing (a full disk...): shown read-only.
    unwritable: str | None = None
    # Why today's backup could not be made; the notes themselves are fine.
    backup_failed: str | None = None

    def messages(self) -> list[str]:
        """Sentences for the reader, in the active language."""
        out: list[str] = []
        if self.recovery is not None:
            out.append(recovery_message(self.recovery))
        if self.unwritable is not None:
            out.append(
                _(
                    "Your notes could not be opened for writing ({reason}). They are shown "
                    "read-only and nothing was changed or moved; free some space or fix the "
                    "disk, then start Misma Luna again to write notes."
                ).format(reason=self.unwritable)
            )
        if self.backup_failed is not None:
            out.append(backup_failed_message(self.backup_failed))
        if self.newer_version is not None:
            out.append(
                _(
                    "Your notes were saved by a newer version of Misma Luna (format {version}). "
                    "They are shown read-only so that nothing is lost; update Misma Luna to "
                    "edit them."
                ).format(version=self.newer_version)
            )
        return out


def backup_failed_message(reason: str) -> str:
    """What to tell the reader when today's backup could not be made, and why."""
    return _(
        "Today's backup of your notes could not be made ({reason}). Your notes "
        "are safe and still saved as you write; free some disk space so that the "
        "next backup can be made."
    ).format(reason=reason)


def recovery_message(recovery: sqlite_files.Recovery) -> str:
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


class NotesStore(sqlite_files.FileStore):
    """The reader's notes: add, save, delete, list in reading order, search, back up."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        super().__init__(conn, path, read_only)
        self.report = OpenReport()

    # -- opening and closing

    @classmethod
    def open(
        cls,
        path: Path,
        read_only: bool = False,
        today: dt.date | None = None,
        *,
        back_up: bool = True,
    ) -> NotesStore:
        """Open (creating, migrating or recovering as needed) the notes database at `path`,
        and make today's backup unless `back_up` is False (the app makes it on a worker
        thread, with `back_up_daily`, so that a large database never holds the window)."""
        if read_only:
            return cls._open_read_only(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn, recovery = sqlite_files.connect_checked(path)
        except (sqlite3.Error, OSError) as exc:
            return cls._open_unwritable(path, exc)
        found = sqlite_files.user_version(conn)
        if found > schema.SCHEMA_VERSION:
            conn.close()
            store = cls._open_read_only(path)
            store.report = OpenReport(recovery=recovery, newer_version=found)
            return store
        try:
            schema.migrate(conn, sqlite_files.backup_before_migrating(conn, path, found))
        except (sqlite3.Error, OSError) as exc:
            conn.close()
            return cls._open_unwritable(path, exc)
        store = cls(conn, path, read_only=False)
        failed = store.back_up_daily(today) if back_up else None
        store.report = OpenReport(recovery=recovery, backup_failed=failed)
        return store

    @classmethod
    def _open_read_only(cls, path: Path) -> NotesStore:
        if not path.exists():
            conn = sqlite3.connect(":memory:", isolation_level=None)
            schema.migrate(conn, lambda _v: None)
        else:
            try:
                conn = sqlite_files.connect_read_only(path)
            except sqlite3.Error as exc:
                raise NotesError(
                    path,
                    _("the notes could not be read: {reason}").format(
                        reason=sqlite_files.disk_problem(exc, path)
                    ),
                ) from exc
        return cls(conn, path, read_only=True)

    @classmethod
    def _open_unwritable(cls, path: Path, exc: sqlite3.Error | OSError) -> NotesStore:
        """The notes read-only, untouched, with the reason they could not be written."""
        store = cls._open_read_only(path)
        store.report = OpenReport(unwritable=sqlite_files.disk_problem(exc, path))
        return store

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

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction; a failure is a `NotesError` naming the file."""
        if self.read_only:
            raise NotesError(self.path, _("the notes are open read-only"))
        return sqlite_files.transaction(self._conn, lambda exc: _save_error(self.path, exc))

    # -- reading

    def get(self, note_id: int) -> Note | None:
        """The note with `note_id`, if it exists."""
        row = self._read(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,))
        found = row.fetchone()
        return _note(found) if found else None

    def notes_for_film(self, film_id: str) -> list[Note]:
        """A film's notes in reading order (by anchor position)."""
        rows = self._read(
            f"SELECT {_COLUMNS} FROM notes WHERE film_id = ? ORDER BY {schema.READING_ORDER}",
            (film_id,),
        )
        return [_note(r) for r in rows]

    def all_notes(self) -> list[Note]:
        """Every note, film by film, each film's in reading order."""
        rows = self._read(f"SELECT {_COLUMNS} FROM notes ORDER BY film_id, {schema.READING_ORDER}")
        return [_note(r) for r in rows]

    def counts(self, film_id: str | None = None) -> dict[str, int]:
        """How many notes each film has (only `film_id`'s when given)."""
        where = " WHERE film_id = ?" if film_id else ""
        params: tuple[str, ...] = (film_id,) if film_id else ()
        rows = self._read(f"SELECT film_id, count(*) FROM notes{where} GROUP BY film_id", params)
        return {str(film): int(count) for film, count in rows}

    def film_ids(self) -> list[str]:
        """The films that have notes, sorted."""
        return [r[0] for r in self._read("SELECT DISTINCT film_id FROM notes ORDER BY 1")]

    def iter_notes(self, film_id: str | None = None) -> Iterator[Note]:
        """A film's notes (or every note) in reading order, one at a time, for exports."""
        where = " WHERE film_id = ?" if film_id else ""
        params: tuple[str, ...] = (film_id,) if film_id else ()
        rows = self._read(
            f"SELECT {_COLUMNS} FROM notes{where} ORDER BY film_id, {schema.READING_ORDER}",
            params,
        )
        for row in rows:
            yield _note(row)

    def previews(self, film_id: str | None = None) -> list[Note]:
        """Notes for a list: in reading order, each body and quote cut to `PREVIEW_CHARS`
        (`get()` gives a note whole)."""
        where = " WHERE film_id = ?" if film_id else ""
        params: tuple[str, ...] = (film_id,) if film_id else ()
        rows = self._read(
            f"SELECT {_PREVIEW_COLUMNS} FROM notes{where} ORDER BY film_id, {schema.READING_ORDER}",
            (PREVIEW_CHARS, PREVIEW_CHARS, *params),
        )
        return [_note(r) for r in rows]

    def search(
        self, text: str, film_id: str | None = None, limit: int = SEARCH_LIMIT
    ) -> list[Note]:
        """Notes whose words (or pinned passage) start with every word of `text`: the best
        `limit` matches, in reading order, bodies and quotes cut as in `previews()`."""
        query = sqlite_files.fts_query(text)
        if not query:
            return self.previews(film_id)
        film_filter = " AND film_id = ?" if film_id else ""
        params: tuple[object, ...] = (query, film_id) if film_id else (query,)
        rows = self._read(
            f"SELECT {_PREVIEW_COLUMNS} FROM notes WHERE id IN "
            f"(SELECT notes.id FROM notes_fts JOIN notes ON notes.id = notes_fts.rowid "
            f"WHERE notes_fts MATCH ?{film_filter} ORDER BY rank LIMIT ?) "
            f"ORDER BY film_id, {schema.READING_ORDER}",
            (PREVIEW_CHARS, PREVIEW_CHARS, *params, limit),
        )
        return [_note(r) for r in rows]

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        """Run a query; a file this version cannot read is a `NotesError`, not a crash."""
        try:
            return self._conn.execute(sql, params)
        except sqlite3.Error as exc:
            reason = sqlite_files.disk_problem(exc, self.path)
            raise NotesError(
                self.path, _("the notes could not be read: {reason}").format(reason=reason)
            ) from exc

    def integrity_check(self) -> bool:
        """True when the whole database passes `PRAGMA integrity_check`."""
        return self._read("PRAGMA integrity_check").fetchall() == [("ok",)]


def _save_error(path: Path, exc: sqlite3.Error) -> NotesError:
    reason = sqlite_files.disk_problem(exc, path)
    return NotesError(path, _("the note could not be saved: {reason}").format(reason=reason))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def _note(row: tuple[Any, ...]) -> Note:
    """A row as a Note; odd values another program wrote are shown, not fatal."""
    (note_id, film_id, body, created, updated, kind, anchor_id, position, quote) = row
    anchor = None
    if kind in {"block", "subtitle"}:
        anchor = Anchor(kind, _text(anchor_id), _integer(position), _text(quote))
    return Note(
        _integer(note_id),
        _text(film_id),
        _text(body),
        _moment(created),
        _moment(updated),
        anchor,
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _integer(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return 0
    try:
        return int(value)
    except (ValueError, OverflowError):
        return 0


def _moment(value: object) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(_text(value))
    except ValueError:
        return dt.datetime.fromtimestamp(0, dt.UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
