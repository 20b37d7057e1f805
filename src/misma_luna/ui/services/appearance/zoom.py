"""The text zoom every reading pane shares: one value, remembered, announced on change.

The review and the subtitles follow it; View > Zoom In/Out/Actual Size change it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from misma_luna.ui.services.settings import REVIEW_ZOOM, Preferences

# One step is 10% of the normal size; the steps reach from half size to 2.2 times it.
STEP = 0.1
LIMITS = (-5, 12)


def scale(steps: int) -> float:
    """How much larger than normal text is at `steps`."""
    return 1 + STEP * steps


class Zoom(QObject):
    """Zoom steps away from the normal text size, kept in the preferences."""

    changed = Signal(int)  # the new number of steps

    def __init__(self, preferences: Preferences, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._steps = self._bounded(preferences.get(REVIEW_ZOOM))

    @property
    def steps(self) -> int:
        """Steps away from the normal size (0 is normal)."""
        return self._steps

    def set_steps(self, steps: int) -> None:
        """Zoom to `steps`, within limits; remember it and announce it."""
        bounded = self._bounded(steps)
        if bounded != self._steps:
            self._steps = bounded
            self._preferences.set(REVIEW_ZOOM, bounded)
            self.changed.emit(bounded)

    def zoom_in(self) -> None:
        """One step larger."""
        self.set_steps(self._steps + 1)

    def zoom_out(self) -> None:
        """One step smaller."""
        self.set_steps(self._steps - 1)

    def reset(self) -> None:
        """Back to the normal size."""
        self.set_steps(0)

    @staticmethod
    def _bounded(steps: int) -> int:
        return max(LIMITS[0], min(LIMITS[1], steps))
