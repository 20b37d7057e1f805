"""The translator's choice of the language being written: the film's catalogs and the app's
languages, less the film's own, each named in the reader's language.

`LanguageChoice` fills and names the list; the dialog opens the language chosen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _


class LanguageChoice:
    """The label and the list of languages to translate into."""

    def __init__(self, parent: QWidget) -> None:
        self.label = QLabel(parent)
        self.box = QComboBox(parent)
        self.box.setObjectName("translateLanguage")
        self.label.setBuddy(self.box)

    def retranslate(self, ui: str) -> None:
        """The label, what a screen reader says, and the languages' names, in `ui`."""
        self.label.setText(_("Translate &into:"))
        self.box.setAccessibleName(_("Language of the translation"))
        self.box.setToolTip(
            _("The language being written; the list and the count of what is done follow it")
        )
        self.name_languages(ui)

    def name_languages(self, ui: str) -> None:
        """Each language named in the language `ui`."""
        for index in range(self.box.count()):
            code = self.box.itemData(index)
            self.box.setItemText(index, fmt.language_name(code, ui))

    def current(self) -> str | None:
        """The code of the language chosen, if any."""
        code = self.box.currentData()
        return code if isinstance(code, str) else None

    def offer(self, codes: list[str], wanted: str, ui: str) -> None:
        """List `codes` (named in `ui`), `wanted` chosen when among them, else the first;
        quietly: nothing is opened."""
        self.box.blockSignals(True)
        self.box.clear()
        for code in codes:
            self.box.addItem(code, code)
        self.name_languages(ui)
        self.box.setCurrentIndex(codes.index(wanted) if wanted in codes else 0)
        self.box.blockSignals(False)
        self.box.setEnabled(len(codes) > 1)

    def go_back_to(self, code: str) -> None:
        """Choose `code` again, quietly: the reader stays with the language open."""
        self.box.blockSignals(True)
        self.box.setCurrentIndex(self.box.findData(code))
        self.box.blockSignals(False)
