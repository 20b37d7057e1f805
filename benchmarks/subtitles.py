"""Subtitles: load, decode and align a generated two-hour pair, beside pysubs2 parsing it.

The harness writes two SubRip files of 1,800 cues each (Spanish and English, the English
one re-timed a little, some cues in italics) into benchmarks/_work/. Both sides run in
this process, alternating, after one unrecorded warm-up pair (imports are not counted).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from benchmarks.baselines.pysubs2_parse import parse
from benchmarks.common import WORK, Figure, alternate, not_measured, ratio_figure, timed

NAME = "Subtitles: load, decode, align 2 × 1,800 cues"
LIMIT = 1.5
CUES = 1800
FILM_MS = 2 * 60 * 60 * 1000

_SPANISH = (
    "¿Ya son las diez, doña Chela?",
    "Faltan dos minutos. Siéntate, mijo.",
    "Mamá siempre llama el domingo.",
    "No te preocupes: la luna es la misma allá.",
    "¡Ándale, que se nos va el camión!",
    "Señor, ¿cuánto cuesta el pasaje?",
)
_ENGLISH = (
    "Is it ten already, Doña Chela?",
    "Two more minutes. Sit down, son.",
    "Mom always calls on Sunday.",
    "Don't worry: it's the same moon over there.",
    "Come on, the bus is leaving!",
    "Sir, how much is the ticket?",
)


def srt_time(ms: int) -> str:
    """`ms` as an .srt time: 01:02:03,456."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02}:{minutes:02}:{seconds:02},{millis:03}"


def _write_track(path: Path, lines: tuple[str, ...], jitter_ms: int, seed: int) -> None:
    rng = random.Random(seed)
    step = FILM_MS // CUES
    blocks = []
    for index in range(CUES):
        start = index * step + 200 + rng.randint(-jitter_ms, jitter_ms)
        end = start + step - 400 + rng.randint(-jitter_ms, 0)
        text = lines[index % len(lines)]
        if index % 7 == 0:
            text = f"<i>{text}</i>"
        if index % 5 == 0:
            text = f"{text}\n{lines[(index + 1) % len(lines)]}"
        blocks.append(f"{index + 1}\n{srt_time(max(start, 0))} --> {srt_time(end)}\n{text}\n")
    path.write_text("\n".join(blocks), encoding="utf-8")


def subtitle_pair() -> tuple[Path, Path]:
    """Write (or reuse) the generated two-hour pair; the Spanish and English paths."""
    folder = WORK / "subtitles"
    folder.mkdir(parents=True, exist_ok=True)
    spanish, english = folder / "pair.es.srt", folder / "pair.en.srt"
    _write_track(spanish, _SPANISH, 0, 1)
    _write_track(english, _ENGLISH, 150, 2)
    return spanish, english


def _app_side() -> Callable[[Path, Path], object] | str:
    """The app's load-and-align function, or why it cannot be measured yet."""
    try:
        from misma_luna.core.subtitles.alignment import align
        from misma_luna.core.subtitles.tracks import load_track
    except ImportError as error:
        return f"core.subtitles or core.alignment is missing: {error}"

    def load_and_align(left: Path, right: Path) -> object:
        return align(load_track(left).cues, load_track(right).cues)

    return load_and_align


def measure(pairs: int) -> list[Figure]:
    """Alternate the app's load+align and pysubs2's parse of the same pair."""
    app_side = _app_side()
    if isinstance(app_side, str):
        return [not_measured(NAME, "ms", f"≤ {LIMIT:g}×", app_side)]
    spanish, english = subtitle_pair()

    app, base = alternate(
        timed(lambda: app_side(spanish, english)), timed(lambda: parse([spanish, english])), pairs
    )
    return [ratio_figure(NAME, "ms", LIMIT, app, base, note="in-process, after a warm-up pair")]
