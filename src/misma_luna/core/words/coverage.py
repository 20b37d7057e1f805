"""How much of a track a reader will follow: the share of running words they likely know.

A word counts as known when it is among the `N` most common words of its language
(wordfreq) or the reader collected it (or its base form). The coverage research sets the
wording: 95% of running words known reads comfortably; under 80% is hard going.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from misma_luna.core.base.i18n import _
from misma_luna.core.words import lexicon

DEFAULT_COMMON = 2000
COMFORTABLE = 0.95
HARD = 0.80


@dataclass(frozen=True)
class Coverage:
    """Running words of a track, and how many of them are known."""

    language: str
    words: int
    known: int

    @property
    def share(self) -> float:
        """Known running words over all of them (0 for an empty track)."""
        return self.known / self.words if self.words else 0.0

    def verdict(self) -> str:
        """What the share means for reading, in the active language."""
        if self.share >= COMFORTABLE:
            return _("comfortable")
        if self.share < HARD:
            return _("hard going")
        return _("some effort")


def coverage(
    lines: Iterable[str], language: str, collected: AbstractSet[str], common: int = DEFAULT_COMMON
) -> Coverage:
    """The coverage of `lines` in `language` for a reader who knows `collected` (folded)."""
    top = lexicon.most_common(language, common)
    words = known = 0
    for line in lines:
        for token in lexicon.tokens(line):
            if token[:1].isdigit():
                continue
            words += 1
            known += _known(token.lower(), language, top, collected)
    return Coverage(language, words, known)


def _known(word: str, language: str, top: frozenset[str], collected: AbstractSet[str]) -> bool:
    """Whether `word` (lower case) is common, or collected as written or as its base form."""
    if word in top or lexicon.key(word) in collected:
        return True
    return lexicon.key(lexicon.base_form(word, language)) in collected
