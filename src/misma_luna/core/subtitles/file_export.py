"""A pairing written back as subtitles: one dual-language file, or the second track retimed.

The dual file holds one cue per row in the first track's timing, the first track's line
above the second's; the retimed track is the second file with the sync applied. Both are
SRT, ASS/SSA or WebVTT (by suffix) and written whole, never half a file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import unescape
from pathlib import Path

from misma_luna.core.base.errors import SubtitleError, cannot_write
from misma_luna.core.base.file_writing import write_whole
from misma_luna.core.base.i18n import _
from misma_luna.core.subtitles.alignment import Alignment
from misma_luna.core.subtitles.sync.transform import Transform, retime
from misma_luna.core.subtitles.tracks import Cue

FORMATS = {".srt": "srt", ".ass": "ass", ".ssa": "ssa", ".vtt": "vtt"}
SYNCED = ".synced"  # `film.en.synced.srt`: the second track retimed
_TAG = re.compile(r"<br>|<i>|</i>")
_ASS_TAGS = {"<br>": "\\N", "<i>": "{\\i1}", "</i>": "{\\i0}"}


def subtitle_format(path: Path) -> str | None:
    """The format a subtitle file at `path` is written in, or None for another suffix."""
    return FORMATS.get(path.suffix.lower())


def is_synced_name(path: Path) -> bool:
    """Whether `path` asks for the retimed second track (`name.synced.srt`)."""
    return subtitle_format(path) is not None and path.stem.lower().endswith(SYNCED)


def _ass_text(markup: str) -> str:
    """Display markup (`<i>`, `<br>`, escaped text) as SubStation text."""
    return unescape(_TAG.sub(lambda match: _ASS_TAGS[match.group()], markup))


def dual_cues(alignment: Alignment) -> list[tuple[int, int, str]]:
    """(start, end, SubStation text) of each row: the first track's lines over the second's.

    A row with first-track cues keeps their times; a row of the second track alone keeps
    its synced times.
    """
    cues = []
    for row in alignment.rows:
        start, end = row.left_span if row.left_span is not None else (row.start_ms, row.end_ms)
        lines = [_ass_text(markup) for markup in row.left_markup + row.right_markup]
        cues.append((start, end, "\\N".join(line for line in lines if line)))
    return cues


def write_dual(alignment: Alignment, path: Path) -> None:
    """Write the pair as one dual-language subtitle file at `path`."""
    _write(dual_cues(alignment), path)


def write_synced(cues: Sequence[Cue], transform: Transform, path: Path) -> None:
    """Write the second track's `cues` moved by `transform` at `path`."""
    moved = sorted(retime(cues, transform), key=lambda cue: cue.start_ms)
    _write([(cue.start_ms, cue.end_ms, _ass_text(cue.markup)) for cue in moved], path)


def _write(cues: list[tuple[int, int, str]], path: Path) -> None:
    format_ = subtitle_format(path)
    if format_ is None:
        raise SubtitleError(path, _("subtitles can be written as .srt, .ass, .ssa or .vtt"))
    # pysubs2 loads only when subtitles are written.
    import pysubs2  # noqa: PLC0415

    subs = pysubs2.SSAFile()
    for start, end, text in cues:
        subs.append(pysubs2.SSAEvent(start=max(start, 0), end=max(end, start, 0), text=text))
    try:
        write_whole(path, subs.to_string(format_).encode("utf-8"))
    except OSError as error:
        raise SubtitleError(path, cannot_write(error)) from None
