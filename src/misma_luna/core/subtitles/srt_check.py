"""The SRT check run before pysubs2: one pass over the lines, finding what pysubs2 forgives.

pysubs2 silently glues a cue with an unreadable timing line onto the cue before it; this
check drops such cues (and counts them), and notes missing blank lines and dotted times.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from misma_luna.core.base.errors import SubtitleError
from misma_luna.core.base.i18n import ngettext

_STAMP = re.compile(r"(\d{1,2}):(\d{1,2}):(\d{1,2})[.,](\d{1,3})")
_DOTTED = re.compile(r"\d:\d{1,2}\.\d")
_ARROW = re.compile("-->")
_STAMP_COMMA = r"\d{1,2}:\d{1,2}:\d{1,2},\d{1,3}"
_CUE_HEAD = rf"[ \t]*\d+[ \t]*\n[ \t]*{_STAMP_COMMA}[ \t]*-->[ \t]*{_STAMP_COMMA}"
_FIRST_CUE = re.compile(_CUE_HEAD)
_NEXT_CUE = re.compile(rf"\n\n{_CUE_HEAD}")


@dataclass(frozen=True)
class SrtReport:
    """The text to hand to pysubs2, with what the check found."""

    text: str
    problems: tuple[SubtitleError, ...] = ()
    skipped: int = 0


@dataclass
class _Findings:
    """Counts and first line numbers, gathered during the pass."""

    broken: list[int] = field(default_factory=list)
    unseparated: list[int] = field(default_factory=list)
    dotted: list[int] = field(default_factory=list)
    dropped: list[tuple[int, int]] = field(default_factory=list)  # [start, end) line indexes


def check_srt(text: str, path: Path) -> SrtReport:
    """Check an SRT text; return the text without unreadable cues, and the problems found."""
    if _well_formed(text):
        return SrtReport(text)
    lines = text.split("\n")
    found = _Findings()
    resume = 0
    for index in _arrow_lines(text):
        if index < resume:
            continue  # inside a cue already dropped
        if len(_STAMP.findall(lines[index])) == 2:
            _check_timing(lines, index, found)
        else:
            resume = _drop_block(lines, index, found)
    return SrtReport(
        text=_without(lines, found.dropped) if found.dropped else text,
        problems=tuple(_problems(path, found)),
        skipped=len(found.broken),
    )


def _well_formed(text: str) -> bool:
    """Whether every `-->` is on a comma timing line after a blank line and a number."""
    heads = len(_NEXT_CUE.findall(text)) + (1 if _FIRST_CUE.match(text) else 0)
    return text.count("-->") == heads  # so every timing line has comma timestamps too


def timing_lines(text: str) -> list[int]:
    """1-based numbers of the lines holding two timestamps, one per cue pysubs2 reads."""
    lines = text.split("\n")
    return [i + 1 for i in _arrow_lines(text) if len(_STAMP.findall(lines[i])) == 2]


def _arrow_lines(text: str) -> list[int]:
    """Indexes of the lines holding `-->`, found without visiting every line in Python."""
    indexes: list[int] = []
    line, position = 0, 0
    for match in _ARROW.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        if not indexes or indexes[-1] != line:
            indexes.append(line)
    return indexes


def _check_timing(lines: list[str], index: int, found: _Findings) -> None:
    if _DOTTED.search(lines[index]):
        found.dotted.append(index + 1)
    if index == 0:
        return
    previous = lines[index - 1].strip()
    if previous.isdigit():
        missing = index >= 2 and lines[index - 2].strip() != ""
    else:
        missing = previous != ""
    if missing:
        found.unseparated.append(index + 1)


def _drop_block(lines: list[str], index: int, found: _Findings) -> int:
    """Skip a cue whose timing line cannot be read; return the index after it."""
    found.broken.append(index + 1)
    start = index - 1 if index >= 1 and lines[index - 1].strip().isdigit() else index
    end = index + 1
    while end < len(lines) and lines[end].strip():
        end += 1
    found.dropped.append((start, end))
    return end


def _without(lines: list[str], dropped: list[tuple[int, int]]) -> str:
    kept: list[str] = []
    position = 0
    for start, end in dropped:
        kept.extend(lines[position:start])
        position = end
    kept.extend(lines[position:])
    return "\n".join(kept)


def _problems(path: Path, found: _Findings) -> list[SubtitleError]:
    """One error per kind of problem, counting its cues and naming the first line."""
    kinds: tuple[tuple[list[int], Callable[[int], str]], ...] = (
        (found.broken, lambda n: ngettext(
            "{count} cue was skipped because its timing line cannot be read",
            "{count} cues were skipped because their timing lines cannot be read",
            n,
        )),
        (found.unseparated, lambda n: ngettext(
            "{count} cue is not separated from the one before by a blank line (read anyway)",
            "{count} cues are not separated from the one before by a blank line (read anyway)",
            n,
        )),
        (found.dotted, lambda n: ngettext(
            "{count} timing line writes milliseconds after a dot, not a comma (read anyway)",
            "{count} timing lines write milliseconds after a dot, not a comma (read anyway)",
            n,
        )),
    )  # fmt: skip
    return [
        SubtitleError(path, message(len(lines)).format(count=len(lines)), lines[0])
        for lines, message in kinds
        if lines
    ]
