"""The transcript recipe: two tracks loaded and aligned, the film's own or the ones given."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from misma_luna.core.base.errors import SubtitleError
from misma_luna.core.sheets.transcript import has_film_tracks, load_transcript


def test_the_film_s_own_tracks_make_a_spanish_english_transcript(bundled_film) -> None:
    transcript = load_transcript(bundled_film)
    assert transcript is not None
    assert (transcript.left_language, transcript.right_language) == ("es", "en")
    first = transcript.rows[0]
    assert first.left and first.right and first.start_ms <= transcript.rows[-1].start_ms


def test_tracks_given_come_in_their_order(bundled_film) -> None:
    tracks = bundled_film.subtitle_tracks
    transcript = load_transcript(bundled_film, [tracks["en"], tracks["es"]])
    assert transcript is not None
    assert (transcript.left_language, transcript.right_language) == ("en", "es")


def test_a_film_without_both_tracks_has_no_transcript(bundled_film) -> None:
    alone = replace(bundled_film, subtitle_tracks={"es": bundled_film.subtitle_tracks["es"]})
    assert not has_film_tracks(alone) and has_film_tracks(bundled_film)
    assert load_transcript(alone) is None


def test_a_track_that_cannot_be_read_is_a_subtitle_error(bundled_film, tmp_path: Path) -> None:
    broken = tmp_path / "broken.srt"
    broken.write_text("no cues here", encoding="utf-8")
    with pytest.raises(SubtitleError, match=r"broken\.srt"):
        load_transcript(bundled_film, [bundled_film.subtitle_tracks["es"], broken])


@pytest.fixture
def pairings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry for each pairing `load_transcript` runs in the test (none kept from before)."""
    from misma_luna.core.sheets import transcript

    calls: list[int] = []
    real = transcript.pair_tracks

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(transcript, "pair_tracks", counted)
    transcript._paired_unchanged.cache_clear()
    return calls


@pytest.fixture
def tracks(tmp_path: Path) -> list[Path]:
    """A Spanish and an English track of two lines, timed alike."""
    spanish, english = tmp_path / "a.es.srt", tmp_path / "a.en.srt"
    spanish.write_text(
        "1\n00:00:01,000 --> 00:00:03,000\nHola, mamá.\n\n"
        "2\n00:00:05,000 --> 00:00:07,000\n¿Cuándo vienes?\n",
        encoding="utf-8",
    )
    english.write_text(
        "1\n00:00:01,000 --> 00:00:03,000\nHi, Mom.\n\n"
        "2\n00:00:05,000 --> 00:00:07,000\nWhen are you coming?\n",
        encoding="utf-8",
    )
    return [spanish, english]


def test_the_same_unchanged_tracks_are_paired_once(
    bundled_film, pairings: list[int], tracks: list[Path]
) -> None:
    first = load_transcript(bundled_film, tracks)
    again = load_transcript(bundled_film, tracks)
    assert len(pairings) == 1
    assert first is not None and again is first  # the pair kept, not made again
    assert isinstance(first.rows, tuple)  # shared: nobody can change it for the next sheet


def test_a_track_edited_in_the_same_tick_and_size_is_paired_again(
    bundled_film, pairings: list[int], tracks: list[Path]
) -> None:
    before = load_transcript(bundled_film, tracks)
    info = tracks[1].stat()
    tracks[1].write_text(
        tracks[1].read_text(encoding="utf-8").replace("Hi, Mom.", "Yo, Mom."), encoding="utf-8"
    )
    os.utime(tracks[1], ns=(info.st_atime_ns, info.st_mtime_ns))  # same size, same time
    after = load_transcript(bundled_film, tracks)
    assert len(pairings) == 2
    assert before is not None and after is not None
    assert before.rows[0].right == ["Hi, Mom."] and after.rows[0].right == ["Yo, Mom."]


def test_a_track_that_went_missing_says_so_instead_of_the_kept_pair(
    bundled_film, pairings: list[int], tracks: list[Path]
) -> None:
    assert load_transcript(bundled_film, tracks) is not None
    tracks[0].unlink()
    with pytest.raises(SubtitleError, match=r"a\.es\.srt"):
        load_transcript(bundled_film, tracks)
