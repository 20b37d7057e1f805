"""Dictionaries the reader has, in the dictd / FreeDict format: `.index` plus `.dict(.dz)`.

The index gives each headword an offset and a length in base64 digits; the text is plain or
dictzip (gzip whose chunks can be read alone, so one entry costs one chunk, never the file).
A truncated, huge or hostile file becomes a `DictionaryError` naming it, never a hang.
"""

from __future__ import annotations

import gzip
import re
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.base.regular_files import open_regular, read_regular_bytes
from misma_luna.core.subtitles.cue_text import fold

SYSTEM_FOLDER = Path("/usr/share/dictd")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUE = {char: value for value, char in enumerate(_B64)}
MAX_INDEX_BYTES = 64 * 1024 * 1024
MAX_DICT_BYTES = 512 * 1024 * 1024
MAX_ENTRY_BYTES = 256 * 1024
# Entries shown for one word, at most.
MAX_ENTRIES = 5
# ISO 639-3 codes in FreeDict names ("freedict-spa-eng") and the app's codes for them.
_LANGUAGES = {"spa": "es", "eng": "en", "es": "es", "en": "en"}
_PAIR = re.compile(r"(?:^|[-_])([a-z]{2,3})[-_]([a-z]{2,3})$")


class DictionaryError(MismaLunaError):
    """A dictionary file that cannot be read."""


def decode_number(digits: str) -> int:
    """A dictd base64 number ("BAC" -> 4098); ValueError for a digit outside the alphabet."""
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
    _reader: _DictZip | None = field(default=None, repr=False)

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
            index: dict[str, list[tuple[int, int]]] = {}
            for line in raw.decode("utf-8", errors="replace").splitlines():
                parts = line.split("\t")
                if len(parts) < 3 or parts[0].startswith("00-database"):
                    continue
                try:
                    place = (decode_number(parts[1]), decode_number(parts[2]))
                except ValueError:
                    continue
                index.setdefault(fold(parts[0]), []).append(place)
            self._index = index
        return self._index

    def _entry(self, offset: int, length: int) -> str:
        if length > MAX_ENTRY_BYTES:
            raise DictionaryError(self.dict_path, _("an entry is too large to show"))
        if self.dict_path.suffix == ".dz":
            if self._reader is None:
                self._reader = _DictZip(self.dict_path)
            data = self._reader.read(offset, length)
        else:
            with open_regular(self.dict_path, MAX_DICT_BYTES) as stream:
                stream.seek(offset)
                data = stream.read(length)
        if len(data) < length:
            raise DictionaryError(self.dict_path, _("the dictionary file is truncated"))
        return data.decode("utf-8", errors="replace").strip()


class _DictZip:
    """Random access to a `.dict.dz`: the chunk table from gzip's extra field, else whole."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data = read_regular_bytes(path, MAX_DICT_BYTES)
        self._whole: bytes | None = None
        self._chunks: list[int] = []
        self._chunk_length = 0
        self._first = 0
        try:
            self._read_header()
        except (struct.error, IndexError, ValueError):
            raise DictionaryError(path, _("the dictionary file is damaged")) from None

    def _read_header(self) -> None:
        data = self._data
        if data[:2] != b"\x1f\x8b":
            raise ValueError("not gzip")
        flags = data[3]
        position = 10
        if flags & 4:  # FEXTRA: the dictzip chunk table lives here
            extra_length = struct.unpack_from("<H", data, position)[0]
            extra = data[position + 2 : position + 2 + extra_length]
            position += 2 + extra_length
            if extra[:2] == b"RA":
                _version, self._chunk_length, count = struct.unpack_from("<HHH", extra, 4)
                self._chunks = list(struct.unpack_from(f"<{count}H", extra, 10))
        for flag in (8, 16):  # FNAME, FCOMMENT: zero-terminated
            if flags & flag:
                position = data.index(b"\0", position) + 1
        if flags & 2:
            position += 2
        self._first = position

    def read(self, offset: int, length: int) -> bytes:
        """`length` bytes of the text from `offset`."""
        if not self._chunks or not self._chunk_length:
            return self._whole_text()[offset : offset + length]
        first, last = offset // self._chunk_length, (offset + length) // self._chunk_length
        out = bytearray()
        starts = [self._first]
        for size in self._chunks:
            starts.append(starts[-1] + size)
        for chunk in range(first, min(last, len(self._chunks) - 1) + 1):
            try:
                compressed = self._data[starts[chunk] : starts[chunk + 1]]
                piece = zlib.decompressobj(-15).decompress(compressed)
            except zlib.error:
                raise DictionaryError(self.path, _("the dictionary file is damaged")) from None
            out += piece
        skip = offset - first * self._chunk_length
        return bytes(out[skip : skip + length])

    def _whole_text(self) -> bytes:
        if self._whole is None:
            try:
                self._whole = gzip.decompress(self._data)
            except (OSError, EOFError, zlib.error):
                raise DictionaryError(self.path, _("the dictionary file is damaged")) from None
        return self._whole


def find_dictionaries(folders: list[Path]) -> list[Dictionary]:
    """Every dictd dictionary (an `.index` beside a `.dict` or `.dict.dz`) in `folders`."""
    found: list[Dictionary] = []
    for folder in folders:
        try:
            indexes = sorted(folder.glob("*.index")) if folder.is_dir() else []
        except OSError:
            continue
        for index in indexes:
            for suffix in (".dict.dz", ".dict"):
                text = index.with_name(index.stem + suffix)
                if text.is_file():
                    source, target = _languages(index.stem)
                    found.append(Dictionary(index, text, source, target))
                    break
    return found


def _languages(name: str) -> tuple[str, str]:
    match = _PAIR.search(name.lower())
    if not match:
        return "", ""
    return _LANGUAGES.get(match.group(1), ""), _LANGUAGES.get(match.group(2), "")


def look_up(dictionaries: list[Dictionary], word: str, language: str) -> list[tuple[str, str]]:
    """(dictionary name, entry) for `word` in every dictionary from `language` (or unknown)."""
    entries: list[tuple[str, str]] = []
    for dictionary in dictionaries:
        if dictionary.source not in ("", language):
            continue
        entries += [(dictionary.name, entry) for entry in dictionary.lookup(word)]
    return entries
