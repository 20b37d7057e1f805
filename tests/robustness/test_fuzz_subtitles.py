"""Fuzzing subtitle loading and alignment: any bytes, any timings, any markup.

A track loads or raises `SubtitleError`; its cues are in time order with plain text and
safe display markup; aligning two tracks keeps every cue exactly once, in time order.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from misma_luna.core.base.errors import SubtitleError
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.subtitles.alignment import align
from misma_luna.core.subtitles.pairing.pair import pair_tracks
from misma_luna.core.subtitles.sync.transform import MAX_OFFSET_MS
from misma_luna.core.subtitles.tracks import Cue, Track, parse_bytes

from .figures import fuzzed
from .hostile import SCRIPT_TRICKS, assert_sanitized, mutated

SRT = (bundled_film_dir() / "subtitles" / "es.srt").read_bytes()
NAMES = ("es.srt", "en.vtt", "track.ass", "x.ssa", "movie.sub", "notes.txt", "a.json", "noext")
CUE_TEXT = st.one_of(
    st.sampled_from(("<i>¿Mamá?</i>", "{\\an8}Carlitos", "<font color=red>red</font>",
                     "<b>bold</b>", "line one\nline two", "♪ music ♪", "- Hola\n- Hello",
                     "&lt;&amp;&gt;", "{\\p1}m 0 0 l 100 0{\\p0}", "")),
    st.sampled_from(SCRIPT_TRICKS),
    st.text(max_size=40),
)  # fmt: skip


def _stamp(ms: int, comma: str = ",") -> str:
    hours, rest = divmod(max(ms, 0), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{comma}{millis:03d}"


@st.composite
def srt_text(draw: st.DrawFn) -> bytes:
    """An SRT (or WebVTT) file with odd timings, numbering and markup."""
    vtt = draw(st.booleans())
    parts = ["WEBVTT\n\n"] if vtt else []
    for number in range(draw(st.integers(0, 25))):
        start = draw(st.integers(-5000, 10_000_000))
        end = start + draw(st.integers(-3000, 20_000))
        arrow = draw(st.sampled_from((" --> ", "-->", " -> ", " --> ")))
        label = draw(st.sampled_from((str(number + 1), "", "x", str(number))))
        separator = "." if vtt else ","
        timing = f"{_stamp(start, separator)}{arrow}{_stamp(end, separator)}"
        parts.append(f"{label}\n{timing}\n{draw(CUE_TEXT)}\n\n")
    text = "".join(parts)
    encoding = draw(st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "cp1252")))
    return text.encode(encoding, errors="replace")


def _load(data: bytes, name: str) -> Track | None:
    try:
        track = parse_bytes(data, Path(name))
    except SubtitleError as error:
        assert error.path == Path(name) and error.problem
        return None
    starts = [cue.start_ms for cue in track.cues]
    assert starts == sorted(starts)
    for cue in track.cues:
        assert cue.end_ms >= cue.start_ms and cue.text.strip()
        assert_sanitized(cue.markup)
    for problem in track.problems:
        assert problem.message
    return track


@given(data=st.binary(max_size=4096), name=st.sampled_from(NAMES))
@fuzzed("subtitles: random bytes")
def test_random_bytes(data: bytes, name: str) -> None:
    _load(data, name)


@given(data=st.one_of(srt_text(), mutated(SRT, 8)), name=st.sampled_from(NAMES))
@fuzzed("subtitles: damaged and generated tracks")
def test_damaged_tracks(data: bytes, name: str) -> None:
    _load(data, name)


@given(left=st.one_of(srt_text(), mutated(SRT, 4)), right=st.one_of(srt_text(), mutated(SRT, 4)))
@fuzzed("subtitles: alignment of two tracks")
def test_alignment_keeps_every_cue_once(left: bytes, right: bytes) -> None:
    a, b = _load(left, "es.srt"), _load(right, "en.srt")
    if a is None or b is None:
        return
    result = align(a.cues, b.cues)
    assert sum(len(row.left) for row in result.rows) == len(a.cues)
    assert sum(len(row.right) for row in result.rows) == len(b.cues)
    assert sorted(t for row in result.rows for t in row.left) == sorted(c.text for c in a.cues)
    starts = [row.start_ms for row in result.rows]
    assert starts == sorted(starts)
    assert result.stats.rows == len(result.rows)
    assert result.stats.summary()
    pairing = pair_tracks(a.cues, b.cues)  # the timing found by itself, then the pairs
    assert abs(pairing.sync.transform.offset_ms) <= MAX_OFFSET_MS
    assert sorted(i for row in pairing.rows for i in row.left_cues) == list(range(len(a.cues)))
    assert sorted(j for row in pairing.rows for j in row.right_cues) == list(range(len(b.cues)))


def test_alignment_of_nothing() -> None:
    cue = Cue(0, 1000, "Hola", "Hola")
    assert align([], []).rows == []
    assert [row.left for row in align([cue], []).rows] == [["Hola"]]
