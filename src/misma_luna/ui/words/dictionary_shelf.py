"""The dictionaries the Words pane looks words up in: the machine's and a chosen folder's.

`Dictionaries` keeps the shelf until the folder (a preference) changes, and asks for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from misma_luna.core.base.i18n import _
from misma_luna.core.words.dictionaries.shelf import Shelf
from misma_luna.core.words.word import Word
from misma_luna.ui.services import settings
from misma_luna.ui.services.context import AppContext


class Dictionaries:
    """The shelf of dictionaries, found once per chosen folder."""

    def __init__(self, context: AppContext, parent: QWidget, changed: Callable[[], None]) -> None:
        self._context = context
        self._parent = parent  # the folder dialog is its own
        self._changed = changed  # another folder: look the word on show up again
        self._shelf: Shelf | None = None

    def shelf(self) -> Shelf:
        """The dictionaries on the machine and in the chosen folder (the preference)."""
        chosen = self._context.preferences.get(settings.DICTIONARY_FOLDER)
        if self._shelf is None or self._shelf.chosen != chosen:
            self._shelf = Shelf(chosen)
        return self._shelf

    def look_up(self, word: Word) -> list[tuple[str, str]]:
        """(dictionary name, entry) for `word` by its base form, else as written."""
        return self.shelf().look_up((word.base, word.text), word.language)

    def choose_folder(self) -> None:
        """Ask for a folder of dictionaries and remember it."""
        current = self._context.preferences.get(settings.DICTIONARY_FOLDER)
        title = _("Folder of dictionaries")
        folder = QFileDialog.getExistingDirectory(self._parent, title, current)
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path) -> None:
        """Look up words in the dictionaries of `folder` too, from now on."""
        self._context.preferences.set(settings.DICTIONARY_FOLDER, str(folder))
        self._shelf = None
        self._changed()
