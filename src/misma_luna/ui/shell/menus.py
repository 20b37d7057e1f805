"""The window's menus: their titles, made for the first paint, and their entries, filled
right after it from the action registry (ui/services/actions.py), with the Language submenu
and the recent files (ui/shell/opening.py) among them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from misma_luna.core.base.i18n import N_, _

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QActionGroup
    from PySide6.QtWidgets import QMenu, QMenuBar

    from misma_luna.ui.services.context import AppContext

# Menus as (title, entries); an entry is an action id, None for a separator, or "@name"
# for a submenu built by `WindowMenus.submenus[name]`. Ids that are not declared are skipped.
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


class WindowMenus(QObject):
    """The menu bar's menus, titled in the active language, and the Language submenu, which
    calls `switch_language` with the code the reader picks."""

    def __init__(
        self,
        context: AppContext,
        menu_bar: QMenuBar,
        switch_language: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._switch_language = switch_language
        self.submenus: dict[str, Callable[[QMenu], None]] = {"language": self._add_language_menu}
        self.language_menu: QMenu | None = None
        self._language_group: QActionGroup | None = None
        self._menus: list[tuple[str, QMenu]] = []
        for title, _entries in MENUS:
            menu = menu_bar.addMenu("")
            menu.setObjectName("menu-" + title.replace("&", "").lower())
            self._menus.append((title, menu))

    def fill(self) -> None:
        """Add each menu's entries (after the first paint, once the actions exist)."""
        for (_title, entries), (_same, menu) in zip(MENUS, self._menus, strict=True):
            for entry in entries:
                if entry is None:
                    if menu.actions() and not menu.actions()[-1].isSeparator():
                        menu.addSeparator()
                elif entry.startswith("@"):
                    builder = self.submenus.get(entry[1:])
                    if builder is not None:
                        builder(menu)
                elif entry in self._context.actions:
                    menu.addAction(self._context.actions[entry])
        self._context.language.languageChanged.connect(self._check_language_action)

    def retranslate(self) -> None:
        """The menus' titles in the active language."""
        for title, menu in self._menus:
            menu.setTitle(_(title))
        if self.language_menu is not None:
            self.language_menu.setTitle(_("&Language"))

    def _add_language_menu(self, parent: QMenu) -> None:
        # Loaded on first use, after the first paint, not with this module.
        from PySide6.QtGui import QActionGroup  # noqa: PLC0415

        self.language_menu = parent.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        self._language_group = QActionGroup(self)
        # Each language is named in itself (babel's data): not needed for the first paint.
        self._context.startup.later(self._add_language_actions)

    def _add_language_actions(self) -> None:
        # Loaded on first use, after the first paint, not with this module.
        from PySide6.QtGui import QAction  # noqa: PLC0415

        assert self.language_menu is not None
        for code, name in self._context.language.languages():
            action = QAction(name, self._language_group)
            action.setCheckable(True)
            action.setData(code)
            action.setChecked(code == self._context.language.language)
            action.triggered.connect(lambda _checked=False, c=code: self._switch_language(c))
            self.language_menu.addAction(action)

    def _check_language_action(self, code: str) -> None:
        if self._language_group is not None:
            for action in self._language_group.actions():
                action.setChecked(action.data() == code)
