"""The one way to name a database file in an SQLite URI, whatever its folder is called.

A data folder named "C#", "100%" or "a?b" must not cut the path short or turn part of it
into a parameter, so the path is always percent-encoded (`Path.as_uri`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode


def sqlite_uri(path: Path, **parameters: str) -> str:
    """`path` as an SQLite `file:` URI, with `parameters` (such as mode="ro") after it."""
    uri = Path(path).absolute().as_uri()
    return f"{uri}?{urlencode(parameters)}" if parameters else uri
