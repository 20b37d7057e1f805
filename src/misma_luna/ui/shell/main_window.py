"""The main window: composes the panes, the menus and the status bar; owns little else.

Menus are declared as lists of action ids (menus.py; actions.py declares the actions); panes
get the AppContext and subscribe to it. The window remembers its geometry and splitter layout;
its own dialogs open one way (dialogs.py).

The window is built in two steps. The first paint needs only the frame: the menu titles,
the review, and the places of the film pane, the subtitles and the notes, so that is all
`__init__` builds (nothing in it names the Qt namespace, see ui/services/startup.py). The
actions and the three other panes (and the modules behind them) come in `_complete()`, which
`AppContext.startup` runs right after the first paint at the app's start, and at once
everywhere else (tests, the self-test). Asking for one of those panes earlier builds them.

Panes never call each other: the shell wires one pane's signals to another's slots
(later_panes.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSplitter, QWidget

from misma_luna import APP_NAME
from misma_luna.core.base.i18n import _
from misma_luna.core.base.resources import resources_dir
from misma_luna.ui.review.pane import ReviewPane
from misma_luna.ui.services import settings
from misma_luna.ui.services.appearance.screen import resize_to_fit
from misma_luna.ui.services.appearance.theme import apply_appearance
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.shell.dialogs import DialogWindow
from misma_luna.ui.shell.menus import WindowMenus
from misma_luna.ui.shell.status_bar import TranslationStatus

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QIcon, QShowEvent
    from PySide6.QtWidgets import QMenu

    from misma_luna.ui.film.pane import FilmPane
    from misma_luna.ui.notes.pane import NotesPane
    from misma_luna.ui.printing.printer import SheetPrinter
    from misma_luna.ui.shell.later_panes import LaterPanes
    from misma_luna.ui.shell.opening import FilmOpener
    from misma_luna.ui.subtitles.pane import SubtitlesPane
    from misma_luna.ui.words.pane import WordsPane
    from misma_luna.ui.worksheets.dialog import WorksheetDialog

# The printing actions, and the SheetPrinter slot each one ends in.
PRINT_SLOTS = (
    ("file.print", "print_sheet"),
    ("file.print_preview", "preview"),
    ("file.export_pdf", "export_pdf"),
)

# A new window's size (less on a smaller screen), and the widths of its film and notes panes;
# the review takes the rest.
WINDOW_SIZE = (1200, 800)
FILM_WIDTH = 320
NOTES_WIDTH = 280
# The narrowest the film and notes panes (and the places kept for them) can be dragged.
SIDE_PANE_MINIMUM = 220

# Qt::Vertical, for the splitter that holds the review over the subtitles. It is set through
# Qt's property system because naming `Qt.Orientation.Vertical` makes PySide6 build all 96
# enum classes of the Qt namespace before the first paint: 115 million instructions, about
# 20 ms (benchmarks/paint_instructions.py, with and without it).
VERTICAL = 2


class MainWindow(Retranslating, DialogWindow):
    """One film on screen: facts, review, subtitles and notes, with the menus over them."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("mainWindow")
        self._sheet_printer: SheetPrinter | None = None
        self._later: LaterPanes | None = None
        self._panes_restored = False

        self.review_pane = ReviewPane(context, self)
        self.reading_splitter = QSplitter(parent=self)
        self.reading_splitter.setProperty("orientation", VERTICAL)
        self.reading_splitter.addWidget(self.review_pane)
        self.reading_splitter.addWidget(_place(self))  # where the subtitles pane goes
        # Review and subtitles share the height evenly: under its track and control rows the
        # subtitles table still shows several cues.
        self.reading_splitter.setStretchFactor(0, 1)
        self.reading_splitter.setStretchFactor(1, 1)
        self.reading_splitter.setSizes([400, 400])
        self.splitter = QSplitter(parent=self)  # horizontal, Qt's default
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(_place(self, SIDE_PANE_MINIMUM))  # where the film pane goes
        self.splitter.addWidget(self.reading_splitter)
        notes_place = _place(self, SIDE_PANE_MINIMUM)  # where the notes pane goes
        notes_place.setVisible(context.preferences.get(settings.NOTES_SHOWN))
        self.splitter.addWidget(notes_place)
        self.splitter.setStretchFactor(1, 1)
        resize_to_fit(self, *WINDOW_SIZE)
        self.splitter.setSizes(_side_by_side(self.width()))
        for index in range(self.splitter.count()):
            self.splitter.setCollapsible(index, False)  # no pane can be lost by a drag
        self.setCentralWidget(self.splitter)
        self._translation_status = TranslationStatus(context, self)
        self.statusBar().addPermanentWidget(self._translation_status)
        context.status.shown.connect(self.statusBar().showMessage)
        self._menus = WindowMenus(context, self.menuBar(), self.switch_language, self)
        context.session.filmChanged.connect(self.retranslate)
        apply_appearance(context.preferences)
        self.retranslate()
        self._restore_layout()
        context.startup.later(self._complete)

    def _complete(self) -> LaterPanes:
        """Build what the first paint does without: actions, menus' entries, the other panes."""
        if self._later is not None:
            return self._later
        # The panes' modules load here, after the first paint, not when this module loads.
        from misma_luna.ui.shell.later_panes import build_later_panes  # noqa: PLC0415

        self.setWindowIcon(app_icon())
        self._connect_printing()
        self._later = later = build_later_panes(
            self, self.context, self.review_pane, self.splitter, self.reading_splitter
        )
        self._translation_status.complete()
        self._connect_actions(later)
        later.subtitles.connect_actions(self.context.actions)
        self._menus.submenus["recent"] = later.opener.add_recent_menu
        self._menus.fill()
        self.retranslate()
        return later

    @property
    def opener(self) -> FilmOpener:
        """File > Open, recent files and drops (built after the first paint)."""
        return self._complete().opener

    @property
    def film_pane(self) -> FilmPane:
        """The film's facts (built after the first paint)."""
        return self._complete().film

    @property
    def subtitles_pane(self) -> SubtitlesPane:
        """The subtitles under the review (built after the first paint)."""
        return self._complete().subtitles

    @property
    def notes_pane(self) -> NotesPane:
        """The notes beside the review (built after the first paint)."""
        return self._complete().notes

    @property
    def words_pane(self) -> WordsPane:
        """The collected words, docked under the reading panes (built after the first paint)."""
        return self._complete().words

    @property
    def language_menu(self) -> QMenu:
        """View > Language, each language named in itself (built after the first paint)."""
        self._complete()
        assert self._menus.language_menu is not None
        return self._menus.language_menu

    # -- construction

    @property
    def sheet_printer(self) -> SheetPrinter:
        """Print, preview and PDF export, built on first use (Qt's print module is heavy)."""
        if self._sheet_printer is None:
            # Loaded on first use, after the first paint, not with this module.
            from misma_luna.ui.printing.printer import SheetPrinter  # noqa: PLC0415

            self._sheet_printer = SheetPrinter(self.context, self)
        return self._sheet_printer

    def _connect_printing(self) -> None:
        for action_id, slot in PRINT_SLOTS:
            self.context.actions[action_id].triggered.connect(
                lambda _checked=False, s=slot: getattr(self.sheet_printer, s)()
            )

    def _connect_actions(self, later: LaterPanes) -> None:
        a = self.context.actions
        a["file.quit"].triggered.connect(self.close)
        a["edit.find"].triggered.connect(self.review_pane.find_bar.open_bar)
        a["edit.find_next"].triggered.connect(self.review_pane.find_bar.next)
        a["edit.find_previous"].triggered.connect(self.review_pane.find_bar.previous)
        a["view.zoom_in"].triggered.connect(self.context.zoom.zoom_in)
        a["view.zoom_out"].triggered.connect(self.context.zoom.zoom_out)
        a["view.zoom_reset"].triggered.connect(self.context.zoom.reset)
        a["view.notes"].setChecked(not later.notes.isHidden())
        a["view.notes"].toggled.connect(self.show_notes)
        a["help.about"].triggered.connect(self.show_about)
        a["help.getting_started"].triggered.connect(self.show_getting_started)
        a["edit.preferences"].triggered.connect(self.show_preferences)
        a["file.worksheet"].triggered.connect(self.show_worksheet)
        a["film.translate"].triggered.connect(self.show_translation)
        self.review_pane.linkActivated.connect(self.open_link)

    # -- language

    def switch_language(self, code: str) -> None:
        """Switch the whole app to `code` and remember the choice."""
        self.context.preferences.set(settings.LANGUAGE, code)
        self.context.language.set_language(code)

    def retranslate(self, *_args: object) -> None:
        """Window title, menus, actions and status bar in the active language."""
        film = self.context.localized_film()
        self.setWindowTitle(f"{film.title} — {APP_NAME}")
        self._menus.retranslate()
        self.splitter.setAccessibleName(_("Film and review"))
        if self._later is not None:
            self.context.actions.retranslate()
            self._later.opener.retranslate()
            self._translation_status.show_status()

    # -- actions

    def show_notes(self, shown: bool) -> None:
        """Show or hide the notes pane (the note being written is saved as it loses focus)."""
        self.notes_pane.setVisible(shown)
        self.context.preferences.set(settings.NOTES_SHOWN, shown)

    def show_worksheet(self) -> WorksheetDialog:
        """File > Worksheet…, with the subtitle rows selected as the scene offered."""
        # Loaded on first use, after the first paint, not with this module.
        from PySide6.QtCore import Qt  # noqa: PLC0415

        from misma_luna.ui.worksheets.dialog import WorksheetDialog  # noqa: PLC0415

        dialog = WorksheetDialog(self.context, self, self.subtitles_pane.selected_span())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        return dialog

    # -- layout memory

    def _restore_layout(self) -> None:
        geometry = self.context.preferences.get(settings.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
            # Remembered on a larger screen (or before one was unplugged): fit this one.
            resize_to_fit(self, self.width(), self.height())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        # The panes' widths, once the splitter has its real width (it is laid out when shown)
        # and before anything is painted: restored earlier, they would be rescaled.
        if not self._panes_restored:
            self._panes_restored = True
            panes = self.context.preferences.get(settings.SPLITTER_STATE)
            if not panes.isEmpty():
                self.splitter.restoreState(panes)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self._later is not None:
            self._later.notes.flush()
        self.save_dialogs()
        prefs = self.context.preferences
        prefs.set(settings.WINDOW_GEOMETRY, self.saveGeometry())
        prefs.set(settings.SPLITTER_STATE, self.splitter.saveState())
        prefs.sync()
        super().closeEvent(event)


def _side_by_side(width: int) -> list[int]:
    """The film, review and notes widths in a window `width` wide (side panes narrower on a
    small screen, so that the review and the subtitles keep room)."""
    film, notes = min(FILM_WIDTH, width // 4), min(NOTES_WIDTH, width // 4)
    return [film, width - film - notes, notes]


def _place(parent: QWidget, minimum_width: int = 0) -> QWidget:
    """An empty widget that keeps a pane's place (and its minimum width) until it comes."""
    place = QWidget(parent)
    place.setMinimumWidth(minimum_width)
    return place


def app_icon() -> QIcon:
    """The app's icon, scalable with bitmap sizes."""
    # Loaded on first use, after the first paint, not with this module.
    from PySide6.QtGui import QIcon  # noqa: PLC0415

    icon = QIcon()
    hicolor = resources_dir() / "icons" / "hicolor"
    for png in sorted(hicolor.glob("*/apps/misma-luna.png")):
        icon.addFile(str(png))
    return icon
