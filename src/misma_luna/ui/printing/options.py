"""The review sheet's options, remembered in the preferences, and the panel that edits them.

The panel sits beside the print preview: language (Spanish, English or both side by side),
notes, subtitle transcript, paper and type size. Every change is saved and announced.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from misma_luna.core.base.i18n import _, pgettext
from misma_luna.core.sheets.compose import (
    LANGUAGE_CHOICES,
    SheetOptions,
    choice_for,
    languages_for,
)
from misma_luna.core.sheets.transcript import has_film_tracks
from misma_luna.ui.services import settings
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.sheet_pages import preferred_paper

FONT_SIZES = (8, 16)


def can_transcribe(context: AppContext) -> bool:
    """Whether the film has the Spanish and English tracks a transcript pairs up."""
    return has_film_tracks(context.film)


def sheet_options(context: AppContext) -> SheetOptions:
    """The remembered options, with defaults from the UI language and the locale."""
    prefs = context.preferences
    choice = prefs.get(settings.SHEET_LANGUAGE) or context.language.language
    paper = prefs.get(settings.SHEET_PAPER)
    size = min(max(prefs.get(settings.SHEET_FONT_SIZE), FONT_SIZES[0]), FONT_SIZES[1])
    return SheetOptions(
        languages=languages_for(choice if choice in LANGUAGE_CHOICES else "en"),
        include_notes=prefs.get(settings.SHEET_NOTES),
        include_transcript=prefs.get(settings.SHEET_TRANSCRIPT) and can_transcribe(context),
        paper=preferred_paper(paper),
        font_size=float(size),
    )


class SheetOptionsPanel(Retranslating, QWidget):
    """Language, notes, transcript, paper and type size of the review sheet."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheetOptions")
        self._context = context
        self.language = QComboBox(self)
        self.notes = QCheckBox(self)
        self.transcript = QCheckBox(self)
        self.paper = QComboBox(self)
        self.font_size = QSpinBox(self)
        self.font_size.setRange(*FONT_SIZES)
        self._labels = [QLabel(self) for _index in range(3)]
        layout = QFormLayout(self)
        layout.addRow(self._labels[0], self.language)
        layout.addRow(self.notes)
        layout.addRow(self.transcript)
        layout.addRow(self._labels[1], self.paper)
        layout.addRow(self._labels[2], self.font_size)
        self.retranslate()
        self._load()
        for combo in (self.language, self.paper):
            combo.currentIndexChanged.connect(self._save)
        self.notes.toggled.connect(self._save)
        self.transcript.toggled.connect(self._save)
        self.font_size.valueChanged.connect(self._save)

    def retranslate(self) -> None:
        """Texts in the active language."""
        self._labels[0].setText(_("&Language:"))
        self._labels[1].setText(_("&Paper:"))
        self._labels[2].setText(_("&Type size:"))
        for label, field in zip(
            self._labels, (self.language, self.paper, self.font_size), strict=True
        ):
            label.setBuddy(field)
        self.notes.setText(_("Include my &notes"))
        self.transcript.setText(_("Include the subtitle &transcript"))
        self.transcript.setToolTip(
            _("The film's subtitles in both languages, line by line, after the review")
            if can_transcribe(self._context)
            else _("This film has no Spanish and English subtitles.")
        )
        self._describe()
        # TRANSLATORS: typographic points, after the type size of a printed sheet ("11 pt").
        self.font_size.setSuffix(" " + _("pt"))
        self._fill(self.language, self._language_names())
        paper = [("a4", pgettext("paper size", "A4")), ("letter", pgettext("paper size", "Letter"))]
        self._fill(self.paper, paper)

    def _describe(self) -> None:
        """What a screen reader says of each control besides its name."""
        for label, combo in ((self._labels[0], self.language), (self._labels[1], self.paper)):
            combo.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        self.language.setToolTip(_("The language of the sheet: Spanish, English or both"))
        self.notes.setToolTip(_("Your notes on this film, beside the passages they are pinned to"))
        self.paper.setToolTip(_("The paper printed sheets and worksheets are laid out on"))
        self.font_size.setToolTip(_("The size of the sheet's text, in points"))

    def _language_names(self) -> list[tuple[str, str]]:
        return [("es", _("Spanish")), ("en", _("English")), ("both", _("Both, side by side"))]

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        blocked = combo.blockSignals(True)
        combo.clear()
        for code, name in items:
            combo.addItem(name, code)
        if current is not None:
            combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(blocked)

    def _load(self) -> None:
        options = sheet_options(self._context)
        widgets = (self.language, self.paper, self.notes, self.transcript, self.font_size)
        blocked = [w.blockSignals(True) for w in widgets]
        self.language.setCurrentIndex(self.language.findData(choice_for(options.languages)))
        self.paper.setCurrentIndex(self.paper.findData(options.paper))
        self.notes.setChecked(options.include_notes)
        self.transcript.setEnabled(can_transcribe(self._context))
        self.transcript.setChecked(options.include_transcript)
        self.font_size.setValue(int(options.font_size))
        for widget, was in zip(widgets, blocked, strict=True):
            widget.blockSignals(was)

    def _save(self, *_args: object) -> None:
        prefs = self._context.preferences
        prefs.set(settings.SHEET_LANGUAGE, str(self.language.currentData()))
        prefs.set(settings.SHEET_PAPER, str(self.paper.currentData()))
        prefs.set(settings.SHEET_NOTES, self.notes.isChecked())
        prefs.set(settings.SHEET_TRANSCRIPT, self.transcript.isChecked())
        prefs.set(settings.SHEET_FONT_SIZE, self.font_size.value())
        self.changed.emit()
