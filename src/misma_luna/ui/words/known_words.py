"""The words the reader knows, as the Words pane marks them: one word, or a whole list.

`KnownWords` saves through `context.words`, says what was done, and calls back the pane so
that its table and the film's level follow.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.words import lexicon
from misma_luna.core.words.known import Imported, imported_message
from misma_luna.core.words.word import Word
from misma_luna.ui.services import settings
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.widgets.dialogs import report_problem
from misma_luna.ui.widgets.plain_text import make_plain_box


class KnownWords:
    """Marks words as known or not, and adds the words of a list the reader chooses."""

    def __init__(self, context: AppContext, parent: QWidget, changed: Callable[[], None]) -> None:
        self._context = context
        self._parent = parent  # the dialogs and messages are its own
        self._changed = changed  # the known words changed: show them again

    def known_ids(self, words: list[Word]) -> set[int]:
        """The ids of `words` the reader knows (as written or by base form)."""
        try:
            known = {language: self._context.words.known(language) for language in
                     {word.language for word in words}}  # fmt: skip
        except MismaLunaError:
            return set()
        return {
            word.id for word in words
            if lexicon.key(word.base) in known[word.language]
            or lexicon.key(word.text) in known[word.language]
        }  # fmt: skip

    def set_known(self, word: Word, known: bool) -> None:
        """Count `word` among the words the reader knows, or no longer."""
        try:
            self._context.words.set_known(word.text, word.language, known)
        except MismaLunaError as error:
            report_problem(self._parent, _("The word could not be saved"), error)
            return
        message = (
            _("“{word}” counts as known.") if known else _("“{word}” no longer counts as known.")
        )
        self._context.status.show(message.format(word=word.text))
        self._changed()

    def choose_and_import(self) -> None:
        """Ask for a list of words the reader knows, then add them."""
        folder = self._context.preferences.get(settings.LAST_FOLDER)
        filters = ";;".join((_("Word lists (*.txt *.csv *.tsv)"), _("All files (*)")))
        path, _chosen = QFileDialog.getOpenFileName(
            self._parent, _("Add the words you know"), folder, filters
        )
        if path:
            self.import_list(Path(path))

    def import_list(self, path: Path) -> Imported | None:
        """Add the words of the list at `path` (its language guessed) and say how many."""
        try:
            done = self._context.words.import_known(path)
        except MismaLunaError as error:
            report_problem(self._parent, _("The list could not be added"), error)
            return None
        message = imported_message(done, path)
        self._context.status.show(message)
        box = QMessageBox(QMessageBox.Icon.Information, _("Words you know"), "",
                          QMessageBox.StandardButton.Ok, self._parent)  # fmt: skip
        make_plain_box(box).setText(message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
        self._changed()
        return done
