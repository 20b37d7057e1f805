"""The time each cue really covers, for pairing: ends that can be trusted, and overlaps.

Gapless tracks hold every cue until the next one starts, and zero-length cues cover
nothing; both get the time their text takes to read instead. Overlaps are found by a
sweep over cues sorted by start.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise

from misma_luna.core.subtitles.alignment import merged_spans, shared_ms
from misma_luna.core.subtitles.tracks import Cue

Spans = list[tuple[int, int]]

GAPLESS_SHARE = 0.6  # a track is gapless when this share of its cues end as the next starts
TOUCH_MS = 40
SHORTEST_MS = 300
RUNS_ON_MS = 900  # the longest pause inside one sentence split across two cues
_SENTENCE_END = (".", "?", "!", "…", '"', "»", "”", ")", "]", "♪")
_TRAILING_TAGS = re.compile(r"(?:\s|<[^<>]{0,20}>|\{[^{}]{0,40}\})+$")  # </i>, {\i0} at the end


def reading_ms(text: str) -> int:
    """About how long a line of `text` stays on screen: 0.8 s plus 60 ms a character."""
    return min(800 + 60 * len(text), 7000)


def effective_spans(cues: Sequence[Cue]) -> Spans:
    """Each cue's (start, end), with ends set by reading time where they cannot be trusted."""
    order = sorted(range(len(cues)), key=lambda index: cues[index].start_ms)
    touching = sum(
        1 for a, b in pairwise(order) if abs(cues[b].start_ms - cues[a].end_ms) <= TOUCH_MS
    )
    gapless = len(order) > 3 and touching >= GAPLESS_SHARE * (len(order) - 1)
    spans: Spans = [(0, 0)] * len(cues)
    for position, index in enumerate(order):
        cue = cues[index]
        start, end = cue.start_ms, cue.end_ms
        natural = start + reading_ms(cue.text)
        if end - start < SHORTEST_MS:
            following = cues[order[position + 1]].start_ms if position + 1 < len(order) else natural
            end = max(min(natural, following), start + SHORTEST_MS)
        elif gapless:
            end = max(min(end, natural), start + SHORTEST_MS)
        spans[index] = (start, end)
    return spans


def overlaps(left: Spans, right: Spans) -> tuple[list[list[tuple[int, int]]], ...]:
    """For each left span and each right span: (other index, shared ms) of each overlap."""
    of_left: list[list[tuple[int, int]]] = [[] for _ in left]
    of_right: list[list[tuple[int, int]]] = [[] for _ in right]
    order = sorted(range(len(right)), key=lambda j: right[j][0])
    starts = [right[j][0] for j in order]
    lookback = max((end - start for start, end in right), default=0)
    for i, (start, end) in enumerate(left):
        position = bisect_left(starts, end) - 1
        while position >= 0 and starts[position] > start - lookback:
            j = order[position]
            shared = min(end, right[j][1]) - max(start, right[j][0])
            if shared > 0:
                of_left[i].append((j, shared))
                of_right[j].append((i, shared))
            position -= 1
    return of_left, of_right


def continues(text: str, span: tuple[int, int], following: tuple[int, int]) -> bool:
    """Whether a cue's sentence runs on into the cue that follows it."""
    return (
        not _TRAILING_TAGS.sub("", text).endswith(_SENTENCE_END)
        and following[0] - span[1] <= RUNS_ON_MS
        and following[0] >= span[0]
    )


def joined_iou(lefts: Sequence[int], rights: Sequence[int], ls: Spans, rs: Spans) -> float:
    """Shared time over covered time of the left cues' union and the right cues' union."""
    a = merged_spans([ls[i] for i in lefts])
    b = merged_spans([rs[j] for j in rights])
    shared = shared_ms(a, b)
    covered = sum(end - start for start, end in merged_spans(a + b))
    return shared / covered if covered else 0.0
