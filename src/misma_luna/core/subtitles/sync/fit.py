"""Fitting a found sync closely: one ratio for the film, one offset per section, by least squares.

Starts that land near a first-track start under the rough transform are paired; the pairs
give a common slope (snapped to a frame-rate ratio when that close) and a median offset per
section. Sections with too little evidence join the one before them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from statistics import median

from misma_luna.core.subtitles.sync.transform import Section, Transform, snap_ratio

ROUNDS = ((900, 3), (500, 3), (300, 3))  # (how near a start must land, fewest pairs kept)
SHARE_MS = 700  # how near a start must land to count as lined up
GAP_MS = 3000  # a smaller drop of the offset is a retiming, not a scene more
GAP_SLACK_MS = 60_000
GAP_NEAR_MS = 350  # stricter than SHARE_MS: inside a gap, starts line up only by chance


def nearest(a_starts: Sequence[int], ms: int) -> int | None:
    """The first-track start nearest to `ms` (None for an empty track)."""
    index = bisect_left(a_starts, ms)
    best: int | None = None
    for candidate in a_starts[max(index - 1, 0) : index + 1]:
        if best is None or abs(candidate - ms) < abs(best - ms):
            best = candidate
    return best


def matched_share(
    a_starts: Sequence[int], b_starts: Sequence[int], transform: Transform, near: int = SHARE_MS
) -> float:
    """Share of second-track starts landing within `near` ms of a first-track start."""
    if not b_starts:
        return 0.0
    hits = 0
    for start in b_starts:
        mapped = transform.map(start)
        found = nearest(a_starts, mapped)
        if found is not None and abs(found - mapped) <= near:
            hits += 1
    return hits / len(b_starts)


def fit_sections(
    a_starts: Sequence[int], b_starts: Sequence[int], transform: Transform
) -> Transform:
    """`transform` refined: its ratio and each section's offset fitted to the lined-up starts."""
    for near, fewest in ROUNDS:
        pairs = _pairs(a_starts, b_starts, transform, near)
        kept = _supported(transform.sections, pairs, fewest)
        if kept != transform.sections:
            transform = Transform(transform.ratio, kept)
            pairs = _pairs(a_starts, b_starts, transform, near)
        ratio = _slope(pairs, transform.ratio)
        sections = tuple(
            Section(section.start_ms, _offset(pairs[index], ratio, section.offset_ms))
            for index, section in enumerate(transform.sections)
        )
        transform = Transform(ratio, _merged(sections))
    return _with_gaps(a_starts, b_starts, transform)


def _with_gaps(a_starts: Sequence[int], b_starts: Sequence[int], transform: Transform) -> Transform:
    """Where the offset drops by D the second track has D of film the first lacks: that
    stretch, placed where the cues around it line up best, becomes a gap section."""
    sections = list(transform.sections[:1])
    for before, section in zip(transform.sections, transform.sections[1:], strict=False):
        drop = before.offset_ms - section.offset_ms
        placed = None
        if drop > GAP_MS:
            placed = _gap(a_starts, b_starts, transform.ratio, (before, section))
        if placed is None:
            sections.append(section)
        else:
            sections += [Section(placed[0], before.offset_ms, gap=True), placed[1]]
    return Transform(transform.ratio, tuple(sections))


def _gap(
    a_starts: Sequence[int], b_starts: Sequence[int], ratio: float, around: tuple[Section, Section]
) -> tuple[int, Section] | None:
    """(gap start, the section after it) where the offset drops between two sections, or
    None when the cues where the gap would be line up well (a block moved, not a scene)."""
    before, after = around
    length = round((before.offset_ms - after.offset_ms) / ratio)
    low = max(before.start_ms, after.start_ms - 2 * length - GAP_SLACK_MS)
    high = after.start_ms + length + GAP_SLACK_MS
    window = [ms for ms in b_starts if low <= ms < high]
    if len(window) < 2:
        return None

    def hits(offset: int) -> list[int]:
        lined_up = []
        for ms in window:
            found = nearest(a_starts, round(ratio * ms) + offset)
            lined_up.append(
                int(found is not None and abs(found - ms * ratio - offset) <= GAP_NEAR_MS)
            )
        return lined_up

    old, new = hits(before.offset_ms), hits(after.offset_ms)
    best: tuple[int, int, int] | None = None  # (score, first cue in gap, first cue after)
    end = 0
    for first, start in enumerate(window):
        while end < len(window) and window[end] < start + length:
            end += 1
        score = sum(old[:first]) + sum(new[end:])
        if best is None or score > best[0]:
            best = (score, first, end)
    if best is None:
        return None
    score, first, end = best
    outside = score / max(len(window) - (end - first), 1)
    inside = sum(max(o, n) for o, n in zip(old[first:end], new[first:end], strict=True))
    if inside > 0.6 * outside * (end - first):
        return None
    gap_start = window[first]
    return gap_start, Section(gap_start + length, after.offset_ms)


def _supported(
    sections: tuple[Section, ...], pairs: list[list[tuple[int, int]]], fewest: int
) -> tuple[Section, ...]:
    """The sections with at least `fewest` pairs (the best one if none has), the first
    moved to start at 0 so that it covers the track's beginning."""
    kept = [s for s, found in zip(sections, pairs, strict=True) if len(found) >= fewest]
    if not kept:
        kept = [max(zip(sections, pairs, strict=True), key=lambda item: len(item[1]))[0]]
    return (Section(0, kept[0].offset_ms), *kept[1:])


def _pairs(
    a_starts: Sequence[int], b_starts: Sequence[int], transform: Transform, near: int
) -> list[list[tuple[int, int]]]:
    """For each section, the (second-track start, first-track start) pairs lined up."""
    pairs: list[list[tuple[int, int]]] = [[] for _ in transform.sections]
    bounds = [section.start_ms for section in transform.sections[1:]]
    index = 0
    for start in b_starts:
        while index < len(bounds) and start >= bounds[index]:
            index += 1
        section = transform.sections[index]
        mapped = round(transform.ratio * start) + section.offset_ms
        found = nearest(a_starts, mapped)
        if found is not None and abs(found - mapped) <= near:
            pairs[index].append((start, found))
    return pairs


def _slope(pairs: list[list[tuple[int, int]]], ratio: float) -> float:
    """The common slope of every section's pairs (their own offsets apart), snapped."""
    top = bottom = 0.0
    for section in pairs:
        if len(section) < 2:
            continue
        mean_b = sum(b for b, _a in section) / len(section)
        mean_a = sum(a for _b, a in section) / len(section)
        for b, a in section:
            top += (b - mean_b) * (a - mean_a)
            bottom += (b - mean_b) ** 2
    if bottom < (60_000.0**2) * 4:  # under a few minutes of evidence: keep the ratio
        return ratio
    fitted = top / bottom
    if not 0.5 < fitted < 2.0:
        return ratio
    return snap_ratio(fitted)


def _offset(section: list[tuple[int, int]], ratio: float, rough: int) -> int:
    """The median offset of a section's pairs under `ratio` (its rough one without pairs)."""
    if not section:
        return rough
    return int(round(median(a - ratio * b for b, a in section), -1))  # to 10 ms: jitter apart


def _merged(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Neighbouring sections whose offsets now agree (within 200 ms) become one."""
    kept = [sections[0]]
    for section in sections[1:]:
        if abs(section.offset_ms - kept[-1].offset_ms) > 200:
            kept.append(section)
    return tuple(kept)
