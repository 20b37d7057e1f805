"""Before the save dialog: which kind of file, and for Anki whether to add a cloze card.

The reader picks an Anki deck (cards both ways, and optionally a fill-in-the-blank card of
each line) or a CSV table; the pane then asks where to save it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base.formatting import format_number
from misma_luna.core.base.i18n import _, active_language, ngettext


class ExportChoices(QDialog):
    """Anki deck or CSV table; a cloze card of the line or not."""

    def __init__(self, count: int, cloze: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordsExportChoices")
        self.setWindowTitle(_("Export words"))
        self.intro = QLabel(
            ngettext("Export {count} word as:", "Export {count} words as:", count).format(
                count=format_number(count, active_language())
            ),
            self,
        )
        self.anki = QRadioButton(_("An &Anki deck: a card each way for every word"), self)
        self.cloze = QCheckBox(
            _("Also a fill-in-the-&blank card of each word's line (cloze)"), self
        )
        self.csv = QRadioButton(_("A &CSV table, for spreadsheets and other tools"), self)
        self.anki.setChecked(True)
        self.cloze.setChecked(cloze)
        self.cloze.setAccessibleDescription(
            _("A card that hides the word in its line, for you to fill in")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("&Save As…"))
        self._describe(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.intro)
        layout.addWidget(self.anki)
        # The cloze card belongs to the deck: set under its words, a radio button's width in.
        style = self.style()
        under_anki = QHBoxLayout()
        under_anki.addSpacing(
            style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
            + style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing)
        )
        under_anki.addWidget(self.cloze, 1)
        layout.addLayout(under_anki)
        layout.addWidget(self.csv)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.anki.toggled.connect(self.cloze.setEnabled)

    def _describe(self, buttons: QDialogButtonBox) -> None:
        """What a screen reader says of each choice besides its name (the dialog is made
        anew, in the language of the moment, each time it is asked for)."""
        self.anki.setToolTip(
            _("A file for Anki, the flash-card app, with each word's line, meaning and translation")
        )
        self.csv.setToolTip(
            _("A row per word with its base form, meaning, line, translation, film and time")
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(
            _("Ask where to save the file, then writes it")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            _("Close this window without exporting")
        )

    def form(self) -> str:
        """ "apkg" or "csv"."""
        return "apkg" if self.anki.isChecked() else "csv"

    def with_cloze(self) -> bool:
        """Whether the Anki deck gets a cloze card of each line."""
        return self.anki.isChecked() and self.cloze.isChecked()
