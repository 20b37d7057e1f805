"""Reading a file from outside only when it is a plain file, and never more than a size cap.

FIFOs, devices and sockets are refused before a byte is read (they can block forever or never
end), and so is a link that leads out of the folder the file was found in (a film package).
"""

from __future__ import annotations

import contextlib
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from misma_luna.core.base.errors import TextFileError, cannot_read
from misma_luna.core.base.i18n import _
from misma_luna.core.base.text_decoding import MAX_TEXT_BYTES, DecodedText, decode_bytes

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO that slipped past the first check cannot block
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_READ_CHUNK = 1024 * 1024


def read_regular_text(
    path: Path, limit: int = MAX_TEXT_BYTES, *, within: Path | None = None
) -> DecodedText:
    """Read and decode a plain text file of at most `limit` bytes (see `read_regular_bytes`)."""
    return decode_bytes(read_regular_bytes(path, limit, within=within), path)


def read_regular_bytes(path: Path, limit: int, *, within: Path | None = None) -> bytes:
    """The bytes of the plain file `path`, at most `limit` of them; with `within`, a link
    that leads out of that folder is refused. Raises `TextFileError` naming the file."""
    with open_regular(path, limit, within=within) as stream:
        chunks = []
        left = limit + 1
        while left > 0 and (chunk := stream.read(min(left, _READ_CHUNK))):
            chunks.append(chunk)
            left -= len(chunk)
    if left <= 0:
        raise TextFileError(path, _too_large(limit))
    return b"".join(chunks)


@contextlib.contextmanager
def open_regular(path: Path, limit: int, *, within: Path | None = None) -> Iterator[BinaryIO]:
    """`path` opened for reading once it is known to be a plain file of at most `limit`
    bytes (checked again on the open file, so nothing can be swapped in between)."""
    check_inside(path, within)
    _check_kind(path, _stat(path, path), limit)
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise TextFileError(path, cannot_read(error)) from None
    try:
        _check_kind(path, _stat(path, handle), limit)
        stream = os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise
    with stream:
        try:
            yield stream
        except OSError as error:
            raise TextFileError(path, cannot_read(error)) from None


def check_inside(path: Path, folder: Path | None) -> None:
    """Refuse `path` when it is (or passes through) a link that leads out of `folder`."""
    if folder is None:
        return
    try:
        inside = path.resolve(strict=True).is_relative_to(folder.resolve(strict=True))
    except FileNotFoundError:
        raise TextFileError(path, _("the file does not exist")) from None
    except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links
        raise TextFileError(path, _not_followed(error)) from None
    if not inside:
        raise TextFileError(
            path, _("this is a link to a file outside the film package, so it was not read")
        )


def _stat(path: Path, target: Path | int) -> os.stat_result:
    """What `target` (the path itself or the file opened from it) is, or the app's error."""
    try:
        return os.stat(target)
    except FileNotFoundError:
        raise TextFileError(path, _("the file does not exist")) from None
    except OSError as error:
        raise TextFileError(path, cannot_read(error)) from None


def _check_kind(path: Path, info: os.stat_result, limit: int) -> None:
    """Refuse a folder, anything that is not a plain file, and a file over `limit`."""
    if stat.S_ISDIR(info.st_mode):
        raise TextFileError(path, _("this is a folder, not a file"))
    if not stat.S_ISREG(info.st_mode):
        raise TextFileError(
            path,
            _("this is not an ordinary file (a pipe, a device or a socket), so it was not read"),
        )
    if info.st_size > limit:
        raise TextFileError(
            path,
            _("the file is too large ({size} MB; the limit is {limit} MB)").format(
                size=round(info.st_size / 1048576, 1), limit=_megabytes(limit)
            ),
        )


def _too_large(limit: int) -> str:
    """The file grew past `limit` while it was read (or said it was smaller)."""
    return _("the file is larger than the limit of {limit} MB").format(limit=_megabytes(limit))


def _not_followed(error: Exception) -> str:
    """A link that cannot be followed, said with the system's reason when there is one."""
    if isinstance(error, OSError):
        return cannot_read(error)
    return _("this link cannot be followed (it leads back to itself)")


def _megabytes(count: int) -> str:
    """`5` or `0.5`: a byte count in MB, as short as it can be said."""
    return f"{count / 1048576:.1f}".removesuffix(".0")


def file_stamp(
    path: str | os.PathLike[str], info: os.stat_result, checksum_limit: int
) -> tuple[int, ...]:
    """What tells that a file changed: its size, modification and change times, inode and,
    for a regular file of at most `checksum_limit` bytes, a CRC-32 of its content (-1
    otherwise), so that an edit within one tick of the clock still shows."""
    checksum = -1
    if stat.S_ISREG(info.st_mode) and info.st_size <= checksum_limit:
        with open(path, "rb") as file:  # a regular file: reading it cannot block
            checksum = 0
            while block := file.read(1 << 20):
                checksum = zlib.crc32(block, checksum)
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, checksum)
