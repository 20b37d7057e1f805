"""The one way a widget follows a language switch (DESIGN.md, Language).

A widget that mixes in `Retranslating` implements `retranslate()`; the LanguageChange event
that LanguageManager sets off calls it, once per switch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixin for QWidget subclasses: `retranslate()` runs on every LanguageChange."""

    def retranslate(self) -> None:
        """Reset every text of the widget in the active language."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
