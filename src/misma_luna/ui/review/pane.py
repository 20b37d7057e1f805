"""The review pane: the film's review in the active language, set for comfortable reading.

The review renders as one HTML document (`core.review_html`, blocks sanitized by
`core.review`) into a QTextBrowser with one anchor per block, so other panes can scroll to
a block and ask which block the cursor is in. Links never open on a click alone:
`linkActivated` goes to the window, which asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from misma_luna.core.base.i18n import _
from misma_luna.core.film.review_html import review_html
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.fonts import SERIF_FAMILY
from misma_luna.ui.services.settings import REVIEW_ZOOM

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QContextMenuEvent, QResizeEvent, QTextCursor

    from misma_luna.ui.widgets.find_bar import FindBar

BASE_POINT_SIZE = 12.5
ZOOM_STEP = 0.1
ZOOM_LIMITS = (-5, 12)
COLUMN_EM = 38


class ReviewView(QTextBrowser):
    """A QTextBrowser that keeps lines at a readable length by centring a column."""

    context_actions: tuple[QAction, ...] = ()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt override)
        """The standard menu plus the pane's own actions (such as "Add note here")."""
        if not self.textCursor().hasSelection():
            self.setTextCursor(self.cursorForPosition(event.pos()))
        menu = self.createStandardContextMenu(event.pos())
        if self.context_actions:
            menu.addSeparator()
            menu.addActions(list(self.context_actions))
        menu.exec(event.globalPos())
        menu.deleteLater()

    # The viewport's width as of its last resize (it is sized before the view first paints).
    # Asking `viewport()` for it would cost the first paint: PySide6 sets up every widget
    # class of QtWidgets to find the Python type of that C++-made widget.
    _viewport_width = 0

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._viewport_width = event.size().width()  # a scroll area's resizes are its viewport's
        self.fit_column()

    def fit_column(self) -> None:
        """Widen the document's side margins so that lines stay about 75 characters long."""
        column = int(self.fontMetrics().averageCharWidth() * COLUMN_EM * 2.1)
        side = max(24, (self._viewport_width - column) // 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if int(frame.leftMargin()) != side:
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            root.setFrameFormat(frame)


class ReviewPane(QWidget):
    """The review, its find bar and its zoom."""

    linkActivated = Signal(QUrl)  # noqa: N815 (Qt naming)
    noteMarkerClicked = Signal(int)  # noqa: N815 (Qt naming); a note's id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("reviewPane")
        self.view = ReviewView(self)
        self.view.setObjectName("reviewView")
        self.view.setOpenLinks(False)
        self.view.setOpenExternalLinks(False)
        self.view.anchorClicked.connect(self._anchor_clicked)
        self._note_markers: dict[str, int] = {}
        self.view.document().setDocumentMargin(24)
        self._find_bar: FindBar | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.view, 1)
        self._zoom = context.preferences.get(REVIEW_ZOOM)
        self._apply_zoom()
        context.session.filmChanged.connect(self.render)
        self.render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        # Language and colour scheme (light/dark) both change what the review looks like.
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self.render()
        super().changeEvent(event)

    # -- content

    def render(self, *_args: object) -> None:
        """Show the current film's review in the active language, keeping the scroll place."""
        self.view.setAccessibleName(_("Review"))
        film = self._context.localized_film()
        bar = self.view.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        muted = self.palette().placeholderText().color().name()
        self.view.setHtml(review_html(film, muted, self._note_markers))
        self.view.fit_column()
        bar.setValue(round(fraction * bar.maximum()))
        if self._find_bar is not None and self._find_bar.isVisible():
            self._find_bar.search()

    @property
    def find_bar(self) -> FindBar:
        """The find bar under the review (hidden until Find), built on first use."""
        if self._find_bar is None:
            from misma_luna.ui.widgets.find_bar import FindBar

            self._find_bar = FindBar(self.view, self)
            self._layout.addWidget(self._find_bar)
        return self._find_bar

    def set_note_markers(self, markers: dict[str, int]) -> None:
        """Mark pinned blocks in the margin: block id -> the id of the note a marker selects."""
        if markers != self._note_markers:
            self._note_markers = dict(markers)
            self.render()

    def add_context_action(self, action: QAction) -> None:
        """Offer `action` in the review's context menu."""
        self.view.context_actions = (*self.view.context_actions, action)

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "note" and url.path().isdigit():
            self.noteMarkerClicked.emit(int(url.path()))
        else:
            self.linkActivated.emit(url)

    def scroll_to_block(self, block_id: str) -> None:
        """Bring block `block_id` into view."""
        self.view.scrollToAnchor(block_id)

    def block_at_cursor(self) -> str | None:
        """The id of the review block holding the text cursor, if any."""
        cursor = self.view.textCursor()
        block = cursor.block()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                names = iterator.fragment().charFormat().anchorNames()
                if names:
                    return str(names[0])
                iterator += 1
            block = block.previous()
        return None

    def text_cursor(self) -> QTextCursor:
        """The view's text cursor (selection included)."""
        return self.view.textCursor()

    # -- zoom

    @property
    def zoom(self) -> int:
        """Zoom steps away from the normal size."""
        return self._zoom

    def zoom_in(self) -> None:
        """One step larger."""
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        """One step smaller."""
        self.set_zoom(self._zoom - 1)

    def set_zoom(self, steps: int) -> None:
        """Set the zoom, within limits, and remember it."""
        self._zoom = max(ZOOM_LIMITS[0], min(ZOOM_LIMITS[1], steps))
        self._context.preferences.set(REVIEW_ZOOM, self._zoom)
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        font = QFont(self.view.font())
        font.setFamilies(["Literata", SERIF_FAMILY, "DejaVu Serif", "Georgia", "serif"])
        font.setPointSizeF(BASE_POINT_SIZE * (1 + ZOOM_STEP * self._zoom))
        self.view.document().setDefaultFont(font)
        self.view.setFont(font)
        self.view.fit_column()
