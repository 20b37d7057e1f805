"""The subtitles pane: two tracks side by side, paired line by line, with search and jump.

Tracks come from the film package, File → Open Subtitles…, drag and drop or the command
line; `core` loads them, a `SubtitlePair` finds the second track's timing and pairs them,
and the pane renders the pair, what was found, its doubts and what went wrong. The reader
stays in charge of the timing: undo it, find it again, type an offset, or pick two pairs of
lines by hand. Notes pin to a row through `context.reading` (`anchor_here()`,
`scroll_to_anchor()`).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.file_kinds import is_subtitle, subtitle_patterns
from misma_luna.core.base.i18n import _
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.notes.note import Anchor
from misma_luna.core.subtitles.csv_export import write_csv
from misma_luna.core.subtitles.cue_text import parse_time
from misma_luna.core.subtitles.pairing.pair import Pairing
from misma_luna.core.subtitles.pairing.report import summary, warnings
from misma_luna.core.subtitles.tracks import Track, load_track, problem_summary
from misma_luna.ui.services import settings
from misma_luna.ui.services.actions import ActionRegistry
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.subtitles.controls import SubtitlesControls
from misma_luna.ui.subtitles.pair import LEFT, RIGHT, SubtitlePair
from misma_luna.ui.subtitles.picking import LinePicker, PickBar, Prompt, banner
from misma_luna.ui.subtitles.table_model import LEFT_COLUMN, RIGHT_COLUMN, SubtitlesModel
from misma_luna.ui.subtitles.table_view import SubtitlesTable
from misma_luna.ui.subtitles.track_bar import ENCODINGS, TrackBar
from misma_luna.ui.widgets.dialogs import report_problem
from misma_luna.ui.widgets.plain_text import plain_label

# Offered on a right click in the table, in this order; enabled by `_enable_timing`.
TIMING_ACTIONS = ("subtitles.pick_partner", "subtitles.undo_sync", "subtitles.offset")


class SubtitlesPane(Retranslating, QWidget):
    """Two subtitle tracks paired line by line, below the review."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("subtitlesPane")
        self.setAcceptDrops(True)
        self.pair = SubtitlePair(self)
        self._matches: list[tuple[int, int]] = []
        self._match = -1
        self._kept_start: int | None = None
        self.model = SubtitlesModel(self)
        self.model.follow(self.pair)
        self.table = SubtitlesTable(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.bars = (TrackBar(self), TrackBar(self))
        self.controls = SubtitlesControls(self)
        self._build_timing()
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (*self.bars, self.controls):
            layout.addWidget(widget)
        for widget in (*self.bars, self.controls):
            # The rows above the table keep their least width whole: nothing in them is cut.
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.pick_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.help_link)
        # Tab reads the pane top to bottom: the tracks, the controls, then the table.
        QWidget.setTabOrder(self.controls.next_button, self.table)
        self.table.setAccessibleName(_("Subtitles in two languages"))
        self.table.setAccessibleDescription(
            _(
                "One row per subtitle: its start time, then its line in each language. The "
                "arrow keys move between lines, Ctrl+Shift+N pins a note to the line, Tab "
                "leaves the table."
            )
        )
        self._connect()
        self.table.set_zoom(context.zoom.steps)
        context.zoom.changed.connect(self.table.set_zoom)
        context.session.filmChanged.connect(self.show_film)
        context.reading.add_place(self)
        # The tracks load after the first paint; until then the pane shows nothing rather
        # than "no subtitles".
        parts = (*self.bars, self.controls, self.table, self.status_label)
        for part in parts if context.startup.held else ():
            part.hide()
        context.startup.later(lambda: self._first_film(parts))

    def _build_timing(self) -> None:
        """The picker of lines and its prompt, Esc to cancel, and the line of doubts."""
        self.picker = LinePicker()
        self._picked_on: tuple[Track | None, Track | None] = (None, None)
        self.pick_bar = PickBar(self)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape.setEnabled(False)
        self.warning_label = banner(self, "subtitlesWarning")  # doubts about the pairing
        self.warning_label.hide()
        self._actions: ActionRegistry | None = None

    def _connect(self) -> None:
        self.pair.changed.connect(self._show_pair)
        self.pair.languagesChanged.connect(self._show_pair)
        self.pair.offsetChanged.connect(self._show_offset)
        self.model.modelAboutToBeReset.connect(self._keep_place)
        self.model.modelReset.connect(self._restore_place)
        self.table.clicked.connect(lambda index: self.choose_partner(index.row()))
        self.table.chosen.connect(self.choose_partner)
        self.table.escaped.connect(self.cancel_pick)
        self.pick_bar.button.clicked.connect(self.cancel_pick)
        self.escape.activated.connect(self.cancel_pick)
        c = self.controls
        c.offset_box.valueChanged.connect(self.set_offset)
        c.estimate_button.clicked.connect(self.find_timing)
        c.undo_button.clicked.connect(self.undo_sync)
        c.pick_button.clicked.connect(self.start_pick)
        c.search_field.textChanged.connect(self.search)
        c.search_field.returnPressed.connect(self.next_match)
        c.next_button.clicked.connect(self.next_match)
        c.previous_button.clicked.connect(self.previous_match)
        c.jump_field.returnPressed.connect(lambda: self.jump_to_text(c.jump_field.text()))
        for side, bar in enumerate(self.bars):
            bar.languageChosen.connect(lambda code, s=side: self.set_language(s, code))
            bar.encodingChosen.connect(lambda codec, s=side: self.reopen(s, codec))

    def connect_actions(self, actions: ActionRegistry) -> None:
        """Hook the pane to the window's actions (after the review pane's own connections)."""
        wiring = {
            "file.open_subtitles": self.choose_and_open,
            "file.export_subtitles": self.choose_and_export,
            "subtitles.jump": self.controls.focus_jump,
            "subtitles.offset": self.find_timing,
            "subtitles.reopen_encoding": self.choose_encoding,
            "subtitles.undo_sync": self.undo_sync,
            "subtitles.pick_partner": self.start_pick,
        }
        for action_id, slot in wiring.items():
            if action_id in actions:
                actions[action_id].triggered.connect(slot)
        # A right click on a row offers what fixes the timing from there.
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action_id in TIMING_ACTIONS:
            if action_id in actions:
                self.table.addAction(actions[action_id])
        self._actions = actions
        self._enable_timing()

    def retranslate(self) -> None:
        """Column titles and the status line in the new language."""
        self.model.retranslate()
        self.table.setAccessibleName(_("Subtitles in two languages"))
        self.table.setAccessibleDescription(
            _(
                "One row per subtitle: its start time, then its line in each language. The "
                "arrow keys move between lines, Ctrl+Shift+N pins a note to the line, Tab "
                "leaves the table."
            )
        )
        self._show_status()

    # -- tracks: loading files into the pair

    def _first_film(self, parts: tuple[QWidget, ...]) -> None:
        if self.pair.is_empty():  # tracks given on the command line came first: they stay
            self.show_film(self._context.film)
        for part in parts:
            part.show()

    @property
    def tracks(self) -> list[Track | None]:
        """The pair's left and right tracks (None where no track is loaded)."""
        return list(self.pair.tracks)

    def show_film(self, film: FilmPackage) -> None:
        """Show the film's own subtitle pair (Spanish first), or nothing."""
        found = dict(film.subtitle_tracks)
        order = sorted(found, key=lambda code: (code != "es", code != "en", code))[:2]
        loaded: list[Track | None] = []
        problems: list[MismaLunaError] = []
        for code in order:
            try:
                loaded.append(load_track(found[code], language=code))
            except MismaLunaError as error:
                problems.append(error)
                loaded.append(None)
        loaded += [None] * (2 - len(loaded))
        self.pair.set_tracks(loaded[0], loaded[1], unread=tuple(problems))

    def open_pair(self, first: Path, second: Path) -> None:
        """Load two files as the left and right tracks (the command line's `--subtitles A B`)."""
        tracks = [self._load_reporting(path) for path in (first, second)]
        left, right = self.pair.tracks
        self.set_tracks(tracks[0] or left, tracks[1] or right)

    def open_files(self, paths: list[Path]) -> None:
        """Load one or two files, each replacing the track in its language (else the right)."""
        if len(paths) >= 2:
            self.open_pair(paths[0], paths[1])
            return
        for path in paths:
            track = self._load_reporting(path)
            if track is not None:
                self.pair.set_track(self.pair.side_for(track), track)

    def _load_reporting(self, path: Path, encoding: str | None = None) -> Track | None:
        try:
            track = load_track(path, encoding=encoding)
        except MismaLunaError as error:
            report_problem(self, _("These subtitles could not be opened"), error)
            return None
        self._context.preferences.set(settings.LAST_FOLDER, str(path.parent))
        return track

    def set_tracks(self, left: Track | None, right: Track | None) -> None:
        """Show `left` and `right` paired, the timing of `right` found anew."""
        self.pair.set_tracks(left, right)

    def set_language(self, side: int, language: str | None) -> None:
        """Declare the track on `side` (0 left, 1 right) to be in `language`."""
        self.pair.set_language(side, language or None)

    def reopen(self, side: int, encoding: str) -> None:
        """Read the track on `side` again with `encoding`."""
        track = self.pair.track(side)
        if track is None:
            return
        reopened = self._load_reporting(track.path, encoding)
        if reopened is not None:  # the same cues, read right: the timing in force stays
            self.pair.set_track(side, reopened.with_language(track.language), keep_timing=True)

    # -- the pairing rendered, and the reader's say over its timing

    @property
    def offset(self) -> int:
        """Milliseconds the right track is moved by at its start."""
        return self.pair.offset

    @property
    def alignment(self) -> Pairing:
        """The pair's rows, as the table shows them."""
        return self.pair.pairing

    def find_timing(self) -> None:
        """Find the second track's timing again and pair by it."""
        self._forget_picks()
        self.pair.find_timing()

    def undo_sync(self) -> None:
        """Pair the tracks as they were timed."""
        self._forget_picks()
        self.pair.undo_sync()

    def set_offset(self, ms: int) -> None:
        """Move the second track, as it was timed, by `ms` (the offset box)."""
        self._forget_picks()
        self.pair.set_offset(ms)

    def start_pick(self) -> None:
        """Wait for the reader to pick the partner of the selected line."""
        if not self.pair.is_complete():
            return
        index = self.table.currentIndex()
        side = RIGHT if index.column() == RIGHT_COLUMN else LEFT
        pick = self.picker.start(self.model.row(index.row()), side) if index.isValid() else None
        if pick is None:
            self.pick_bar.show_prompt(Prompt.NO_LINE)
            return
        self._picked_on = self.pair.tracks
        self.pick_bar.show_prompt(Prompt.CHOOSE, pick.text, self.pair.languages[1 - pick.side])
        self.escape.setEnabled(True)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_partner(self, row: int) -> None:
        """Take `row`'s other-side line as the partner of the line picked (when picking)."""
        if not self.picker.picking or not 0 <= row < self.model.rowCount():
            return
        transform = self.picker.choose(self.model.row(row))
        if transform is None:
            self.pick_bar.show_prompt(Prompt.NO_PARTNER)
            return
        self.pair.set_transform(transform)
        pairs = len(self.picker.anchors)
        self.pick_bar.show_prompt(Prompt.ONE_PAIR if pairs == 1 else Prompt.TWO_PAIRS)
        self.escape.setEnabled(True)  # Esc now closes the note

    def cancel_pick(self) -> None:
        """Stop picking (the pairs already picked keep their effect) and hide the prompt."""
        self.picker.cancel()
        self.pick_bar.show_prompt(Prompt.HIDDEN)
        self.escape.setEnabled(False)

    def _forget_picks(self) -> None:
        self.picker.forget()
        self.cancel_pick()

    def _show_pair(self) -> None:
        if any(a is not b for a, b in zip(self._picked_on, self.pair.tracks, strict=True)):
            self._forget_picks()  # other tracks: the pairs picked were about the old ones
            self._picked_on = self.pair.tracks
        self._show_tracks()
        self._show_status()
        self._enable_timing()

    def _enable_timing(self) -> None:
        """The timing can be found or fixed only with two tracks; undone only when moved."""
        complete = self.pair.is_complete()
        moved = complete and not self.pair.transform.is_identity
        c = self.controls
        for widget in (c.offset_box, c.estimate_button, c.pick_button):
            widget.setEnabled(complete)
        c.undo_button.setEnabled(moved)
        if self._actions is not None:
            for action_id, enabled in zip(TIMING_ACTIONS, (complete, moved, complete), strict=True):
                if action_id in self._actions:
                    self._actions[action_id].setEnabled(enabled)

    def _show_tracks(self) -> None:
        for bar, track in zip(self.bars, self.pair.tracks, strict=True):
            bar.show_track(track)

    def _show_offset(self, ms: int) -> None:
        box = self.controls.offset_box
        if box.value() != ms:
            with QSignalBlocker(box):  # the pair already holds this offset
                box.setValue(ms)

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

    def _keep_place(self) -> None:
        self._kept_start = self.current_start()

    def _restore_place(self) -> None:
        """After new rows: the row showing where the reader was, and the search again."""
        if self._kept_start is not None:
            self.select_row(self.model.row_at_time(self._kept_start))
        self._kept_start = None
        if self.controls.search_field.text():
            self.search()

    # -- reading: selection, search, jump

    def current_start(self) -> int | None:
        """The start time of the selected row, if any."""
        index = self.table.currentIndex()
        return self.model.row(index.row()).start_ms if index.isValid() else None

    def selected_span(self) -> tuple[int, int] | None:
        """The time span of the selected rows, if any (the scene a worksheet is offered)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedIndexes()})
        if not rows:
            return None
        return self.model.row(rows[0]).start_ms, self.model.row(rows[-1]).end_ms

    def select_row(self, row: int, column: int = LEFT_COLUMN) -> None:
        """Select `row` and bring it into view."""
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, column)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def jump_to_text(self, text: str) -> bool:
        """Go to the row showing at the time typed (`1:02:03`, `2:03`, `95`)."""
        ms = parse_time(text)
        if ms is None:
            self.controls.show_jump_error()
            return False
        self.controls.show_jump_error(False)
        self.jump_to(ms)
        return True

    def jump_to(self, ms: int) -> None:
        """Go to the row showing at `ms`, or the next one."""
        self.select_row(self.model.row_at_time(ms))

    def search(self, *_args: object) -> None:
        """Find the field's text in both columns and go to the first match."""
        self.controls.show_jump_error(False)
        self._matches = self.model.matches(self.controls.search_field.text())
        self._match = -1
        self._step(1)

    def next_match(self) -> None:
        """Go to the next match, wrapping around."""
        self._step(1)

    def previous_match(self) -> None:
        """Go to the previous match, wrapping around."""
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self._matches:
            self._match = (self._match + delta) % len(self._matches)
            self.select_row(*self._matches[self._match])
        self.controls.show_match_count(self._match, len(self._matches))

    # -- a reading place: notes pin to the selected row

    def anchor_kinds(self) -> tuple[str, ...]:
        """Notes pin to subtitle rows here."""
        return ("subtitle",)

    def has_reader_focus(self) -> bool:
        """Whether the keyboard focus is in this pane."""
        focused = QApplication.focusWidget()
        return focused is not None and (focused is self or self.isAncestorOf(focused))

    def anchor_here(self) -> Anchor | None:
        """The selected row as a note anchor (`cue:<start_ms>`), or None."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.model.row(index.row())
        quote = " — ".join(" ".join(side) for side in (row.left, row.right) if side)
        return Anchor("subtitle", f"cue:{row.start_ms}", row.start_ms, quote)

    def scroll_to_anchor(self, anchor: Anchor) -> None:
        """Bring the row a note is pinned to into view (the nearest row by time)."""
        anchor_id = anchor.id
        if anchor_id.startswith("cue:") and anchor_id[4:].lstrip("-").isdigit():
            start = int(anchor_id[4:])
            rows = self.model.rows()
            exact = next((n for n, row in enumerate(rows) if row.start_ms == start), None)
            self.select_row(exact if exact is not None else self.model.row_at_time(start))

    # -- files: dialogs and drops

    def choose_and_open(self) -> None:
        """Ask for one or two subtitle files and show them."""
        patterns = subtitle_patterns()
        filters = ";;".join(
            (_("Subtitles ({patterns})").format(patterns=patterns), _("All files (*)"))
        )
        folder = self._context.preferences.get(settings.LAST_FOLDER)
        paths, _filter = QFileDialog.getOpenFileNames(
            self, _("Open one or two subtitle files"), folder, filters
        )
        if paths:
            self.open_files([Path(path) for path in paths[:2]])

    def choose_and_export(self) -> None:
        """Ask where to save the aligned pair as CSV, then save it."""
        if self.pair.is_empty():
            report_problem(self, _("Nothing to export"), _("No subtitles are open."))
            return
        folder = self._context.preferences.get(settings.LAST_FOLDER)
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export subtitles as CSV"), str(Path(folder) / "subtitles.csv"),
            _("CSV tables (*.csv)"),
        )  # fmt: skip
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> bool:
        """Write the aligned pair to `path` as CSV; report a failure."""
        try:
            write_csv(self.pair.pairing, path, *self.pair.languages)
        except MismaLunaError as error:
            report_problem(self, _("The subtitles could not be exported"), error)
            return False
        return True

    def choose_encoding(self) -> None:
        """Ask which track to reopen and in which encoding."""
        tracks = {side: t for side, t in enumerate(self.pair.tracks) if t is not None}
        if not tracks:
            return
        sides = list(tracks)
        names = [track.path.name for track in tracks.values()]
        name, ok = QInputDialog.getItem(self, _("Reopen subtitles"), _("File:"), names, 0, False)
        if not ok:
            return
        bar = self.bars[sides[names.index(name)]]
        labels = [action.text() for action in bar.reopen_menu.actions()]
        label, ok = QInputDialog.getItem(
            self, _("Reopen subtitles"), _("Encoding:"), labels, 0, False
        )
        if ok:
            self.reopen(sides[names.index(name)], ENCODINGS[labels.index(label)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if _dropped_subtitles(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = _dropped_subtitles(event)
        if paths:
            event.acceptProposedAction()
            self.open_files(paths[:2])


def _dropped_subtitles(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [path for path in paths if is_subtitle(path)]
