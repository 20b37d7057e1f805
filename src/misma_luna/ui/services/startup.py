"""Work the first paint does not need, held until the window has painted once.

A reader should see the film and its review at once; loading the subtitle tracks, naming
the languages of the menu and listening for a second launch can wait a few milliseconds.
Panes hand such work to `AppContext.startup.later()`. Outside the app's own start (tests,
the self-test, a film opened later) nothing is held: the work runs at once.

What the first paint builds also stays away from the `Qt` namespace (`Qt.Orientation`,
`Qt.TextInteractionFlag`...): PySide6 builds a Qt class's enums the first time the class is
used, and for the namespace that is 96 enum classes, about 10 ms. Modules imported before
the first paint import `Qt` inside the functions that run after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

# Held work runs at the latest this long after the start, even if the window never paints
# (a window restored minimized, say).
LATEST_MS = 1000


class StartupQueue:
    """Runs work at once, or, while held, keeps it in order until `release()`."""

    def __init__(self, held: bool = False) -> None:
        self._held: list[Callable[[], object]] | None = [] if held else None

    @property
    def held(self) -> bool:
        """True while work waits for the first paint."""
        return self._held is not None

    def later(self, work: Callable[[], object]) -> None:
        """Run `work` now, or after the first paint while the queue is held."""
        if self._held is None:
            work()
        else:
            self._held.append(work)

    def release(self) -> None:
        """Run the held work, in the order it came; from now on, work runs at once."""
        while self._held:
            self._held.pop(0)()
        self._held = None

    def discard(self) -> None:
        """Drop the held work (the app stops before its first paint): it will never run."""
        self._held = None


class FirstPaint(QObject):
    """Calls `on_paint` once, right after `window`'s first paint (from the event loop)."""

    def __init__(self, window: QWidget, on_paint: Callable[[], None]) -> None:
        super().__init__(window)
        self._on_paint: Callable[[], None] | None = on_paint
        window.installEventFilter(self)
        QTimer.singleShot(LATEST_MS, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        on_paint, self._on_paint = self._on_paint, None
        if on_paint is not None:
            on_paint()
