"""A film's poster: an image file named `poster.png` or `poster.jpg` (`.jpeg`) at the top of
its package folder, found when the film is indexed and read within a size cap.

The library shows the film's initial instead when there is none, or when it cannot be read.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.regular_files import check_inside, read_regular_bytes

POSTER_NAMES = ("poster.png", "poster.jpg", "poster.jpeg")
# A poster beyond this many bytes is not read (a cover is a few hundred kilobytes).
MAX_POSTER_BYTES = 4 * 1024 * 1024


def find_poster(folder: Path) -> Path | None:
    """The poster file of the package in `folder`: a regular file inside it, not too large."""
    for name in POSTER_NAMES:
        path = folder / name
        with contextlib.suppress(OSError, MismaLunaError):
            check_inside(path, folder)
            if path.is_file() and path.stat().st_size <= MAX_POSTER_BYTES:
                return path
    return None


def read_poster(path: Path) -> bytes | None:
    """The bytes of the poster at `path`, or None when it cannot be read whole."""
    try:
        return read_regular_bytes(path, MAX_POSTER_BYTES, within=path.parent)
    except (OSError, MismaLunaError):
        return None
