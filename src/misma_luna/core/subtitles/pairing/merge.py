"""Rows that hold one sentence: neighbouring groups of cues merged where a sentence runs on.

A line split across two or three cues on either side, by each release its own way, ends up
in one row: two paired groups whose sentences both run on, a lone cue that finishes (or
starts) a paired group's sentence, or lone cues of one sentence that no other cue matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from misma_luna.core.subtitles.pairing.spans import RUNS_ON_MS, Spans, continues, joined_iou
from misma_luna.core.subtitles.tracks import Cue

MOST_PER_SIDE = 3  # a row holds at most this many cues of one track

Group = tuple[list[int], list[int]]  # (left cue indexes, right cue indexes)


class Sides(NamedTuple):
    """Both tracks' cues (the right one synced) and the time each cue really covers."""

    left: Sequence[Cue]
    right: Sequence[Cue]
    left_spans: Spans
    right_spans: Spans


def joined_sentences(groups: list[Group], sides: Sides, alone: set[int]) -> list[Group]:
    """Neighbouring groups merged when a sentence runs on from one into the next: paired
    groups, a lone part of a paired group's sentence, or lone parts of one sentence.
    Cues in a gap (`alone`) join only each other."""
    ls, rs = sides.left_spans, sides.right_spans
    in_gap = [g for g in groups if any(j in alone for j in g[1])]
    ordered = sorted(
        (g for g in groups if not any(j in alone for j in g[1])),
        key=lambda g: min([ls[i][0] for i in g[0]] + [rs[j][0] for j in g[1]]),
    )
    result: list[Group] = []
    for group in ordered:
        if result and (
            _runs_on(result[-1], group, sides)
            or _lone_part(result[-1], group, sides)
            or _lone_part(group, result[-1], sides, before=True)
            or _lone_run(result[-1], group, sides)
        ):
            last = result.pop()
            result.append((last[0] + group[0], last[1] + group[1]))
        else:
            result.append(group)
    return result + _joined_runs(sorted(in_gap, key=lambda g: rs[g[1][0]][0]), sides)


def _joined_runs(lone: list[Group], sides: Sides) -> list[Group]:
    """Lone second-track cues merged where one sentence runs on from cue to cue."""
    result: list[Group] = []
    for group in lone:
        if result and _lone_run(result[-1], group, sides):
            result.append(([], result.pop()[1] + group[1]))
        else:
            result.append(group)
    return result


def _lone_run(first: Group, second: Group, sides: Sides) -> bool:
    """Whether two unpaired runs of one track are one sentence split across cues."""
    for side, cues, spans in (
        (0, sides.left, sides.left_spans),
        (1, sides.right, sides.right_spans),
    ):
        if first[side] and second[side] and not first[1 - side] and not second[1 - side]:
            if len(first[side]) + len(second[side]) > MOST_PER_SIDE:
                return False
            last = max(first[side], key=lambda k: spans[k][0])
            following = min(second[side], key=lambda k: spans[k][0])
            return continues(cues[last].text, spans[last], spans[following])
    return False


def _lone_part(group: Group, lone: Group, sides: Sides, *, before: bool = False) -> bool:
    """Whether a lone cue is the rest (or, `before`, the start) of a paired group's sentence."""
    left, right, ls, rs = sides
    if not (group[0] and group[1]) or (lone[0] and lone[1]):
        return False
    side = 0 if lone[0] else 1
    cues, spans, other = (left, ls, rs) if side == 0 else (right, rs, ls)
    if len(group[side]) + 1 > MOST_PER_SIDE:
        return False
    index = lone[side][0]
    partners = group[1 - side]
    if before:
        first = min(group[side], key=lambda k: spans[k][0])
        runs_on = continues(cues[index].text, spans[index], spans[first])
        near = spans[index][1] >= min(other[k][0] for k in partners) - RUNS_ON_MS
    else:
        last = max(group[side], key=lambda k: spans[k][0])
        runs_on = continues(cues[last].text, spans[last], spans[index])
        near = spans[index][0] <= max(other[k][1] for k in partners) + RUNS_ON_MS
    return runs_on and near


def _runs_on(first: Group, second: Group, sides: Sides) -> bool:
    """Whether two paired groups hold one sentence, split differently on each side."""
    left, right, ls, rs = sides
    if not (first[0] and first[1] and second[0] and second[1]):
        return False
    if len(first[0]) + len(second[0]) > MOST_PER_SIDE:
        return False
    if len(first[1]) + len(second[1]) > MOST_PER_SIDE:
        return False
    a_end, a_next = max(first[0], key=lambda i: ls[i][0]), min(second[0], key=lambda i: ls[i][0])
    b_end, b_next = max(first[1], key=lambda j: rs[j][0]), min(second[1], key=lambda j: rs[j][0])
    if not (
        continues(left[a_end].text, ls[a_end], ls[a_next])
        and continues(right[b_end].text, rs[b_end], rs[b_next])
    ):
        return False
    merged = joined_iou(first[0] + second[0], first[1] + second[1], ls, rs)
    return merged >= min(joined_iou(*first, ls, rs), joined_iou(*second, ls, rs))
