"""The main window's own dialogs, opened one way: made on first use, kept, brought up again.

About, Edit > Preferences, Help > Getting Started and Film > Translate each load their module
when first opened, after the first paint, not with the window; a link asks before it opens.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from misma_luna.ui.help.dialog import HelpDialog
    from misma_luna.ui.preferences.dialog import PreferencesDialog
    from misma_luna.ui.services.context import AppContext
    from misma_luna.ui.translation.dialog import TranslateDialog
    from misma_luna.ui.widgets.dialogs import AboutDialog


class DialogWindow(QMainWindow):
    """A main window that keeps one of each of its dialogs and shows it over the others."""

    context: AppContext

    def show_translation(self) -> TranslateDialog:
        """Film > Translate…: one dialog, on the film on screen."""
        bring_up(self._translator)
        return self._translator

    def show_about(self) -> None:
        """Open (or raise) the About dialog."""
        bring_up(self._about)

    def show_preferences(self) -> None:
        """Open (or raise) Edit > Preferences."""
        bring_up(self._preferences)

    def show_getting_started(self) -> None:
        """Open (or raise) Help > Getting Started."""
        bring_up(self._help)

    def save_dialogs(self) -> None:
        """Write what an open dialog holds and has not saved yet (before the window closes)."""
        if "_translator" in vars(self):
            self._translator.save_now()  # typing not yet written by its timer

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

    def open_link(self, url: QUrl) -> None:
        """Open a link from the review if it is safe and the reader, told where it goes, agrees."""
        # Loaded on first use, after the first paint, not with this module.
        from misma_luna.ui.widgets.link_dialog import confirm_and_open_link  # noqa: PLC0415

        confirm_and_open_link(self, url)


def bring_up(dialog: QWidget) -> None:
    """Show `dialog` (again) over the other windows."""
    dialog.show()
    dialog.raise_()
