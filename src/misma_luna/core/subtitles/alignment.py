"""Two subtitle tracks paired by time as they are timed: rows of overlapping cues, and the
shared-time helpers the pairing builds on (finding the timing is `sync`).

`align(left, right)` links each cue to the cue of the other track it overlaps most, keeping
mutual best pairs and cues lying mostly inside another, so 1:2 and 2:1 re-segmentations
share one row; unmatched cues get rows of their own. Sorted sweeps: O(n log n).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from operator import sub
from typing import NamedTuple

from misma_luna.core.base.i18n import ngettext
from misma_luna.core.subtitles.tracks import Cue

ONE_TO_ONE = "1:1"
MERGED = "merged"
UNPAIRED = "unpaired"


class AlignedRow(NamedTuple):
    """One row of the pair: its time span and the cue texts of each side (plain text).

    Rows made by `pairing.pair_tracks` also say how sure they are, which cues they hold
    (indexes into each input track) and each side's span in its own track's time.
    """

    start_ms: int
    end_ms: int
    left: list[str]
    right: list[str]
    left_markup: list[str]
    right_markup: list[str]
    confidence: float = 1.0
    left_cues: tuple[int, ...] = ()
    right_cues: tuple[int, ...] = ()
    left_span: tuple[int, int] | None = None
    right_span: tuple[int, int] | None = None

    @property
    def paired(self) -> bool:
        """Whether both sides have a cue."""
        return bool(self.left) and bool(self.right)

    @property
    def kind(self) -> str:
        """How the row matched: `ONE_TO_ONE`, `MERGED` (several cues on a side) or `UNPAIRED`."""
        if not self.paired:
            return UNPAIRED
        return ONE_TO_ONE if len(self.left) == len(self.right) == 1 else MERGED


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
    links = _links(left, right)
    right_of = dict(links)
    if len(right_of) == len(links) == len(set(right_of.values())):
        rows = _paired_rows(left, right, right_of)  # no cue linked twice: the common case
    else:
        rows = _grouped_rows(left, right, links)
    rows.sort()
    paired = sum(1 for row in rows if row.paired)
    return Alignment(rows, AlignmentStats(len(rows), paired, len(rows) - paired))


def _links(left: Sequence[Cue], right: Sequence[Cue]) -> list[tuple[int, int]]:
    """(left index, right index) of the cues that share a row, each pair once."""
    partner_left, overlap_left, partner_right, overlap_right = _best_partners(left, right)
    links = [  # mutual best partners, or a left cue lying mostly inside its partner
        (i, j)
        for i, j in enumerate(partner_left)
        if j >= 0 and (partner_right[j] == i or 2 * overlap_left[i] >= _duration(left[i]))
    ]
    links += [  # a right cue lying mostly inside its partner (mutual pairs are linked above)
        (i, j)
        for j, i in enumerate(partner_right)
        if i >= 0 and partner_left[i] != j and 2 * overlap_right[j] >= _duration(right[j])
    ]
    return links


def _duration(cue: Cue) -> int:
    return max(cue.end_ms - cue.start_ms, 1)


def _best_partners(
    left: Sequence[Cue], right: Sequence[Cue]
) -> tuple[list[int], list[int], list[int], list[int]]:
    """For each cue of each track: the other track's cue it overlaps most, and by how many ms.

    Partners are indexes (-1 when a cue overlaps none), listed as (left partners, left
    overlaps, right partners, right overlaps). One sweep over `left` visits every
    overlapping pair once; ties go to the later right cue and to the earlier left cue.
    """
    starts = [cue.start_ms for cue in right]
    ends = [cue.end_ms for cue in right]
    lookback = max(map(sub, ends, starts), default=0)
    partner_left, overlap_left = [-1] * len(left), [0] * len(left)
    partner_right, overlap_right = [-1] * len(right), [0] * len(right)
    for i, cue in enumerate(left):
        start, end = cue.start_ms, cue.end_ms
        j = bisect_left(starts, end) - 1
        earliest = start - lookback
        while j >= 0 and starts[j] > earliest:
            overlap = (end if end < ends[j] else ends[j]) - (
                start if start > starts[j] else starts[j]
            )
            if overlap > 0:
                if overlap > overlap_left[i]:
                    partner_left[i], overlap_left[i] = j, overlap
                if overlap > overlap_right[j]:
                    partner_right[j], overlap_right[j] = i, overlap
            j -= 1
    return partner_left, overlap_left, partner_right, overlap_right


def find_root(parent: list[int], node: int) -> int:
    """The root of `node`'s group in a union-find forest (paths halved on the way)."""
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def join_groups(parent: list[int], a: int, b: int) -> None:
    """Put `a` and `b` in one group of a union-find forest (the lower index is the root)."""
    root_a, root_b = find_root(parent, a), find_root(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)


def _paired_rows(
    left: Sequence[Cue], right: Sequence[Cue], right_of: dict[int, int]
) -> list[AlignedRow]:
    """Rows when every link joins two cues linked to nothing else: pairs and lone cues."""
    rows = []
    for i, a in enumerate(left):
        j = right_of.get(i)
        if j is None:
            rows.append(AlignedRow(a.start_ms, a.end_ms, [a.text], [], [a.markup], []))
            continue
        b = right[j]
        start = a.start_ms if a.start_ms < b.start_ms else b.start_ms
        end = a.end_ms if a.end_ms > b.end_ms else b.end_ms
        rows.append(AlignedRow(start, end, [a.text], [b.text], [a.markup], [b.markup]))
    linked = set(right_of.values())
    rows.extend(
        AlignedRow(b.start_ms, b.end_ms, [], [b.text], [], [b.markup])
        for j, b in enumerate(right)
        if j not in linked
    )
    return rows


def _grouped_rows(
    left: Sequence[Cue], right: Sequence[Cue], links: list[tuple[int, int]]
) -> list[AlignedRow]:
    """Rows of linked groups of any size: union-find over left cues, then right ones."""
    n_left = len(left)
    parent = list(range(n_left + len(right)))
    for i, j in links:
        join_groups(parent, i, n_left + j)
    groups: dict[int, list[int]] = {}
    for node in range(len(parent)):
        groups.setdefault(find_root(parent, node), []).append(node)
    return [_row(left, right, n_left, nodes) for nodes in groups.values()]


def _row(left: Sequence[Cue], right: Sequence[Cue], n_left: int, nodes: list[int]) -> AlignedRow:
    """The row of a group of nodes, in ascending order (left cues, then right ones)."""
    lefts = [left[node] for node in nodes if node < n_left]
    rights = [right[node - n_left] for node in nodes if node >= n_left]
    cues = lefts + rights
    return AlignedRow(
        start_ms=min(c.start_ms for c in cues),
        end_ms=max(c.end_ms for c in cues),
        left=[cue.text for cue in lefts],
        right=[cue.text for cue in rights],
        left_markup=[cue.markup for cue in lefts],
        right_markup=[cue.markup for cue in rights],
    )


def shared_ms(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Milliseconds inside a span of both `a` and `b`, each sorted and merged (`merged_spans`)."""
    total, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        total += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Time spans sorted, with overlapping ones joined."""
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
