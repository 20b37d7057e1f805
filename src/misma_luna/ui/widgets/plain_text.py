"""The one way to show outside text (file names, passages, messages naming a file) in a widget.

Qt guesses "rich text" for labels, message boxes and tooltips: a file name holding `<img>` or
`<table>` would be rendered as HTML. Here such text is always plain, or escaped for tooltips.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # QtGui's Qt namespace holds Qt's guess at rich text
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

TOOLTIP_CHARS = 1000  # a tooltip longer than this is cut: it must fit on the screen
MESSAGE_CHARS = 4000  # likewise a message in a dialog (a zip member's name can be huge)


def plain_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A label that shows its text as written, never as HTML, and opens no link."""
    return make_plain(QLabel(text, parent))


def make_plain(label: QLabel) -> QLabel:
    """Make `label` show its text as written, never as HTML; return it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    return label


def plain_tooltip(text: str, limit: int = TOOLTIP_CHARS) -> str:
    """`text` as a tooltip that Qt shows as written, cut at `limit`: as it is when Qt would
    take it for plain text, else escaped in a paragraph that keeps its line breaks."""
    text = shortened(text, limit)
    if not might_be_rich_text(text):
        return text
    return f'<p style="white-space:pre-wrap">{escape(text)}</p>'


def might_be_rich_text(text: str) -> bool:
    """Whether Qt would guess that `text` is HTML (and render it) where it is free to guess."""
    return bool(GuiQt.mightBeRichText(text))


def set_plain_tooltip(widget: QWidget, text: str) -> None:
    """Give `widget` a tooltip that shows `text` as written."""
    widget.setToolTip(plain_tooltip(text))


def make_plain_box(box: QMessageBox) -> QMessageBox:
    """Make a message box (its text and every label in it) show text as written; return it."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        make_plain(label)
    return box


def shortened(text: str, limit: int) -> str:
    """`text`, cut with an ellipsis when longer than `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
