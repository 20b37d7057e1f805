"""What a note is pinned to: a review block or a subtitle row, with the passage it quotes.

Shared by the notes store, the panes and the review sheet. `position` orders notes in
reading order (review blocks first, by block index; then subtitle rows, by start time).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

AnchorKind = Literal["block", "subtitle"]


@dataclass(frozen=True)
class Anchor:
    """A place in a film's text a note is pinned to."""

    kind: AnchorKind
    id: str  # a review block id (core.review.Block.id) or a subtitle row key "cue:<start_ms>"
    position: int  # reading order within its kind (block index, or start time in ms)
    quote: str  # the pinned passage, plain text, as it was when the note was pinned


SUBTITLE_PREFIX = "cue:"  # a subtitle row's anchor id: "cue:<start_ms>"


def subtitle_anchor(start_ms: int, quote: str = "") -> Anchor:
    """The anchor of the subtitle row that starts at `start_ms`."""
    return Anchor("subtitle", f"{SUBTITLE_PREFIX}{start_ms}", start_ms, quote)


def subtitle_start(anchor: Anchor) -> int | None:
    """When the subtitle row `anchor` names starts; None when it names no subtitle row."""
    found = anchor.id.removeprefix(SUBTITLE_PREFIX)
    if anchor.kind != "subtitle" or found == anchor.id or not found.lstrip("-").isdigit():
        return None
    return int(found)


@dataclass(frozen=True)
class Note:
    """One of the reader's notes: their own words, never translated."""

    id: int
    film_id: str
    body: str
    created: dt.datetime
    updated: dt.datetime
    anchor: Anchor | None = None

    @property
    def reading_order(self) -> tuple[int, int, int]:
        """Sort key: review blocks first, then subtitle rows, then unpinned notes."""
        if self.anchor is None:
            return (2, 0, self.id)
        return (0 if self.anchor.kind == "block" else 1, self.anchor.position, self.id)
