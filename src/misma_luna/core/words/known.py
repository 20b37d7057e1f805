"""Words the reader already knows, and each film's words counted, kept in the words database.

A known word is kept as its base form, folded, per language: marked from a collected word or
read from a plain list (one word a line, any encoding the app reads). A film's vocabulary
(its running words counted once, when its subtitles open) lets the library tell its level
without opening the film again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.formatting import format_number, language_name
from misma_luna.core.base.i18n import _, active_language, ngettext
from misma_luna.core.base.regular_files import read_regular_text
from misma_luna.core.words import lexicon
from misma_luna.core.words.coverage import DEFAULT_COMMON, Coverage, coverage_of_counts

if TYPE_CHECKING:
    import sqlite3

# A word list larger than this is not a word list.
MAX_LIST_BYTES = 8 * 1024 * 1024
# At least this share of a list's lines must be one word each.
LIST_SHARE = 0.5
# Words of a list looked up to guess its language.
GUESS_SAMPLE = 2000
MARKED, IMPORTED = "marked", "imported"


@dataclass(frozen=True)
class WordList:
    """The words of a plain list, the lines that were not one word, and its language."""

    words: tuple[str, ...]
    skipped: int
    language: str


@dataclass(frozen=True)
class Imported:
    """What an import added: new base forms, those already known, lines skipped."""

    added: int
    already: int
    skipped: int
    language: str


class KnownWords:
    """The `known` and `film_vocabulary` tables; `WordsStore` brings the connection."""

    if TYPE_CHECKING:
        _conn: sqlite3.Connection
        path: Path

        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def _read(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The known words by language as last read, and SQLite's data_version then: another
        # process's change (`misma-luna words import`) moves it, this store's own drop them.
        self._known_sets: dict[str, frozenset[str]] = {}
        self._known_version = -1

    # -- known words

    def known(self, language: str) -> frozenset[str]:
        """Every word the reader knows in `language`: base forms, folded (read once, then
        kept until they change)."""
        version = int(self._read("PRAGMA data_version").fetchone()[0])
        if version != self._known_version:
            self._known_sets.clear()
            self._known_version = version
        if language not in self._known_sets:
            rows = self._read("SELECT key FROM known WHERE language = ?", (language,))
            self._known_sets[language] = frozenset(str(row[0]) for row in rows)
        return self._known_sets[language]

    def is_known(self, text: str, language: str) -> bool:
        """Whether the reader marked or imported `text` (or its base form) as known."""
        keys = _keys(text, language)
        marks = ",".join("?" * len(keys))
        sql = f"SELECT 1 FROM known WHERE language = ? AND key IN ({marks}) LIMIT 1"
        return bool(keys) and self._read(sql, (language, *keys)).fetchone() is not None

    def set_known(self, text: str, language: str, known: bool = True) -> None:
        """Mark `text` (kept as its base form) known, or no longer known."""
        keys = _keys(text, language)
        if not keys:
            return
        self._known_sets.pop(language, None)
        with self._write():
            if known:
                self._conn.execute(
                    "INSERT OR IGNORE INTO known (language, key, source, created)"
                    " VALUES (?, ?, ?, ?)",
                    (language, keys[0], MARKED, timestamp()),
                )
            else:
                marks = ",".join("?" * len(keys))
                self._conn.execute(
                    f"DELETE FROM known WHERE language = ? AND key IN ({marks})",
                    (language, *keys),
                )

    def add_known(self, words: Iterable[str], language: str) -> tuple[int, int]:
        """Add `words` (as base forms) to the known words in one transaction: how many were
        new, and how many were known already."""
        keys = list(dict.fromkeys(key for word in words for key in _keys(word, language)[:1]))
        before = self.known(language)
        fresh = [key for key in keys if key not in before]
        stamp = timestamp()
        self._known_sets.pop(language, None)
        with self._write():
            self._conn.executemany(
                "INSERT OR IGNORE INTO known (language, key, source, created) VALUES (?, ?, ?, ?)",
                [(language, key, IMPORTED, stamp) for key in fresh],
            )
        return len(fresh), len(keys) - len(fresh)

    def import_known(self, path: Path, language: str = "") -> Imported:
        """Read the plain list at `path` and add its words; `language` else guessed."""
        found = read_word_list(path, language)
        added, already = self.add_known(found.words, found.language)
        return Imported(added, already, found.skipped, found.language)

    # -- films' vocabularies

    def save_vocabulary(self, film_id: str, language: str, counts: Mapping[str, int]) -> None:
        """Keep how often each word runs in the film's track in `language` (replacing)."""
        with self._write():
            self._conn.execute(
                "DELETE FROM film_vocabulary WHERE film_id = ? AND language = ?",
                (film_id, language),
            )
            self._conn.executemany(
                "INSERT INTO film_vocabulary (film_id, language, word, count) VALUES (?, ?, ?, ?)",
                [(film_id, language, word, int(n)) for word, n in counts.items() if n > 0],
            )

    def vocabulary(self, film_id: str, language: str) -> dict[str, int]:
        """The film's track in `language`, its words counted (empty when never opened)."""
        sql = "SELECT word, count FROM film_vocabulary WHERE film_id = ? AND language = ?"
        return {str(word): int(n) for word, n in self._read(sql, (film_id, language))}

    def film_coverages(self, common: int = DEFAULT_COMMON) -> dict[str, dict[str, Coverage]]:
        """Each counted film's coverage per language, for the words the reader knows now
        (every film's counts read in one query)."""
        counts: dict[tuple[str, str], dict[str, int]] = {}
        rows = self._read("SELECT film_id, language, word, count FROM film_vocabulary")
        for film_id, language, word, n in rows:
            counts.setdefault((str(film_id), str(language)), {})[str(word)] = int(n)
        films: dict[str, dict[str, Coverage]] = {}
        for (film_id, language), counted in sorted(counts.items()):
            coverage = coverage_of_counts(counted, language, self.known(language), common)
            films.setdefault(film_id, {})[language] = coverage
        return films

    def film_coverage(self, film_id: str, common: int = DEFAULT_COMMON) -> list[Coverage]:
        """The coverage of each counted track of one film, in the order of `LANGUAGES`."""
        return [
            coverage_of_counts(counts, language, self.known(language), common)
            for language in lexicon.LANGUAGES
            if (counts := self.vocabulary(film_id, language))
        ]


def read_word_list(path: Path, language: str = "") -> WordList:
    """The words of a plain list (one a line; what follows a tab is ignored); a file that
    is not such a list raises `MismaLunaError` naming it."""
    try:
        text = read_regular_text(path, MAX_LIST_BYTES).text
    except MismaLunaError:
        raise
    except OSError as exc:
        raise MismaLunaError(path, _("the list could not be read: {reason}").format(
            reason=exc.strerror or exc)) from exc  # fmt: skip
    words, skipped = [], 0
    for line in text.split("\n"):
        entry = line.split("\t", 1)[0].strip().lstrip("\ufeff")
        if not entry or entry.startswith("#"):
            continue
        found = lexicon.tokens(entry)
        if len(found) == 1 and not found[0][:1].isdigit() and len(entry) <= len(found[0]) + 2:
            words.append(found[0])
        else:
            skipped += 1
    if not words or len(words) < LIST_SHARE * (len(words) + skipped):
        raise MismaLunaError(path, _("this is not a list of words, one word a line"))
    language = language or guess_language(words)
    if not language:
        raise MismaLunaError(path, _("the words of this list are neither Spanish nor English"))
    return WordList(tuple(words), skipped, language)


def imported_message(done: Imported, path: Path) -> str:
    """What an import added, in the active language, as one or more sentences."""
    ui = active_language()
    language = language_name(done.language, ui)
    # TRANSLATORS: {count} is a number of words, {language} a language's name ("Spanish"),
    # {file} the list's file name.
    parts = [
        ngettext(
            "{count} new word you know in {language} added from {file}.",
            "{count} new words you know in {language} added from {file}.",
            done.added,
        ).format(count=format_number(done.added, ui), language=language, file=path.name)
    ]
    if done.already:
        parts.append(ngettext(
            "{count} was already among them.", "{count} were already among them.", done.already
        ).format(count=format_number(done.already, ui)))  # fmt: skip
    if done.skipped:
        parts.append(ngettext(
            "{count} line was not a single word and was left out.",
            "{count} lines were not single words and were left out.", done.skipped,
        ).format(count=format_number(done.skipped, ui)))  # fmt: skip
    return " ".join(parts)


def guess_language(words: Iterable[str]) -> str:
    """The language (of `lexicon.LANGUAGES`) in which `words` are the most used, or "" when
    none of them is used in any."""
    sample = list(words)[:GUESS_SAMPLE]
    scores = {
        language: sum(lexicon.zipf(word, language) for word in sample)
        for language in lexicon.LANGUAGES
    }
    best = max(scores, key=lambda language: scores[language])
    return best if scores[best] else ""


def _keys(text: str, language: str) -> list[str]:
    """The folded base form of `text`, then the text itself folded if it differs."""
    keys = [lexicon.key(lexicon.base_form(text, language)), lexicon.key(text)]
    return [key for key in dict.fromkeys(keys) if key]


def timestamp() -> str:
    """The time now, as the words database stores it."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
