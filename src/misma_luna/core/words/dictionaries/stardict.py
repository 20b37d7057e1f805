"""Dictionaries the reader has, in the StarDict format: `.ifo`, `.idx(.gz)`, `.dict(.dz)`, `.syn`.

The `.ifo` names the dictionary and says how its index and entries are laid out; the index
(and the synonyms, when there are any) is read once, on the first lookup, into a table by
folded headword, so a lookup is one table access and one read of the text (`dictzip`).
Entries are shown as plain text: markup is taken apart here, pictures and sounds left out.
"""

from __future__ import annotations

import html
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from misma_luna.core.base.i18n import _
from misma_luna.core.base.regular_files import read_regular_bytes
from misma_luna.core.subtitles.cue_text import fold
from misma_luna.core.words.dictionaries.dictzip import (
    MAX_ENTRIES,
    MAX_INDEX_BYTES,
    DictionaryError,
    TextFile,
    damaged,
    inflate_whole,
    truncated,
)

SYSTEM_FOLDERS = (Path("/usr/share/stardict/dic"), Path.home() / ".stardict" / "dic")
MAGIC = "StarDict's dict ifo file"
_MAX_IFO_BYTES = 64 * 1024
# Kinds of field that hold text; the others (pictures, sounds, resources) are left out.
_PLAIN_KINDS = "mlty"
_MARKUP_KINDS = "ghxkw"
_BREAKS = re.compile(r"<\s*/?\s*(?:br|p|div|li|tr|h\d)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_BLANK_LINES = re.compile(r"\n\s*\n\s*\n+")


@dataclass
class Info:
    """What a `.ifo` says: the book's name and how its files are laid out."""

    name: str
    offset_bytes: int = 4
    types: str = ""  # sametypesequence: the kinds every entry holds, without type marks


def read_info(path: Path) -> Info:
    """The `.ifo` at `path`; `DictionaryError` when it is not a StarDict `.ifo`."""
    text = read_regular_bytes(path, _MAX_IFO_BYTES).decode("utf-8", errors="replace")
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != MAGIC:
        raise DictionaryError(path, _("this is not a StarDict .ifo file"))
    values = dict(line.split("=", 1) for line in lines[1:] if "=" in line)
    bits = values.get("idxoffsetbits", "32").strip()
    if bits not in ("32", "64"):
        raise damaged(path)
    types = values.get("sametypesequence", "").strip()
    return Info(values.get("bookname", "").strip() or path.stem, int(bits) // 8, types)


def parse_index(path: Path, data: bytes, offset_bytes: int) -> list[tuple[str, int, int]]:
    """Every (headword, offset, size) of an `.idx`, in its order."""
    layout = ">QI" if offset_bytes == 8 else ">II"
    width = struct.calcsize(layout)
    entries = []
    position, end = 0, len(data)
    while position < end:
        stop = data.find(b"\0", position)
        if stop < 0 or stop + 1 + width > end:
            raise truncated(path)
        offset, size = struct.unpack_from(layout, data, stop + 1)
        entries.append((data[position:stop].decode("utf-8", errors="replace"), offset, size))
        position = stop + 1 + width
    return entries


def parse_synonyms(path: Path, data: bytes, count: int) -> list[tuple[str, int]]:
    """Every (synonym, headword number) of a `.syn`; numbers past the index are dropped."""
    synonyms = []
    position, end = 0, len(data)
    while position < end:
        stop = data.find(b"\0", position)
        if stop < 0 or stop + 5 > end:
            raise truncated(path)
        (number,) = struct.unpack_from(">I", data, stop + 1)
        if number < count:
            synonyms.append((data[position:stop].decode("utf-8", errors="replace"), number))
        position = stop + 5
    return synonyms


def entry_text(data: bytes, types: str) -> str:
    """An entry's text fields as plain text, one paragraph each."""
    parts = []
    for kind, value in _fields(data, types):
        if kind in _PLAIN_KINDS:
            parts.append(value.decode("utf-8", errors="replace").strip())
        elif kind in _MARKUP_KINDS:
            parts.append(markup_to_text(value.decode("utf-8", errors="replace")))
    return "\n\n".join(part for part in parts if part)


def _fields(data: bytes, types: str) -> list[tuple[str, bytes]]:
    """(kind, bytes) for each field: with `types`, the kinds are given and the last field
    runs to the end; without, each field starts with its kind. Text kinds (lower case) end
    at a zero byte, the others start with their size."""
    fields = []
    position, end = 0, len(data)
    kinds = list(types)
    while position < end:
        if types:
            if not kinds:
                break
            kind = kinds.pop(0)
            last = not kinds
        else:
            kind, last = chr(data[position]), False
            position += 1
        if last:
            fields.append((kind, data[position:]))
            break
        if kind.islower():
            stop = data.find(b"\0", position)
            stop = end if stop < 0 else stop
            fields.append((kind, data[position:stop]))
            position = stop + 1
        else:
            if position + 4 > end:
                break
            (size,) = struct.unpack_from(">I", data, position)
            fields.append((kind, data[position + 4 : position + 4 + size]))
            position += 4 + size
    return fields


def markup_to_text(markup: str) -> str:
    """Pango, HTML or XDXF markup as plain text: line breaks kept, tags dropped, entities read."""
    text = _TAG.sub("", _BREAKS.sub("\n", markup))
    return _BLANK_LINES.sub("\n\n", html.unescape(text)).strip()


@dataclass
class Dictionary:
    """One StarDict dictionary: its files, name and languages, and its index once read."""

    ifo_path: Path
    idx_path: Path
    dict_path: Path
    syn_path: Path | None = None
    source: str = ""
    target: str = ""
    _info: Info | None = field(default=None, repr=False)
    _places: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _index: dict[str, list[int]] | None = field(default=None, repr=False)
    _text: TextFile | None = field(default=None, repr=False)

    @property
    def info(self) -> Info:
        """What the `.ifo` says (read once)."""
        if self._info is None:
            self._info = read_info(self.ifo_path)
        return self._info

    @property
    def name(self) -> str:
        """The book's name as the `.ifo` gives it."""
        return self.info.name

    def lookup(self, word: str) -> list[str]:
        """The entries for `word` or a synonym of it (case and accents ignored), as text."""
        numbers = self._load_index().get(fold(word.strip()), [])
        return [self._entry(*self._places[number]) for number in numbers[:MAX_ENTRIES]]

    def _load_index(self) -> dict[str, list[int]]:
        if self._index is None:
            data = read_regular_bytes(self.idx_path, MAX_INDEX_BYTES)
            if self.idx_path.name.endswith(".gz"):
                data = inflate_whole(self.idx_path, data)
            entries = parse_index(self.idx_path, data, self.info.offset_bytes)
            index: dict[str, list[int]] = {}
            for number, (word, offset, size) in enumerate(entries):
                self._places.append((offset, size))
                index.setdefault(fold(word.strip()), []).append(number)
            if self.syn_path is not None:
                data = read_regular_bytes(self.syn_path, MAX_INDEX_BYTES)
                for word, number in parse_synonyms(self.syn_path, data, len(entries)):
                    numbers = index.setdefault(fold(word.strip()), [])
                    if number not in numbers:
                        numbers.append(number)
            self._index = index
        return self._index

    def _entry(self, offset: int, size: int) -> str:
        if self._text is None:
            self._text = TextFile(self.dict_path)
        return entry_text(self._text.read(offset, size), self.info.types)


def dictionary_at(ifo: Path) -> Dictionary | None:
    """The StarDict dictionary described by `ifo`, when its index and text are beside it."""
    stem = ifo.name[: -len(".ifo")]
    idx = _first(ifo.with_name(stem + suffix) for suffix in (".idx", ".idx.gz"))
    text = _first(ifo.with_name(stem + suffix) for suffix in (".dict.dz", ".dict"))
    if idx is None or text is None:
        return None
    syn = ifo.with_name(stem + ".syn")
    return Dictionary(ifo, idx, text, syn if syn.is_file() else None)


def _first(paths: Iterable[Path]) -> Path | None:
    return next((path for path in paths if path.is_file()), None)
