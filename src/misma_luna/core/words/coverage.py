"""How hard a film is for a reader: the share of its running words they will likely know.

A running word is familiar when it (or its base form) is among the `N` most common words of
its language (wordfreq) or one the reader knows (marked or imported, as written or by its
base form).
Numbers, names (capitalised inside a sentence) and sounds spelt as words ("ohhh") are not
counted. The coverage research
sets the wording: 95% of running words known reads comfortably; under 80% is hard going.
Per line, the words left unknown; the lines with exactly one ("i+1": one new word in a line
otherwise understood); and the unknown base forms the film uses most, to learn first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from misma_luna.core.base.i18n import _
from misma_luna.core.words import lexicon

DEFAULT_COMMON = 2000
COMFORTABLE = 0.95
HARD = 0.80
COMFORTABLE_LEVEL, EFFORT_LEVEL, HARD_LEVEL = "comfortable", "effort", "hard"
# How many words to learn first a level lists.
TO_LEARN = 12
# A line counts as "one new word" only with this many running words (context to guess from).
ONE_NEW_MIN_WORDS = 3
# A capitalised word inside a sentence is a name unless it is among these most common words.
NAME_CHECK = 20_000


@dataclass(frozen=True)
class Coverage:
    """Running words of a track, and how many are common, known, or either."""

    language: str
    words: int
    known: int  # familiar: common or known by the reader
    common: int = 0  # among the N most common words
    reader: int = 0  # among the words the reader knows

    @property
    def share(self) -> float:
        """Familiar running words over all of them (0 for an empty track)."""
        return self.known / self.words if self.words else 0.0

    @property
    def common_share(self) -> float:
        """Running words among the N most common, over all of them."""
        return self.common / self.words if self.words else 0.0

    @property
    def reader_share(self) -> float:
        """Running words the reader knows, over all of them."""
        return self.reader / self.words if self.words else 0.0

    @property
    def level(self) -> str:
        """`COMFORTABLE_LEVEL`, `EFFORT_LEVEL` or `HARD_LEVEL`."""
        return level_of(self.share)

    def verdict(self) -> str:
        """What the share means for reading, in the active language."""
        return verdict(self.share)


@dataclass(frozen=True)
class LineLevel:
    """One subtitle line: its running words and those the reader will not know."""

    index: int
    text: str
    words: int
    unknown: tuple[str, ...]


@dataclass(frozen=True)
class Level:
    """A track's coverage, its lines, the i+1 lines and the words to learn first."""

    coverage: Coverage
    lines: tuple[LineLevel, ...] = ()
    to_learn: tuple[tuple[str, int], ...] = ()  # base form, how often it runs in the film
    one_new: tuple[LineLevel, ...] = field(default=())


def level_of(share: float) -> str:
    """The level a share of familiar running words means."""
    if share >= COMFORTABLE:
        return COMFORTABLE_LEVEL
    return HARD_LEVEL if share < HARD else EFFORT_LEVEL


def verdict(share: float) -> str:
    """What `share` means for reading, in the active language."""
    labels = {
        COMFORTABLE_LEVEL: _("comfortable"),
        EFFORT_LEVEL: _("some effort"),
        HARD_LEVEL: _("hard going"),
    }
    return labels[level_of(share)]


class _Judge:
    """Whether a running word (lower case) is common, known, both; remembered per word."""

    def __init__(self, language: str, known: AbstractSet[str], common: int) -> None:
        self.language = language
        self._top = lexicon.most_common(language, common)
        self._known = known
        self._seen: dict[str, tuple[bool, bool]] = {}

    def __call__(self, word: str) -> tuple[bool, bool]:
        """(among the most common, known by the reader)."""
        found = self._seen.get(word)
        if found is None:
            base = lexicon.base_form(word, self.language)
            top = word in self._top or base in self._top
            mine = bool(self._known) and (
                lexicon.key(word) in self._known or lexicon.key(base) in self._known
            )
            found = self._seen[word] = (top, mine)
        return found

    def base(self, word: str) -> str:
        """The base form of `word` (lower case, accents kept)."""
        return lexicon.base_form(word, self.language)


def running_words(line: str, language: str, names: AbstractSet[str] = frozenset()) -> Iterator[str]:
    """The running words of `line`, lower case: no numbers, no sounds spelt as words ("ohhh",
    "uy"), no names (those of `names`, the track's, and a capitalised word in mid-sentence
    that is not a common word)."""
    names_check = lexicon.most_common(language, NAME_CHECK)
    for token in lexicon.placed_tokens(line):
        if token.is_number:
            continue
        lower = token.text.lower()
        if lower in names or (token.looks_like_name and lower not in names_check):
            continue
        if lexicon.is_sound(lower, language):
            continue
        yield lower


def track_names(lines: Sequence[str], language: str) -> frozenset[str]:
    """The names of a track (lower case): words it capitalises in mid-sentence and never
    writes in lower case, so that "Riley" opening a sentence is known as a name too."""
    names_check = lexicon.most_common(language, NAME_CHECK)
    capitalised: set[str] = set()
    lowered: set[str] = set()
    for line in lines:
        for token in lexicon.placed_tokens(line):
            if token.text.islower():
                lowered.add(token.text)
            elif token.looks_like_name and token.text.lower() not in names_check:
                capitalised.add(token.text.lower())
    return frozenset(capitalised - lowered)


def vocabulary(lines: Iterable[str], language: str) -> Counter[str]:
    """How often each running word (lower case) comes in `lines`."""
    lines = list(lines)
    names = track_names(lines, language)
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(running_words(line, language, names))
    return counts


def coverage_of_counts(
    counts: Mapping[str, int], language: str, known: AbstractSet[str],
    common: int = DEFAULT_COMMON,
) -> Coverage:  # fmt: skip
    """The coverage of a track counted by `vocabulary` (the library's level). Counts kept
    by an earlier version may hold sounds spelt as words: they are not running words."""
    judge = _Judge(language, known, common)
    words = familiar = in_top = by_reader = 0
    for word, count in counts.items():
        if lexicon.is_sound(word, language):
            continue
        top, mine = judge(word)
        words += count
        in_top += count * top
        by_reader += count * mine
        familiar += count * (top or mine)
    return Coverage(language, words, familiar, in_top, by_reader)


def film_level(
    lines: Sequence[str], language: str, known: AbstractSet[str],
    common: int = DEFAULT_COMMON, to_learn: int = TO_LEARN,
) -> Level:  # fmt: skip
    """Coverage, lines, i+1 lines and words to learn of `lines` for a reader who knows
    `known` (base forms, folded)."""
    judge = _Judge(language, known, common)
    words = familiar = in_top = by_reader = 0
    levels: list[LineLevel] = []
    missing: Counter[str] = Counter()
    names = track_names(lines, language)
    for index, line in enumerate(lines):
        running = 0
        unknown: list[str] = []
        for word in running_words(line, language, names):
            top, mine = judge(word)
            running += 1
            in_top += top
            by_reader += mine
            if top or mine:
                familiar += 1
            else:
                unknown.append(word)
        words += running
        levels.append(LineLevel(index, line, running, tuple(unknown)))
        missing.update(judge.base(word) for word in unknown)
    one_new = tuple(
        line for line in levels if len(line.unknown) == 1 and line.words >= ONE_NEW_MIN_WORDS
    )
    coverage = Coverage(language, words, familiar, in_top, by_reader)
    return Level(coverage, tuple(levels), _first_to_learn(missing, language, to_learn), one_new)


def coverage(
    lines: Iterable[str], language: str, known: AbstractSet[str], common: int = DEFAULT_COMMON
) -> Coverage:
    """The coverage of `lines` in `language` for a reader who knows `known` (folded)."""
    return film_level(list(lines), language, known, common, to_learn=0).coverage


def _first_to_learn(
    missing: Counter[str], language: str, count: int
) -> tuple[tuple[str, int], ...]:
    """The unknown base forms the film uses most; among equals, the more common first. A
    misspelling, a name or a sound spelt as a word ("ah", "ohhh") is not one to learn first,
    though the frequency list may know it from the web."""
    if count <= 0:
        return ()
    known_to_language = [
        (word, n)
        for word, n in missing.most_common()
        if word and lexicon.learning_zipf(word, language)
    ]
    candidates = known_to_language[: count * 3]
    candidates.sort(key=lambda item: (-item[1], -lexicon.zipf(item[0], language), item[0]))
    return tuple(candidates[:count])


def reader_track(coverages: Mapping[str, Coverage], reader_language: str) -> Coverage | None:
    """The track a reader is likely learning from: the one not in the language they read the
    app in, else the hardest; None when no track was counted."""
    others = [c for language, c in coverages.items() if language != reader_language and c.words]
    found = others or [c for c in coverages.values() if c.words]
    return min(found, key=lambda c: c.share) if found else None
