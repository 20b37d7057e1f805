"""Writing a file whole or not at all: a temporary file beside it, then one atomic rename.

Exports (notes, subtitles) and the film cache write this way, so that a full disk, a
crash or a power cut leaves the old file or the new one, never a part of either.
"""

from __future__ import annotations

import os
from pathlib import Path


def write_whole(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path` so that `path` holds its old content or all of `data`.

    With `durable`, the data reach the disk before the rename (a copy that can be made
    again, such as a cache, can skip it). Raises OSError; no temporary file is left behind.
    """
    import tempfile  # not on the first paint's path: only when something is written

    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
