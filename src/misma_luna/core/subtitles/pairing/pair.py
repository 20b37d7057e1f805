"""Pairing two tracks as a reader expects: synced first, then lines matched, every cue kept.

`pair_tracks(left, right)` finds the sync by itself (or takes the reader's transform),
moves the second track onto the first's time and links each cue to the cue of the other
track it overlaps most: mutual best partners, and cues lying mostly inside a partner, share
a row; neighbouring rows holding one sentence split differently on each side are merged.
Zero-length and empty cues take part like any other; a cue with no partner is a row alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from misma_luna.core.subtitles.alignment import (
    MERGED,
    AlignedRow,
    Alignment,
    AlignmentStats,
    find_root,
    join_groups,
)
from misma_luna.core.subtitles.pairing.merge import MOST_PER_SIDE, Group, Sides, joined_sentences
from misma_luna.core.subtitles.pairing.spans import Spans, effective_spans, joined_iou, overlaps
from misma_luna.core.subtitles.sync.anchors import track_anchors
from misma_luna.core.subtitles.sync.search import estimate_sync
from misma_luna.core.subtitles.sync.transform import Sync, Transform, retime
from misma_luna.core.subtitles.tracks import Cue

INSIDE = 0.45  # a cue with this share of its time inside its best partner joins its row


NO_SYNC = Sync.given(Transform())


@dataclass(frozen=True)
class Pairing(Alignment):
    """The rows of two tracks paired after syncing, the sync used, and what kinds of rows."""

    sync: Sync = NO_SYNC
    merged: int = 0
    left_only: int = 0
    right_only: int = 0

    @property
    def unpaired_share(self) -> float:
        """Share of all cues left without a partner."""
        cues = sum(len(row.left) + len(row.right) for row in self.rows)
        lone = sum(len(row.left) + len(row.right) for row in self.rows if not row.paired)
        return lone / cues if cues else 0.0


def pair_tracks(
    left: Sequence[Cue], right: Sequence[Cue], transform: Transform | None = None
) -> Pairing:
    """Pair `right` with `left`: synced by `transform`, or by one found when it is None."""
    sync = estimate_sync(left, right) if transform is None else Sync.given(transform)
    return pair_synced(left, right, sync)


def pair_synced(left: Sequence[Cue], right: Sequence[Cue], sync: Sync) -> Pairing:
    """Pair the tracks after moving `right` by `sync`'s transform."""
    moved = retime(right, sync.transform)
    left_spans, right_spans = effective_spans(left), effective_spans(moved)
    of_left, of_right = overlaps(left_spans, right_spans)
    alone = {j for j, cue in enumerate(right) if sync.transform.in_gap(cue.start_ms)}
    if alone:
        _leave_out(alone, of_left, of_right)
    groups = _groups(left_spans, right_spans, of_left, of_right)
    groups = joined_sentences(groups, Sides(left, moved, left_spans, right_spans), alone)
    anchors = (track_anchors(left), track_anchors(right))
    factor = 0.6 + 0.4 * sync.confidence if sync.estimated else 1.0
    rows = [
        _row(group, (left, right, moved), (left_spans, right_spans), (of_left, of_right), anchors)
        for group in groups
    ]
    rows = [row._replace(confidence=round(row.confidence * factor, 3)) for row in rows]
    rows.sort(key=lambda row: (row.start_ms, row.end_ms, row.left_cues, row.right_cues))
    paired = sum(1 for row in rows if row.paired)
    return Pairing(
        rows,
        AlignmentStats(len(rows), paired, len(rows) - paired),
        sync=sync,
        merged=sum(1 for row in rows if row.kind == MERGED),
        left_only=sum(1 for row in rows if row.left and not row.right),
        right_only=sum(1 for row in rows if row.right and not row.left),
    )


Partners = list[list[tuple[int, int]]]


def _leave_out(alone: set[int], of_left: Partners, of_right: Partners) -> None:
    """Second-track cues in a scene the first track lacks overlap nothing: they stay alone."""
    for j in alone:
        of_right[j] = []
    for found in of_left:
        found[:] = [(j, shared) for j, shared in found if j not in alone]


def _groups(left: Spans, right: Spans, of_left: Partners, of_right: Partners) -> list[Group]:
    """Linked cues, as (left indexes, right indexes), every cue in exactly one group."""
    best_left = [max(found, key=lambda p: p[1])[0] if found else -1 for found in of_left]
    best_right = [max(found, key=lambda p: p[1])[0] if found else -1 for found in of_right]
    n_left = len(left)
    parent = list(range(n_left + len(right)))
    for i, j in enumerate(best_left):
        if j >= 0 and (best_right[j] == i or _inside(left[i], right[j])):
            join_groups(parent, i, n_left + j)
    for j, i in enumerate(best_right):
        if i >= 0 and best_left[i] != j and _inside(right[j], left[i]):
            join_groups(parent, i, n_left + j)
    members: dict[int, Group] = {}
    for node in range(len(parent)):
        group = members.setdefault(find_root(parent, node), ([], []))
        group[0 if node < n_left else 1].append(node if node < n_left else node - n_left)
    groups: list[Group] = []
    for lefts, rights in members.values():
        if len(lefts) > MOST_PER_SIDE or len(rights) > MOST_PER_SIDE:
            groups.extend(_mutual_only(lefts, rights, best_left, best_right))
        else:
            groups.append((lefts, rights))
    return groups


def _mutual_only(
    lefts: list[int], rights: list[int], best_left: list[int], best_right: list[int]
) -> list[Group]:
    """An oversized group broken into its mutual pairs and lone cues."""
    pairs = [([i], [best_left[i]]) for i in lefts if best_right[best_left[i]] == i]
    taken = {j for _i, (j,) in pairs}
    single = {i for (i,), _j in pairs}
    return (
        pairs
        + [([i], []) for i in lefts if i not in single]
        + [([], [j]) for j in rights if j not in taken]
    )


def _inside(span: tuple[int, int], other: tuple[int, int]) -> bool:
    shared = min(span[1], other[1]) - max(span[0], other[0])
    return shared >= INSIDE * max(span[1] - span[0], 1)


def _row(
    group: Group,
    tracks: tuple[Sequence[Cue], Sequence[Cue], Sequence[Cue]],
    spans: tuple[Spans, Spans],
    partners: tuple[Partners, Partners],
    anchors: tuple[list[frozenset[str]], list[frozenset[str]]],
) -> AlignedRow:
    """The row of one group (tracks: left, right, right moved), cues in time order."""
    left, right, moved = tracks
    lefts = sorted(group[0], key=lambda i: (left[i].start_ms, i))
    rights = sorted(group[1], key=lambda j: (moved[j].start_ms, j))
    shown = [left[i] for i in lefts] + [moved[j] for j in rights]
    return AlignedRow(
        start_ms=min(cue.start_ms for cue in shown),
        end_ms=max(cue.end_ms for cue in shown),
        left=[left[i].text for i in lefts],
        right=[right[j].text for j in rights],
        left_markup=[left[i].markup for i in lefts],
        right_markup=[right[j].markup for j in rights],
        confidence=_confidence(lefts, rights, spans, partners, anchors),
        left_cues=tuple(lefts),
        right_cues=tuple(rights),
        left_span=_span([left[i] for i in lefts]),
        right_span=_span([right[j] for j in rights]),
    )


def _span(cues: list[Cue]) -> tuple[int, int] | None:
    if not cues:
        return None
    return min(cue.start_ms for cue in cues), max(cue.end_ms for cue in cues)


def _confidence(
    lefts: list[int],
    rights: list[int],
    spans: tuple[Spans, Spans],
    partners: tuple[Partners, Partners],
    anchors: tuple[list[frozenset[str]], list[frozenset[str]]],
) -> float:
    """Paired: how well the two sides overlap (shared names or numbers add to it).
    Alone: how little the cue overlaps any cue of the other track."""
    if lefts and rights:
        iou = joined_iou(lefts, rights, *spans)
        words_left = frozenset().union(*(anchors[0][i] for i in lefts))
        words_right = frozenset().union(*(anchors[1][j] for j in rights))
        bonus = 0.1 if words_left & words_right else 0.0
        return min(1.0, 0.35 + 0.65 * min(1.0, iou / 0.6) + bonus)
    side, index = (0, lefts[0]) if lefts else (1, rights[0])
    start, end = spans[side][index]
    most = max((shared for _other, shared in partners[side][index]), default=0)
    return max(0.0, 1.0 - most / max(end - start, 1))
