"""Which words of the paired line translate a word, learned from the film's own pairs.

An IBM Model 1 estimate: expectation-maximisation over every paired line of the film gives
t(target word | source word). Words that look alike (cognates) and equal numbers add to it.
Built once per film and direction; a suggestion is then a few dictionary lookups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from misma_luna.core.words import lexicon

ITERATIONS = 5
NULL = ""
# How much a cognate counts beside the learned translation probability.
COGNATE_WEIGHT = 0.35
# Cognates: at least this long and this alike (after folding accents).
COGNATE_MIN_LENGTH = 4
COGNATE_MIN_RATIO = 0.75
SUGGESTIONS = 3
_SPANISH_NUMBERS = (
    "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
    "diez", "once", "doce", "trece", "catorce", "quince",
    "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte",
)  # fmt: skip
_ENGLISH_NUMBERS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "twenty",
)  # fmt: skip
# Number words of both languages (folded), and "una"/"un", as their values.
NUMBER_WORDS: dict[str, int] = {
    **{word: value for value, word in enumerate(_SPANISH_NUMBERS)},
    **{word: value for value, word in enumerate(_ENGLISH_NUMBERS)},
    "una": 1,
    "un": 1,
}


@dataclass(frozen=True)
class Suggestion:
    """A word of the paired line, and how sure the suggestion is (0 to 1)."""

    word: str
    confidence: float


class TranslationTable:
    """t(target | source), learned from one film's pairs in one direction."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        sentences = [(_words(source), _words(target)) for source, target in pairs]
        self._pairs = [(s, t) for s, t in sentences if s and t]
        self._table: dict[str, dict[str, float]] = {}
        self._train()

    @property
    def size(self) -> int:
        """How many paired lines it learned from."""
        return len(self._pairs)

    def _train(self) -> None:
        """Uniform start, then `ITERATIONS` rounds of expectation-maximisation."""
        table: dict[str, dict[str, float]] = defaultdict(dict)
        for source, target in self._pairs:
            for word in (*source, NULL):
                row = table[word]
                for other in target:
                    row[other] = 1.0
        for _round in range(ITERATIONS):
            counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
            for source, target in self._pairs:
                rows = [table[word] for word in (*source, NULL)]
                sources = (*source, NULL)
                for other in target:
                    total = sum(row[other] for row in rows)
                    for word, row in zip(sources, rows, strict=True):
                        counts[word][other] += row[other] / total
            table = defaultdict(dict)
            for word, row in counts.items():
                whole = sum(row.values())
                table[word] = {other: value / whole for other, value in row.items()}
        self._table = dict(table)

    def probability(self, target: str, source: str) -> float:
        """t(target | source) as learned (0 for a pair never seen together)."""
        return self._table.get(lexicon.key(source), {}).get(lexicon.key(target), 0.0)

    def suggest(self, text: str, paired_line: str, count: int = SUGGESTIONS) -> list[Suggestion]:
        """The words of `paired_line` most likely to translate `text`, best first."""
        sources = _words(text)
        candidates = list(dict.fromkeys(lexicon.tokens(paired_line)))
        if not sources or not candidates:
            return []
        learned = {
            word: max(self._table.get(s, {}).get(lexicon.key(word), 0.0) for s in sources)
            for word in candidates
        }
        total = sum(learned.values())
        scored = []
        for word in candidates:
            share = learned[word] / total if total else 0.0
            alike = max(_likeness(source, lexicon.key(word)) for source in sources)
            score = min(1.0, (1 - COGNATE_WEIGHT) * share + COGNATE_WEIGHT * alike)
            if score > 0:
                scored.append(Suggestion(word, round(score, 3)))
        scored.sort(key=lambda s: -s.confidence)
        return scored[:count]


def _words(text: str) -> tuple[str, ...]:
    return tuple(lexicon.key(word) for word in lexicon.tokens(text))


def _likeness(source: str, target: str) -> float:
    """1 for equal numbers; for cognates ("familia", "family") their likeness; else 0."""
    number = _number(source)
    if number is not None and number == _number(target):
        return 1.0
    if min(len(source), len(target)) < COGNATE_MIN_LENGTH:
        return 0.0
    ratio = SequenceMatcher(None, source, target).ratio()
    return ratio if ratio >= COGNATE_MIN_RATIO else 0.0


def _number(word: str) -> int | float | None:
    """The value of a number written in digits or in words (up to twenty), else None."""
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    try:
        return float(word.replace(",", "."))
    except ValueError:
        return None
