"""The panes the window builds right after its first paint, and how they are wired together.

The film, subtitles and notes panes take the places the first paint kept for them; the words
pane docks under them. Panes never call each other: here one pane's signals reach another's
slots (notes and the review's markers, the opener's choices, a typed translation, the level).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from misma_luna.ui.film.pane import FilmPane
from misma_luna.ui.notes.pane import NotesPane
from misma_luna.ui.shell.opening import FilmOpener
from misma_luna.ui.shell.words_wiring import place_words_pane
from misma_luna.ui.subtitles.pane import SubtitlesPane

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QSplitter

    from misma_luna.ui.review.pane import ReviewPane
    from misma_luna.ui.services.context import AppContext
    from misma_luna.ui.words.pane import WordsPane


@dataclass(frozen=True)
class LaterPanes:
    """What the window builds right after its first paint."""

    opener: FilmOpener
    film: FilmPane
    subtitles: SubtitlesPane
    notes: NotesPane
    words: WordsPane


def build_later_panes(
    window: QMainWindow,
    context: AppContext,
    review: ReviewPane,
    splitter: QSplitter,
    reading_splitter: QSplitter,
) -> LaterPanes:
    """Build the panes, put each in the place kept for it (the film and notes beside the
    reading panes in `splitter`, the subtitles under the review), and wire them together."""
    opener = FilmOpener(context, window)
    film = FilmPane(context, window)
    subtitles = SubtitlesPane(context, window)
    notes = NotesPane(context, window)
    take_place(splitter, 0, film)
    take_place(reading_splitter, 1, subtitles)
    take_place(splitter, 2, notes)
    # Tab follows the screen from left to right: the film, then the review (built first, for
    # the first paint), the subtitles under it and the notes.
    QWidget.setTabOrder(film.facts, review.view)
    _wire_notes(context, review, notes)
    opener.subtitlesChosen.connect(subtitles.open_files)
    opener.noteChosen.connect(notes.select_note)
    # A translation typed in Film > Translate: the review and the facts follow (and the
    # status bar's counts, which the window connects).
    context.session.contentChanged.connect(review.render)
    context.session.contentChanged.connect(film.render)
    words = place_words_pane(window, context, review, subtitles)
    words.levelChanged.connect(film.level.show_level)
    # The film's lines may have reached the words pane before this connection.
    film.level.show_level()
    return LaterPanes(opener, film, subtitles, notes, words)


def _wire_notes(context: AppContext, review: ReviewPane, notes: NotesPane) -> None:
    """Notes mark the review, the review's markers select notes, and a note is pinned from
    the review's context menu."""
    review.add_context_action(context.actions["notes.add"])
    review.noteMarkerClicked.connect(notes.select_note)
    notes.markersChanged.connect(review.set_note_markers)
    review.set_note_markers(notes.markers)


def take_place(splitter: QSplitter, index: int, widget: QWidget) -> None:
    """Put `widget` where the splitter held its place, at the same size and minimum width,
    shown or hidden as the place was, so that nothing painted before it moves."""
    sizes = splitter.sizes()
    place = splitter.widget(index)
    if place is not None:
        hidden = place.isHidden()  # asked first: the splitter hides the widget it gives up
        splitter.replaceWidget(index, widget)
        if place.minimumWidth():
            widget.setMinimumWidth(place.minimumWidth())
        widget.setHidden(hidden)
        place.deleteLater()
    splitter.setSizes(sizes)
    splitter.setCollapsible(index, False)
