"""WordsStore: the reader's collected words in SQLite, kept as safely as their notes.

WAL with `synchronous=FULL` and every commit copied into the main file, one `BEGIN
IMMEDIATE` transaction per change, `user_version` migrations with a backup before each, a
daily backup, `integrity_check` at start (a damaged file is moved aside and the newest good
backup takes its place, and the reader is told once), and read-only opening for the command
line or a newer format. The backups are the notes' own (`core/base/sqlite_files`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from misma_luna.core.base import sqlite_files
from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.subtitles.cue_text import fold
from misma_luna.core.words import lexicon, schema
from misma_luna.core.words.counterparts import Suggestion
from misma_luna.core.words.known import KnownWords, timestamp
from misma_luna.core.words.word import Sighting, Word

DB_NAME = "words.sqlite3"
_COLUMNS = (
    "id, film_id, text, base, language, zipf, line, paired_line, paired_language, time_ms, "
    "meaning, counterpart, confidence, created"
)
_ORDER = "ORDER BY film_id, time_ms IS NULL, time_ms, id"


class WordsError(MismaLunaError):
    """The words database could not be read or written."""


def words_path(data_dir: Path) -> Path:
    """Where the words database lives inside the app's data directory."""
    return data_dir / DB_NAME


class WordsStore(KnownWords, sqlite_files.FileStore):
    """Collect, correct, delete, list and search the reader's words."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        super().__init__(conn, path, read_only)
        # What happened at opening, for the reader (a damaged file set aside...).
        self.notice = ""

    @classmethod
    def open(
        cls,
        path: Path,
        read_only: bool = False,
        today: dt.date | None = None,
        *,
        back_up: bool = True,
    ) -> WordsStore:
        """Open (creating, migrating, or recovering a damaged file from its newest good
        backup) the words at `path`, and make today's backup unless `back_up` is False (the
        app makes it on a worker thread, with `back_up_daily`)."""
        if read_only:
            return cls._open_read_only(path)
        notices: list[str] = []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn, recovery = sqlite_files.connect_checked(path)
            if recovery is not None:
                notices.append(recovery_message(recovery))
            found = sqlite_files.user_version(conn)
            if found > schema.SCHEMA_VERSION:
                conn.close()
                store = cls._open_read_only(path)
                notices.append(_("Your words were saved by a newer version of Misma Luna."))
                store.notice = "\n\n".join(notices)
                return store
            schema.migrate(conn, sqlite_files.backup_before_migrating(conn, path, found))
        except (sqlite3.Error, OSError) as exc:
            raise WordsError(path, _("the words could not be opened: {reason}").format(
                reason=sqlite_files.disk_problem(exc, path))) from exc  # fmt: skip
        store = cls(conn, path, read_only=False)
        failed = store.back_up_daily(today) if back_up else None
        if failed is not None:
            notices.append(backup_failed_message(failed))
        store.notice = "\n\n".join(notices)
        return store

    @classmethod
    def _open_read_only(cls, path: Path) -> WordsStore:
        try:
            if path.exists():
                conn = sqlite_files.connect_read_only(path)
            else:
                conn = sqlite3.connect(":memory:", isolation_level=None)
                schema.migrate(conn)
        except sqlite3.Error as exc:
            raise WordsError(path, _("the words could not be read: {reason}").format(
                reason=sqlite_files.disk_problem(exc, path))) from exc  # fmt: skip
        return cls(conn, path, read_only=True)

    # -- writing

    def collect(
        self, sighting: Sighting, suggestion: Suggestion | None = None
    ) -> tuple[Word, bool]:
        """Save a word seen in a line; the word and True, or the one already there and False."""
        key = lexicon.key(sighting.text)
        if not key:
            raise WordsError(None, _("there is no word to collect in the selection"))
        found = self._find(sighting.film_id, key)
        if found is not None:
            return found, False
        s = sighting
        base = lexicon.base_form(s.text, s.language)
        zipf = lexicon.zipf(s.text, s.language)
        counterpart = suggestion.word if suggestion else ""
        confidence = suggestion.confidence if suggestion else 0.0
        with self._write():
            cursor = self._conn.execute(
                "INSERT INTO words (film_id, key, text, base, language, zipf, line, paired_line,"
                " paired_language, time_ms, counterpart, confidence, folded, created)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (s.film_id, key, s.text.strip(), base, s.language, zipf, s.line, s.paired_line,
                 s.paired_language, s.time_ms, counterpart, confidence,
                 _folded(s.text, base, "", counterpart), timestamp()),
            )  # fmt: skip
        word = self.get(int(cursor.lastrowid or 0))
        assert word is not None
        return word, True

    def update(self, word: Word, *, meaning: str | None = None, counterpart: str | None = None,
               confidence: float | None = None) -> Word:  # fmt: skip
        """Store the reader's meaning or chosen counterpart for `word`."""
        meaning = word.meaning if meaning is None else meaning
        counterpart = word.counterpart if counterpart is None else counterpart
        confidence = word.confidence if confidence is None else confidence
        with self._write():
            self._conn.execute(
                "UPDATE words SET meaning = ?, counterpart = ?, confidence = ?, folded = ?"
                " WHERE id = ?",
                (meaning, counterpart, confidence,
                 _folded(word.text, word.base, meaning, counterpart), word.id),
            )  # fmt: skip
        updated = self.get(word.id)
        return updated if updated is not None else word

    def delete(self, word_id: int) -> None:
        """Remove a word for good."""
        with self._write():
            self._conn.execute("DELETE FROM words WHERE id = ?", (word_id,))

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction; a failure is a `WordsError` naming the file."""
        if self.read_only:
            raise WordsError(self.path, _("the words are open read-only"))
        return sqlite_files.transaction(self._conn, self._save_error)

    def _save_error(self, exc: sqlite3.Error) -> WordsError:
        reason = sqlite_files.disk_problem(exc, self.path)
        return WordsError(
            self.path, _("the word could not be saved: {reason}").format(reason=reason)
        )

    # -- reading

    def get(self, word_id: int) -> Word | None:
        """The word with `word_id`, if it exists."""
        row = self._read(f"SELECT {_COLUMNS} FROM words WHERE id = ?", (word_id,)).fetchone()
        return _word(row) if row else None

    def _find(self, film_id: str, key: str) -> Word | None:
        sql = f"SELECT {_COLUMNS} FROM words WHERE film_id = ? AND key = ?"
        row = self._read(sql, (film_id, key)).fetchone()
        return _word(row) if row else None

    def words(self, film_id: str | None = None, search: str = "") -> list[Word]:
        """A film's words (or all), in the order they come in the film; with `search`, only
        those whose word, base form, meaning or counterpart holds it (accent-blind)."""
        clauses, params = [], []
        if film_id is not None:
            clauses.append("film_id = ?")
            params.append(film_id)
        for part in fold(search).split():
            escaped = part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("folded LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._read(f"SELECT {_COLUMNS} FROM words{where} {_ORDER}", tuple(params))
        return [_word(row) for row in rows]

    def film_ids(self) -> list[str]:
        """The films that have words, sorted."""
        return [str(r[0]) for r in self._read("SELECT DISTINCT film_id FROM words ORDER BY 1")]

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise WordsError(self.path, _("the words could not be read: {reason}").format(
                reason=sqlite_files.disk_problem(exc, self.path))) from exc  # fmt: skip


def recovery_message(recovery: sqlite_files.Recovery) -> str:
    """Tell the reader what was done about a damaged words file."""
    if recovery.restored_from is None:
        return _(
            "The words file was damaged and there was no good backup, so a new, empty one "
            "was started. The damaged file was kept at {damaged}."
        ).format(damaged=recovery.damaged_copy)
    return _(
        "The words file was damaged. It was kept at {damaged} and your words were restored "
        "from the backup {backup}; words collected after that backup may be missing."
    ).format(damaged=recovery.damaged_copy, backup=recovery.restored_from.name)


def backup_failed_message(reason: str) -> str:
    """What to tell the reader when today's backup of the words could not be made."""
    return _(
        "Today's backup of your words could not be made ({reason}). Your words "
        "are safe and still saved as you collect them."
    ).format(reason=reason)


def _folded(*parts: str) -> str:
    return fold(" ".join(parts))


def _word(row: tuple[Any, ...]) -> Word:
    """A row as a Word; odd values another program wrote are shown, not fatal."""
    (word_id, film_id, text, base, language, zipf, line, paired, paired_language, time_ms,
     meaning, counterpart, confidence, created) = row  # fmt: skip
    try:
        moment = dt.datetime.fromisoformat(str(created))
    except ValueError:
        moment = dt.datetime.fromtimestamp(0, dt.UTC)
    return Word(
        int(word_id), str(film_id), str(text), str(base or ""), str(language or ""),
        float(zipf or 0), str(line or ""), str(paired or ""), str(paired_language or ""),
        None if time_ms is None else int(time_ms), str(meaning or ""), str(counterpart or ""),
        float(confidence or 0), moment,
    )  # fmt: skip
