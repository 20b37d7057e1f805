"""Where a new note is pinned, and how to go back there: the review or the subtitles.

The subtitles pane is optional: when the window has one and it holds the focus, its
selected row is the anchor; otherwise the review block at the cursor is.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMainWindow

from misma_luna.core.anchors import Anchor
from misma_luna.core.review import plain_text
from misma_luna.ui.context import AppContext


class SubtitleAnchors(Protocol):
    """What the notes need from a subtitles pane."""

    def anchor_at_selection(self) -> Anchor | None:
        """The selected subtitle row as an anchor."""

    def scroll_to_anchor(self, anchor_id: str) -> None:
        """Bring the row `anchor_id` into view."""


class AnchorFinder:
    """Finds the anchor at the reader's cursor and scrolls back to an anchor."""

    def __init__(self, context: AppContext, window: QMainWindow) -> None:
        self._context = context
        self._window = window

    def _subtitles(self) -> SubtitleAnchors | None:
        pane = getattr(self._window, "subtitles_pane", None)
        if pane is None or not hasattr(pane, "anchor_at_selection"):
            return None
        return pane  # type: ignore[no-any-return]

    def anchor_here(self) -> Anchor | None:
        """The subtitle row in focus, else the review block at the cursor, else None."""
        subtitles = self._subtitles()
        focused = self._window.focusWidget()
        if subtitles is not None and focused is not None and _contains(subtitles, focused):
            anchor = subtitles.anchor_at_selection()
            if anchor is not None:
                return anchor
        return self.review_anchor()

    def review_anchor(self) -> Anchor | None:
        """The review block holding the review's cursor, as an anchor quoting it as shown."""
        review = getattr(self._window, "review_pane", None)
        block_id = review.block_at_cursor() if review is not None else None
        if block_id is None:
            return None
        film = self._context.localized_film()
        for position, (block, shown) in enumerate(film.blocks()):
            if block.id == block_id:
                return Anchor("block", block.id, position, plain_text(shown.text))
        return None

    def scroll_to(self, anchor: Anchor) -> None:
        """Bring `anchor` into view in its pane."""
        if anchor.kind == "block":
            review = getattr(self._window, "review_pane", None)
            if review is not None:
                review.scroll_to_block(anchor.id)
            return
        subtitles = self._subtitles()
        if subtitles is not None:
            subtitles.scroll_to_anchor(anchor.id)


def _contains(pane: object, widget: object) -> bool:
    is_ancestor = getattr(pane, "isAncestorOf", None)
    return bool(pane is widget or (is_ancestor is not None and is_ancestor(widget)))
