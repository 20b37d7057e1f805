"""Alignment of two tracks by time, the offset estimate, shifting, and the CSV export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from misma_luna.core.base.errors import SubtitleError
from misma_luna.core.subtitles.alignment import align, merged_spans, shared_ms
from misma_luna.core.subtitles.csv_export import csv_text, write_csv
from misma_luna.core.subtitles.tracks import Cue, load_track

SUBS = Path(__file__).resolve().parent.parent / "data" / "subtitles"


def cues(*spans: tuple[int, int], prefix: str = "c") -> list[Cue]:
    """Cues at the given (start, end) seconds, named c0, c1, ..."""
    return [
        Cue(start * 1000, end * 1000, f"{prefix}{i}", f"{prefix}{i}")
        for i, (start, end) in enumerate(spans)
    ]


def sides(rows: list) -> list[tuple[list[str], list[str]]]:  # type: ignore[type-arg]
    return [(row.left, row.right) for row in rows]


def test_identical_timing_pairs_one_to_one() -> None:
    spans = ((1, 3), (4, 6), (7, 9))
    result = align(cues(*spans, prefix="a"), cues(*spans, prefix="b"))
    assert sides(result.rows) == [(["a0"], ["b0"]), (["a1"], ["b1"]), (["a2"], ["b2"])]
    assert (result.stats.rows, result.stats.paired, result.stats.unpaired) == (3, 3, 0)
    assert result.rows[1].start_ms == 4000 and result.rows[1].end_ms == 6000


def test_shifted_track_still_pairs_with_its_counterparts() -> None:
    left = cues((1, 3), (4, 6), (7, 9), (10, 12), prefix="a")
    right = [Cue(c.start_ms + 900, c.end_ms + 900, c.text, c.markup) for c in cues(
        (1, 3), (4, 6), (7, 9), (10, 12), prefix="b")]  # fmt: skip
    result = align(left, right)
    assert sides(result.rows) == [([f"a{i}"], [f"b{i}"]) for i in range(4)]


def test_one_cue_split_in_two_shares_a_row() -> None:
    left = cues((1, 5), (6, 8), prefix="a")
    right = cues((1, 3), (3, 5), (6, 8), prefix="b")
    result = align(left, right)
    assert sides(result.rows) == [(["a0"], ["b0", "b1"]), (["a1"], ["b2"])]
    assert result.stats.paired == 2


def test_two_cues_joined_in_one_share_a_row() -> None:
    left = cues((1, 3), (3, 5), (6, 8), prefix="a")
    right = cues((1, 5), (6, 8), prefix="b")
    result = align(left, right)
    assert sides(result.rows) == [(["a0", "a1"], ["b0"]), (["a2"], ["b1"])]


def test_missing_cues_get_rows_of_their_own() -> None:
    left = cues((1, 3), (4, 6), (7, 9), prefix="a")
    right = cues((1, 3), (7, 9), (20, 21), prefix="b")
    result = align(left, right)
    assert sides(result.rows) == [
        (["a0"], ["b0"]),
        (["a1"], []),
        (["a2"], ["b1"]),
        ([], ["b2"]),
    ]
    assert (result.stats.rows, result.stats.paired, result.stats.unpaired) == (4, 2, 2)
    assert result.stats.summary() == "4 rows: 2 paired by time, 2 unpaired"


def test_one_empty_track() -> None:
    result = align(cues((1, 2), (3, 4), prefix="a"), [])
    assert sides(result.rows) == [(["a0"], []), (["a1"], [])]
    assert result.stats.summary() == "2 rows: 0 paired by time, 2 unpaired"
    assert align([], []).rows == []


def test_a_slight_touch_does_not_chain_neighbours() -> None:
    left = cues((0, 4), (4, 8), (8, 12), prefix="a")
    right = [Cue(c.start_ms + 1500, c.end_ms + 1500, c.text, c.markup) for c in cues(
        (0, 4), (4, 8), (8, 12), prefix="b")]  # fmt: skip
    assert len(align(left, right).rows) == 3


def test_shifted_track_and_shared_time() -> None:
    track = load_track(SUBS / "pair.en.srt")
    later = track.shifted(500)
    assert later.cues[0].start_ms == track.cues[0].start_ms + 500
    assert track.shifted(0) is track
    left = merged_spans([(1000, 3000)])
    assert shared_ms(left, merged_spans([(2000, 5000)])) == 1000
    assert shared_ms(left, merged_spans([(1000, 4000)])) == 2000  # moved 1 s earlier


def test_sample_pair_and_csv(tmp_path: Path) -> None:
    spanish, english = load_track(SUBS / "pair.es.srt"), load_track(SUBS / "pair.en.srt")
    result = align(spanish.cues, english.cues)
    assert result.stats.summary() == "5 rows: 3 paired by time, 2 unpaired"
    assert result.rows[1].right == ["It's close. Walk two blocks", "and then turn right."]
    target = tmp_path / "pair.csv"
    write_csv(result, target, "es", "en")
    assert target.read_bytes().startswith(b"\xef\xbb\xbfstart,end,es,en")  # Excel's accents
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["start", "end", "es", "en"]
    assert len(rows) == 1 + len(result.rows)
    assert rows[2] == [
        "00:00:04.000",
        "00:00:07.800",
        "Está cerca. Camina dos cuadras y luego dobla a la derecha.",
        "It's close. Walk two blocks\nand then turn right.",
    ]
    assert rows[4] == ["00:00:12.000", "00:00:14.000", "De nada, mijo.", ""]
    assert [p.name for p in tmp_path.iterdir()] == ["pair.csv"]
    assert csv_text(result, "es", "es").splitlines()[0] == "start,end,es,es-2"


def test_csv_without_the_byte_order_mark_for_scripts(tmp_path: Path) -> None:
    spanish, english = load_track(SUBS / "pair.es.srt"), load_track(SUBS / "pair.en.srt")
    target = tmp_path / "pair.csv"
    write_csv(align(spanish.cues, english.cues), target, "es", "en", bom=False)
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["start", "end", "es", "en"]
    assert "De nada, mijo." in rows[4]


def test_csv_to_a_missing_folder_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "pair.csv"
    with pytest.raises(SubtitleError, match=r"pair\.csv: the file cannot be written"):
        write_csv(align([], []), target, "es", "en")
