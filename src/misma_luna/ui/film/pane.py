"""The film pane: titles and facts of the film on screen, in the active language.

The rows come from `core.film.facts_table` (the sheet prints some of the same rows); a
field shown in the source language for want of a translation is marked so in italics.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _
from misma_luna.core.film.facts_table import FactRow, facts_table
from misma_luna.core.film.package import LocalizedFilm
from misma_luna.ui.film.level import FilmLevel
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.per_language import PerLanguage
from misma_luna.ui.widgets.plain_text import plain_label
from misma_luna.ui.widgets.text_block import TextBlock

HEADING_SCALE = 1.5  # the film's title, as large as a second-level heading


class FilmPane(Retranslating, QScrollArea):
    """Read-only facts of the current film, rebuilt on film or language change."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("filmPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 16, 16, 16)
        self._title = plain_label(body)
        self._title.setObjectName("filmTitle")
        self._title.setWordWrap(True)
        self._title.setFont(_heading_font(self._title.font()))
        self._subtitle = plain_label(body)
        self._subtitle.setWordWrap(True)
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        layout.addSpacing(8)
        # All the facts in one text, where a caption and a value label for each fact were
        # thirty; one text per language shown, so that switching back lays nothing out.
        self._body = body
        self._facts = PerLanguage(layout, layout.count(), self._new_facts)
        self.level = FilmLevel(context, body)
        layout.addWidget(self.level)
        layout.addStretch(1)
        self.setWidget(body)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        context.session.filmChanged.connect(self.render)
        self._show_title()
        self._show_facts()

    @property
    def facts(self) -> TextBlock:
        """The film's facts in the active language."""
        assert self._facts.shown is not None  # shown since __init__
        return self._facts.shown

    def render(self, *_args: object) -> None:
        """Show the film's facts again (another film, or its text translated anew) in the
        active language, and forget those of the other languages."""
        self._facts.forget_others(self._context.localized_film().language)
        self._fill_facts(self.facts)
        self.retranslate()

    def retranslate(self, *_args: object) -> None:
        """Rebuild every label and value in the active language."""
        self._show_title()
        self._show_facts()
        self.level.retranslate()

    def _show_title(self) -> None:
        self.setAccessibleName(_("Film facts"))
        self.setAccessibleDescription(
            _("The film's titles, year, direction, cast and running time, in your language.")
        )
        film = self._context.localized_film()
        self._title.setText(film.title)
        self._title.setAccessibleName(film.title)

    def _show_facts(self) -> None:
        film = self._context.localized_film()
        self._subtitle.setText(_original_title_line(film))
        self._subtitle.setVisible(bool(self._subtitle.text()))
        self._facts.show(film.language, self._fill_facts)
        for facts in self._facts.kept():
            _describe_facts(facts)

    def _fill_facts(self, facts: TextBlock) -> None:
        facts.set_html(facts_html(facts_table(self._context.localized_film())))

    def _new_facts(self) -> TextBlock:
        facts = TextBlock(self._body)
        facts.setObjectName("filmFacts")
        facts.cursorPositionChanged.connect(self._follow_caret)
        _describe_facts(facts)  # named before the focus can reach it
        return facts

    def _follow_caret(self) -> None:
        """Keep the caret of the facts in view as the keyboard moves it: the facts have no
        scroll bar of their own, the pane scrolls. A new text puts the caret back at its
        start too; that leaves the pane where the reader had it (at the top when the pane
        is new, before it has its height)."""
        facts = self.facts
        if not facts.hasFocus():
            return
        caret = facts.cursorRect()
        spot = facts.pos() + caret.center()  # in the scrolled page's coordinates
        self.ensureVisible(spot.x(), spot.y(), 0, caret.height())


def _describe_facts(facts: TextBlock) -> None:
    facts.setAccessibleName(_("Facts"))
    facts.setAccessibleDescription(
        _("Who made the film, who is in it, when it came out and how long it runs.")
    )


def _heading_font(font: QFont) -> QFont:
    """`font`, larger and bold, as a heading of the second level."""
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
    else:
        font.setPixelSize(round(font.pixelSize() * HEADING_SCALE))
    font.setBold(True)
    return font


def _original_title_line(film: LocalizedFilm) -> str:
    titles = film.film.facts.titles
    lines = []
    if film.title != titles.original:
        lines.append(_("Original title: {title}").format(title=titles.original))
    others = [*titles.by_language.values(), *titles.also_known_as]
    others = [t for t in dict.fromkeys(others) if t not in (film.title, titles.original)]
    if others:
        lines.append(
            _("Also released as {titles}").format(titles=fmt.format_list(others, film.language))
        )
    return "\n".join(lines)


def facts_html(rows: Sequence[FactRow]) -> str:
    """The facts as rich text: each caption in bold above its value, a line each, every word
    of the film's escaped; a line shown untranslated carries its note in italics."""
    return "".join(
        f'<p style="margin-bottom: 4px"><b>{escape(row.label)}</b><br>'
        + "<br>".join(
            escape(line.text) + (f" <i>{escape(line.note)}</i>" if line.note else "")
            for line in row.lines
        )
        + "</p>"
        for row in rows
    )
