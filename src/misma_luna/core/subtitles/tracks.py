"""Subtitle tracks: decode a file, parse it with pysubs2, check it, keep clean cues in time order.

Fatal problems (not subtitles, empty, binary, too large, unknown format) raise `SubtitleError`;
a partly valid file loads its valid part and lists what was skipped or odd in `Track.problems`.
Pairing two tracks lives in `pairing` (and the plain `alignment`).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from misma_luna.core.base.errors import SubtitleError, TextFileError, cannot_read
from misma_luna.core.base.i18n import _, ngettext
from misma_luna.core.base.regular_files import read_regular_bytes, read_regular_text
from misma_luna.core.base.text_decoding import DecodedText, decode_bytes
from misma_luna.core.subtitles.cue_text import clean_cue, language_from_name, language_from_text
from misma_luna.core.subtitles.srt_check import SrtReport, check_srt, timing_lines

MAX_SUBTITLE_BYTES = 10 * 1024 * 1024
FORMAT_SAMPLE_CHARS = 10_000  # how much of a file the format is guessed from, at first


class Cue(NamedTuple):
    """One subtitle: when it shows, its plain text and its display markup (`<i>`, `<br>`)."""

    start_ms: int
    end_ms: int
    text: str
    markup: str


@dataclass(frozen=True)
class Track:
    """A subtitle file as read: cues sorted by start, language, encoding, and problems found."""

    path: Path
    cues: tuple[Cue, ...]
    language: str | None
    encoding: str
    format: str
    repaired: int = 0
    skipped: int = 0
    problems: tuple[SubtitleError, ...] = field(default_factory=tuple)

    def with_language(self, language: str | None) -> Track:
        """The same track, declared to be in `language`."""
        return replace(self, language=language)

    def shifted(self, offset_ms: int) -> Track:
        """The same track with every cue moved by `offset_ms` (negative = earlier)."""
        if offset_ms == 0:
            return self
        moved = tuple(
            Cue(c.start_ms + offset_ms, c.end_ms + offset_ms, c.text, c.markup) for c in self.cues
        )
        return replace(self, cues=moved)


def load_track(path: Path, encoding: str | None = None, language: str | None = None) -> Track:
    """Read a subtitle file; `encoding` forces a codec, `language` overrides the guess."""
    decoded = _read(path, encoding)
    return parse_track(decoded, path, language)


def _read(path: Path, encoding: str | None) -> DecodedText:
    try:
        if encoding is None:
            return read_regular_text(path, MAX_SUBTITLE_BYTES)
        data = _read_bytes(path)
        return _decode_as(data, path, encoding)
    except TextFileError as error:
        raise SubtitleError(error.path, error.problem, error.line) from None


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_SUBTITLE_BYTES:
            limit = MAX_SUBTITLE_BYTES // 1048576
            message = _("the file is too large ({size} MB; the limit is {limit} MB)")
            raise SubtitleError(path, message.format(size=round(size / 1048576, 1), limit=limit))
        return read_regular_bytes(path, MAX_SUBTITLE_BYTES)
    except OSError as error:
        raise SubtitleError(path, cannot_read(error)) from None


def _decode_as(data: bytes, path: Path, encoding: str) -> DecodedText:
    """Decode with the codec the reader chose: no guessing and no repair."""
    try:
        text = codecs.decode(data, encoding)
    except LookupError:
        raise SubtitleError(
            path, _("{encoding} is not a known encoding").format(encoding=encoding)
        ) from None
    except UnicodeDecodeError:
        raise SubtitleError(
            path, _("the file cannot be read as {encoding}").format(encoding=encoding)
        ) from None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text=text, encoding=codecs.lookup(encoding).name, original=text)


def parse_bytes(data: bytes, path: Path, language: str | None = None) -> Track:
    """Parse a subtitle file already in memory (decoding as `load_track` does)."""
    try:
        decoded = decode_bytes(data, path)
    except TextFileError as error:
        raise SubtitleError(error.path, error.problem, error.line) from None
    return parse_track(decoded, path, language)


def parse_track(decoded: DecodedText, path: Path, language: str | None = None) -> Track:
    """Decoded text -> Track, or `SubtitleError` naming the file and the problem."""
    text = decoded.text
    if not text.strip():
        raise SubtitleError(path, _("the file is empty"))
    format_ = _detect_format(text, path)
    report = check_srt(text, path) if format_ == "srt" else SrtReport(text)
    events = _parse_events(report.text, format_, path)
    cues, backwards = _clean_events(events)
    problems = list(report.problems)
    empty = len(events) - len(cues) - len(backwards)
    if empty:
        problems.append(_empty_problem(path, empty))
    if backwards:
        lines = timing_lines(text) if format_ == "srt" else []
        problems.append(_backwards_problem(path, backwards, lines))
    if not cues:
        if problems:
            raise problems[0]
        raise SubtitleError(path, _("this is not a subtitle file: it has no cues with text"))
    cues.sort(key=lambda cue: cue.start_ms)
    overlap = _overlap_problem(path, cues)
    if overlap is not None:
        problems.append(overlap)
    guessed = language or language_from_name(path) or language_from_text(_sample(cues))
    return Track(
        path=path,
        cues=tuple(cues),
        language=guessed,
        encoding=decoded.encoding,
        format=format_,
        repaired=decoded.repaired,
        skipped=report.skipped + len(backwards),
        problems=tuple(problems),
    )


def _detect_format(text: str, path: Path) -> str:
    # pysubs2 and its helpers load when a track is read, after the first paint.
    import pysubs2  # noqa: PLC0415

    by_extension = pysubs2.formats.FILE_EXTENSION_TO_FORMAT_IDENTIFIER.get(path.suffix.lower())
    if by_extension is not None:
        implementation = pysubs2.formats.get_format_class(by_extension)
        # The start of a file says its format (pysubs2's own loading looks no further); the
        # whole text is searched only when the start does not agree with the extension.
        guesses = (implementation.guess_format(t) for t in (text[:FORMAT_SAMPLE_CHARS], text))
        if any(guess == by_extension for guess in guesses):
            return str(by_extension)
    try:
        return str(pysubs2.formats.autodetect_format(text))
    except pysubs2.exceptions.FormatAutodetectionError as error:
        found = list(getattr(error, "formats", []))
        if by_extension in found:
            return str(by_extension)
        if not found and "-->" in text:
            return "srt"  # timings too broken to detect; the SRT check says which
        if by_extension is None and not found:
            raise SubtitleError(
                path,
                _(
                    "this subtitle format is not known ({suffix}); Misma Luna reads SRT, WebVTT, "
                    "ASS/SSA, MicroDVD, SAMI and TTML"
                ).format(suffix=path.suffix or path.name),
            ) from None
        raise SubtitleError(
            path, _("this is not a subtitle file: no cue timings were found")
        ) from None


def _parse_events(text: str, format_: str, path: Path) -> list[tuple[int, int, str]]:
    # pysubs2 and its helpers load when a track is read, after the first paint.
    import pysubs2  # noqa: PLC0415

    try:
        options = {"keep_html_tags": True} if format_ in ("srt", "vtt") else {}
        subs = pysubs2.SSAFile.from_string(text, format_=format_, **options)
    except (pysubs2.exceptions.Pysubs2Error, ValueError, KeyError, IndexError) as error:
        message = _("the file cannot be read as {format} subtitles ({reason})")
        raise SubtitleError(path, message.format(format=format_.upper(), reason=error)) from None
    return [
        (event.start, event.end, event.text)
        for event in subs.events
        if event.type != "Comment" and not ("\\p" in event.text and event.is_drawing)
    ]


def _clean_events(events: list[tuple[int, int, str]]) -> tuple[list[Cue], list[int]]:
    """Cues with text; the indexes of events that end before they start."""
    cues: list[Cue] = []
    backwards: list[int] = []
    for index, (start, end, raw) in enumerate(events):
        if end < start:
            backwards.append(index)
            continue
        plain, markup = clean_cue(raw)
        if plain:
            cues.append(Cue(start, end, plain, markup))
    return cues, backwards


def _empty_problem(path: Path, count: int) -> SubtitleError:
    message = ngettext(
        "{count} cue has no text and was left out",
        "{count} cues have no text and were left out",
        count,
    ).format(count=count)
    return SubtitleError(path, message)


def _backwards_problem(path: Path, indexes: list[int], lines: list[int]) -> SubtitleError:
    count = len(indexes)
    line = lines[indexes[0]] if indexes[0] < len(lines) else None
    message = ngettext(
        "{count} cue was skipped because it ends before it starts",
        "{count} cues were skipped because they end before they start",
        count,
    ).format(count=count)
    return SubtitleError(path, message, line)


def _overlap_problem(path: Path, cues: list[Cue]) -> SubtitleError | None:
    count = 0
    latest_end = -1
    for cue in cues:
        if cue.start_ms < latest_end:
            count += 1
        latest_end = max(latest_end, cue.end_ms)
    if not count:
        return None
    message = ngettext(
        "{count} cue overlaps the cue before it (both are shown)",
        "{count} cues overlap the cue before them (both are shown)",
        count,
    ).format(count=count)
    return SubtitleError(path, message)


def _sample(cues: list[Cue]) -> str:
    return "\n".join(cue.text for cue in cues[:200])


def problem_summary(track: Track) -> str:
    """Every problem found in `track`, one per line (each names the file and says what)."""
    return "\n".join(problem.message for problem in track.problems)
