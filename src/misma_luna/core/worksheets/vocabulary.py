"""The scene's words: tokens, base forms (simplemma) and how common they are (wordfreq),
read from files on this machine. The glossary takes the rarest; the gap-fill picks among the
ordinary content words, never names nor the words every sentence has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import simplemma
from wordfreq import zipf_frequency

from misma_luna.core.words.word import Word
from misma_luna.core.worksheets.scene import Scene, SceneLine

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_LETTERS = 3
GAP_MIN_LETTERS = 4
# Zipf frequency (log10 per billion words) above which a word is too common to ask for:
# articles, pronouns, "que", "the", "is".
COMMON_ZIPF = 6.0


@dataclass(frozen=True)
class Token:
    """A word as it stands in a line: where it starts and ends, and its text."""

    start: int
    end: int
    text: str
    sentence_start: bool = False

    @property
    def is_name(self) -> bool:
        """Capitalised away from a sentence's start (a name, most likely), or all capitals
        (a sign, a shout)."""
        shouted = len(self.text) > 1 and self.text.isupper()
        return shouted or (self.text[:1].isupper() and not self.sentence_start)

    @property
    def plain(self) -> str:
        """The word as a word bank lists it: a sentence's capital dropped."""
        return self.text[:1].lower() + self.text[1:] if self.sentence_start else self.text


@dataclass(frozen=True)
class GlossaryEntry:
    """A glossary row: the base form, the word as said, its line and the paired line."""

    lemma: str
    form: str
    line: str
    counterpart: str


def tokens(text: str) -> list[Token]:
    """The words of `text`, the first of each sentence marked as such."""
    found = []
    for match in WORD.finditer(text):
        before = text[: match.start()].rstrip(" \"'“«—-")
        first = not before or before[-1] in ".!?¡¿…"
        found.append(Token(match.start(), match.end(), match.group(), first))
    return found


@lru_cache(maxsize=4096)
def zipf(word: str, language: str) -> float:
    """How common `word` is in `language` (0: unknown; 7: the commonest)."""
    return float(zipf_frequency(word, language))


@lru_cache(maxsize=4096)
def lemma(word: str, language: str) -> str:
    """The base form of `word`: `corriendo` -> `correr`."""
    return str(simplemma.lemmatize(word.lower(), lang=language))


def glossary(
    scene: Scene, size: int, collected: Sequence[str] | None = None
) -> tuple[GlossaryEntry, ...]:
    """The `collected` words found in the scene, in their order; without them, the scene's
    `size` least common words (known to wordfreq, names left out), rarest first."""
    firsts: dict[str, GlossaryEntry] = {}
    rarity: dict[str, float] = {}
    language = scene.language
    for line in scene.lines:
        for token in tokens(line.spoken):
            word = token.text.lower()
            if token.is_name or len(word) < MIN_LETTERS:
                continue
            base = lemma(word, language)
            score = zipf(word, language)
            if base not in firsts:
                firsts[base] = GlossaryEntry(base, word, line.spoken, line.other_spoken)
                rarity[base] = score
            rarity[base] = max(rarity[base], score)
    if collected is not None:
        wanted = [lemma(word, language) for word in collected]
        return tuple(firsts[base] for base in dict.fromkeys(wanted) if base in firsts)
    known = [base for base in firsts if 0 < rarity[base] < COMMON_ZIPF]
    known.sort(key=lambda base: (rarity[base], base))
    return tuple(firsts[base] for base in known[:size])


def collected_in(words: Iterable[Word], language: str) -> list[str]:
    """The words a reader collected in `language` (from the Words store), in their order."""
    return [word.text for word in words if word.language == language]


def gap_candidates(line: SceneLine, language: str) -> list[Token]:
    """The words of a line worth blanking: ordinary content words, no names."""
    return [
        token
        for token in tokens(line.spoken)
        if not token.is_name
        and len(token.text) >= GAP_MIN_LETTERS
        and 0 < zipf(token.text.lower(), language) < COMMON_ZIPF
    ]
