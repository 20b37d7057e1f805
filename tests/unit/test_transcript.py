"""The transcript recipe: two tracks loaded and aligned, the film's own or the ones given."""

from __future__ import annotations

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
