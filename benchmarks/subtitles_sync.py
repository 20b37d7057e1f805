"""Subtitles: sync and pair a generated two-hour pair timed as two different releases.

The pair (about 2,000 lines of the tests' own dialogue) has the English track made at 25 fps
against a 23.976 fps Spanish one, moved 2.43 s, with two scenes the Spanish cut lacks, lines
split differently and gapless English timing. Speed: `pair_tracks` with no options beside
the plain `align` of the pair already synced (the pairing alone, no sync to find), measured
alternately in this process. Accuracy: the share of expected rows found, beside `align` on
the pair as given (what the app did before it could sync).
"""

from __future__ import annotations

from benchmarks.common import Figure, absolute_figure, alternate, not_measured, timed

NAME = "Subtitles: sync + pair a 2-hour pair (25 → 23.976 fps, 2 cuts)"
ACCURACY = "Subtitles: rows paired right on that pair"
LIMIT_MS = 500.0
TARGET_SHARE = 95.0
LINES = 2000


def generated_pair() -> tuple[object, set[tuple[tuple[int, ...], tuple[int, ...]]]] | str:
    """The pair and its expected rows, or why it cannot be made."""
    try:
        from tests.unit.subtitle_pairs import Release, cut, film, frame_rate, make_pair
    except ImportError as error:
        return f"the tests' pair generator is missing: {error}"
    lines = film(LINES, seed=3)
    clock, lost = cut(lines, [(lines[600].start, 150_000), (lines[1400].start, 240_000)])
    spanish = Release(clock=clock, missing=lost, split=frozenset(range(0, LINES, 13)), seed=1)
    english = Release(
        clock=frame_rate(25, 23.976, 2430),
        language="en",
        split=frozenset(range(5, LINES, 17)),
        gapless=True,
        jitter_ms=120,
        seed=2,
    )
    pair = make_pair(lines, spanish, english)
    return pair, pair.expected


def measure(pairs: int) -> list[Figure]:
    """Alternate sync+pair and the plain pairing of the synced pair; score both pairings."""
    try:
        from misma_luna.core.subtitles.alignment import align
        from misma_luna.core.subtitles.pairing.pair import pair_tracks
        from misma_luna.core.subtitles.sync.anchors import anchor_words
        from misma_luna.core.subtitles.sync.transform import retime
    except ImportError as error:
        reason = f"core.subtitles.pairing is missing: {error}"
        return [not_measured(NAME, "ms", f"≤ {LIMIT_MS:g} ms", reason)]
    made = generated_pair()
    if isinstance(made, str):
        return [not_measured(NAME, "ms", f"≤ {LIMIT_MS:g} ms", made)]
    pair, expected = made
    left, right = pair.left, pair.right  # type: ignore[attr-defined]
    synced = retime(right, pair_tracks(left, right).sync.transform)
    fresh = anchor_words.cache_clear  # every run reads the lines afresh
    app, base = alternate(
        timed(lambda: pair_tracks(left, right), fresh),
        timed(lambda: align(left, synced), fresh),
        pairs,
    )
    found = {(row.left_cues, row.right_cues) for row in pair_tracks(left, right).rows}
    share = 100 * len(expected & found) / len(expected)
    before = _align_share(align(left, right).rows, left, right, expected)
    sizes = f"{len(left)} + {len(right)} cues"
    return [
        absolute_figure(
            NAME, "ms", LIMIT_MS, app, base, note=f"{sizes}; baseline: align on the synced pair"
        ),
        Figure(
            name=ACCURACY,
            unit="%",
            target=f"≥ {TARGET_SHARE:g} %",
            value=share,
            baseline=before,
            ratio=share / before if before else None,
            met=share >= TARGET_SHARE,
            note="baseline: align on the pair as given, no sync",
        ),
    ]


def _align_share(rows: list, left: list, right: list, expected: set) -> float:  # type: ignore[type-arg]
    """Share of expected rows that `align`'s rows reproduce (its rows hold texts, not cue
    indexes: each text is taken as the cue holding it nearest to the row)."""
    found = {
        (_indexes(row.left, row.start_ms, left), _indexes(row.right, row.start_ms, right))
        for row in rows
    }
    return 100 * len(expected & found) / len(expected)


def _indexes(texts: list[str], near_ms: int, cues: list) -> tuple[int, ...]:  # type: ignore[type-arg]
    """The indexes of the cues holding `texts` nearest to `near_ms`, sorted."""
    chosen = []
    for text in texts:
        candidates = _where(cues).get(text, [])
        chosen.append(min(candidates, key=lambda i: abs(cues[i].start_ms - near_ms)))
    return tuple(sorted(chosen))


_PLACES: dict[int, dict[str, list[int]]] = {}


def _where(cues: list) -> dict[str, list[int]]:  # type: ignore[type-arg]
    """Text -> indexes of the cues holding it (kept per track)."""
    if id(cues) not in _PLACES:
        places: dict[str, list[int]] = {}
        for index, cue in enumerate(cues):
            places.setdefault(cue.text, []).append(index)
        _PLACES[id(cues)] = places
    return _PLACES[id(cues)]
