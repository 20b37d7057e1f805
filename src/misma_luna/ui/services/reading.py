"""Where the reader is: the places a note can be pinned to (review passages, subtitle rows).

Panes that show pinnable text register a `ReadingPlace`; the notes pane asks this service
for the anchor at the cursor and to scroll back to one, without knowing which pane holds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from misma_luna.core.notes.note import Anchor


class ReadingPlace(Protocol):
    """A pane whose text a note can be pinned to."""

    def anchor_kinds(self) -> tuple[str, ...]:
        """The kinds of anchor it shows (`Anchor.kind`)."""
        ...

    def has_reader_focus(self) -> bool:
        """Whether the keyboard focus is in it."""
        ...

    def anchor_here(self) -> Anchor | None:
        """The anchor at its cursor or selection, if any."""
        ...

    def scroll_to_anchor(self, anchor: Anchor) -> None:
        """Bring `anchor` into view."""
        ...


class Reading:
    """The registered reading places, the first registered being the fallback."""

    def __init__(self) -> None:
        self._places: list[ReadingPlace] = []

    def add_place(self, place: ReadingPlace) -> None:
        """Offer `place` to pin notes to (the first one added is asked when none has focus)."""
        self._places.append(place)

    def anchor_here(self) -> Anchor | None:
        """The anchor in the place that has the focus, else in the first place."""
        focused = [place for place in self._places if place.has_reader_focus()]
        for place in [*focused, *self._places[:1]]:
            anchor = place.anchor_here()
            if anchor is not None:
                return anchor
        return None

    def scroll_to(self, anchor: Anchor) -> None:
        """Bring `anchor` into view in the place that shows its kind."""
        for place in self._places:
            if anchor.kind in place.anchor_kinds():
                place.scroll_to_anchor(anchor)
                return
