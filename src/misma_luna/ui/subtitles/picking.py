"""Fixing the timing by hand: "this line goes with that line", once for an offset, twice for
a stretch (offset and speed), and the banner that says what to do next.

`LinePicker` holds the reader's picks as (second-track ms, first-track ms) pairs on the
tracks' own times, so that picks made under different timings still agree; the two latest
give the transform (`Transform.from_anchors`). `PickBar` shows the prompt; the pane wires
the table's clicks and Esc to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _, active_language
from misma_luna.core.subtitles.alignment import AlignedRow
from misma_luna.core.subtitles.sync.transform import Transform
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.plain_text import plain_label, shortened

LEFT = 0
RIGHT = 1
QUOTE_CHARS = 60  # the start of the line the reader picked, quoted in the prompt
Anchor = tuple[int, int]  # (second-track ms, first-track ms)


@dataclass(frozen=True)
class Pick:
    """The line the reader started from: its side, its start in its own track, its text."""

    side: int
    start_ms: int
    text: str


def line_of(row: AlignedRow, side: int) -> Pick | None:
    """The line on `side` of `row` (its first cue's start in its own track), if any."""
    texts, span = (row.left, row.left_span) if side == LEFT else (row.right, row.right_span)
    if not texts or span is None:
        return None
    return Pick(side, span[0], " ".join(" ".join(texts).split()))


class LinePicker:
    """The reader's picked pairs of lines, and the line waiting for its partner."""

    def __init__(self) -> None:
        self.anchors: list[Anchor] = []
        self.pending: Pick | None = None

    @property
    def picking(self) -> bool:
        """Whether a line waits for the reader to pick its partner."""
        return self.pending is not None

    def start(self, row: AlignedRow, side: int) -> Pick | None:
        """Wait for the partner of `row`'s line on `side` (else its other side); the line."""
        self.pending = line_of(row, side) or line_of(row, 1 - side)
        return self.pending

    def choose(self, row: AlignedRow) -> Transform | None:
        """Take the other-side line of `row` as the partner: the timing the picks now give,
        or None when `row` has no such line (the picker keeps waiting)."""
        if self.pending is None:
            return None
        partner = line_of(row, 1 - self.pending.side)
        if partner is None:
            return None
        left, right = (
            (self.pending, partner) if self.pending.side == LEFT else (partner, self.pending)
        )
        self.pending = None
        anchor = (right.start_ms, left.start_ms)
        kept = [a for a in self.anchors if a[0] != anchor[0]]  # a line picked again: anew
        self.anchors = [*kept[-1:], anchor]
        return self.transform()

    def transform(self) -> Transform:
        """The timing of the latest one or two picked pairs."""
        first, *rest = self.anchors
        return Transform.from_anchors(first, rest[0] if rest else first)

    def cancel(self) -> None:
        """Stop waiting for a partner (the pairs already picked stay)."""
        self.pending = None

    def forget(self) -> None:
        """Forget every pick: the timing was set another way."""
        self.anchors = []
        self.pending = None


class Prompt(Enum):
    """What the pick bar says."""

    HIDDEN = "hidden"
    CHOOSE = "choose"  # waiting for the partner
    NO_PARTNER = "no_partner"  # the row clicked has no line on the side wanted
    NO_LINE = "no_line"  # nothing selected to start from
    ONE_PAIR = "one_pair"  # one pair picked: moved; a second fixes a stretch
    TWO_PAIRS = "two_pairs"  # offset and speed set


class PickBar(Retranslating, QWidget):
    """The banner that leads the reader through picking lines, with a Cancel/Close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subtitlesPickBar")
        self.label = plain_label(self)  # quotes a subtitle line: shown as written
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setAutoFillBackground(True)
        self._prompt = Prompt.HIDDEN
        self._line = ""
        self._language: str | None = None
        self.hide()

    @property
    def prompt(self) -> Prompt:
        """What the bar says now."""
        return self._prompt

    def show_prompt(self, prompt: Prompt, line: str = "", language: str | None = None) -> None:
        """Say `prompt` (about `line`, whose partner is in `language`), or hide."""
        self._prompt = prompt
        self._line = shortened(line, QUOTE_CHARS) if line else self._line
        self._language = language if line else self._language
        self.setVisible(prompt != Prompt.HIDDEN)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the active language."""
        waiting = self._prompt in (Prompt.CHOOSE, Prompt.NO_PARTNER)
        self.button.setText(_("Cancel") if waiting else _("Close"))
        self.button.setAccessibleName(self.button.text())
        self.button.setToolTip(
            _("Stop choosing the partner line") if waiting else _("Hide this message")
        )
        self.label.setText(self._text())

    def _text(self) -> str:
        prompt = self._prompt
        if prompt == Prompt.CHOOSE:
            return self._choose_text()
        if prompt == Prompt.NO_PARTNER:
            return _("That row has no line of the other track: click another row, or press Esc.")
        if prompt == Prompt.NO_LINE:
            return _("Select a subtitle line first, then choose “This line goes with…”.")
        if prompt == Prompt.ONE_PAIR:
            return _(
                "The second track now follows the pair you picked. If the lines drift apart "
                "further on, pick a second pair far from this one: right-click a line, then "
                "“This line goes with…”."
            )
        if prompt == Prompt.TWO_PAIRS:
            return _("The second track now follows the two pairs you picked: offset and speed.")
        return ""

    def _choose_text(self) -> str:
        if self._language:
            name = fmt.language_name(self._language, active_language())
            # TRANSLATORS: {language} is a language name as inside a sentence ("English",
            # "inglés"); {line} is the subtitle line the reader picked first.
            return _(
                "Now click the {language} line that goes with “{line}” (or select it and press "
                "Enter). Esc cancels."
            ).format(language=name, line=self._line)
        return _(
            "Now click the line of the other track that goes with “{line}” (or select it and "
            "press Enter). Esc cancels."
        ).format(line=self._line)


def banner(parent: QWidget, name: str) -> QLabel:
    """A calm line on the palette's tooltip colours (light and dark alike), plain text."""
    label = plain_label(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
    label.setForegroundRole(QPalette.ColorRole.ToolTipText)
    label.setAutoFillBackground(True)
    label.setContentsMargins(6, 3, 6, 3)
    return label
