"""A scene: the subtitle rows of a film between two times, in the worksheet's language and
the other one. Times are typed as `1:02:03`, `62:03` or `95`; a bad range is one clear error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.sheets.transcript import FILM_TRACKS, Transcript, load_transcript
from misma_luna.core.subtitles.alignment import AlignedRow
from misma_luna.core.subtitles.cue_text import parse_time

LANGUAGES = FILM_TRACKS  # the languages a worksheet can be in: the film's own tracks
_SOUND = re.compile(r"\[[^\]]*\]")  # "[Phone rings]": a description, not dialogue


class WorksheetError(MismaLunaError):
    """A worksheet that cannot be made as asked: a bad scene, a film without subtitles."""


@dataclass(frozen=True)
class SceneLine:
    """One row of the scene: its time, its text in the worksheet's language and the other."""

    start_ms: int
    target: str
    other: str

    @property
    def spoken(self) -> str:
        """The target text without sound descriptions such as `[Phone rings]`."""
        return " ".join(_SOUND.sub(" ", self.target).split())

    @property
    def other_spoken(self) -> str:
        """The other language's text without sound descriptions."""
        return " ".join(_SOUND.sub(" ", self.other).split())


@dataclass(frozen=True)
class Scene:
    """The rows between two times, in `language` and `other_language`."""

    start_ms: int
    end_ms: int
    language: str
    other_language: str
    lines: tuple[SceneLine, ...]


def other_language(language: str) -> str:
    """The other language of the pair: `es` -> `en`."""
    return LANGUAGES[1] if language == LANGUAGES[0] else LANGUAGES[0]


def read_time(text: str) -> int:
    """`1:02:03`, `62:03` or `95` (seconds) as milliseconds; `WorksheetError` otherwise."""
    ms = parse_time(text)
    if ms is None:
        raise WorksheetError(
            None, _("“{text}” is not a time; write it as 1:02:03 or 62:03").format(text=text)
        )
    return ms


def clock(milliseconds: int) -> str:
    """A time as a film clock: `1:02:03`, `0:04:05`."""
    seconds = max(milliseconds, 0) // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02}:{rest % 60:02}"


def film_transcript(film: FilmPackage) -> Transcript:
    """The film's own Spanish and English tracks aligned; `WorksheetError` when one is missing."""
    transcript = load_transcript(film)
    if transcript is None:
        raise WorksheetError(
            film.path, _("this film has no Spanish and English subtitles for a worksheet")
        )
    return transcript


def cut_scene(
    transcript: Transcript,
    language: str,
    span: tuple[int | None, int | None] = (None, None),
    runtime_ms: int | None = None,
) -> Scene:
    """The rows starting within `span` (None: the film's start or end), in `language` first."""
    rows = list(transcript.rows)
    film_end = max([runtime_ms or 0, *(row.end_ms for row in rows)])
    start = 0 if span[0] is None else span[0]
    end = film_end if span[1] is None else span[1]
    if start >= film_end:
        raise WorksheetError(
            None,
            _("the scene starts at {start}, after the film ends ({end})").format(
                start=clock(start), end=clock(film_end)
            ),
        )
    if end <= start:
        raise WorksheetError(
            None,
            _("the scene ends ({end}) before it starts ({start})").format(
                end=clock(end), start=clock(start)
            ),
        )
    lines = _lines([row for row in rows if start <= row.start_ms < end], transcript, language)
    if not any(line.spoken for line in lines):
        raise WorksheetError(
            None,
            _("no one speaks between {start} and {end}: choose another scene").format(
                start=clock(start), end=clock(end)
            ),
        )
    return Scene(start, min(end, film_end), language, other_language(language), lines)


def _lines(
    rows: Sequence[AlignedRow], transcript: Transcript, language: str
) -> tuple[SceneLine, ...]:
    """Each row's text, the worksheet's language first."""
    first = transcript.left_language != language and transcript.right_language == language
    lines = []
    for row in rows:
        left, right = (
            " ".join(" ".join(part.split()) for part in side) for side in (row.left, row.right)
        )
        target, other = (right, left) if first else (left, right)
        lines.append(SceneLine(row.start_ms, target, other))
    return tuple(lines)
