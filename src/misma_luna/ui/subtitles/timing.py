"""The reader's say over the second track's timing: find it again, undo it, type an offset, or
pick two pairs of lines by hand (the picker and its prompt, Esc to stop picking).

`ReaderTiming` wires the timing controls, the table's clicks and the window's timing actions
to the pair, and enables each only when it can do something.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from misma_luna.core.subtitles.tracks import Track
from misma_luna.ui.services.actions import ActionRegistry
from misma_luna.ui.subtitles.controls import SubtitlesControls
from misma_luna.ui.subtitles.pair import LEFT, RIGHT, SubtitlePair
from misma_luna.ui.subtitles.picking import LinePicker, PickBar, Prompt
from misma_luna.ui.subtitles.table_model import RIGHT_COLUMN, SubtitlesModel
from misma_luna.ui.subtitles.table_view import SubtitlesTable

# Offered on a right click in the table, in this order; enabled by `ReaderTiming.enable`.
TIMING_ACTIONS = ("subtitles.pick_partner", "subtitles.undo_sync", "subtitles.offset")


class ReaderTiming:
    """The timing controls and the picking of partner lines, acting on the pair."""

    def __init__(
        self,
        pane: QWidget,
        pair: SubtitlePair,
        model: SubtitlesModel,
        table: SubtitlesTable,
        controls: SubtitlesControls,
    ) -> None:
        self._pair = pair
        self._model = model
        self._table = table
        self._controls = controls
        self._actions: ActionRegistry | None = None
        self.picker = LinePicker()
        self._picked_on: tuple[Track | None, Track | None] = (None, None)
        self.pick_bar = PickBar(pane)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), pane)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape.setEnabled(False)
        self._connect()

    def _connect(self) -> None:
        self._pair.offsetChanged.connect(self._show_offset)
        self._table.clicked.connect(lambda index: self.choose_partner(index.row()))
        self._table.chosen.connect(self.choose_partner)
        self._table.escaped.connect(self.cancel_pick)
        self.pick_bar.button.clicked.connect(self.cancel_pick)
        self.escape.activated.connect(self.cancel_pick)
        c = self._controls
        c.offset_box.valueChanged.connect(self.set_offset)
        c.estimate_button.clicked.connect(self.find_timing)
        c.undo_button.clicked.connect(self.undo_sync)
        c.pick_button.clicked.connect(self.start_pick)

    def use_actions(self, actions: ActionRegistry) -> None:
        """Enable and disable the window's timing actions along with the buttons."""
        self._actions = actions
        self.enable()

    def find_timing(self) -> None:
        """Find the second track's timing again and pair by it."""
        self._forget_picks()
        self._pair.find_timing()

    def undo_sync(self) -> None:
        """Pair the tracks as they were timed."""
        self._forget_picks()
        self._pair.undo_sync()

    def set_offset(self, ms: int) -> None:
        """Move the second track, as it was timed, by `ms` (the offset box)."""
        self._forget_picks()
        self._pair.set_offset(ms)

    def start_pick(self) -> None:
        """Wait for the reader to pick the partner of the selected line."""
        if not self._pair.is_complete():
            return
        index = self._table.currentIndex()
        side = RIGHT if index.column() == RIGHT_COLUMN else LEFT
        pick = self.picker.start(self._model.row(index.row()), side) if index.isValid() else None
        if pick is None:
            self.pick_bar.show_prompt(Prompt.NO_LINE)
            return
        self._picked_on = self._pair.tracks
        self.pick_bar.show_prompt(Prompt.CHOOSE, pick.text, self._pair.languages[1 - pick.side])
        self.escape.setEnabled(True)
        self._table.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_partner(self, row: int) -> None:
        """Take `row`'s other-side line as the partner of the line picked (when picking)."""
        if not self.picker.picking or not 0 <= row < self._model.rowCount():
            return
        transform = self.picker.choose(self._model.row(row))
        if transform is None:
            self.pick_bar.show_prompt(Prompt.NO_PARTNER)
            return
        self._pair.set_transform(transform)
        pairs = len(self.picker.anchors)
        self.pick_bar.show_prompt(Prompt.ONE_PAIR if pairs == 1 else Prompt.TWO_PAIRS)
        self.escape.setEnabled(True)  # Esc now closes the note

    def cancel_pick(self) -> None:
        """Stop picking (the pairs already picked keep their effect) and hide the prompt."""
        self.picker.cancel()
        self.pick_bar.show_prompt(Prompt.HIDDEN)
        self.escape.setEnabled(False)

    def follow_tracks(self) -> None:
        """On other tracks, forget the pairs picked: they were about the old ones."""
        if any(a is not b for a, b in zip(self._picked_on, self._pair.tracks, strict=True)):
            self._forget_picks()
            self._picked_on = self._pair.tracks

    def enable(self) -> None:
        """The timing can be found or fixed only with two tracks; undone only when moved."""
        complete = self._pair.is_complete()
        moved = complete and not self._pair.transform.is_identity
        c = self._controls
        for widget in (c.offset_box, c.estimate_button, c.pick_button):
            widget.setEnabled(complete)
        c.undo_button.setEnabled(moved)
        if self._actions is not None:
            for action_id, enabled in zip(TIMING_ACTIONS, (complete, moved, complete), strict=True):
                if action_id in self._actions:
                    self._actions[action_id].setEnabled(enabled)

    def _forget_picks(self) -> None:
        self.picker.forget()
        self.cancel_pick()

    def _show_offset(self, ms: int) -> None:
        box = self._controls.offset_box
        if box.value() != ms:
            with QSignalBlocker(box):  # the pair already holds this offset
                box.setValue(ms)
