"""How the second track's time maps onto the first's: one ratio and an offset per section.

`Transform` is the map (`ratio * t + offset`, the offset of the section `t` falls in, so a
different cut is a jump between sections); `Sync` is a transform as found, with how sure.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import permutations

from misma_luna.core.subtitles.tracks import Cue

FRAME_RATES = (23.976, 24.0, 25.0, 29.97, 30.0)
MAX_OFFSET_MS = 3 * 60 * 60 * 1000  # no film is longer: a larger offset is a typing mistake
RATIO_SNAP = 2e-4  # a fitted ratio this close (relatively) to a frame-rate ratio becomes it


def _frame_rate_ratios() -> dict[float, tuple[float, float]]:
    """Each distinct ratio between two usual frame rates -> (from fps, to fps)."""
    ratios: dict[float, tuple[float, float]] = {}
    for source, target in permutations(FRAME_RATES, 2):
        ratios.setdefault(round(source / target, 6), (source, target))
    return ratios


FRAME_RATE_RATIOS = _frame_rate_ratios()


@dataclass(frozen=True, order=True)
class Section:
    """A stretch of the second track, from `start_ms` (its own time) to the next section.

    A `gap` section is a scene the first track has not got (the other cut lacks it): its
    cues are moved like the section before them but pair with nothing.
    """

    start_ms: int
    offset_ms: int
    gap: bool = False


@dataclass(frozen=True)
class Transform:
    """Second-track time -> first-track time: `ratio * t + offset` of the section of `t`."""

    ratio: float = 1.0
    sections: tuple[Section, ...] = (Section(0, 0),)

    def __post_init__(self) -> None:
        if not self.sections:
            object.__setattr__(self, "sections", (Section(0, 0),))
        object.__setattr__(self, "sections", tuple(sorted(self.sections)))

    @classmethod
    def constant(cls, offset_ms: int) -> Transform:
        """Every cue moved by `offset_ms` (negative = earlier)."""
        return cls(1.0, (Section(0, int(offset_ms)),))

    @classmethod
    def from_anchors(cls, first: tuple[int, int], second: tuple[int, int]) -> Transform:
        """The line through two (second-track ms, first-track ms) pairs the reader picked;
        one pair, or two at the same time, give a plain offset."""
        (b1, a1), (b2, a2) = first, second
        if b1 == b2:
            return cls.constant(a1 - b1)
        ratio = (a2 - a1) / (b2 - b1)
        if ratio <= 0:
            return cls.constant(a1 - b1)
        ratio = snap_ratio(ratio)
        return cls(ratio, (Section(0, round(a1 - ratio * b1)),))

    def map(self, ms: int) -> int:
        """Where `ms` of the second track falls in the first track's time."""
        return round(self.ratio * ms) + self.section_at(ms).offset_ms

    def section_at(self, ms: int) -> Section:
        """The section `ms` (second-track time) belongs to; the first covers earlier times."""
        index = bisect_right([s.start_ms for s in self.sections], ms) - 1
        return self.sections[max(index, 0)]

    @property
    def is_identity(self) -> bool:
        """Whether the map leaves every time where it is."""
        return self.ratio == 1.0 and all(s.offset_ms == 0 for s in self.sections)

    @property
    def offset_ms(self) -> int:
        """The offset of the first section: the shift at the start of the film."""
        return self.sections[0].offset_ms

    @property
    def frame_rates(self) -> tuple[float, float] | None:
        """(from, to) frame rates when the ratio is one between usual rates, else None."""
        return FRAME_RATE_RATIOS.get(round(self.ratio, 6))

    def split_points(self) -> list[int]:
        """Where each section after the first begins, in the first track's time."""
        return [
            round(self.ratio * s.start_ms) + s.offset_ms for s in self.sections[1:] if not s.gap
        ]

    def in_gap(self, ms: int) -> bool:
        """Whether `ms` (second-track time) lies in a scene the first track has not got."""
        return self.section_at(ms).gap

    @property
    def cuts(self) -> int:
        """How many stretches with their own offset the second track has (gaps apart)."""
        return sum(1 for s in self.sections if not s.gap)


@dataclass(frozen=True)
class Sync:
    """A transform as found: the share of cue starts it lines up, how sure, and doubts."""

    transform: Transform
    matched: float = 1.0  # share of the second track's cues that land on a first-track cue
    confidence: float = 1.0  # 0..1: how clearly the fit stands above chance and rivals
    ambiguous: bool = False  # another fit lined up almost as many cues
    unrelated: bool = False  # nothing lines up better than chance: another film?
    estimated: bool = True  # found from the tracks (False: given by the reader)

    @classmethod
    def given(cls, transform: Transform) -> Sync:
        """A transform the reader chose (or none at all): taken as it is."""
        return cls(transform, estimated=False)


def snap_ratio(ratio: float) -> float:
    """`ratio` itself, or 1.0 or a frame-rate ratio when it is that close."""
    for known in (1.0, *FRAME_RATE_RATIOS):
        if abs(ratio / known - 1.0) <= RATIO_SNAP:
            return known
    return ratio


def retime(cues: Iterable[Cue], transform: Transform) -> list[Cue]:
    """The cues moved onto the first track's time (their order in the list is kept)."""
    if transform.is_identity:
        return list(cues)
    result = []
    for cue in cues:
        start = transform.map(cue.start_ms)
        section = transform.section_at(cue.start_ms)  # a cue stays whole in its section
        end = round(transform.ratio * cue.end_ms) + section.offset_ms
        result.append(Cue(start, max(end, start), cue.text, cue.markup))
    return result


def check_offset(offset_ms: int) -> bool:
    """Whether `offset_ms` is a shift a real pair of tracks could need."""
    return abs(offset_ms) <= MAX_OFFSET_MS


def starts(cues: Sequence[Cue]) -> list[int]:
    """The cues' start times, sorted."""
    return sorted(cue.start_ms for cue in cues)
