"""Exporting the words on show: the choices dialog, where to save, writing, and what is said.

`WordsExport` remembers whether the reader wanted a cloze card, for the next Anki deck.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.words.export import write_words
from misma_luna.core.words.word import Word
from misma_luna.ui.services import settings
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.widgets.dialogs import report_problem
from misma_luna.ui.words.export_dialog import ExportChoices


class WordsExport:
    """Saves words as an Anki deck or a CSV table, asking the reader how and where."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        self._context = context
        self._parent = parent  # the dialogs and problems are its own
        self.cloze = False

    def choose_and_export(self, words: list[Word]) -> None:
        """Ask where to save `words` as an Anki deck or a CSV table, then save."""
        if not words:
            report_problem(self._parent, _("Nothing to export"), _("There are no words to export."))
            return
        choices = ExportChoices(len(words), self.cloze, self._parent)
        if choices.exec() != ExportChoices.DialogCode.Accepted:
            return
        form = choices.form()
        self.cloze = choices.with_cloze() or (form == "csv" and self.cloze)
        folder = Path(self._context.preferences.get(settings.LAST_FOLDER))
        filters = _("Anki decks (*.apkg)") if form == "apkg" else _("CSV tables (*.csv)")
        path, _chosen = QFileDialog.getSaveFileName(
            self._parent, _("Export words"), str(folder / f"misma-luna-words.{form}"), filters
        )
        if path:
            target = Path(path)
            if target.suffix.lower() != f".{form}":
                target = target.with_name(f"{target.name}.{form}")
            self.export(words, target, cloze=choices.with_cloze())

    def export(self, words: list[Word], path: Path, cloze: bool = False) -> bool:
        """Write `words` to `path` (Anki or CSV by its suffix); report a failure."""
        try:
            write_words(words, path, title=self._film_title, cloze=cloze)
        except MismaLunaError as error:
            report_problem(self._parent, _("The words could not be exported"), error)
            return False
        self._context.status.show(_("Words saved to {path}.").format(path=path))
        return True

    def _film_title(self, film_id: str) -> str:
        return self._context.localized_film().title if film_id == self._context.film.id else film_id
