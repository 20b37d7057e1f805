"""Parsed film packages kept on disk, so that opening a film again skips parsing it.

Opening a package folder reads its TOML, decodes and parses its Markdown review and its
catalogs: tens of milliseconds, most of them importing the parsers, on every start. The
cache keeps the resulting `FilmPackage`, every block already rendered as HTML in each of
its languages (so showing it needs no Markdown parser either), stamped with the name, size,
modification and change times and inode of every file the package holds, and a checksum of
its small text files (an edit that keeps the size and puts the time back still shows); any
change to the folder, to the app's version or to Python's makes the stamp differ, and the
package is read again. A cache
file that cannot be read is ignored and rewritten: it is never more than a copy.

Only package folders are cached: a .zip or a bare review is read each time, and so is a
package that loaded with warnings (they must be shown again, as found).

Each use of an entry touches it (once a day at most); when a new entry is written, entries
unused for `UNUSED_DAYS` (a film not opened for months, a folder moved or deleted, a cache
written by an older version) and files left by an interrupted write are removed.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import time
import zlib
from pathlib import Path

from misma_luna import __version__
from misma_luna.core.base.file_kinds import MANIFEST_NAME
from misma_luna.core.base.file_writing import write_whole
from misma_luna.core.base.regular_files import file_stamp
from misma_luna.core.film.loading import load_film
from misma_luna.core.film.package import FilmPackage

# Bump when a class held in the cache changes shape or module, or the review's blocks or
# their rendering change (between releases, __version__ does it). 8: the facts are NamedTuples.
FORMAT = 8
# Folders of a package whose files the stamp covers (the package's own layout).
WATCHED_FOLDERS = ("", "i18n", "subtitles")
# The package's text files (facts, review, catalogs), checksummed into the stamp up to this size.
TEXT_SUFFIXES = (".toml", ".md", ".po")
CHECKSUM_MAX_BYTES = 8 * 1024 * 1024
# Entries not used for this long go when another is written (reading one again costs a parse).
UNUSED_DAYS = 60
DAY_SECONDS = 24 * 60 * 60

Stamp = tuple[object, ...]


class FilmCache:
    """`load()` a film through a cache folder (the platform's cache location, say)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load(self, path: Path) -> FilmPackage:
        """The film at `path`, from the cache when the package has not changed since."""
        folder = _package_folder(path)
        if folder is None:
            return load_film(path)
        stamp = package_stamp(folder)
        entry = self.folder / _entry_name(folder)
        cached = _read(entry, stamp)
        if cached is not None:
            _mark_used(entry)
            return cached
        film = load_film(folder)
        if not film.warnings:
            film.render_all()
            _write(entry, (stamp, film))
            self.prune()
        return film

    def prune(self, now: float | None = None) -> None:
        """Remove entries unused for `UNUSED_DAYS` and temporary files over a day old."""
        now = time.time() if now is None else now
        with contextlib.suppress(OSError), os.scandir(self.folder) as found:
            for entry in found:
                if entry.name.endswith(".pickle"):
                    limit = UNUSED_DAYS * DAY_SECONDS
                elif entry.name.endswith(".tmp"):
                    limit = DAY_SECONDS
                else:
                    continue
                with contextlib.suppress(OSError):
                    if now - entry.stat().st_mtime > limit:
                        os.unlink(entry.path)


def _mark_used(entry: Path) -> None:
    """Touch `entry` so that prune() keeps it; at most once a day (a stat, not a write, on
    most starts)."""
    with contextlib.suppress(OSError):
        if time.time() - entry.stat().st_mtime > DAY_SECONDS:
            os.utime(entry)


def _package_folder(path: Path) -> Path | None:
    """The package folder `path` names (itself or its film.toml), or None."""
    try:
        folder = path.parent if path.name == MANIFEST_NAME else path
        return folder.resolve() if (folder / MANIFEST_NAME).is_file() else None
    except OSError:
        return None


def _entry_name(folder: Path) -> str:
    """The cache file of `folder`: its name (bytes that are not UTF-8 as `?`) and a checksum."""
    # The checksum keeps same-named folders apart; the stamp holds the whole path anyway.
    name = folder.name[:40].encode("utf-8", "replace").decode("utf-8")
    return f"{name}-{zlib.crc32(os.fsencode(folder)):08x}.pickle"


def package_stamp(folder: Path) -> Stamp:
    """What must not have changed for a cached copy of the package at `folder` to hold."""
    files: list[tuple[object, ...]] = []
    for name in WATCHED_FOLDERS:
        with contextlib.suppress(OSError), os.scandir(folder / name) as entries:
            for entry in entries:
                with contextlib.suppress(OSError):
                    files.append((f"{name}/{entry.name}", *_file_stamp(entry)))
    return (FORMAT, __version__, sys.version_info[:2], str(folder), tuple(sorted(files)))


def _file_stamp(entry: os.DirEntry[str]) -> tuple[int, ...]:
    """Size, times, inode and (for a small regular text file) a checksum of the content."""
    limit = CHECKSUM_MAX_BYTES if entry.name.endswith(TEXT_SUFFIXES) else -1
    return file_stamp(entry.path, entry.stat(), limit)


def _read(entry: Path, stamp: Stamp) -> FilmPackage | None:
    try:
        with entry.open("rb") as file:
            found = pickle.load(file)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign cache file: the package is simply read again
        return None
    if (
        isinstance(found, tuple)
        and len(found) == 2
        and found[0] == stamp
        and isinstance(found[1], FilmPackage)
    ):
        return found[1]
    return None


def _write(entry: Path, value: object) -> None:
    """Write `value` whole or not at all; a cache that cannot be written is no error."""
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_whole(entry, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
