"""Work the first paint does not need, held until the window has painted once.

A reader should see the film and its review at once; loading the subtitle tracks, naming
the languages of the menu and listening for a second launch can wait a few milliseconds.
Panes hand such work to `AppContext.startup.later()`. Outside the app's own start (tests,
the self-test, a film opened later) nothing is held: the work runs at once. Each piece of
work is isolated: one that fails is handed to `on_error` (the shell shows it) and the rest
still runs.

What the first paint builds also stays away from the `Qt` namespace (`Qt.Orientation`,
`Qt.TextInteractionFlag`...): PySide6 builds a Qt class's enums the first time the class is
used, and for the namespace that is 96 enum classes, about 20 ms. Modules imported before
the first paint import `Qt` inside the functions that run after it.
"""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

# Held work runs at the latest this long after the start, even if the window never paints
# (a window restored minimized, say).
LATEST_MS = 1000


def print_failure(error: Exception) -> None:
    """Write a failed step's traceback to stderr (when there is one)."""
    if sys.stderr is not None:
        traceback.print_exception(error, file=sys.stderr)


class StartupQueue:
    """Runs work at once, or, while held, keeps it in order until `release()`; a step that
    raises is reported to `on_error` and does not stop the others."""

    def __init__(
        self, held: bool = False, on_error: Callable[[Exception], object] = print_failure
    ) -> None:
        self._held: list[Callable[[], object]] | None = [] if held else None
        self.on_error = on_error
        self.failures: list[Exception] = []

    @property
    def held(self) -> bool:
        """True while work waits for the first paint."""
        return self._held is not None

    def later(self, work: Callable[[], object]) -> None:
        """Run `work` now, or after the first paint while the queue is held."""
        if self._held is None:
            self._run(work)
        else:
            self._held.append(work)

    def release(self) -> None:
        """Run the held work, in the order it came; from now on, work runs at once."""
        while self._held:
            self._run(self._held.pop(0))
        self._held = None

    def _run(self, work: Callable[[], object]) -> None:
        """Run one step; a failure is kept, reported, and goes no further."""
        try:
            work()
        except Exception as error:
            self.failures.append(error)
            self._report(error)

    def _report(self, error: Exception) -> None:
        try:
            self.on_error(error)
        except Exception as failure:
            print_failure(failure)
            print_failure(error)

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
