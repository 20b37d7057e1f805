"""Where a new note is pinned, and how to go back there: the review or the subtitles.

When the subtitles pane holds the focus, its selected row is the anchor; otherwise the
review block at the cursor is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from misma_luna.core.notes.note import Anchor
from misma_luna.core.review.markdown import plain_text
from misma_luna.ui.services.context import AppContext

if TYPE_CHECKING:
    from misma_luna.ui.shell.main_window import MainWindow


class AnchorFinder:
    """Finds the anchor at the reader's cursor and scrolls back to an anchor."""

    def __init__(self, context: AppContext, window: MainWindow) -> None:
        self._context = context
        self._window = window

    def anchor_here(self) -> Anchor | None:
        """The subtitle row in focus, else the review block at the cursor, else None."""
        subtitles = self._window.subtitles_pane
        focused = self._window.focusWidget()
        if focused is not None and (focused is subtitles or subtitles.isAncestorOf(focused)):
            anchor = subtitles.anchor_at_selection()
            if anchor is not None:
                return anchor
        return self.review_anchor()

    def review_anchor(self) -> Anchor | None:
        """The review block holding the review's cursor, as an anchor quoting it as shown."""
        block_id = self._window.review_pane.block_at_cursor()
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
            self._window.review_pane.scroll_to_block(anchor.id)
        else:
            self._window.subtitles_pane.scroll_to_anchor(anchor.id)
