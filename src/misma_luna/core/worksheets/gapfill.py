"""The gap-fill: words of the scene's lines blanked as numbered gaps of one even length, a
shuffled word bank and the key. Version A and B blank different words; the same version of
the same scene always comes out the same (the choice is seeded).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from misma_luna.core.worksheets.scene import Scene
from misma_luna.core.worksheets.vocabulary import Token, gap_candidates

VERSIONS = ("A", "B")
BLANK = "_" * 8  # every gap the same length: its length tells nothing about the word
MAX_GAPS = 12


@dataclass(frozen=True)
class Gap:
    """A numbered gap and the word that fills it."""

    number: int
    answer: str
    bank_word: str = ""

    @property
    def blank(self) -> str:
        """The gap as printed and as a PDF's text reads: `(3) ________`."""
        return f"({self.number}) {BLANK}"


@dataclass(frozen=True)
class GapLine:
    """A line of the scene as pieces of text and gaps, with the other language's line."""

    start_ms: int
    pieces: tuple[str | Gap, ...]
    hint: str

    @property
    def text(self) -> str:
        """The line with its gaps as blanks."""
        return "".join(p.blank if isinstance(p, Gap) else p for p in self.pieces)


@dataclass(frozen=True)
class GapFill:
    """The gapped lines, the word bank (the answers, shuffled) and the key."""

    lines: tuple[GapLine, ...]
    bank: tuple[str, ...]
    key: tuple[Gap, ...]


def make_gapfill(scene: Scene, version: str, seed: str, max_gaps: int = MAX_GAPS) -> GapFill:
    """Blank up to `max_gaps` words, one per line, chosen for `version` from `seed`."""
    choices = _choose(scene, version, seed, max_gaps)
    lines: list[GapLine] = []
    key: list[Gap] = []
    for index, line in enumerate(scene.lines):
        if not line.spoken:
            continue
        token = choices.get(index)
        if token is None:
            lines.append(GapLine(line.start_ms, (line.spoken,), line.other_spoken))
            continue
        gap = Gap(len(key) + 1, token.text, token.plain)
        key.append(gap)
        text = line.spoken
        lines.append(
            GapLine(line.start_ms, (text[: token.start], gap, text[token.end :]), line.other_spoken)
        )
    bank = _shuffled(
        [gap.bank_word or gap.answer for gap in key], random.Random(f"{seed}|bank|{version}")
    )
    return GapFill(tuple(lines), tuple(bank), tuple(key))


def _choose(scene: Scene, version: str, seed: str, max_gaps: int) -> dict[int, Token]:
    """Line index -> the word to blank there. B avoids A's words where a line allows it."""
    candidates = {
        index: found
        for index, line in enumerate(scene.lines)
        if (found := gap_candidates(line, scene.language))
    }
    picks: dict[str, dict[int, Token]] = {}
    for name in VERSIONS[: VERSIONS.index(version) + 1]:
        rng = random.Random(f"{seed}|{name}")
        taken = {token.text.lower() for earlier in picks.values() for token in earlier.values()}
        lines = sorted(rng.sample(sorted(candidates), min(max_gaps, len(candidates))))
        chosen: dict[int, Token] = {}
        for index in lines:
            fresh = [t for t in candidates[index] if t.text.lower() not in taken]
            chosen[index] = rng.choice(fresh or candidates[index])
            taken.add(chosen[index].text.lower())
        picks[name] = chosen
    return picks[version]


def _shuffled(words: list[str], rng: random.Random) -> list[str]:
    """`words` in a new order (never the order of the gaps, when there are two or more)."""
    shuffled = list(words)
    rng.shuffle(shuffled)
    if len(set(words)) > 1 and shuffled == words:
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled
