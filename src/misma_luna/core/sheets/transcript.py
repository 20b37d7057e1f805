"""A sheet's subtitle transcript: two tracks loaded and paired (the second's timing found by
itself), one row per line.

The one recipe for the window's print and PDF, its worksheets and `misma-luna sheet
--transcript`. Pairing two 2-hour tracks takes a quarter of a second, and a teacher previews,
prints and exports in turn: the last few pairs are kept while their files stay as they were
(`regular_files.file_stamp`: size, times, inode and checksum).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from misma_luna.core.base.regular_files import file_stamp
from misma_luna.core.base.text_decoding import MAX_TEXT_BYTES
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
    stamps = [_stamp(path) for path in paths]
    if None in stamps:
        return _paired(tuple(paths))  # load_track says what is wrong with the file
    return _paired_unchanged(tuple(paths), tuple(stamps))


# How many pairs of tracks are kept (a film's own, and one or two the reader chose).
KEPT_PAIRS = 4


@lru_cache(maxsize=KEPT_PAIRS)
def _paired_unchanged(
    paths: tuple[Path, ...], stamps: tuple[tuple[int, ...] | None, ...]
) -> Transcript:
    """`_paired(paths)`, kept for files with these `stamps`."""
    return _paired(paths)


def _paired(paths: tuple[Path, ...]) -> Transcript:
    left, right = (load_track(path) for path in paths)
    return Transcript(left.language, right.language, tuple(pair_tracks(left.cues, right.cues).rows))


def _stamp(path: Path) -> tuple[int, ...] | None:
    """What tells the file changed (`file_stamp`); None for what is not a readable subtitle
    file (missing, not a plain file, too large): `load_track` says what is wrong with it."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_TEXT_BYTES:
            return None
        return file_stamp(path, info, MAX_TEXT_BYTES)
    except OSError:
        return None
