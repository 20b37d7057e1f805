"""Finding the sync of two tracks with no help: a ratio, then offsets section by section.

Cue starts are the evidence (ends lie in gapless tracks). For each candidate ratio the
second track's starts, as bits on a 500 ms grid, are slid over the first's: the best ratio
lines up most starts. Its offset peaks, and the offsets of cues sharing rare words (numbers,
names, cognates), become states of a Viterbi walk along the second track that pays for every
jump between offsets; the walk's sections are then fitted (one ratio, one offset each).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from misma_luna.core.subtitles.sync.anchors import anchor_pairs, track_anchors
from misma_luna.core.subtitles.sync.fit import SHARE_MS, fit_sections, matched_share
from misma_luna.core.subtitles.sync.transform import FRAME_RATE_RATIOS, Section, Sync, Transform
from misma_luna.core.subtitles.tracks import Cue

BIN_MS = 500
SEARCH_MS = 15 * 60 * 1000  # the largest offset looked for, either way
MAX_STATES = 12  # offsets the walk chooses among
MAX_PEAKS = 8  # of which found by timing alone
MIN_VOTES = 6  # a peak of fewer lined-up starts is chance
JUMP_COST = 8.0  # what a jump between offsets costs, in cues that do not line up
NEAR_MS = 1000  # beyond this a start lines up with nothing
TIGHT_MS = 300  # starts this close line up by chance only rarely
MIN_CUES = 3
FEW_CUES = 20
KEEP_MARGIN = 0.03  # a found transform must line up this much more than none at all


def estimate_sync(left: Sequence[Cue], right: Sequence[Cue]) -> Sync:
    """The transform from `right`'s time to `left`'s that lines up most cue starts."""
    a_starts = sorted(cue.start_ms for cue in left)
    b_cues = sorted(right, key=lambda cue: cue.start_ms)
    if len(a_starts) < MIN_CUES or len(b_cues) < MIN_CUES:
        return Sync(Transform(), matched=0.0, confidence=0.0)
    b_starts = [cue.start_ms for cue in b_cues]
    a_bits = _bits(a_starts, spread=1)
    profiles = {ratio: _profile(a_bits, b_starts, ratio) for ratio in _ratios()}
    ranked = sorted(profiles, key=lambda r: max(profiles[r]), reverse=True)
    ratio = ranked[0]
    offsets = _peaks(profiles[ratio])
    offsets += _anchor_offsets(left, b_cues, ratio, offsets)
    offsets = [_refined(a_starts, b_starts, ratio, offset) for offset in offsets]
    path = _walk(a_starts, b_starts, ratio, offsets)
    sections = _sections(b_starts, path)
    transform = fit_sections(a_starts, b_starts, Transform(ratio, sections))
    found = _judged(a_starts, b_starts, transform, profiles, ranked)
    as_timed = matched_share(a_starts, b_starts, Transform())
    few = min(len(a_starts), len(b_starts)) < FEW_CUES
    if found.unrelated or (few and as_timed + KEEP_MARGIN >= found.matched):
        # Nothing lines up better than the tracks as they are: leave them be.
        return replace(found, transform=Transform(), matched=max(as_timed, found.matched))
    return found


def _ratios() -> list[float]:
    """1 and every ratio between two usual frame rates."""
    return [1.0, *sorted(FRAME_RATE_RATIOS)]


def _bits(times: Sequence[int], spread: int = 0) -> int:
    """One bit per 500 ms bin holding a time (and `spread` bins either side)."""
    mask = 0
    width = 2 * spread + 1
    block = (1 << width) - 1
    for ms in times:
        slot = max(ms // BIN_MS - spread, 0)
        mask |= block << slot
    return mask


def _profile(a_bits: int, b_starts: Sequence[int], ratio: float) -> list[int]:
    """Starts lined up for each offset -SEARCH..+SEARCH (in bins) of the scaled second track."""
    reach = SEARCH_MS // BIN_MS
    b_bits = _bits([round(ms * ratio) for ms in b_starts])
    counts = []
    for shift in range(-reach, reach + 1):
        moved = b_bits << shift if shift >= 0 else b_bits >> -shift
        counts.append((a_bits & moved).bit_count())
    return counts


def _peaks(profile: list[int]) -> list[int]:
    """The offsets (ms) of the profile's tallest separate peaks standing above its noise."""
    reach = SEARCH_MS // BIN_MS
    ordered = sorted(profile)
    noise = ordered[len(ordered) // 2]
    spread = max(ordered[(len(ordered) * 9) // 10] - noise, 1)
    floor = max(noise + 1.5 * spread, MIN_VOTES)
    picked: list[int] = []
    for index in sorted(range(len(profile)), key=profile.__getitem__, reverse=True):
        if len(picked) >= MAX_PEAKS or (picked and profile[index] < floor):
            break
        if all(abs(index - other) > 8 for other in picked):
            picked.append(index)
    return [(index - reach) * BIN_MS for index in picked]


def _refined(a_starts: Sequence[int], b_starts: Sequence[int], ratio: float, offset: int) -> int:
    """`offset` moved to the 100 ms step where most nearby starts land (peaks are rough)."""
    votes: dict[int, int] = {}
    for start in b_starts:
        mapped = round(ratio * start) + offset
        index = bisect_left(a_starts, mapped)
        for a in a_starts[max(index - 1, 0) : index + 1]:
            if abs(a - mapped) <= BIN_MS + 100:
                step = round((a - mapped) / 100)
                votes[step] = votes.get(step, 0) + 1
    if not votes:
        return offset
    return offset + 100 * max(votes, key=lambda step: (votes[step], -abs(step)))


def _anchor_offsets(
    left: Sequence[Cue], b_cues: Sequence[Cue], ratio: float, known: list[int]
) -> list[int]:
    """Offsets that several pairs of cues sharing rare words agree on, not known yet."""
    votes: dict[int, int] = {}
    pairs = anchor_pairs(track_anchors(left), track_anchors(b_cues))
    for i, j, _shared in pairs:
        offset = left[i].start_ms - round(ratio * b_cues[j].start_ms)
        slot = round(offset / (2 * BIN_MS))
        votes[slot] = votes.get(slot, 0) + 1
    found: list[int] = []
    for slot, count in sorted(votes.items(), key=lambda item: -item[1]):
        offset = slot * 2 * BIN_MS
        if count < 3 or len(known) + len(found) >= MAX_STATES:
            break
        if all(abs(offset - other) > 3 * BIN_MS for other in known + found):
            found.append(offset)
    return found


def _walk(
    a_starts: Sequence[int], b_starts: Sequence[int], ratio: float, offsets: list[int]
) -> list[int]:
    """The offset index of each second-track cue: Viterbi, paying `JUMP_COST` per jump."""
    states = range(len(offsets))
    scores = [0.0] * len(offsets)
    came_by_jump: list[list[int]] = []
    for start in b_starts:
        scaled = round(ratio * start)
        best = min(states, key=scores.__getitem__)
        jump_from = scores[best] + JUMP_COST
        row = []
        for k in states:
            stay = scores[k]
            cost = _miss(a_starts, scaled + offsets[k])
            if jump_from < stay:
                scores[k] = jump_from + cost
                row.append(best)
            else:
                scores[k] = stay + cost
                row.append(k)
        came_by_jump.append(row)
    state = min(states, key=scores.__getitem__)
    path = [0] * len(b_starts)
    for index in range(len(b_starts) - 1, -1, -1):
        path[index] = offsets[state]
        state = came_by_jump[index][state]
    return path


def _miss(a_starts: Sequence[int], ms: int) -> float:
    """0 when a first-track cue starts at `ms`, rising to 1 at `NEAR_MS` away."""
    index = bisect_left(a_starts, ms)
    gap = NEAR_MS
    if index < len(a_starts):
        gap = min(gap, a_starts[index] - ms)
    if index:
        gap = min(gap, ms - a_starts[index - 1])
    return gap / NEAR_MS


def _sections(b_starts: Sequence[int], path: list[int]) -> tuple[Section, ...]:
    """Runs of one offset along the second track, as sections (the first starts at 0)."""
    sections = [Section(0, path[0])] if path else [Section(0, 0)]
    for start, offset in zip(b_starts, path, strict=True):
        if offset != sections[-1].offset_ms:
            sections.append(Section(start, offset))
    return tuple(sections)


def _judged(
    a_starts: Sequence[int],
    b_starts: Sequence[int],
    transform: Transform,
    profiles: dict[float, list[int]],
    ranked: list[float],
) -> Sync:
    """The sync with its share of lined-up starts, its confidence and its doubts."""
    share = matched_share(a_starts, b_starts, transform)
    span = max(a_starts[-1] - a_starts[0], 1)
    chance = min(len(a_starts) * 2 * SHARE_MS / span, 1.0)  # a random start lands near one
    confidence = max(0.0, min(1.0, (share - chance) / max(0.55 - chance, 0.05)))
    best = max(profiles[ranked[0]])
    rivals = [r for r in ranked[1:] if abs(r / ranked[0] - 1) > 0.01]
    ambiguous = bool(rivals) and max(profiles[rivals[0]]) >= 0.9 * best and share < 0.5
    few = min(len(a_starts), len(b_starts)) < FEW_CUES  # too few cues to judge by
    tight = matched_share(a_starts, b_starts, transform, TIGHT_MS)
    tight_chance = chance * TIGHT_MS / SHARE_MS
    unrelated = not few and (tight < tight_chance + 0.15 or share < 0.12)
    ambiguous = ambiguous and not few
    if unrelated:
        confidence = min(confidence, 0.2)
    elif ambiguous:
        confidence = min(confidence, 0.5)
    return Sync(transform, share, round(confidence, 3), ambiguous, unrelated)
