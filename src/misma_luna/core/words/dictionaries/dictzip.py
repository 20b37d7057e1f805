"""The text file of a dictionary (dictd or StarDict): plain, or dictzip, read a piece at a time.

dictzip is gzip whose deflate stream is cut into chunks listed in the header, so one entry
costs one or two chunks, never the whole file. Every size is capped, and a truncated, huge or
hostile file becomes a `DictionaryError` naming it, never a hang or a traceback.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.base.regular_files import open_regular

MAX_INDEX_BYTES = 64 * 1024 * 1024
MAX_DICT_BYTES = 512 * 1024 * 1024
MAX_ENTRY_BYTES = 256 * 1024
# A plain gzip file (no chunk table) is inflated whole, once, up to this size.
MAX_INFLATED_BYTES = 128 * 1024 * 1024
# The gzip header's extra field holds at most 64 KiB; names and comments are short.
_MAX_HEADER_BYTES = 1024 * 1024
# Entries shown for one word, from one dictionary, at most.
MAX_ENTRIES = 5


class DictionaryError(MismaLunaError):
    """A dictionary file that cannot be read."""


def damaged(path: Path) -> DictionaryError:
    """The error for a file whose content makes no sense."""
    return DictionaryError(path, _("the dictionary file is damaged"))


def truncated(path: Path) -> DictionaryError:
    """The error for a file that ends before what its index promises."""
    return DictionaryError(path, _("the dictionary file is truncated"))


def inflate_whole(path: Path, data: bytes) -> bytes:
    """A gzip file's whole content, never more than `MAX_INFLATED_BYTES`."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_INFLATED_BYTES + 1)
    except zlib.error:
        raise damaged(path) from None
    if len(out) > MAX_INFLATED_BYTES:
        raise DictionaryError(path, _("the dictionary file is too large"))
    if not inflater.eof:
        raise truncated(path)
    return out


class TextFile:
    """Random access to a dictionary's `.dict` or `.dict.dz`, opened for each read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._compressed = path.name.endswith(".dz")
        self._chunk_length = 0
        self._starts: list[int] | None = None  # where each chunk begins in the file
        self._whole: bytes | None = None

    def read(self, offset: int, length: int) -> bytes:
        """`length` bytes of the text from `offset`."""
        if length > MAX_ENTRY_BYTES:
            raise DictionaryError(self.path, _("an entry is too large to show"))
        if offset < 0 or length < 0:
            raise damaged(self.path)
        if self._compressed:
            data = self._read_compressed(offset, length)
        else:
            with open_regular(self.path, MAX_DICT_BYTES) as stream:
                stream.seek(offset)
                data = stream.read(length)
        if len(data) < length:
            raise truncated(self.path)
        return data

    def _read_compressed(self, offset: int, length: int) -> bytes:
        if self._starts is None:
            self._read_header()
        starts = self._starts or []
        if not self._chunk_length:
            return self._whole_text()[offset : offset + length]
        first = offset // self._chunk_length
        last = min((offset + length) // self._chunk_length, len(starts) - 2)
        if first > last:
            return b""
        with open_regular(self.path, MAX_DICT_BYTES) as stream:
            stream.seek(starts[first])
            raw = stream.read(starts[last + 1] - starts[first])
        out = bytearray()
        for chunk in range(first, last + 1):
            piece = raw[starts[chunk] - starts[first] : starts[chunk + 1] - starts[first]]
            try:
                out += zlib.decompressobj(-15).decompress(piece, self._chunk_length)
            except zlib.error:
                raise damaged(self.path) from None
        skip = offset - first * self._chunk_length
        return bytes(out[skip : skip + length])

    def _read_header(self) -> None:
        with open_regular(self.path, MAX_DICT_BYTES) as stream:
            head = stream.read(_MAX_HEADER_BYTES)
        try:
            self._chunk_length, self._starts = _chunk_table(head)
        except (struct.error, IndexError, ValueError):
            raise damaged(self.path) from None

    def _whole_text(self) -> bytes:
        if self._whole is None:
            with open_regular(self.path, MAX_DICT_BYTES) as stream:
                self._whole = inflate_whole(self.path, stream.read())
        return self._whole


def _chunk_table(head: bytes) -> tuple[int, list[int]]:
    """The chunk length and where each chunk starts (plus where the last ends), from a
    dictzip header; (0, []) for a plain gzip file. ValueError when it is not gzip."""
    if head[:2] != b"\x1f\x8b":
        raise ValueError("not gzip")
    flags = head[3]
    position = 10
    chunk_length, sizes = 0, []
    if flags & 4:  # FEXTRA: the dictzip chunk table lives here
        extra_length = struct.unpack_from("<H", head, position)[0]
        extra = head[position + 2 : position + 2 + extra_length]
        if len(extra) < extra_length:
            raise ValueError("short header")
        position += 2 + extra_length
        if extra[:2] == b"RA":
            _version, chunk_length, count = struct.unpack_from("<HHH", extra, 4)
            sizes = list(struct.unpack_from(f"<{count}H", extra, 10))
    for flag in (8, 16):  # FNAME, FCOMMENT: zero-terminated
        if flags & flag:
            position = head.index(b"\0", position) + 1
    if flags & 2:
        position += 2
    if not sizes or not chunk_length:
        return 0, []
    starts = [position]
    for size in sizes:
        starts.append(starts[-1] + size)
    return chunk_length, starts
