"""Two subtitle tracks paired by time: rows of overlapping cues, and the offset that fits best.

`align(left, right)` links each cue to the cue of the other track it overlaps most, keeping
mutual best pairs and cues lying mostly inside another, so 1:2 and 2:1 re-segmentations
share one row; unmatched cues get rows of their own. Sorted sweeps: O(n log n).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from misma_luna.core.catalogs import ngettext
from misma_luna.core.subtitles import Cue

COARSE_STEP_MS = 100
DEFAULT_SEARCH_MS = 5 * 60 * 1000


class AlignedRow(NamedTuple):
    """One row of the pair: its time span and the cue texts of each side (plain text)."""

    start_ms: int
    end_ms: int
    left: list[str]
    right: list[str]
    left_markup: list[str]
    right_markup: list[str]

    @property
    def paired(self) -> bool:
        """Whether both sides have text."""
        return bool(self.left) and bool(self.right)


@dataclass(frozen=True)
class AlignmentStats:
    """How the rows came about."""

    rows: int
    paired: int
    unpaired: int

    def summary(self) -> str:
        """`312 rows: 298 paired by time, 14 unpaired`, in the active language."""
        rows = ngettext("{count} row", "{count} rows", self.rows).format(count=self.rows)
        # TRANSLATORS: follows "{count} rows: "; {paired} and {unpaired} count rows. The
        # plural form follows {paired} ("1 emparejada", "3 emparejadas").
        detail = ngettext(
            "{paired} paired by time, {unpaired} unpaired",
            "{paired} paired by time, {unpaired} unpaired",
            self.paired,
        ).format(paired=self.paired, unpaired=self.unpaired)
        return f"{rows}: {detail}"


@dataclass(frozen=True)
class Alignment:
    """The aligned rows of two tracks, in time order, and their stats."""

    rows: list[AlignedRow]
    stats: AlignmentStats


def align(left: Sequence[Cue], right: Sequence[Cue]) -> Alignment:
    """Pair two tracks' cues by time overlap (each track sorted by start)."""
    n_left = len(left)
    parent = list(range(n_left + len(right)))
    best_left, best_right = _best_partners(left, right)
    for i, (j, overlap) in enumerate(best_left):
        if j >= 0 and (best_right[j][0] == i or 2 * overlap >= _duration(left[i])):
            _union(parent, i, n_left + j)
    for j, (i, overlap) in enumerate(best_right):
        if i >= 0 and 2 * overlap >= _duration(right[j]):
            _union(parent, i, n_left + j)
    return _rows(left, right, parent)


def _duration(cue: Cue) -> int:
    return max(cue.end_ms - cue.start_ms, 1)


def _best_partners(
    left: Sequence[Cue], right: Sequence[Cue]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """For each cue of each track: (index of the other track's cue it overlaps most, overlap ms).

    (-1, 0) when it overlaps none. One sweep over `left` visits every overlapping pair once.
    """
    starts = [cue.start_ms for cue in right]
    ends = [cue.end_ms for cue in right]
    lookback = max((end - start for start, end in zip(starts, ends, strict=True)), default=0)
    best_left: list[tuple[int, int]] = []
    best_right: list[tuple[int, int]] = [(-1, 0)] * len(right)
    for i, (start, end, *_text) in enumerate(left):
        best, best_overlap = -1, 0
        j = bisect_left(starts, end) - 1
        earliest = start - lookback
        while j >= 0 and starts[j] > earliest:
            overlap = (end if end < ends[j] else ends[j]) - (
                start if start > starts[j] else starts[j]
            )
            if overlap > 0:
                if overlap > best_overlap:
                    best, best_overlap = j, overlap
                if overlap > best_right[j][1]:
                    best_right[j] = (i, overlap)
            j -= 1
        best_left.append((best, best_overlap))
    return best_left, best_right


def _find(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def _union(parent: list[int], a: int, b: int) -> None:
    root_a, root_b = _find(parent, a), _find(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)


def _rows(left: Sequence[Cue], right: Sequence[Cue], parent: list[int]) -> Alignment:
    groups: dict[int, tuple[list[Cue], list[Cue]]] = {}
    n_left = len(left)
    for node, cue in enumerate(left):
        groups.setdefault(_find(parent, node), ([], []))[0].append(cue)
    for node, cue in enumerate(right, n_left):
        groups.setdefault(_find(parent, node), ([], []))[1].append(cue)
    rows = [_row(lefts, rights) for lefts, rights in groups.values()]
    rows.sort()
    paired = sum(1 for row in rows if row.paired)
    return Alignment(rows, AlignmentStats(len(rows), paired, len(rows) - paired))


def _row(lefts: list[Cue], rights: list[Cue]) -> AlignedRow:
    if len(lefts) == 1 and len(rights) == 1:  # the common case, kept cheap
        a, b = lefts[0], rights[0]
        start = a.start_ms if a.start_ms < b.start_ms else b.start_ms
        end = a.end_ms if a.end_ms > b.end_ms else b.end_ms
        return AlignedRow(start, end, [a.text], [b.text], [a.markup], [b.markup])
    cues = lefts + rights
    return AlignedRow(
        start_ms=min(c.start_ms for c in cues),
        end_ms=max(c.end_ms for c in cues),
        left=[cue.text for cue in lefts],
        right=[cue.text for cue in rights],
        left_markup=[cue.markup for cue in lefts],
        right_markup=[cue.markup for cue in rights],
    )


def total_overlap(left: Sequence[Cue], right: Sequence[Cue], offset_ms: int = 0) -> int:
    """Milliseconds during which both tracks show text, with `right` moved by `offset_ms`."""
    a = _merged([(c.start_ms, c.end_ms) for c in left])
    b = _merged([(c.start_ms + offset_ms, c.end_ms + offset_ms) for c in right])
    total, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        total += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def estimate_offset(
    left: Sequence[Cue], right: Sequence[Cue], search_ms: int = DEFAULT_SEARCH_MS
) -> int:
    """The shift of `right` (ms, within ±`search_ms`) that makes the tracks overlap most."""
    if not left or not right:
        return 0
    coarse = _coarse_offset(left, right, search_ms // COARSE_STEP_MS)
    low, high = max(coarse - COARSE_STEP_MS, -search_ms), min(coarse + COARSE_STEP_MS, search_ms)
    candidates = range(low, high + 1, 10)
    return max(candidates, key=lambda shift: (total_overlap(left, right, shift), -abs(shift)))


def _coarse_offset(left: Sequence[Cue], right: Sequence[Cue], steps: int) -> int:
    """Best shift at 100 ms resolution: tracks as bit masks, overlap as a popcount."""
    origin = min(0, left[0].start_ms, right[0].start_ms)
    a, b = _bits(left, origin), _bits(right, origin)
    best_shift, best_score = 0, _popcount(a & b)
    for shift in range(1, steps + 1):
        for signed, score in (
            (shift, _popcount(a & (b << shift))),
            (-shift, _popcount(a & (b >> shift))),
        ):
            if score > best_score:
                best_shift, best_score = signed, score
    return best_shift * COARSE_STEP_MS


def _bits(cues: Sequence[Cue], origin: int) -> int:
    """One bit per 100 ms since `origin` (at or before every cue) during which a cue shows."""
    mask = 0
    for cue in cues:
        first = (cue.start_ms - origin) // COARSE_STEP_MS
        last = (cue.end_ms - origin) // COARSE_STEP_MS
        if last > first:
            mask |= ((1 << (last - first)) - 1) << first
    return mask


def _popcount(value: int) -> int:
    return value.bit_count()
