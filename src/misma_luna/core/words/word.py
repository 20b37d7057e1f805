"""A collected word: what the reader picked, where it was seen, and what they know of it.

A `Sighting` is what a pane hands over when the reader collects (the selection, its line and
the paired line); a `Word` is what the store keeps, with its base form, frequency and meaning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from misma_luna.core.words import lexicon


@dataclass(frozen=True)
class Sighting:
    """A word or phrase as the reader selected it, in its line and beside the paired line."""

    text: str
    language: str
    line: str
    film_id: str
    paired_line: str = ""
    paired_language: str = ""
    time_ms: int | None = None


@dataclass(frozen=True)
class Word:
    """A collected word as stored."""

    id: int
    film_id: str
    text: str
    base: str
    language: str
    zipf: float
    line: str
    paired_line: str
    paired_language: str
    time_ms: int | None
    meaning: str
    counterpart: str
    confidence: float
    created: dt.datetime

    @property
    def band(self) -> str:
        """How common it is: `lexicon.TOP`, `COMMON`, `UNCOMMON` or `RARE`."""
        return lexicon.band(self.text, self.language, self.zipf)

    @property
    def key(self) -> str:
        """The word folded: one per film in the store, and the Anki note's identity."""
        return lexicon.key(self.text)


def highlight_spans(line: str, text: str) -> list[tuple[int, int]]:
    """Where `text` (a word or a phrase, any case, any accents) stands in `line`."""
    wanted = lexicon.key(text).split()
    if not wanted:
        return []
    places = lexicon.spans(line)
    words = [lexicon.key(line[start:end]) for start, end in places]
    found: list[tuple[int, int]] = []
    size = len(wanted)
    for index in range(len(words) - size + 1):
        if words[index : index + size] == wanted:
            found.append((places[index][0], places[index + size - 1][1]))
    return found
