"""The film pane: titles and facts of the film on screen, in the active language.

The rows come from `core.film.facts_table` (the sheet prints some of the same rows); a
field shown in the source language for want of a translation is marked so in italics.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _
from misma_luna.core.film.facts_table import FactRow, facts_table
from misma_luna.core.film.package import LocalizedFilm
from misma_luna.ui.film.level import FilmLevel
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.plain_text import plain_label

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
        self._form = QFormLayout()
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._form.setVerticalSpacing(4)
        self._rows: list[tuple[QLabel, QLabel]] = []
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        layout.addSpacing(8)
        layout.addLayout(self._form)
        self.level = FilmLevel(context, body)
        layout.addWidget(self.level)
        layout.addStretch(1)
        self.setWidget(body)
        context.session.filmChanged.connect(self.retranslate)
        self._show_title()
        # The facts need babel's locale data, and selectable labels the Qt namespace's enums
        # (see ui/startup.py): the first paint can do without both.
        context.startup.later(self._complete)

    def _complete(self) -> None:
        # Loaded on first use, after the first paint, not with this module.
        from PySide6.QtCore import Qt  # noqa: PLC0415

        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._show_facts()
        self.level.show_level()

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
        rows = list(facts_table(film))
        # A language switch keeps the rows and changes their words; a film with other
        # facts gets rows made anew.
        if len(rows) != len(self._rows):
            while self._form.rowCount():
                self._form.removeRow(0)
            self._rows = [self._add_row() for _row in rows]
        for (caption, text), row in zip(self._rows, rows, strict=True):
            caption.setText(row.label)
            _show_value(text, row)
            text.setAccessibleName(row.label)

    def _add_row(self) -> tuple[QLabel, QLabel]:
        """An empty row of the facts: its caption and its value."""
        # Loaded on first use, after the first paint, not with this module.
        from PySide6.QtCore import Qt  # noqa: PLC0415

        caption, text = plain_label(), QLabel()
        bold = caption.font()
        bold.setBold(True)
        caption.setFont(bold)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        caption.setBuddy(text)
        self._form.addRow(caption, text)
        return caption, text


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


def _show_value(label: QLabel, row: FactRow) -> None:
    """A fact's value in `label`, one line each: plain text, or rich text when a line shown
    untranslated carries its note in italics (a rich text label costs a text document of its
    own at every layout)."""
    # Loaded on first use, after the first paint, not with this module.
    from PySide6.QtCore import Qt  # noqa: PLC0415

    if not any(line.note for line in row.lines):
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText("\n".join(line.text for line in row.lines))
        return
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(
        "<br>".join(
            escape(line.text) + (f" <i>{escape(line.note)}</i>" if line.note else "")
            for line in row.lines
        )
    )
