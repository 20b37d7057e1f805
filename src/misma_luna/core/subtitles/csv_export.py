"""The aligned pair as CSV: columns start, end and one per language, one line per aligned row.

Written to a temporary file beside the target, then renamed, so a failed export never
leaves half a file behind. Shared by File → Export and `misma-luna subtitles export`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from misma_luna.core.base.errors import SubtitleError, cannot_write
from misma_luna.core.base.file_writing import write_whole
from misma_luna.core.subtitles.alignment import Alignment
from misma_luna.core.subtitles.cue_text import format_csv_time


def column_names(left_language: str | None, right_language: str | None) -> tuple[str, str]:
    """The two text columns, named by language (`es`, `en`); distinct even when equal."""
    left = left_language or "und"
    right = right_language or "und"
    return (left, f"{right}-2") if left == right else (left, right)


def csv_text(alignment: Alignment, left_language: str | None, right_language: str | None) -> str:
    """The whole CSV document as text."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["start", "end", *column_names(left_language, right_language)])
    for row in alignment.rows:
        writer.writerow(
            [
                format_csv_time(row.start_ms),
                format_csv_time(row.end_ms),
                "\n".join(text.replace("\n", " ") for text in row.left),
                "\n".join(text.replace("\n", " ") for text in row.right),
            ]
        )
    return buffer.getvalue()


def write_csv(
    alignment: Alignment, path: Path, left_language: str | None, right_language: str | None
) -> None:
    """Write the CSV to `path` atomically; `SubtitleError` names the file when it cannot."""
    data = csv_text(alignment, left_language, right_language).encode("utf-8")
    try:
        write_whole(path, data)
    except OSError as error:
        raise SubtitleError(path, cannot_write(error)) from None
