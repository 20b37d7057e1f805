"""The subtitles pane: two tracks side by side, paired line by line, with search and jump.

Tracks come from the film package, File → Open Subtitles…, drag and drop or the command
line; `core` loads them, a `SubtitlePair` finds the second track's timing and pairs them,
and the pane renders the pair, what was found, its doubts and what went wrong. The reader
stays in charge of the timing: undo it, find it again, type an offset, or pick two pairs of
lines by hand. Notes pin to a row through `context.reading` (`anchor_here()`,
`scroll_to_anchor()`). The pane lays out and renders; beside it, `files` loads and exports,
`finding` goes to rows, `timing` takes the reader's timing and `anchors` names rows for notes.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QVBoxLayout, QWidget

from misma_luna.core.base.i18n import _
from misma_luna.core.notes.note import Anchor
from misma_luna.core.subtitles.pairing.pair import Pairing
from misma_luna.core.subtitles.pairing.report import summary, warnings
from misma_luna.core.subtitles.tracks import Track, problem_summary
from misma_luna.ui.services.actions import ActionRegistry
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.subtitles import anchors
from misma_luna.ui.subtitles.controls import SubtitlesControls
from misma_luna.ui.subtitles.files import SubtitleFiles, dropped_subtitles
from misma_luna.ui.subtitles.finding import RowFinder
from misma_luna.ui.subtitles.pair import RIGHT, SubtitlePair
from misma_luna.ui.subtitles.picking import banner
from misma_luna.ui.subtitles.table_model import LEFT_COLUMN, SubtitlesModel
from misma_luna.ui.subtitles.table_view import SubtitlesTable
from misma_luna.ui.subtitles.timing import TIMING_ACTIONS, ReaderTiming
from misma_luna.ui.subtitles.track_bar import TrackBar
from misma_luna.ui.widgets.plain_text import plain_label


class SubtitlesPane(Retranslating, QWidget):
    """Two subtitle tracks paired line by line, below the review."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("subtitlesPane")
        self.setAcceptDrops(True)
        self.pair = SubtitlePair(self)
        self.model = SubtitlesModel(self)
        self.model.follow(self.pair)
        self.table = SubtitlesTable(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.bars = (TrackBar(self), TrackBar(self))
        self.controls = SubtitlesControls(self)
        self.files = SubtitleFiles(self, self.pair, self.bars, context.preferences)
        self.finder = RowFinder(self.table, self.model, self.controls)
        self.timing = ReaderTiming(self, self.pair, self.model, self.table, self.controls)
        self.picker, self.pick_bar = self.timing.picker, self.timing.pick_bar
        self.warning_label = banner(self, "subtitlesWarning")  # doubts about the pairing
        self.warning_label.hide()
        self.status_label = plain_label(self)  # messages that name files: never HTML
        self.status_label.setObjectName("subtitlesStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setContentsMargins(6, 2, 6, 2)
        # With no subtitles: where to read how to open some.
        self.help_link = QLabel(self)
        self.help_link.setObjectName("subtitlesHelpLink")
        self.help_link.setContentsMargins(6, 2, 6, 4)
        self.help_link.linkActivated.connect(
            lambda _link: context.actions["help.getting_started"].trigger()
        )
        self._lay_out()
        self._describe_table()
        self._connect()
        self.table.set_zoom(context.zoom.steps)
        context.zoom.changed.connect(self.table.set_zoom)
        context.session.filmChanged.connect(self.files.show_film)
        context.reading.add_place(self)
        # The tracks load after the first paint; until then the pane shows nothing rather
        # than "no subtitles".
        parts = (*self.bars, self.controls, self.table, self.status_label)
        for part in parts if context.startup.held else ():
            part.hide()
        context.startup.later(lambda: self._first_film(parts))

    def _lay_out(self) -> None:
        """Track bars and controls above the table; the pick prompt, doubts and status around it."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (*self.bars, self.controls):
            layout.addWidget(widget)
            # The rows above the table keep their least width whole: nothing in them is cut.
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.pick_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.help_link)
        # Tab reads the pane top to bottom: the tracks, the controls, then the table.
        QWidget.setTabOrder(self.controls.next_button, self.table)

    def _describe_table(self) -> None:
        self.table.setAccessibleName(_("Subtitles in two languages"))
        self.table.setAccessibleDescription(
            _(
                "One row per subtitle: its start time, then its line in each language. The "
                "arrow keys move between lines, Ctrl+Shift+N pins a note to the line, Tab "
                "leaves the table."
            )
        )

    def _connect(self) -> None:
        self.pair.changed.connect(self._show_pair)
        self.pair.languagesChanged.connect(self._show_pair)
        for side, bar in enumerate(self.bars):
            bar.languageChosen.connect(lambda code, s=side: self.pair.set_language(s, code or None))
            bar.encodingChosen.connect(lambda codec, s=side: self.files.reopen(s, codec))

    def connect_actions(self, actions: ActionRegistry) -> None:
        """Hook the pane to the window's actions (after the review pane's own connections)."""
        wiring = {
            "file.open_subtitles": self.files.choose_and_open,
            "file.export_subtitles": self.files.choose_and_export,
            "subtitles.jump": self.controls.focus_jump,
            "subtitles.offset": self.timing.find_timing,
            "subtitles.reopen_encoding": self.files.choose_encoding,
            "subtitles.undo_sync": self.timing.undo_sync,
            "subtitles.pick_partner": self.timing.start_pick,
        }
        for action_id, slot in wiring.items():
            if action_id in actions:
                actions[action_id].triggered.connect(slot)
        # A right click on a row offers what fixes the timing from there.
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action_id in TIMING_ACTIONS:
            if action_id in actions:
                self.table.addAction(actions[action_id])
        self.timing.use_actions(actions)

    def retranslate(self) -> None:
        """Column titles and the status line in the new language."""
        self.model.retranslate()
        self._describe_table()
        self._show_status()

    def _first_film(self, parts: tuple[QWidget, ...]) -> None:
        if self.pair.is_empty():  # tracks given on the command line came first: they stay
            self.files.show_film(self._context.film)
        for part in parts:
            part.show()

    # -- the pair: its tracks and rows, rendered

    @property
    def tracks(self) -> list[Track | None]:
        """The pair's left and right tracks (None where no track is loaded)."""
        return list(self.pair.tracks)

    @property
    def offset(self) -> int:
        """Milliseconds the right track is moved by at its start."""
        return self.pair.offset

    @property
    def alignment(self) -> Pairing:
        """The pair's rows, as the table shows them."""
        return self.pair.pairing

    def set_tracks(self, left: Track | None, right: Track | None) -> None:
        """Show `left` and `right` paired, the timing of `right` found anew."""
        self.pair.set_tracks(left, right)

    def _show_pair(self) -> None:
        self.timing.follow_tracks()
        for bar, track in zip(self.bars, self.pair.tracks, strict=True):
            bar.show_track(track)
        self._show_status()
        self.timing.enable()

    def _show_status(self) -> None:
        pair = self.pair
        if pair.is_empty():
            parts = [_("No subtitles")]
        elif pair.is_complete():
            parts = [summary(pair.pairing, pair.languages[RIGHT])]
        else:
            parts = [pair.pairing.stats.summary()]
        doubts = warnings(pair.pairing) if pair.is_complete() else []
        self.warning_label.setText("\n".join("⚠ " + doubt for doubt in doubts))
        self.warning_label.setVisible(bool(doubts))
        parts += [problem_summary(t) for t in pair.tracks if t is not None and t.problems]
        parts += [problem.message for problem in pair.unread]
        self.status_label.setText("\n".join(parts))
        link = _("How to open subtitles: Help > Getting Started")
        self.help_link.setText(f'<a href="help:getting-started">{escape(link)}</a>')
        self.help_link.setVisible(pair.is_empty())

    # -- files (`SubtitleFiles`), as the shell, the command line and the tests call them

    def open_pair(self, first: Path, second: Path) -> None:
        """Load two files as the left and right tracks (the command line's `--subtitles A B`)."""
        self.files.open_pair(first, second)

    def open_files(self, paths: list[Path]) -> None:
        """Load one or two files, each replacing the track in its language (else the right)."""
        self.files.open_files(paths)

    def reopen(self, side: int, encoding: str) -> None:
        """Read the track on `side` again with `encoding`."""
        self.files.reopen(side, encoding)

    def export_csv(self, path: Path) -> bool:
        """Write the aligned pair to `path` as CSV; report a failure."""
        return self.files.export_csv(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if dropped_subtitles(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = dropped_subtitles(event)
        if paths:
            event.acceptProposedAction()
            self.files.open_files(paths[:2])

    # -- timing by hand (`ReaderTiming`)

    def undo_sync(self) -> None:
        """Pair the tracks as they were timed."""
        self.timing.undo_sync()

    def start_pick(self) -> None:
        """Wait for the reader to pick the partner of the selected line."""
        self.timing.start_pick()

    def choose_partner(self, row: int) -> None:
        """Take `row`'s other-side line as the partner of the line picked (when picking)."""
        self.timing.choose_partner(row)

    # -- reading: selection and jump (`RowFinder`)

    def current_start(self) -> int | None:
        """The start time of the selected row, if any."""
        return self.finder.current_start()

    def selected_span(self) -> tuple[int, int] | None:
        """The time span of the selected rows, if any (the scene a worksheet is offered)."""
        return self.finder.selected_span()

    def select_row(self, row: int, column: int = LEFT_COLUMN) -> None:
        """Select `row` and bring it into view."""
        self.finder.select_row(row, column)

    def jump_to_text(self, text: str) -> bool:
        """Go to the row showing at the time typed (`1:02:03`, `2:03`, `95`)."""
        return self.finder.jump_to_text(text)

    def jump_to(self, ms: int) -> None:
        """Go to the row showing at `ms`, or the next one."""
        self.finder.jump_to(ms)

    # -- a reading place: notes pin to the selected row (`anchors`)

    def anchor_kinds(self) -> tuple[str, ...]:
        """Notes pin to subtitle rows here."""
        return (anchors.KIND,)

    def has_reader_focus(self) -> bool:
        """Whether the keyboard focus is in this pane."""
        focused = QApplication.focusWidget()
        return focused is not None and (focused is self or self.isAncestorOf(focused))

    def anchor_here(self) -> Anchor | None:
        """The selected row as a note anchor (`cue:<start_ms>`), or None."""
        index = self.table.currentIndex()
        return anchors.anchor_of(self.model.row(index.row())) if index.isValid() else None

    def scroll_to_anchor(self, anchor: Anchor) -> None:
        """Bring the row a note is pinned to into view (the nearest row by time)."""
        row = anchors.row_of(anchor, self.model)
        if row is not None:
            self.finder.select_row(row)
