"""A sheet's subtitle transcript: two tracks loaded and paired (the second's timing found by
itself), one row per line.

The one recipe for the window's print and PDF and for `misma-luna sheet --transcript`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from misma_luna.core.film.package import FilmPackage
from misma_luna.core.subtitles.alignment import AlignedRow
from misma_luna.core.subtitles.pairing.pair import pair_tracks
from misma_luna.core.subtitles.tracks import load_track

FILM_TRACKS = ("es", "en")  # the languages of a film's own tracks, in column order


@dataclass(frozen=True)
class Transcript:
    """Two subtitle tracks paired line by line, for a two-column transcript."""

    left_language: str | None
    right_language: str | None
    rows: Sequence[AlignedRow]


def has_film_tracks(film: FilmPackage) -> bool:
    """Whether the film has its own Spanish and English tracks for a transcript."""
    return all(code in film.subtitle_tracks for code in FILM_TRACKS)


def load_transcript(film: FilmPackage, paths: Sequence[Path] = ()) -> Transcript | None:
    """The two tracks at `paths` (else the film's own Spanish and English ones) paired, the
    second's timing found; None when the film lacks one of its own. Raises `SubtitleError`
    for a bad track."""
    if not paths:
        if not has_film_tracks(film):
            return None
        paths = [film.subtitle_tracks[code] for code in FILM_TRACKS]
    left, right = (load_track(path) for path in paths)
    return Transcript(left.language, right.language, pair_tracks(left.cues, right.cues).rows)
