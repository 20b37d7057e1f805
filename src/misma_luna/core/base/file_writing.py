"""Writing a file whole or not at all: a temporary file beside it, then one atomic rename.

Exports (notes, subtitles, PDFs), the notes backups and the film cache write this way, so
that a full disk, a crash or a power cut leaves the old file or the new one, never a part.
A target that is a link, a folder, a pipe or a device is refused, never replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from misma_luna.core.base.i18n import _


class UnsafeTargetError(OSError):
    """An output path that is not an ordinary file: writing there would replace something else."""


def check_target(path: Path) -> None:
    """Raise `UnsafeTargetError` when `path` is a link, a folder or not an ordinary file."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return  # nothing there yet (or nothing to see): the write itself will tell
    if stat.S_ISLNK(mode):
        raise UnsafeTargetError(errno.EEXIST, _("it is a link to another file"), str(path))
    if stat.S_ISDIR(mode):
        raise UnsafeTargetError(errno.EISDIR, _("it is a folder"), str(path))
    if not stat.S_ISREG(mode):
        raise UnsafeTargetError(
            errno.EEXIST,
            _("it is not an ordinary file but a pipe, a device or a socket"),
            str(path),
        )


def write_whole(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path` so that `path` holds its old content or all of `data`.

    With `durable`, the data reach the disk before the rename (a copy that can be made
    again, such as a cache, can skip it). Raises OSError (`UnsafeTargetError` for a link, a
    folder or a special file); no temporary file is left behind.
    """
    check_target(path)
    handle, temporary = _reserve(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        _rename(temporary, path, durable)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def whole_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, for a writer that writes a file itself (a PDF, a
    database copy): once the block ends it reaches the disk and becomes `path`.

    If the block raises, the temporary file is removed and `path` keeps its old content.
    Raises OSError when the temporary file cannot be made or kept, `UnsafeTargetError` when `path`
    is a link, a folder or a special file.
    """
    check_target(path)
    handle, temporary = _reserve(path)
    os.close(handle)
    try:
        yield temporary
        _sync(temporary)
        _rename(temporary, path, durable=True)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _reserve(path: Path) -> tuple[int, Path]:
    """Create a new, empty, hidden file beside `path` (with the usual permissions)."""
    folder = path.parent if str(path.parent) else Path(".")
    while True:
        temporary = folder / f".{path.name}.{os.urandom(4).hex()}.tmp"
        with contextlib.suppress(FileExistsError):
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(temporary, flags, 0o666), temporary


def _rename(temporary: Path, path: Path, durable: bool) -> None:
    """Put `temporary` in the place of `path`; with `durable`, make the rename itself last."""
    os.replace(temporary, path)
    if durable:
        with contextlib.suppress(OSError):  # a folder cannot be opened on every system
            _sync(path.parent if str(path.parent) else Path("."))


def _sync(path: Path) -> None:
    """Flush a file (or a folder's entries) to the disk."""
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if path.is_dir() else 0)
    handle = os.open(path, flags)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
