"""The reader's dictionaries, dictd and StarDict alike: where the system keeps them, the
folder chosen in the preferences, and one lookup across them all.

Folders are searched once per shelf, a few levels deep and never past a cap on the files
seen, so a huge or looping folder cannot hold up the window. A dictionary that turns out
to be damaged answers with one message naming its file, once, and is not asked again.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.subtitles.cue_text import fold
from misma_luna.core.words.dictionaries import dictd, stardict

# Folders below a chosen one that are searched, and the most names looked at in all.
MAX_DEPTH = 3
MAX_NAMES = 20_000
# Language codes and names in dictionary names ("freedict-spa-eng", "Spanish-English").
_LANGUAGES = {
    "es": "es", "spa": "es", "spanish": "es", "espanol": "es",
    "en": "en", "eng": "en", "english": "en", "ingles": "en",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


class Dictionary(Protocol):
    """What every kind of dictionary answers."""

    source: str
    target: str

    @property
    def name(self) -> str:
        """The name shown above its entries."""
        ...

    def lookup(self, word: str) -> list[str]:
        """The entries for `word`, as plain text."""
        ...


def system_folders() -> list[Path]:
    """Where the system (and StarDict's own programs) keep dictionaries."""
    return [dictd.SYSTEM_FOLDER, *stardict.SYSTEM_FOLDERS]


def find(folders: Iterable[Path]) -> list[Dictionary]:
    """Every dictd and StarDict dictionary in `folders` and their subfolders, once each."""
    found: list[Dictionary] = []
    seen: set[Path] = set()
    for path in _files(folders):
        if path in seen:
            continue
        seen.add(path)
        dictionary: Dictionary | None = None
        if path.name.endswith(".index"):
            dictionary = dictd.dictionary_at(path)
        elif path.name.endswith(".ifo"):
            dictionary = stardict.dictionary_at(path)
        if dictionary is not None:
            dictionary.source, dictionary.target = languages(path, _book_name(dictionary))
            found.append(dictionary)
    return found


def _files(folders: Iterable[Path]) -> Iterable[Path]:
    """The `.index` and `.ifo` files in `folders`, down to `MAX_DEPTH`, sorted per folder."""
    budget = [MAX_NAMES]
    for folder in folders:
        yield from _walk(folder, MAX_DEPTH, budget)


def _walk(folder: Path, depth: int, budget: list[int]) -> Iterable[Path]:
    try:
        with os.scandir(folder) as listing:
            entries = []
            for entry in listing:
                budget[0] -= 1
                if budget[0] < 0:
                    break
                entries.append(entry)
    except OSError:
        return
    for entry in sorted(entries, key=lambda e: e.name):
        try:
            if entry.is_dir(follow_symlinks=False):
                if depth > 0:
                    yield from _walk(Path(entry.path), depth - 1, budget)
            elif entry.name.endswith((".index", ".ifo")) and entry.is_file():
                yield Path(entry.path).absolute()
        except OSError:
            continue


def _book_name(dictionary: Dictionary) -> str:
    """A StarDict book's name (its `.ifo` read now, small), else ""."""
    if not isinstance(dictionary, stardict.Dictionary):
        return ""
    try:
        return dictionary.name
    except MismaLunaError:
        return ""  # the lookup will say what is wrong with it


def languages(path: Path, book: str = "") -> tuple[str, str]:
    """The languages (from, to) a dictionary's file name, folder name or book name gives
    ("freedict-spa-eng", "Spanish-English"), else ("", "")."""
    for name in (path.name, path.parent.name, book):
        words = [_LANGUAGES.get(fold(w)) for w in _WORD.findall(name)]
        for first, second in itertools.pairwise(words):
            if first and second and first != second:
                return first, second
    return "", ""


class Shelf:
    """The dictionaries of the system's folders and of the folder the reader chose, found
    on the first lookup; a damaged one answers with its message once, then is set aside."""

    def __init__(self, chosen: str = "", folders: Sequence[Path] | None = None) -> None:
        self.chosen = chosen
        self.folders = list(system_folders() if folders is None else folders)
        if chosen:
            self.folders.append(Path(chosen))
        self._found: list[Dictionary] | None = None
        self._broken: set[int] = set()

    def dictionaries(self) -> list[Dictionary]:
        """Every dictionary on the shelf."""
        if self._found is None:
            self._found = find(self.folders)
        return self._found

    def look_up(self, words: Sequence[str], language: str) -> list[tuple[str, str]]:
        """(dictionary name, entry) for the first of `words` that any dictionary from
        `language` (or of unknown languages) knows; a damaged one gives its message."""
        for word in dict.fromkeys(w for w in words if w.strip()):
            entries = self._look_up_one(word, language)
            if entries:
                return entries
        return []

    def _look_up_one(self, word: str, language: str) -> list[tuple[str, str]]:
        entries: list[tuple[str, str]] = []
        for number, dictionary in enumerate(self.dictionaries()):
            if number in self._broken or dictionary.source not in ("", language):
                continue
            try:
                entries += [(dictionary.name, entry) for entry in dictionary.lookup(word)]
            except MismaLunaError as error:
                self._broken.add(number)
                entries.append((error.path.name if error.path else "", error.message))
        return entries
