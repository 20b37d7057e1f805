"""Edit > Preferences: the whole app's text size and theme, the review sheet's defaults, and
the folder of dictionaries the Words pane reads besides the system's.

Each choice is saved and applied as soon as it is made (no OK to forget); the settings
themselves are declared in ui/services/settings.py, with their labels.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base.i18n import _, pgettext
from misma_luna.core.sheets.compose import LANGUAGE_CHOICES, PAPERS
from misma_luna.ui.services import settings
from misma_luna.ui.services.appearance.theme import (
    FONT_SIZES,
    MIN_FONT_SIZE,
    THEMES,
    apply_font_size,
    apply_theme,
)
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating

# The fields of the dialog, in order, by the setting each one edits.
FIELDS: tuple[settings.Setting[Any], ...] = (
    settings.APP_FONT_SIZE,
    settings.THEME,
    settings.SHEET_PAPER,
    settings.SHEET_LANGUAGE,
    settings.DICTIONARY_FOLDER,
)


class PreferencesDialog(Retranslating, QDialog):
    """Five choices, each applied at once."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self._prefs = context.preferences
        self.font_size = QSpinBox(self)
        self.font_size.setObjectName("preferencesFontSize")
        # The lowest value stands for "the system's size" (stored as 0).
        self.font_size.setRange(MIN_FONT_SIZE - 1, FONT_SIZES[1])
        self.theme = QComboBox(self)
        self.theme.setObjectName("preferencesTheme")
        self.paper = QComboBox(self)
        self.paper.setObjectName("preferencesPaper")
        self.sheet_language = QComboBox(self)
        self.sheet_language.setObjectName("preferencesSheetLanguage")
        self.dictionary_folder = QLineEdit(self)
        self.dictionary_folder.setObjectName("preferencesDictionaryFolder")
        self.dictionary_folder.setClearButtonEnabled(True)
        self.choose_folder = QPushButton(self)
        self.choose_folder.setObjectName("preferencesChooseDictionaryFolder")
        self._folder_row = QWidget(self)
        row = QHBoxLayout(self._folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.dictionary_folder, 1)
        row.addWidget(self.choose_folder)
        self._labels = {setting.key: QLabel(self) for setting in FIELDS}
        form = QFormLayout()
        for setting, field in zip(FIELDS, self._fields(), strict=True):
            self._labels[setting.key].setBuddy(field)
            form.addRow(
                self._labels[setting.key],
                self._folder_row if field is self.dictionary_folder else field,
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.retranslate()
        self._connect()

    def _fields(self) -> tuple[QWidget, ...]:
        return (self.font_size, self.theme, self.paper, self.sheet_language, self.dictionary_folder)

    def _connect(self) -> None:
        self.font_size.valueChanged.connect(self._font_size_chosen)
        self.theme.activated.connect(lambda _row: self._save(settings.THEME, self.theme))
        self.paper.activated.connect(lambda _row: self._save(settings.SHEET_PAPER, self.paper))
        self.sheet_language.activated.connect(
            lambda _row: self._save(settings.SHEET_LANGUAGE, self.sheet_language)
        )
        self.dictionary_folder.editingFinished.connect(self._folder_typed)
        self.choose_folder.clicked.connect(self._choose_folder)

    def retranslate(self) -> None:
        """Texts in the active language, each field showing what is stored."""
        self.setWindowTitle(_("Preferences"))
        for setting, field in zip(FIELDS, self._fields(), strict=True):
            label = _(setting.label)
            self._labels[setting.key].setText(label)
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.font_size.setSpecialValueText(_("System size"))
        # TRANSLATORS: typographic points, after the app's text size ("11 pt").
        self.font_size.setSuffix(" " + _("pt"))
        self.font_size.setToolTip(_("The size of the text in menus, panes and dialogs"))
        self._show_font_size()
        self.choose_folder.setText(_("Ch&oose…"))
        self.choose_folder.setAccessibleName(_("Choose the folder of dictionaries"))
        self.choose_folder.setToolTip(_("Pick a folder of dictionaries in a file dialog"))
        self.theme.setToolTip(_("Light or dark colours, or the system's own"))
        self.paper.setToolTip(_("The paper printed sheets and worksheets are laid out on"))
        self.sheet_language.setToolTip(
            _("The language of printed sheets, here and with misma-luna sheet")
        )
        self.close_button.setToolTip(_("Close the preferences: every change is already kept"))
        placeholder = _("Only the system's dictionaries")
        self.dictionary_folder.setPlaceholderText(placeholder)
        # Wide enough to read the placeholder whole, in either language.
        room = self.dictionary_folder.fontMetrics().horizontalAdvance(placeholder + "MMM")
        self.dictionary_folder.setMinimumWidth(room)
        self.dictionary_folder.setToolTip(
            _(
                "A folder of dictd or StarDict dictionaries that the Words pane reads, besides "
                "those in /usr/share/dictd, /usr/share/stardict/dic and ~/.stardict/dic"
            )
        )
        self.dictionary_folder.setText(self._prefs.get(settings.DICTIONARY_FOLDER))
        _fill(self.theme, [(code, _(name)) for code, name in THEMES])
        papers = {"a4": pgettext("paper size", "A4"), "letter": pgettext("paper size", "Letter")}
        _fill(self.paper, [("", _("As usual where I live")), *((p, papers[p]) for p in PAPERS)])
        _fill(self.sheet_language, [("", _("Same as the app")), *self._sheet_languages()])
        for setting, combo in (
            (settings.THEME, self.theme),
            (settings.SHEET_PAPER, self.paper),
            (settings.SHEET_LANGUAGE, self.sheet_language),
        ):
            combo.setCurrentIndex(max(combo.findData(self._prefs.get(setting)), 0))

    @staticmethod
    def _sheet_languages() -> list[tuple[str, str]]:
        names = {"es": _("Spanish"), "en": _("English"), "both": _("Both, in two columns")}
        return [(code, names.get(code, code)) for code in LANGUAGE_CHOICES]

    def _show_font_size(self) -> None:
        points = self._prefs.get(settings.APP_FONT_SIZE)
        blocked = self.font_size.blockSignals(True)
        self.font_size.setValue(points if points >= MIN_FONT_SIZE else self.font_size.minimum())
        self.font_size.blockSignals(blocked)

    def _font_size_chosen(self, value: int) -> None:
        points = value if value >= MIN_FONT_SIZE else 0
        self._prefs.set(settings.APP_FONT_SIZE, points)
        apply_font_size(points)

    def _folder_typed(self) -> None:
        self._prefs.set(settings.DICTIONARY_FOLDER, self.dictionary_folder.text().strip())

    def _choose_folder(self) -> None:
        current = self.dictionary_folder.text()
        folder = QFileDialog.getExistingDirectory(self, _("Folder of dictionaries"), current)
        if folder:
            self.dictionary_folder.setText(folder)
            self._folder_typed()

    def _save(self, setting: settings.Setting[str], combo: QComboBox) -> None:
        value = str(combo.currentData() or "")
        self._prefs.set(setting, value)
        if setting is settings.THEME:
            apply_theme(value)


def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Replace `combo`'s items with (data, text) pairs, keeping the current choice."""
    current = combo.currentData()
    blocked = combo.blockSignals(True)
    combo.clear()
    for data, text in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(blocked)
