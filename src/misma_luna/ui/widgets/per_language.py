"""A widget per language shown, kept laid out, one of them on screen at a time.

Giving a text widget another text lays it out anew, which is most of what a language switch
costs. A pane that keeps a widget for each language shown instead shows the one already
laid out when the reader switches back, and forgets the others when what they show changes
(another film, a translation typed, a new note's marker, other colours).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class PerLanguage(Generic[W]):
    """The widgets `make` gives, one per language, at `index` in `layout` with `stretch`."""

    def __init__(
        self, layout: QBoxLayout, index: int, make: Callable[[], W], stretch: int = 0
    ) -> None:
        self._layout = layout
        self._index = index
        self._make = make
        self._stretch = stretch
        self._kept: dict[str, W] = {}
        self._shown: W | None = None

    @property
    def shown(self) -> W | None:
        """The widget on screen (None before the first `show`)."""
        return self._shown

    def kept(self) -> list[W]:
        """Every widget kept, the one on screen among them."""
        return list(self._kept.values())

    def show(self, language: str, fill: Callable[[W], None]) -> W:
        """Put the widget of `language` on screen, made and filled by `fill` if it is not
        kept; it takes the place (the size, and the keyboard focus) of the one shown."""
        widget = self._kept.get(language)
        made = widget is None
        if widget is None:
            widget = self._kept[language] = self._make()
            self._layout.insertWidget(self._index, widget, self._stretch)
        old, self._shown = self._shown, widget
        if old is None or old is widget:
            if made:
                fill(widget)
            return widget
        if made:
            QWidget.setTabOrder(old, widget)  # where the reader's Tab found the other one
        widget.setGeometry(old.geometry())
        widget.show()  # at its place's size before its text: laid out once, at that width
        if made:
            fill(widget)
        if old.hasFocus():
            widget.setFocus()
        old.hide()
        return widget

    def forget_others(self, language: str) -> None:
        """Drop every widget but the one on screen, which is now `language`'s."""
        for widget in self._kept.values():
            if widget is not self._shown:
                self._layout.removeWidget(widget)
                widget.deleteLater()
        self._kept = {language: self._shown} if self._shown is not None else {}
