"""What a note pins to in the subtitles, and the way back: a row is the anchor `cue:<start_ms>`.

The pane answers `context.reading` with these (`anchor_here()`, `scroll_to_anchor()`); a note
pinned to a row that has moved (another timing, other tracks) goes back to the nearest by time.
"""

from __future__ import annotations

from misma_luna.core.notes.note import Anchor, AnchorKind, subtitle_anchor, subtitle_start
from misma_luna.core.subtitles.alignment import AlignedRow
from misma_luna.ui.subtitles.table_model import SubtitlesModel

KIND: AnchorKind = "subtitle"  # the one kind of anchor the subtitles pane gives and takes


def anchor_of(row: AlignedRow) -> Anchor:
    """`row` as a note anchor, quoting its lines in both languages."""
    quote = " — ".join(" ".join(side) for side in (row.left, row.right) if side)
    return subtitle_anchor(row.start_ms, quote)


def row_of(anchor: Anchor, model: SubtitlesModel) -> int | None:
    """The row `anchor` names: the one starting at its time, else the nearest by time.

    None when `anchor` is not a subtitle row's.
    """
    start = subtitle_start(anchor)
    if start is None:
        return None
    rows = model.rows()
    exact = next((n for n, row in enumerate(rows) if row.start_ms == start), None)
    return exact if exact is not None else model.row_at_time(start)
