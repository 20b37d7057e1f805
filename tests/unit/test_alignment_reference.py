"""The sweep in `align` against a plain reference that compares every cue with every cue.

The reference states the rule directly: each cue's partner is the cue of the other track it
overlaps most (ties: the later right cue, the earlier left cue); mutual partners share a
row, and so does a cue lying at least half inside its partner; linked cues form one row.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from misma_luna.core.subtitles.alignment import AlignedRow, align
from misma_luna.core.subtitles.tracks import Cue


def _overlap(a: Cue, b: Cue) -> int:
    return min(a.end_ms, b.end_ms) - max(a.start_ms, b.start_ms)


def _partner(cue: Cue, others: list[Cue], later_wins: bool) -> tuple[int, int]:
    best, best_overlap = -1, 0
    for index, other in enumerate(others):
        overlap = _overlap(cue, other)
        if overlap > best_overlap or (later_wins and overlap > 0 and overlap == best_overlap):
            best, best_overlap = index, overlap
    return best, best_overlap


def _mostly_inside(cue: Cue, overlap: int) -> bool:
    return 2 * overlap >= max(cue.end_ms - cue.start_ms, 1)


def reference_rows(left: list[Cue], right: list[Cue]) -> list[AlignedRow]:
    """Rows by brute force: O(n·m) partners, then groups of linked cues."""
    of_left = [_partner(cue, right, later_wins=True) for cue in left]
    of_right = [_partner(cue, left, later_wins=False) for cue in right]
    links = [
        (i, j)
        for i, (j, overlap) in enumerate(of_left)
        if j >= 0 and (of_right[j][0] == i or _mostly_inside(left[i], overlap))
    ] + [
        (i, j)
        for j, (i, overlap) in enumerate(of_right)
        if i >= 0 and _mostly_inside(right[j], overlap)
    ]
    groups = [({i}, set[int]()) for i in range(len(left))]
    groups += [(set[int](), {j}) for j in range(len(right))]
    for i, j in links:
        a = next(g for g in groups if i in g[0])
        b = next(g for g in groups if j in g[1])
        if a is not b:
            a[0].update(b[0])
            a[1].update(b[1])
            groups.remove(b)
    rows = []
    for lefts, rights in groups:
        cues = [left[i] for i in sorted(lefts)], [right[j] for j in sorted(rights)]
        both = cues[0] + cues[1]
        rows.append(
            AlignedRow(
                min(c.start_ms for c in both),
                max(c.end_ms for c in both),
                [c.text for c in cues[0]],
                [c.text for c in cues[1]],
                [c.markup for c in cues[0]],
                [c.markup for c in cues[1]],
            )
        )
    return sorted(rows)


@st.composite
def tracks(draw: st.DrawFn, prefix: str) -> list[Cue]:
    """A track sorted by start: close starts and repeated lengths, so ties and overlaps abound."""
    spans = draw(
        st.lists(
            st.tuples(st.integers(-5, 40), st.sampled_from([0, 1, 2, 3, 4, 5, 8, 20])),
            max_size=14,
        )
    )
    spans.sort(key=lambda span: span[0])
    return [
        Cue(start * 100, (start + length) * 100, f"{prefix}{i}", f"<i>{prefix}{i}</i>")
        for i, (start, length) in enumerate(spans)
    ]


@settings(max_examples=600, deadline=None)
@given(tracks("a"), tracks("b"))
def test_align_gives_the_rows_of_the_reference(left: list[Cue], right: list[Cue]) -> None:
    result = align(left, right)
    expected = reference_rows(left, right)
    assert result.rows == expected
    paired = sum(1 for row in expected if row.left and row.right)
    assert (result.stats.rows, result.stats.paired) == (len(expected), paired)
    assert result.stats.unpaired == len(expected) - paired


def test_one_long_cue_over_many_short_ones() -> None:
    left = [Cue(0, 10_000, "long", "long")]
    right = [Cue(start, start + 900, f"b{start}", "") for start in range(0, 10_000, 1000)]
    assert align(left, right).rows == reference_rows(left, right)
