"""The review pane: the film's review in the active language, set for comfortable reading.

The review renders as one HTML document (`core.film.review_html`, blocks sanitized by
`core.review`) into a QTextBrowser with one anchor per block, a browser kept for each
language shown (`ui/widgets/per_language.py`) so that a switch back lays nothing out again.
The pane is a reading place (`context.reading`): notes pin to the block at the cursor and
scroll back to it. Links never open on a click alone: `linkActivated` goes to the shell,
which asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from misma_luna.core.base.i18n import _
from misma_luna.core.film.review_html import review_html
from misma_luna.ui.services.appearance.fonts import SERIF_FAMILY
from misma_luna.ui.services.appearance.zoom import scale
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.per_language import PerLanguage

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QContextMenuEvent, QResizeEvent, QTextCursor

    from misma_luna.core.notes.note import Anchor
    from misma_luna.ui.widgets.find_bar import FindBar

BASE_POINT_SIZE = 12.5
COLUMN_EM = 38


class ReviewView(QTextBrowser):
    """A QTextBrowser that keeps lines at a readable length by centring a column."""

    context_actions: tuple[QAction, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The sides of the column are the view's own: painted as the page is.
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

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

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit_column()

    def fit_column(self) -> None:
        """Keep lines about 75 characters long: the viewport narrows to a centred column, so
        that the text is laid out once, at the column's width (margins in the document
        would be laid out again after every new text)."""
        column = int(self.fontMetrics().averageCharWidth() * COLUMN_EM * 2.1)
        margins = self.viewportMargins()
        available = self.maximumViewportSize().width() + margins.left() + margins.right()
        side = max(0, (available - column) // 2 - int(self.document().documentMargin()))
        if margins.left() != side:
            self.setViewportMargins(side, 0, side, 0)


class ReviewPane(Retranslating, QWidget):
    """The review, its find bar and its zoom."""

    linkActivated = Signal(QUrl)  # noqa: N815 (Qt naming)
    noteMarkerClicked = Signal(int)  # noqa: N815 (Qt naming); a note's id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("reviewPane")
        self._note_markers: dict[str, int] = {}
        self._context_actions: tuple[QAction, ...] = ()
        self._find_bar: FindBar | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        # The review in each language shown since the film, its notes' markers or the
        # colours last changed: switching back shows a view already laid out.
        self._views = PerLanguage(self._layout, 0, self._new_view, stretch=1)
        context.zoom.changed.connect(self._apply_zoom)
        context.session.filmChanged.connect(self.render)
        context.reading.add_place(self)
        self.render()

    @property
    def view(self) -> ReviewView:
        """The view showing the review in the active language."""
        assert self._views.shown is not None  # render() in __init__ shows one
        return self._views.shown

    def retranslate(self) -> None:
        """The review in the new language (its view from an earlier switch, if any)."""
        self._show_view()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        # A new colour scheme (light/dark) changes the muted colour of the review's notices.
        if event.type() == QEvent.Type.PaletteChange:
            self.render()
        super().changeEvent(event)

    # -- content

    def render(self, *_args: object) -> None:
        """Show the current film's review in the active language, keeping the scroll place,
        and forget the views of the other languages (something they show has changed)."""
        shown = self._views.shown
        if shown is not None:
            self._views.forget_others(self._context.localized_film().language)
            fraction = _scrolled(shown)
            self._fill(shown)
            _scroll(shown, fraction)
        self._show_view()

    def _show_view(self) -> None:
        """Show the review's view in the active language, made now if it is not kept."""
        old = self._views.shown
        view = self._views.show(self._context.localized_film().language, self._fill)
        if old is not None and old is not view:
            _scroll(view, _scrolled(old))  # the same part of the text, in the other language
            if self._find_bar is not None:
                self._find_bar.set_view(view)
        for kept in self._views.kept():
            _describe(kept)
        if self._find_bar is not None and self._find_bar.isVisible():
            self._find_bar.search()

    def _new_view(self) -> ReviewView:
        view = ReviewView(self)
        view.setObjectName("reviewView")
        view.setOpenLinks(False)
        view.setOpenExternalLinks(False)
        view.anchorClicked.connect(self._anchor_clicked)
        view.context_actions = self._context_actions
        view.document().setDocumentMargin(24)
        _zoom(view, self._context.zoom.steps)
        _describe(view)  # named before the focus can reach it
        return view

    def _fill(self, view: ReviewView) -> None:
        """Give `view` the review's HTML (setHtml puts its caret at the start)."""
        film = self._context.localized_film()
        # The pane's palette: on a new colour scheme the pane hears of it before its views.
        view.setHtml(review_html(film, _muted_colour(self.palette()), self._note_markers))

    @property
    def find_bar(self) -> FindBar:
        """The find bar under the review (hidden until Find), built on first use."""
        if self._find_bar is None:
            # Loaded on first use, after the first paint, not with this module.
            from misma_luna.ui.widgets.find_bar import FindBar  # noqa: PLC0415

            self._find_bar = FindBar(self.view, self)
            self._layout.addWidget(self._find_bar)
            self._find_bar.follow_in_tab_order(self.view)
        return self._find_bar

    def set_note_markers(self, markers: dict[str, int]) -> None:
        """Mark pinned blocks in the margin: block id -> the id of the note a marker selects."""
        if markers != self._note_markers:
            self._note_markers = dict(markers)
            self.render()

    def add_context_action(self, action: QAction) -> None:
        """Offer `action` in the review's context menu."""
        self._context_actions = (*self._context_actions, action)
        for view in self._views.kept():
            view.context_actions = self._context_actions

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "note" and url.path().isdigit():
            self.noteMarkerClicked.emit(int(url.path()))
        else:
            self.linkActivated.emit(url)

    # -- a reading place: notes pin to the block at the cursor

    def anchor_kinds(self) -> tuple[str, ...]:
        """Notes pin to review blocks here."""
        return ("block",)

    def has_reader_focus(self) -> bool:
        """Whether the keyboard focus is in the review."""
        return self.view.hasFocus()

    def anchor_here(self) -> Anchor | None:
        """The block holding the cursor, as an anchor quoting it as shown."""
        from misma_luna.core.notes.note import Anchor  # noqa: PLC0415 (notes come after the first paint)
        from misma_luna.core.review.markdown import plain_text  # noqa: PLC0415

        block_id = self.block_at_cursor()
        film = self._context.localized_film()
        for position, (block, shown) in enumerate(film.blocks()):
            if block.id == block_id:
                return Anchor("block", block.id, position, plain_text(shown.text))
        return None

    def scroll_to_anchor(self, anchor: Anchor) -> None:
        """Bring the block `anchor` is pinned to into view."""
        self.view.scrollToAnchor(anchor.id)

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

    def _apply_zoom(self, steps: int) -> None:
        for view in self._views.kept():  # every view kept takes the new size
            _zoom(view, steps)


def _zoom(view: ReviewView, steps: int) -> None:
    font = QFont(view.font())
    font.setFamilies(["Literata", SERIF_FAMILY, "DejaVu Serif", "Georgia", "serif"])
    font.setPointSizeF(BASE_POINT_SIZE * scale(steps))
    view.setFont(font)
    view.fit_column()


def _describe(view: ReviewView) -> None:
    view.setAccessibleName(_("Review"))
    view.setAccessibleDescription(
        _(
            "The film's review. Ctrl+F finds words in it; Ctrl+Shift+N pins a note to the "
            "passage at the cursor; Ctrl+Plus and Ctrl+Minus change the text size."
        )
    )


def _scrolled(view: ReviewView) -> float:
    """How far down its text `view` is scrolled, from 0 to 1."""
    bar = view.verticalScrollBar()
    return bar.value() / bar.maximum() if bar.maximum() else 0.0


def _scroll(view: ReviewView, fraction: float) -> None:
    bar = view.verticalScrollBar()
    bar.setValue(round(fraction * bar.maximum()))


def _muted_colour(palette: QPalette) -> str:
    """The palette's muted text colour as an opaque `#rrggbb` over the page: Qt's own
    placeholder colour is the text colour half see-through, which HTML would draw solid."""
    muted, page = palette.placeholderText().color(), palette.base().color()
    alpha = muted.alphaF()
    return QColor.fromRgbF(
        muted.redF() * alpha + page.redF() * (1 - alpha),
        muted.greenF() * alpha + page.greenF() * (1 - alpha),
        muted.blueF() * alpha + page.blueF() * (1 - alpha),
    ).name()
