"""The main window: composes the panes, the menus and the status bar; owns little else.

Menus are declared as lists of action ids (actions.py declares the actions); panes get the
AppContext and subscribe to it. The window remembers its geometry and splitter layout.

The window is built in two steps. The first paint needs only the frame: the menu titles,
the review, and the places of the film pane, the subtitles and the notes, so that is all
`__init__` builds (nothing in it names the Qt namespace, see ui/services/startup.py). The
actions and the three other panes (and the modules behind them) come in `_complete()`, which
`AppContext.startup` runs right after the first paint at the app's start, and at once
everywhere else (tests, the self-test). Asking for one of those panes earlier builds them.

Panes never call each other: the window wires one pane's signals to another's slots here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QWidget

from misma_luna import APP_NAME
from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import N_, _, ngettext
from misma_luna.core.base.resources import resources_dir
from misma_luna.ui.review.pane import ReviewPane
from misma_luna.ui.services import settings
from misma_luna.ui.services.appearance.screen import resize_to_fit
from misma_luna.ui.services.appearance.theme import apply_appearance
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QCloseEvent, QIcon, QShowEvent

    from misma_luna.ui.film.pane import FilmPane
    from misma_luna.ui.help.dialog import HelpDialog
    from misma_luna.ui.notes.pane import NotesPane
    from misma_luna.ui.preferences.dialog import PreferencesDialog
    from misma_luna.ui.printing.printer import SheetPrinter
    from misma_luna.ui.shell.opening import FilmOpener
    from misma_luna.ui.subtitles.pane import SubtitlesPane
    from misma_luna.ui.translation.dialog import TranslateDialog
    from misma_luna.ui.widgets.dialogs import AboutDialog
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
# enum classes of the Qt namespace (about 10 ms) before the first paint.
VERTICAL = 2

# Menus as (title, entries); an entry is an action id, None for a separator, or "@name"
# for a submenu built by `MainWindow.submenus[name]`. Ids that are not declared are skipped.
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        N_("&File"),
        (
            "file.new_film", "file.open", "@recent", "file.library", "file.open_subtitles", None,
            "file.print", "file.print_preview", "file.export_pdf", "file.worksheet", None,
            "file.export_notes", "file.export_subtitles", "file.export_words", None,
            "file.quit",
        ),
    ),
    (
        N_("&Edit"),
        (
            "edit.find", "edit.find_next", "edit.find_previous", None,
            "notes.add", "notes.focus", "notes.search", None,
            "words.collect", None,
            "edit.preferences",
        ),
    ),
    (
        N_("&View"),
        (
            "view.zoom_in", "view.zoom_out", "view.zoom_reset", None,
            "view.notes", "view.words", None,
            "subtitles.jump", "subtitles.offset", "subtitles.reopen_encoding", None,
            "view.show_original", None,
            "@language",
        ),
    ),
    (N_("F&ilm"), ("film.translate",)),
    (N_("&Help"), ("help.getting_started", None, "help.about")),
)  # fmt: skip


@dataclass(frozen=True)
class LaterPanes:
    """What the window builds right after its first paint."""

    opener: FilmOpener
    film: FilmPane
    subtitles: SubtitlesPane
    notes: NotesPane


class MainWindow(Retranslating, QMainWindow):
    """One film on screen: facts, review, subtitles and notes, with the menus over them."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("mainWindow")
        self.submenus: dict[str, Callable[[QMenu], None]] = {"language": self._fill_language_menu}
        self._menus: list[tuple[str, QMenu]] = []
        self._sheet_printer: SheetPrinter | None = None
        self._later: LaterPanes | None = None
        self._words_pane: WordsPane | None = None
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
        self._translation_label = QLabel(self)
        self.statusBar().addPermanentWidget(self._translation_label)
        context.status.shown.connect(self.statusBar().showMessage)
        for title, _entries in MENUS:
            menu = self.menuBar().addMenu("")
            menu.setObjectName("menu-" + title.replace("&", "").lower())
            self._menus.append((title, menu))
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
        from misma_luna.ui.film.pane import FilmPane  # noqa: PLC0415
        from misma_luna.ui.notes.pane import NotesPane  # noqa: PLC0415
        from misma_luna.ui.shell.opening import FilmOpener  # noqa: PLC0415
        from misma_luna.ui.subtitles.pane import SubtitlesPane  # noqa: PLC0415
        from misma_luna.ui.widgets.plain_text import make_plain  # noqa: PLC0415 (Qt's enums)

        self.setWindowIcon(app_icon())
        make_plain(self._translation_label)  # it names the film's languages, from its files
        opener = FilmOpener(self.context, self)
        self.submenus["recent"] = opener.add_recent_menu
        self._connect_printing()
        self._later = later = LaterPanes(
            opener,
            FilmPane(self.context, self),
            SubtitlesPane(self.context, self),
            NotesPane(self.context, self),
        )
        _take_place(self.splitter, 0, later.film)
        _take_place(self.reading_splitter, 1, later.subtitles)
        _take_place(self.splitter, 2, later.notes)
        self._connect_actions()
        self._wire_panes(later)
        self._place_words(later)
        later.subtitles.connect_actions(self.context.actions)
        self._fill_menus()
        self.context.language.languageChanged.connect(self._check_language_action)
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
        self._complete()
        assert self._words_pane is not None
        return self._words_pane

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

    def _connect_actions(self) -> None:
        a = self.context.actions
        a["file.quit"].triggered.connect(self.close)
        a["edit.find"].triggered.connect(self.review_pane.find_bar.open_bar)
        a["edit.find_next"].triggered.connect(self.review_pane.find_bar.next)
        a["edit.find_previous"].triggered.connect(self.review_pane.find_bar.previous)
        a["view.zoom_in"].triggered.connect(self.context.zoom.zoom_in)
        a["view.zoom_out"].triggered.connect(self.context.zoom.zoom_out)
        a["view.zoom_reset"].triggered.connect(self.context.zoom.reset)
        a["help.about"].triggered.connect(self.show_about)
        a["help.getting_started"].triggered.connect(self.show_getting_started)
        a["edit.preferences"].triggered.connect(self.show_preferences)
        a["file.worksheet"].triggered.connect(self.show_worksheet)
        a["film.translate"].triggered.connect(self.show_translation)
        self.review_pane.linkActivated.connect(self._open_link)

    def _wire_panes(self, later: LaterPanes) -> None:
        """Connect pane to pane: notes mark the review, the review's markers select notes."""
        actions, review, notes = self.context.actions, self.review_pane, later.notes
        actions["view.notes"].setChecked(not notes.isHidden())
        actions["view.notes"].toggled.connect(self.show_notes)
        review.add_context_action(actions["notes.add"])
        review.noteMarkerClicked.connect(notes.select_note)
        notes.markersChanged.connect(review.set_note_markers)
        review.set_note_markers(notes.markers)
        later.opener.subtitlesChosen.connect(later.subtitles.open_files)
        later.opener.noteChosen.connect(notes.select_note)
        # A translation typed in Film > Translate: the review, the facts and the counts follow.
        content = self.context.session.contentChanged
        content.connect(review.render)
        content.connect(later.film.retranslate)
        content.connect(self._show_translation_status)

    def _place_words(self, later: LaterPanes) -> None:
        """Dock the words pane under the panes, and wire it to the review and the subtitles."""
        # Loaded after the first paint, with the other panes.
        from misma_luna.ui.shell.words_wiring import place_words_pane  # noqa: PLC0415

        self._words_pane = place_words_pane(self, self.context, self.review_pane, later.subtitles)
        self._words_pane.levelChanged.connect(later.film.level.show_level)
        # The film's lines may have reached the words pane before this connection.
        later.film.level.show_level()

    def _fill_menus(self) -> None:
        for (_title, entries), (_same, menu) in zip(MENUS, self._menus, strict=True):
            for entry in entries:
                if entry is None:
                    if menu.actions() and not menu.actions()[-1].isSeparator():
                        menu.addSeparator()
                elif entry.startswith("@"):
                    builder = self.submenus.get(entry[1:])
                    if builder is not None:
                        builder(menu)
                elif entry in self.context.actions:
                    menu.addAction(self.context.actions[entry])

    def _fill_language_menu(self, parent: QMenu) -> None:
        # Loaded on first use, after the first paint, not with this module.
        from PySide6.QtGui import QActionGroup  # noqa: PLC0415

        self.language_menu = parent.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        self._language_group = QActionGroup(self)
        # Each language is named in itself (babel's data): not needed for the first paint.
        self.context.startup.later(self._add_language_actions)

    def _add_language_actions(self) -> None:
        # Loaded on first use, after the first paint, not with this module.
        from PySide6.QtGui import QAction  # noqa: PLC0415

        for code, name in self.context.language.languages():
            action = QAction(name, self._language_group)
            action.setCheckable(True)
            action.setData(code)
            action.setChecked(code == self.context.language.language)
            action.triggered.connect(lambda _checked=False, c=code: self.switch_language(c))
            self.language_menu.addAction(action)

    # -- language

    def switch_language(self, code: str) -> None:
        """Switch the whole app to `code` and remember the choice."""
        self.context.preferences.set(settings.LANGUAGE, code)
        self.context.language.set_language(code)

    def _check_language_action(self, code: str) -> None:
        for action in self._language_group.actions():
            action.setChecked(action.data() == code)

    def retranslate(self, *_args: object) -> None:
        """Window title, menus, actions and status bar in the active language."""
        film = self.context.localized_film()
        self.setWindowTitle(f"{film.title} — {APP_NAME}")
        for title, menu in self._menus:
            menu.setTitle(_(title))
        self.splitter.setAccessibleName(_("Film and review"))
        if self._later is not None:
            self.context.actions.retranslate()
            self._later.opener.retranslate()
            self.language_menu.setTitle(_("&Language"))
            self._show_translation_status()

    def _show_translation_status(self, *_args: object) -> None:
        # Names languages with babel's locale data, which the first paint does without.
        self._translation_label.setText(translation_status(self.context))

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

    def show_translation(self) -> TranslateDialog:
        """Film > Translate…: one dialog, on the film on screen."""
        _bring_up(self._translator)
        return self._translator

    def show_about(self) -> None:
        """Open (or raise) the About dialog."""
        _bring_up(self._about)

    def show_preferences(self) -> None:
        """Open (or raise) Edit > Preferences."""
        _bring_up(self._preferences)

    def show_getting_started(self) -> None:
        """Open (or raise) Help > Getting Started."""
        _bring_up(self._help)

    # The dialogs below are made on first use; each loads its module then, after the first
    # paint, not with this one.

    @cached_property
    def _translator(self) -> TranslateDialog:
        from misma_luna.ui.translation.dialog import TranslateDialog  # noqa: PLC0415

        return TranslateDialog(self.context, self)

    @cached_property
    def _about(self) -> AboutDialog:
        from misma_luna.ui.widgets.dialogs import AboutDialog  # noqa: PLC0415

        return AboutDialog(self)

    @cached_property
    def _preferences(self) -> PreferencesDialog:
        from misma_luna.ui.preferences.dialog import PreferencesDialog  # noqa: PLC0415

        return PreferencesDialog(self.context, self)

    @cached_property
    def _help(self) -> HelpDialog:
        from misma_luna.ui.help.dialog import HelpDialog  # noqa: PLC0415

        return HelpDialog(self.context, self)

    def _open_link(self, url: QUrl) -> None:
        # Loaded on first use, after the first paint, not with this module.
        from misma_luna.ui.widgets.link_dialog import confirm_and_open_link  # noqa: PLC0415

        confirm_and_open_link(self, url)

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
        if "_translator" in vars(self):
            self._translator.save_now()  # typing not yet written by its timer
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


def _bring_up(dialog: QWidget) -> None:
    """Show `dialog` (again) over the other windows."""
    dialog.show()
    dialog.raise_()


def _place(parent: QWidget, minimum_width: int = 0) -> QWidget:
    """An empty widget that keeps a pane's place (and its minimum width) until it comes."""
    place = QWidget(parent)
    place.setMinimumWidth(minimum_width)
    return place


def _take_place(splitter: QSplitter, index: int, widget: QWidget) -> None:
    """Put `widget` where the splitter held its place, at the same size and minimum width,
    shown or hidden as the place was, so that nothing painted before it moves."""
    sizes = splitter.sizes()
    place = splitter.widget(index)
    if place is not None:
        hidden = place.isHidden()  # asked first: the splitter hides the widget it gives up
        splitter.replaceWidget(index, widget)
        if place.minimumWidth():
            widget.setMinimumWidth(place.minimumWidth())
        widget.setHidden(hidden)
        place.deleteLater()
    splitter.setSizes(sizes)
    splitter.setCollapsible(index, False)


def translation_status(context: AppContext) -> str:
    """What the status bar says about the language of the text on screen."""
    film = context.localized_film()
    ui = film.language
    source = film.film.source_language
    if ui == source:
        return _("Shown in its original language ({language})").format(
            language=fmt.language_name(source, ui)
        )
    missing = film.untranslated_count()
    target = fmt.language_name(ui, ui)
    if missing == 0:
        # TRANSLATORS: {language} is the name of the language, e.g. "Spanish".
        return _("{language} translation complete").format(language=target)
    total = len(film.film.review.blocks)
    # TRANSLATORS: {language} is the name of the language, e.g. "Spanish".
    return ngettext(
        "{done} of {total} paragraph translated into {language}",
        "{done} of {total} paragraphs translated into {language}",
        total,
    ).format(language=target, done=total - missing, total=total)


def app_icon() -> QIcon:
    """The app's icon, scalable with bitmap sizes."""
    # Loaded on first use, after the first paint, not with this module.
    from PySide6.QtGui import QIcon  # noqa: PLC0415

    icon = QIcon()
    hicolor = resources_dir() / "icons" / "hicolor"
    for png in sorted(hicolor.glob("*/apps/misma-luna.png")):
        icon.addFile(str(png))
    return icon
