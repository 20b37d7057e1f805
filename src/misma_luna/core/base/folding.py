"""Text folded for searching: lower case, accents dropped, every character kept in its place.

"México" folds to "mexico" and "ÑANDÚ" to "nandu", one character for one, so a position
found in the folded text is the same position in the original: a find bar can search a
whole review's folded copy at C speed and highlight the original.
"""

from __future__ import annotations

import unicodedata


def _fold_char(char: str) -> str:
    """`char` lowercased and without its accents, when that is still one character."""
    decomposed = unicodedata.normalize("NFD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)) or char
    for candidate in (base.lower(), char.lower()):
        if len(candidate) == 1:
            return candidate
    return char


def fold_in_place(text: str) -> str:
    """`text` folded for search, with the same length (position i stays position i)."""
    table = {ord(c): _fold_char(c) for c in set(text) if not c.isascii() or c.isupper()}
    return text.translate(table)


def find_all(haystack: str, needle: str) -> list[int]:
    """Every start of `needle` in `haystack` (both already folded), left to right."""
    found: list[int] = []
    if not needle:
        return found
    start = haystack.find(needle)
    while start >= 0:
        found.append(start)
        start = haystack.find(needle, start + len(needle))
    return found
