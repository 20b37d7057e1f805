"""Dictionaries: one lookup in FreeDict's real data, as the Words pane makes it.

`Shelf.look_up` on Debian's dict-freedict-spa-eng and dict-freedict-eng-spa (dictd, dictzip)
for headwords drawn from their own indexes, the indexes read once before timing (that time is
given beside the figure). Beside it, for context, the least work a lookup can be: a Python
dict access and a slice of the text already inflated in memory. Without the dictionaries
installed, the figure says so.
"""

from __future__ import annotations

import gzip
import random
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import Figure, absolute_figure, alternate, not_measured

NAME = "Dictionaries: a lookup in FreeDict's real data"
LIMIT_MS = 5.0
FOLDER = Path("/usr/share/dictd")
FILES = ("freedict-spa-eng", "freedict-eng-spa")
LANGUAGES = {"freedict-spa-eng": "es", "freedict-eng-spa": "en"}


def _headwords() -> list[tuple[str, str, str]]:
    """(dictionary, headword, language) for every real headword, in a fixed shuffled order."""
    words = []
    for name in FILES:
        for line in (FOLDER / f"{name}.index").read_text(encoding="utf-8").splitlines():
            word = line.split("\t")[0]
            if word.strip() and not word.startswith("00"):
                words.append((name, word, LANGUAGES[name]))
    random.Random(19).shuffle(words)
    return words


def _bare_side() -> Callable[[str, str], bytes]:
    """A dict access and a slice of the inflated text: what a lookup cannot go below."""
    from misma_luna.core.words.dictionaries.dictd import decode_number

    tables: dict[str, dict[str, tuple[int, int]]] = {}
    texts: dict[str, bytes] = {}
    for name in FILES:
        texts[name] = gzip.decompress((FOLDER / f"{name}.dict.dz").read_bytes())
        table = tables.setdefault(name, {})
        for line in (FOLDER / f"{name}.index").read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3:
                table.setdefault(parts[0], (decode_number(parts[1]), decode_number(parts[2])))

    def look_up(name: str, word: str) -> bytes:
        offset, length = tables[name][word]
        return texts[name][offset : offset + length]

    return look_up


def measure(lookups: int) -> list[Figure]:
    """The lookup figure, or why it cannot be measured here."""
    target = f"≤ {LIMIT_MS:g} ms"
    missing = [name for name in FILES if not (FOLDER / f"{name}.index").is_file()]
    if missing:
        reason = f"FreeDict is not installed: apt-get install dict-{' dict-'.join(missing)}"
        return [not_measured(NAME, "ms", target, reason)]
    from misma_luna.core.words.dictionaries.shelf import Shelf

    shelf = Shelf(folders=[FOLDER])
    started = time.perf_counter()
    shelf.look_up(["casa"], "es")
    shelf.look_up(["house"], "en")
    first_ms = (time.perf_counter() - started) * 1000
    words = _headwords()
    bare = _bare_side()
    turn = [0]
    found: list[bool] = []

    def app() -> float:
        _name, word, language = words[turn[0] % len(words)]
        start = time.perf_counter()
        found.append(bool(shelf.look_up([word], language)))
        return (time.perf_counter() - start) * 1000

    def base() -> float:
        name, word, _language = words[turn[0] % len(words)]
        start = time.perf_counter()
        bare(name, word)
        elapsed = (time.perf_counter() - start) * 1000
        turn[0] += 1
        return elapsed

    app_times, base_times = alternate(app, base, lookups)
    note = (
        f"Shelf.look_up of {lookups} real headwords (es→en, en→es), "
        f"{sum(found[-lookups:])} found; "
        f"indexes read once before: {first_ms:.0f} ms; baseline: dict access + slice in memory"
    )
    return [absolute_figure(NAME, "ms", LIMIT_MS, app_times, base_times, note=note)]
