"""Baseline for subtitles: pysubs2 alone parses the two files, and nothing else.

No charset detection, no cleaning, no checks, no alignment: the floor any subtitle
reader built on pysubs2 stands on. Run as a script, it parses the files it is given.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pysubs2


def parse(paths: list[Path]) -> int:
    """Parse every file as UTF-8, tags kept as written (as the app asks); events read."""
    return sum(
        len(pysubs2.load(str(path), encoding="utf-8", keep_html_tags=True)) for path in paths
    )


if __name__ == "__main__":
    print(parse([Path(arg) for arg in sys.argv[1:]]))
