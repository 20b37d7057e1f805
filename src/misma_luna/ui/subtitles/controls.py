"""The subtitles pane's control rows: the second track's timing (offset, find it again, undo
it, pair two lines by hand), jump to a time, search.

Only widgets and their texts live here; the pane connects them to what they do (the offset
box shows the pair's offset and sends the reader's edits to it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base.i18n import _, ngettext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.subtitles.pair import OFFSET_LIMIT_MS
from misma_luna.ui.widgets.elided_label import ElidedLabel


class SubtitlesControls(Retranslating, QWidget):
    """Offset box, find-again, undo and pick buttons; time field; search with previous/next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offset_label = QLabel(self)
        self.offset_box = QSpinBox(self)
        self.offset_box.setObjectName("subtitlesOffset")
        self.offset_box.setRange(-OFFSET_LIMIT_MS, OFFSET_LIMIT_MS)
        self.offset_box.setSingleStep(100)
        self.offset_box.setKeyboardTracking(False)
        self.offset_label.setBuddy(self.offset_box)
        self.estimate_button = QPushButton(self)  # finds the timing again
        self.estimate_button.setObjectName("subtitlesFindTiming")
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("subtitlesUndoSync")
        self.pick_button = QPushButton(self)
        self.pick_button.setObjectName("subtitlesPickPartner")
        self.jump_field = QLineEdit(self)
        self.jump_field.setObjectName("subtitlesJump")
        self.jump_field.setMinimumWidth(90)
        self.jump_field.setMaximumWidth(140)
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("subtitlesSearch")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(140)
        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.count_label = ElidedLabel(Qt.TextElideMode.ElideRight, self)  # whole in its tooltip
        self.error_label = QLabel(self)  # a time that cannot be read, said whole on its own line
        self.error_label.setObjectName("subtitlesJumpError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._jump_error = False
        # Two rows, so that nothing is clipped when the reading column is narrow: the offset,
        # whose label is long in Spanish, has the first to itself.
        timing = _row(self.offset_label, self.offset_box, self.undo_button, None)
        fixing = _row(self.estimate_button, self.pick_button, None)
        finding = _row(
            self.jump_field, self.search_field, self.previous_button, self.next_button,
            self.count_label,
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        layout.addLayout(timing)
        layout.addLayout(fixing)
        layout.addLayout(finding)
        layout.addWidget(self.error_label)
        self.search_field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._count: tuple[int, int] = (-1, 0)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the active language."""
        # TRANSLATORS: label of a spin box that moves the second subtitle track in time.
        self.offset_label.setText(_("Second track &offset:"))
        # TRANSLATORS: unit after the offset value: milliseconds.
        self.offset_box.setSuffix(" " + _("ms"))
        self.offset_box.setToolTip(
            _("Move the second track, as it was timed, earlier (−) or later (+)")
        )
        self.offset_box.setAccessibleName(_("Second track offset"))
        self.offset_box.setAccessibleDescription(
            _(
                "How many milliseconds the second track is moved: below zero earlier, above "
                "zero later. The arrow keys change it."
            )
        )
        for button, text in (
            (self.estimate_button, _("Find timing again")),
            (self.undo_button, _("Undo sync")),
            (self.pick_button, _("This line goes with…")),
        ):
            button.setText(text)
            button.setAccessibleName(text)
        self.estimate_button.setToolTip(
            _("Find how the second track's timing matches the first: shift, speed and cuts")
        )
        self.undo_button.setToolTip(_("Show the second track as it was timed, nothing moved"))
        self.pick_button.setToolTip(
            _(
                "Select a line, then click its partner in the other track. One pair sets the "
                "offset; a second pair, far from the first, fixes a stretch too."
            )
        )
        self.jump_field.setPlaceholderText(_("Go to time"))
        self.jump_field.setAccessibleName(_("Go to time"))
        self.jump_field.setToolTip(_("A time such as 1:02:03, 12:30 or 95 (seconds)"))
        self.jump_field.setAccessibleDescription(
            _(
                "Type a time such as 1:02:03, 12:30 or 95 (seconds) and press Enter to go to "
                "the subtitle shown then."
            )
        )
        self.search_field.setPlaceholderText(_("Search both languages"))
        self.search_field.setAccessibleName(_("Search both languages"))
        self.search_field.setAccessibleDescription(
            _(
                "Type words to find in the lines of either language, accents ignored; the "
                "buttons beside it go to the previous or next match."
            )
        )
        self.previous_button.setToolTip(_("Previous match"))
        self.previous_button.setAccessibleName(_("Previous match"))
        self.next_button.setToolTip(_("Next match"))
        self.next_button.setAccessibleName(_("Next match"))
        for button in (self.estimate_button, self.undo_button, self.pick_button):
            button.setAccessibleDescription(button.toolTip())
        self.show_jump_error(self._jump_error)
        self.show_match_count(*self._count)

    def focus_jump(self) -> None:
        """Put the cursor in the time field, its text selected (Ctrl+G)."""
        self.jump_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.jump_field.selectAll()

    def show_jump_error(self, error: bool = True) -> None:
        """Say (or stop saying) that the typed time cannot be read."""
        self._jump_error = error
        self.error_label.setText(_("Not a time: type 1:02:03, 12:30 or 95") if error else "")
        self.error_label.setVisible(error)

    def show_match_count(self, index: int, total: int) -> None:
        """`2 of 5 matches`, `No matches`, or nothing when the field is empty."""
        self._count = (index, total)
        if not self.search_field.text().strip():
            self.count_label.setText("")
        elif not total:
            self.count_label.setText(_("No matches"))
        else:
            self.count_label.setText(
                ngettext("{index} of {count} match", "{index} of {count} matches", total).format(
                    index=index + 1, count=total
                )
            )


def _row(*widgets: QWidget | None) -> QHBoxLayout:
    """A row of widgets; None stands for the stretch between two groups."""
    row = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    return row
