"""The library: a folder of film packages, one per film id, with an index beside them.

The bundled film is listed from the app's resources, never copied, so that an update of
the app updates it too. A film enters the library whole or not at all: it is written into
a hidden folder beside the others, checked by reading it back, then renamed into place;
a hidden folder left by a crash is removed at the next look.

The index beside them also holds every film's words (and the reader's notes) for one search
across the library; an index found damaged while searching is rebuilt from the packages.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from misma_luna.core.base.errors import FilmError, MismaLunaError, cannot_write
from misma_luna.core.base.file_kinds import MANIFEST_NAME
from misma_luna.core.base.i18n import _
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.base.sqlite_files import fts_query, is_damage
from misma_luna.core.film.package import load_package_dir
from misma_luna.core.library.entry import LibraryEntry, entry_of
from misma_luna.core.library.index import (
    INDEX_NAME,
    SEARCH_LIMIT,
    LibraryIndex,
    decode_entry,
    put,
    remove,
)
from misma_luna.core.library.passages import (
    PassageKind,
    film_passages,
    note_passages,
    notes_mark,
)
from misma_luna.core.notes.note import Note

INCOMING_PREFIX = ".incoming-"
FOLDER_NAME = "films"
# A hidden folder untouched this long was left by a crash, not by an import under way.
ABANDONED_SECONDS = 600
# What of a package the index watches for changes ("" is the package folder itself).
_WATCHED = ("", MANIFEST_NAME, "review.md", "i18n", "subtitles")


@dataclass(frozen=True)
class SearchHit:
    """One passage found: its film, what it is (`PassageKind`), where (a review block id,
    a subtitle line's start in ms, a note id; empty for a title), its language and a
    plain-text snippet around the words found."""

    entry: LibraryEntry
    kind: PassageKind
    place: str
    language: str
    snippet: str

    @property
    def start_ms(self) -> int | None:
        """Where a subtitle line starts, for a subtitle hit."""
        return int(self.place) if self.kind == "subtitle" and self.place.isdigit() else None

    @property
    def note_id(self) -> int | None:
        """The note found, for a note hit."""
        return int(self.place) if self.kind == "note" and self.place.isdigit() else None


def library_root(data_dir: Path) -> Path:
    """The library's folder inside the app's data folder."""
    return data_dir / FOLDER_NAME


class Library:
    """The reader's films under `root`, and the bundled film."""

    def __init__(self, root: Path, bundled: Path | None = None) -> None:
        self.root = root
        self.bundled = bundled if bundled is not None else bundled_film_dir()
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FilmError(root, cannot_write(error)) from None
        with _index_errors(root / INDEX_NAME):
            self.index = LibraryIndex(root / INDEX_NAME)
        self.problems: list[MismaLunaError] = []

    def close(self) -> None:
        """Close the index."""
        self.index.close()

    def entries(self) -> list[LibraryEntry]:
        """Every film, brought up to date with the packages first."""
        self.refresh()
        with _index_errors(self.index.path):
            return self.index.entries()

    def entry(self, film_id: str) -> LibraryEntry:
        """The film with `film_id`, or a FilmError naming the library."""
        for entry in self.entries():
            if entry.id == film_id:
                return entry
        raise FilmError(
            self.root, _("the library has no film with the id “{id}”").format(id=film_id)
        )

    def refresh(self) -> None:
        """Read again every package that changed; forget those that are gone."""
        self.problems = []
        folders = {self.bundled: True} if (self.bundled / MANIFEST_NAME).is_file() else {}
        with os.scandir(self.root) as found:
            children = sorted(found, key=lambda child: child.name)
        for child in children:
            if child.name.startswith(INCOMING_PREFIX):
                _clear_abandoned(Path(child.path))
            elif child.is_dir() and not child.name.startswith("."):
                folders[Path(child.path)] = False
        seen: set[str] = set()
        with _index_errors(self.index.path), self.index.transaction() as conn:
            known = self.index.stamps()
            by_folder: dict[str, tuple[str, str]] = {}
            for film_id, (place, stamp) in known.items():
                by_folder.setdefault(place, (film_id, stamp))
            for folder, bundled in folders.items():
                stamp = _stamp(folder)
                indexed, indexed_stamp = by_folder.get(str(folder), (None, None))
                if indexed is not None and indexed_stamp == stamp:
                    seen.add(indexed)
                    continue
                try:
                    film = load_package_dir(folder)
                    entry = entry_of(film, folder, bundled)
                except MismaLunaError as error:
                    self.problems.append(error)
                    continue
                if entry.id in seen:
                    continue  # the same film twice: the first folder wins
                put(conn, entry, stamp, film_passages(film))
                seen.add(entry.id)
            for gone in set(known) - seen:
                remove(conn, gone)

    def ids(self) -> set[str]:
        """The ids of every film listed."""
        return {entry.id for entry in self.entries()}

    def install(self, fill: Callable[[Path], None], name: str | None = None) -> Path:
        """Let `fill` write a package into a hidden folder, check it, and move it in whole.

        The folder is named after the film's id (or `name`); an id already in the library is
        refused. Returns the package's folder in the library.
        """
        incoming = self.root / f"{INCOMING_PREFIX}{os.urandom(4).hex()}"
        try:
            incoming.mkdir()
            fill(incoming)
            film = load_package_dir(incoming)
            if film.id in self.ids():
                raise FilmError(
                    self.root,
                    _("a film with the id “{id}” is already in the library").format(id=film.id),
                )
            target = self.root / (name or film.id)
            os.rename(incoming, target)
        except OSError as error:
            raise FilmError(self.root, cannot_write(error)) from None
        finally:
            with contextlib.suppress(OSError):
                if incoming.exists():
                    shutil.rmtree(incoming)
        self.refresh()
        return target

    def mark_opened(self, film_id: str) -> None:
        """Remember when `film_id` was last opened: any film, the bundled one included, and
        one not (or not yet) listed, which shows it once it is."""
        with _index_errors(self.index.path):
            self.index.mark_opened(film_id)

    def index_notes(self, notes: Iterable[Note]) -> None:
        """Bring the notes' words in the index up to date with `notes` (every note)."""
        notes = list(notes)
        mark = notes_mark(notes)
        with _index_errors(self.index.path):
            if self.index.notes_mark() != mark:
                self.index.put_notes(note_passages(notes), mark)

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """The passages holding every word of `text` (each as a prefix, accents and case
        ignored), best first. Any text is safe: the words are quoted, never parsed as FTS5.

        An index found damaged is rebuilt from the packages and searched again (the notes'
        words come back at the next `index_notes`)."""
        query = fts_query(text)
        if not query:
            return []
        try:
            rows = self.index.search(query, limit)
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise FilmError(self.index.path, str(error)) from error
            with _index_errors(self.index.path):
                self.index.rebuild()
            self.refresh()
            with _index_errors(self.index.path):
                rows = self.index.search(query, limit)
        return [
            SearchHit(decode_entry(data), kind, place, language, snippet)
            for data, kind, place, language, snippet in rows
        ]


@contextlib.contextmanager
def _index_errors(path: Path) -> Iterator[None]:
    """An index SQLite cannot read or write becomes a FilmError naming it, so that callers
    (the window, the command line) need not know SQL."""
    try:
        yield
    except sqlite3.Error as error:
        raise FilmError(path, str(error)) from error


def _clear_abandoned(folder: Path) -> None:
    """Remove a film half-added before a crash (one still being written is left alone)."""
    with contextlib.suppress(OSError):
        if time.time() - folder.stat().st_mtime > ABANDONED_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)


def _stamp(folder: Path) -> str:
    """What changes when a package's listed facts or words may have changed: the times and
    sizes of its manifest and review, and of its folders, whose times change when a file in
    them is added, removed or written whole (renamed into place), as the app and most
    editors write. Five looks per package, so that a library of a thousand lists quickly."""
    parts = []
    for name in _WATCHED:
        with contextlib.suppress(OSError):
            info = os.stat(os.path.join(folder, name))
            parts.append(f"{name}:{info.st_mtime_ns}:{info.st_size}")
    return "|".join(parts)
