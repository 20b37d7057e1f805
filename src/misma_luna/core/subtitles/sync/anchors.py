"""Words two languages share in one line: numbers, names and cognate stems, as sync anchors.

"Son las 10, doña Chela" and "It's 10, Doña Chela" share `10` and `chela`; "la policía"
and "the police" share the stem `polic`. Rare shared words tie a cue to its translation.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from misma_luna.core.subtitles.tracks import Cue

STEM = 5  # letters kept of a long word: cognates share their first five (hospital, problem)
RARE = 3  # a word seen more often than this in a track anchors nothing

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Long words common to both languages' everyday speech but not translations of each other.
_FALSE_FRIENDS = frozenset({"there", "where", "never", "state", "sobre", "comer"})


@lru_cache(maxsize=16384)
def _fold(word: str) -> str:
    """Lower case without accents: `Policía` -> `policia`."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=16384)  # sync and pairing both ask, for every line of both tracks
def anchor_words(text: str) -> frozenset[str]:
    """The numbers, capitalised names and long-word stems of a line of dialogue."""
    found: set[str] = set()
    first = True
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isdigit():
            found.add(word.lstrip("0") or "0")
        elif len(word) >= STEM + 1:
            stem = _fold(word)[:STEM]
            if stem not in _FALSE_FRIENDS:
                found.add(stem)
        elif word[0].isupper() and not first and len(word) >= 3:
            found.add(_fold(word))  # a short name inside the sentence: Ana, Paco, Lima
        first = text[match.end() : match.end() + 2].strip()[:1] in {".", "?", "!", "¿", "¡"}
    return frozenset(found)


def track_anchors(cues: Sequence[Cue]) -> list[frozenset[str]]:
    """Each cue's anchor words, keeping only those rare in the track."""
    words = [anchor_words(cue.text) for cue in cues]
    counts = Counter(word for found in words for word in found)
    return [frozenset(w for w in found if counts[w] <= RARE) for found in words]


def anchor_pairs(
    left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]
) -> list[tuple[int, int, int]]:
    """(left index, right index, shared words) for cues sharing rare anchor words."""
    where: dict[str, list[int]] = {}
    for index, found in enumerate(left):
        for word in found:
            where.setdefault(word, []).append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for j, found in enumerate(right):
        for word in found:
            for i in where.get(word, ()):
                shared[i, j] += 1
    return [(i, j, count) for (i, j), count in shared.items()]
