"""The library: a folder of film packages, one per film id, with an index beside them.

The bundled film is listed from the app's resources, never copied, so that an update of
the app updates it too. A film enters the library whole or not at all: it is written into
a hidden folder beside the others, checked by reading it back, then renamed into place;
a hidden folder left by a crash is removed at the next look.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from misma_luna.core.base.errors import FilmError, MismaLunaError, cannot_write
from misma_luna.core.base.file_kinds import MANIFEST_NAME
from misma_luna.core.base.i18n import _
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.package import load_package_dir
from misma_luna.core.library.entry import LibraryEntry, entry_of
from misma_luna.core.library.index import INDEX_NAME, LibraryIndex, put

INCOMING_PREFIX = ".incoming-"
FOLDER_NAME = "films"
# A hidden folder untouched this long was left by a crash, not by an import under way.
ABANDONED_SECONDS = 600


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
        for folder in sorted(self.root.iterdir()):
            if folder.name.startswith(INCOMING_PREFIX):
                _clear_abandoned(folder)
            elif folder.is_dir() and not folder.name.startswith("."):
                folders[folder] = False
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
                    entry = entry_of(load_package_dir(folder), folder, bundled)
                except MismaLunaError as error:
                    self.problems.append(error)
                    continue
                if entry.id in seen:
                    continue  # the same film twice: the first folder wins
                put(conn, entry, stamp)
                seen.add(entry.id)
            for gone in set(known) - seen:
                conn.execute("DELETE FROM films WHERE id = ?", (gone,))

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
        """Remember when `film_id` was last opened (a film outside the library is ignored)."""
        with _index_errors(self.index.path):
            self.index.mark_opened(film_id)


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
    """What changes when a package's listed facts may have changed: its files' times and sizes."""
    parts = []
    for path in (folder / MANIFEST_NAME, folder / "review.md", *sorted(folder.glob("i18n/*.po"))):
        with contextlib.suppress(OSError):
            info = path.stat()
            parts.append(f"{path.name}:{info.st_mtime_ns}:{info.st_size}")
    return "|".join(parts)
