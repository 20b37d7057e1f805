"""The aligned pair as CSV: start, end, one column per language, then how each row matched.

For a `Pairing`, after the texts come the match kind (`1:1`, `merged`, `unpaired`), its
confidence, each track's cue numbers in the row and each track's own times. A cell that a
spreadsheet would run as a formula (= + - @) starts with a quote. The file is UTF-8 with a
byte-order mark, so Excel shows accents as LibreOffice and Python (`utf-8-sig`) do; scripts
that want none ask for it. Written whole, never half a file; shared by File → Export and
`misma-luna subtitles export`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from misma_luna.core.base.errors import SubtitleError, cannot_write
from misma_luna.core.base.file_writing import write_whole
from misma_luna.core.subtitles.alignment import Alignment
from misma_luna.core.subtitles.cue_text import format_csv_time
from misma_luna.core.subtitles.pairing.pair import Pairing

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def column_names(left_language: str | None, right_language: str | None) -> tuple[str, str]:
    """The two text columns, named by language (`es`, `en`); distinct even when equal."""
    left = left_language or "und"
    right = right_language or "und"
    return (left, f"{right}-2") if left == right else (left, right)


def csv_text(alignment: Alignment, left_language: str | None, right_language: str | None) -> str:
    """The whole CSV document as text."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    left, right = column_names(left_language, right_language)
    detailed = isinstance(alignment, Pairing)  # plain `align` rows know no more than texts
    header = ["start", "end", left, right]
    if detailed:
        header += ["match", "confidence", f"{left}_cues", f"{right}_cues"]
        header += [f"{left}_start", f"{left}_end", f"{right}_start", f"{right}_end"]
    writer.writerow(header)
    for row in alignment.rows:
        cells = [
            format_csv_time(row.start_ms),
            format_csv_time(row.end_ms),
            "\n".join(text.replace("\n", " ") for text in row.left),
            "\n".join(text.replace("\n", " ") for text in row.right),
        ]
        if detailed:
            cells += [row.kind, f"{row.confidence:.2f}", _numbers(row.left_cues)]
            cells += [_numbers(row.right_cues), *_times(row.left_span), *_times(row.right_span)]
        writer.writerow([_inert(cell) for cell in cells])
    return buffer.getvalue()


def _numbers(indexes: tuple[int, ...]) -> str:
    return "+".join(str(index + 1) for index in indexes)


def _times(span: tuple[int, int] | None) -> list[str]:
    return ["", ""] if span is None else [format_csv_time(span[0]), format_csv_time(span[1])]


def _inert(cell: str) -> str:
    """The cell, quoted with a leading `'` when a spreadsheet would run it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def write_csv(
    alignment: Alignment,
    path: Path,
    left_language: str | None,
    right_language: str | None,
    *,
    bom: bool = True,
) -> None:
    """Write the CSV to `path` atomically, UTF-8 with a byte-order mark unless `bom` is false
    (without it Excel reads the accents as another encoding); `SubtitleError` names the file
    when it cannot."""
    encoding = "utf-8-sig" if bom else "utf-8"
    data = csv_text(alignment, left_language, right_language).encode(encoding)
    try:
        write_whole(path, data)
    except OSError as error:
        raise SubtitleError(path, cannot_write(error)) from None
