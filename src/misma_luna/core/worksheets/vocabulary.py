"""The scene's words for a worksheet: the glossary takes the rarest, the gap-fill picks among
the ordinary content words, never names nor the words every sentence has. Tokens, base forms
and how common a word is come from `core.words.lexicon`, offline.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from misma_luna.core.words import lexicon
from misma_luna.core.words.word import Word
from misma_luna.core.worksheets.scene import Scene, SceneLine

MIN_LETTERS = 3
GAP_MIN_LETTERS = 4
# Zipf frequency (log10 per billion words) above which a word is too common to ask for:
# articles, pronouns, "que", "the", "is".
COMMON_ZIPF = 6.0


class Token(lexicon.Token):
    """A word of a line as a worksheet sees it: a name to leave out, a word for the bank."""

    @property
    def is_name(self) -> bool:
        """Capitalised away from a sentence's start (a name, most likely), or all capitals
        (a sign, a shout)."""
        shouted = len(self.text) > 1 and self.text.isupper()
        return shouted or self.looks_like_name

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
    """The words of `text` (numbers left out), the first of each sentence marked as such."""
    return [
        Token(token.start, token.end, token.text, token.sentence_start)
        for token in lexicon.placed_tokens(text)
        if not token.is_number
    ]


def glossary(
    scene: Scene, size: int, collected: Sequence[str] | None = None
) -> tuple[GlossaryEntry, ...]:
    """The `collected` words found in the scene, in their order; without them, the scene's
    `size` least common words worth learning (in the language's dictionary and known to
    wordfreq; names, sounds and misspellings left out), rarest first."""
    firsts: dict[str, GlossaryEntry] = {}
    rarity: dict[str, float] = {}
    language = scene.language
    for line in scene.lines:
        for token in tokens(line.spoken):
            word = token.text.lower()
            if token.is_name or len(word) < MIN_LETTERS:
                continue
            base = lexicon.base_form(word, language)
            if base not in firsts:
                firsts[base] = GlossaryEntry(base, word, line.spoken, line.other_spoken)
            if collected is None:
                rarity[base] = max(rarity.get(base, 0.0), lexicon.learning_zipf(word, language))
    if collected is not None:  # the reader's choice, whatever the dictionary says
        wanted = [lexicon.base_form(word, language) for word in collected]
        return tuple(firsts[base] for base in dict.fromkeys(wanted) if base in firsts)
    rare = [base for base, score in rarity.items() if 0 < score < COMMON_ZIPF]
    rare.sort(key=lambda base: (rarity[base], base))
    return tuple(firsts[base] for base in rare[:size])


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
        and 0 < lexicon.learning_zipf(token.text.lower(), language) < COMMON_ZIPF
    ]
