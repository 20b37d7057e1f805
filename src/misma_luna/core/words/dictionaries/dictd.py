"""Dictionaries the reader has, in the dictd / FreeDict format: `.index` plus `.dict(.dz)`.

The index gives each headword an offset and a length in base64 digits; it is read once, on
the first lookup, into a table by folded headword, so a lookup is one table access and one
read of the text (`dictzip`). A truncated, huge or hostile file becomes a `DictionaryError`
naming it, never a hang.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from misma_luna.core.base.regular_files import read_regular_bytes
from misma_luna.core.subtitles.cue_text import fold
from misma_luna.core.words.dictionaries.dictzip import MAX_ENTRIES, MAX_INDEX_BYTES, TextFile

SYSTEM_FOLDER = Path("/usr/share/dictd")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUE = {char: value for value, char in enumerate(_B64)}
# Headwords that describe the dictionary itself ("00-database-info", "00databaseurl").
_ABOUT = ("00-database", "00database")


def decode_number(digits: str) -> int:
    """A dictd base64 number ("BAC" -> 4098); ValueError for a digit outside the alphabet."""
    if not digits or len(digits) > 12:
        raise ValueError(digits)
    value = 0
    for char in digits:
        if char not in _B64_VALUE:
            raise ValueError(char)
        value = value * 64 + _B64_VALUE[char]
    return value


@dataclass
class Dictionary:
    """One dictd dictionary: its name, languages and index (read on first lookup)."""

    index_path: Path
    dict_path: Path
    source: str = ""
    target: str = ""
    _index: dict[str, list[tuple[int, int]]] | None = field(default=None, repr=False)
    _text: TextFile | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        """The dictionary's file name without its suffix."""
        return self.index_path.stem

    def lookup(self, word: str) -> list[str]:
        """The entries for `word` (case and accents ignored), as plain text."""
        places = self._load_index().get(fold(word.strip()), [])
        return [self._entry(offset, length) for offset, length in places[:MAX_ENTRIES]]

    def _load_index(self) -> dict[str, list[tuple[int, int]]]:
        if self._index is None:
            raw = read_regular_bytes(self.index_path, MAX_INDEX_BYTES)
            self._index = parse_index(raw.decode("utf-8", errors="replace"))
        return self._index

    def _entry(self, offset: int, length: int) -> str:
        if self._text is None:
            self._text = TextFile(self.dict_path)
        return self._text.read(offset, length).decode("utf-8", errors="replace").strip()


def parse_index(text: str) -> dict[str, list[tuple[int, int]]]:
    """Each folded headword of a `.index` and where its entries are; odd lines skipped."""
    index: dict[str, list[tuple[int, int]]] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0].startswith(_ABOUT):
            continue
        try:
            place = (decode_number(parts[1]), decode_number(parts[2]))
        except ValueError:
            continue
        index.setdefault(fold(parts[0].strip()), []).append(place)
    return index


def dictionary_at(index: Path) -> Dictionary | None:
    """The dictd dictionary whose index is `index`, when its text file is beside it."""
    for suffix in (".dict.dz", ".dict"):
        text = index.with_name(index.stem + suffix)
        if text.is_file():
            return Dictionary(index, text)
    return None
