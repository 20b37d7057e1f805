"""Sync and pairing of two releases of one film, generated from our own dialogue.

Each test builds a film, times it as two releases would be, and checks that the sync is
found with no option and the rows are exactly the expected ones (or nearly, for long films).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from misma_luna.core.subtitles.alignment import MERGED, ONE_TO_ONE, UNPAIRED
from misma_luna.core.subtitles.pairing.pair import pair_tracks
from misma_luna.core.subtitles.sync.search import estimate_sync
from misma_luna.core.subtitles.sync.transform import Section, Transform, retime
from misma_luna.core.subtitles.tracks import Cue

from .subtitle_pairs import Pair, Release, accuracy, cut, film, frame_rate, make_pair


def rows_of(pair: Pair, transform: Transform | None = None) -> list[tuple[tuple[int, ...], ...]]:
    result = pair_tracks(pair.left, pair.right, transform)
    return [(row.left_cues, row.right_cues) for row in result.rows]


def english(**options: object) -> Release:
    return Release(language="en", seed=2, **options)  # type: ignore[arg-type]


def test_same_timing_pairs_every_line_one_to_one() -> None:
    pair = make_pair(film(60), Release(seed=1), english())
    result = pair_tracks(pair.left, pair.right)
    assert result.sync.transform.is_identity
    assert set(rows_of(pair)) == pair.expected
    assert all(row.kind == ONE_TO_ONE for row in result.rows)


@pytest.mark.parametrize("offset", [2430, -7000, 41_000, -95_500])
def test_a_constant_shift_is_found(offset: int) -> None:
    pair = make_pair(film(80), Release(seed=1), english(clock=lambda ms: ms - offset))
    result = pair_tracks(pair.left, pair.right)
    assert abs(result.sync.transform.offset_ms - offset) <= 150
    assert result.sync.transform.ratio == 1.0
    assert set(rows_of(pair)) == pair.expected


@pytest.mark.parametrize(("source", "target"), [(25, 23.976), (23.976, 25), (24, 25), (30, 29.97)])
def test_a_frame_rate_mismatch_is_found_and_named(source: float, target: float) -> None:
    lines = film(400, seed=4)
    pair = make_pair(lines, Release(seed=1), english(clock=frame_rate(source, target, 1500)))
    result = pair_tracks(pair.left, pair.right)
    assert result.sync.transform.ratio == pytest.approx(source / target, rel=1e-5)
    assert result.sync.transform.frame_rates is not None  # named (30/29.97 reads as 24/23.976)
    assert set(rows_of(pair)) == pair.expected


def test_a_different_cut_gives_sections_and_lone_lines() -> None:
    lines = film(300, seed=5)
    clock, lost = cut(lines, [(lines[120].start, 90_000)])
    pair = make_pair(lines, Release(seed=1, clock=clock, missing=lost), english())
    result = pair_tracks(pair.left, pair.right)
    assert result.sync.transform.cuts == 2
    assert abs(result.sync.transform.sections[-1].offset_ms + 90_000) <= 150
    assert accuracy(pair, rows_of(pair)) >= 0.98
    assert result.right_only >= len(lost) * 0.9


def test_a_moved_block_is_followed() -> None:
    lines = film(240, seed=6)
    block = (lines[100].start, lines[130].start)
    length = block[1] - block[0]

    def clock(ms: int) -> int:  # the block shown 2 minutes later, the film between it earlier
        if block[0] <= ms < block[1]:
            return ms + 120_000
        if block[1] <= ms < block[1] + 120_000:
            return ms - length
        return ms

    pair = make_pair(lines, Release(seed=1), english(clock=clock))
    assert accuracy(pair, rows_of(pair)) >= 0.95


def test_split_lines_share_a_row_either_side() -> None:
    lines = film(120, seed=7)
    left = Release(seed=1, split=frozenset(range(0, 120, 5)))
    right = english(split=frozenset(range(2, 120, 10)), join=frozenset(range(3, 120, 10)))
    pair = make_pair(lines, left, right)
    result = pair_tracks(pair.left, pair.right)
    assert set(rows_of(pair)) == pair.expected
    assert any(row.kind == MERGED and len(row.left) == 2 for row in result.rows)
    assert any(row.kind == MERGED and len(row.right) >= 2 for row in result.rows)


def test_gapless_shifted_track_pairs() -> None:
    lines = film(150, seed=8)
    pair = make_pair(lines, Release(seed=1), english(gapless=True, clock=lambda ms: ms + 3300))
    assert set(rows_of(pair)) == pair.expected


def test_missing_block_stays_unpaired_and_the_rest_pairs() -> None:
    lines = film(150, seed=9)
    pair = make_pair(lines, Release(seed=1), english(missing=frozenset(range(60, 80))))
    result = pair_tracks(pair.left, pair.right)
    assert set(rows_of(pair)) == pair.expected
    assert result.left_only == 20
    assert all(row.kind == UNPAIRED for row in result.rows if not row.right)


def test_zero_length_and_empty_cues_are_kept() -> None:
    lines = film(40, seed=10)
    pair = make_pair(lines, Release(seed=1, zero_length=frozenset({5, 6, 20})), english())
    pair.right.insert(10, Cue(pair.right[10].start_ms - 5, pair.right[10].start_ms - 5, "", ""))
    result = pair_tracks(pair.left, pair.right)
    kept = sorted(j for row in result.rows for j in row.right_cues)
    assert kept == list(range(len(pair.right)))
    assert sum(len(row.left_cues) for row in result.rows) == len(pair.left)
    zero = [row for row in result.rows if any(pair.left[i].text == pair.left[i].text and
            pair.left[i].start_ms == pair.left[i].end_ms for i in row.left_cues)]  # fmt: skip
    assert zero and all(row.paired for row in zero)


def test_unrelated_tracks_are_flagged() -> None:
    pair = make_pair(film(200, seed=11), Release(seed=1), english())
    other = make_pair(film(200, seed=12), Release(seed=3), english())
    result = pair_tracks(pair.left, other.right)
    assert result.sync.unrelated
    assert result.sync.transform.is_identity


def test_a_given_transform_is_taken_as_it_is() -> None:
    pair = make_pair(film(30), Release(seed=1), english(clock=lambda ms: ms + 5000))
    result = pair_tracks(pair.left, pair.right, Transform.constant(-5000))
    assert not result.sync.estimated
    assert set(rows_of(pair, Transform.constant(-5000))) == pair.expected
    assert all(row.confidence > 0.5 for row in result.rows if row.paired)


def test_two_picked_lines_define_offset_and_ratio() -> None:
    transform = Transform.from_anchors((10_000, 12_430), (3_600_000, 3_755_476))
    assert transform.frame_rates == (25.0, 23.976)
    assert abs(transform.map(10_000) - 12_430) <= 5
    assert Transform.from_anchors((1000, 3000), (1000, 3000)) == Transform.constant(2000)


def test_empty_and_tiny_tracks() -> None:
    assert pair_tracks([], []).rows == []
    one = [Cue(0, 1000, "Hola", "Hola")]
    assert [row.kind for row in pair_tracks(one, []).rows] == [UNPAIRED]
    assert estimate_sync(one, one).transform.is_identity


@settings(max_examples=25, deadline=None)
@given(
    offset=st.integers(-300_000, 300_000),
    ratio=st.sampled_from([1.0, 25 / 23.976, 23.976 / 25, 24 / 25, 30 / 29.97]),
    seed=st.integers(0, 1000),
)
def test_a_transform_applied_to_a_track_is_recovered(offset: int, ratio: float, seed: int) -> None:
    left = make_pair(film(160, seed=seed, start_ms=400_000), Release(seed=seed), english()).left
    truth = Transform(ratio, (Section(0, offset),))
    inverse = Transform(1 / ratio, (Section(0, round(-offset / ratio)),))
    right = sorted(retime(left, inverse), key=lambda cue: cue.start_ms)
    found = estimate_sync(left, right).transform
    for cue in right[::20]:
        assert abs(found.map(cue.start_ms) - truth.map(cue.start_ms)) <= 120
