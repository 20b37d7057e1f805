"""Plain-Python work that may take seconds (a backup of a large notes file), run on a worker
thread so that the window never waits for it; its result comes back on the GUI thread.

The work must not touch widgets and must use connections and files of its own. A failure
is handed back like a result: the GUI thread decides what to tell the reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")


class _Outcome(Generic[T]):
    """What a piece of work gave: its value, or the exception it raised."""

    def __init__(self, value: T | None = None, error: Exception | None = None) -> None:
        self.value = value
        self.error = error


class Background(QObject):
    """Runs work on Qt's shared thread pool and calls `done(value)` on the GUI thread, or
    `failed(error)` there when the work raised."""

    _finished = Signal(object, object, object)  # outcome, done, failed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A signal emitted from a worker reaches this GUI-thread object through its queue.
        self._finished.connect(self._deliver)
        self._running = 0

    @property
    def running(self) -> int:
        """How many pieces of work have not come back yet."""
        return self._running

    def run(
        self,
        work: Callable[[], T],
        done: Callable[[T], object],
        failed: Callable[[Exception], object],
    ) -> None:
        """Start `work` on a worker thread."""
        self._running += 1

        def task() -> None:
            try:
                outcome: _Outcome[T] = _Outcome(value=work())
            except Exception as error:  # handed to `failed` on the GUI thread
                outcome = _Outcome(error=error)
            self._finished.emit(outcome, done, failed)

        QThreadPool.globalInstance().start(task)

    def wait(self) -> None:
        """Wait until every piece of work has finished (at quit, and in tests)."""
        QThreadPool.globalInstance().waitForDone()

    def _deliver(self, outcome: _Outcome[object], done: object, failed: object) -> None:
        self._running -= 1
        if outcome.error is not None:
            failed(outcome.error)  # type: ignore[operator]
        else:
            done(outcome.value)  # type: ignore[operator]
