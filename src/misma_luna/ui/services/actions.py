"""Every QAction of the app, declared once: id, text, standard shortcut, tooltip.

Texts are marked with `N_` and set in `retranslate()`, which runs at construction and on
every language change. Panes connect to actions by id; menus list ids (ui/shell/menus.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from misma_luna.core.base.i18n import N_, _

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One action: what it is called, how it is reached, what it does."""

    id: str
    text: str
    tip: str
    shortcut: Key | str | None = None
    checkable: bool = False
    role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole
    # For a standard key the platform leaves unbound (Preferences on a bare X11 desktop).
    fallback: str | None = None


SPECS: tuple[ActionSpec, ...] = (
    # -- files
    ActionSpec("file.open", N_("&Open…"), N_("Open a film package or a review file"), Key.Open),
    ActionSpec(
        "file.quit", N_("&Quit"), N_("Close Misma Luna"), Key.Quit, role=QAction.MenuRole.QuitRole
    ),
    # -- reading
    ActionSpec("edit.find", N_("&Find…"), N_("Find words in the review"), Key.Find),
    ActionSpec("edit.find_next", N_("Find &Next"), N_("Go to the next match"), Key.FindNext),
    ActionSpec(
        "edit.find_previous", N_("Find Pre&vious"), N_("Go to the previous match"), Key.FindPrevious
    ),
    ActionSpec("view.zoom_in", N_("Zoom &In"), N_("Make the text larger"), Key.ZoomIn),
    ActionSpec("view.zoom_out", N_("Zoom &Out"), N_("Make the text smaller"), Key.ZoomOut),
    ActionSpec(
        "view.zoom_reset", N_("&Actual Size"), N_("Show the text at its normal size"), "Ctrl+0"
    ),
    # -- opening files, original text, recent files (issue 6)
    ActionSpec(
        "view.show_original",
        N_("Show O&riginal Text"),
        N_("Show the review file as it was before its text was repaired"),
    ),
    # -- notes (issue 3)
    ActionSpec(
        "file.export_notes", N_("Export &Notes…"), N_("Save your notes as Markdown or JSON")
    ),
    ActionSpec(
        "notes.add",
        N_("Add Note &Here"),
        N_("Write a note pinned to the passage or subtitle at the cursor"),
        "Ctrl+Shift+N",
    ),
    ActionSpec(
        "notes.focus", N_("&Go to Notes"), N_("Put the cursor in the notes editor"), "Ctrl+Shift+E"
    ),
    ActionSpec("notes.search", N_("Search N&otes…"), N_("Search all your notes"), "Ctrl+Shift+F"),
    ActionSpec(
        "view.notes",
        N_("&Notes Pane"),
        N_("Show or hide your notes beside the review"),
        checkable=True,
    ),
    # -- review sheets: print, preview, PDF (issue 4)
    ActionSpec("file.print", N_("&Print…"), N_("Print the review sheet"), Key.Print),
    ActionSpec(
        "file.print_preview", N_("Print Pre&view…"), N_("See the review sheet before printing")
    ),
    ActionSpec("file.export_pdf", N_("Export as P&DF…"), N_("Save the review sheet as a PDF")),
    ActionSpec(
        "file.worksheet",
        N_("&Worksheet…"),
        N_("Make a class worksheet for a scene: glossary, gap-fill, questions, script and key"),
    ),
    # -- subtitles (issue 5)
    ActionSpec(
        "file.open_subtitles",
        N_("Open &Subtitles…"),
        N_("Open one or two subtitle files to read side by side"),
    ),
    ActionSpec(
        "file.export_subtitles",
        N_("Export Subtitles as &CSV…"),
        N_("Save the subtitles, aligned by time, as a CSV table"),
    ),
    ActionSpec(
        "subtitles.jump", N_("&Go to Time…"), N_("Jump to a time in the subtitles"), "Ctrl+G"
    ),
    ActionSpec(
        "subtitles.offset",
        N_("&Estimate Subtitle Offset"),
        N_("Move the second subtitle track so that it lines up with the first"),
    ),
    ActionSpec(
        "subtitles.reopen_encoding",
        N_("Reopen Subtitles in Another En&coding…"),
        N_("Read a subtitle file again with the encoding you choose"),
    ),
    ActionSpec(
        "edit.preferences",
        N_("&Preferences…"),
        N_("Choose the text size, the colours and the review sheet's defaults"),
        Key.Preferences,
        role=QAction.MenuRole.PreferencesRole,
        fallback="Ctrl+,",
    ),
    # -- help
    ActionSpec(
        "help.getting_started",
        N_("&Getting Started"),
        N_("Read how to open a film, pair subtitles, write notes and print sheets"),
        Key.HelpContents,
    ),
    ActionSpec(
        "help.about",
        N_("&About Misma Luna"),
        N_("Version, license and credits"),
        None,
        role=QAction.MenuRole.AboutRole,
    ),
    # -- subtitle timing: the reader stays in charge of what was found
    ActionSpec(
        "subtitles.undo_sync",
        N_("&Undo Subtitle Sync"),
        N_("Show the second subtitle track as it was timed, without the timing found"),
    ),
    ActionSpec(
        "subtitles.pick_partner",
        N_("This Line Goes &With…"),
        N_(
            "Pick the line of the other track that goes with the selected line; two such pairs "
            "fix the timing of a stretch"
        ),
    ),
    # -- the library: the reader's own films
    ActionSpec("file.library", N_("&Library…"), N_("See all your films and open one"), "Ctrl+L"),
    ActionSpec(
        "file.new_film",
        N_("N&ew Film…"),
        N_("Make a film from subtitle files and a review of your own"),
        Key.New,
    ),
    # -- translating the film in the app
    ActionSpec(
        "film.translate",
        N_("&Translate…"),
        N_("Translate the review and the film's details, piece by piece, side by side"),
    ),
    # -- words: collect from a line, look at them, take them to Anki
    ActionSpec(
        "words.collect",
        N_("Collect &Word"),
        N_("Save the selected word or phrase, with its line and the paired line, to your words"),
        "Ctrl+Shift+W",
    ),
    ActionSpec(
        "view.words",
        N_("&Words Pane"),
        N_("Show or hide the words you collected"),
        "Ctrl+Shift+K",
        checkable=True,
    ),
    ActionSpec(
        "file.export_words",
        N_("E&xport Words…"),
        N_("Save your words as an Anki deck or a CSV table"),
    ),
)


class ActionRegistry(QObject):
    """Creates every declared action once and keeps their texts in the active language."""

    def __init__(self, parent: QObject, specs: tuple[ActionSpec, ...] = SPECS) -> None:
        super().__init__(parent)
        self._specs = {spec.id: spec for spec in specs}
        self._actions: dict[str, QAction] = {}
        for spec in specs:
            action = QAction(parent)
            action.setObjectName(spec.id)
            action.setCheckable(spec.checkable)
            action.setMenuRole(spec.role)
            if isinstance(spec.shortcut, Key):
                action.setShortcuts(spec.shortcut)
                if not action.shortcuts() and spec.fallback:
                    action.setShortcut(QKeySequence(spec.fallback))
            elif spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            self._actions[spec.id] = action
        self.retranslate()

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: object) -> bool:
        return action_id in self._actions

    def retranslate(self) -> None:
        """Set every action's text and tooltip in the active language."""
        for action_id, action in self._actions.items():
            spec = self._specs[action_id]
            action.setText(_(spec.text))
            tip = _(spec.tip)
            action.setToolTip(tip)
            action.setStatusTip(tip)
