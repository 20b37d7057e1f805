"""What the reader collects: the selected word, or one asked for when a whole line was selected.

A plain helper for the Words pane, which then saves the word and shows it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QWidget

from misma_luna.core.base.i18n import _
from misma_luna.core.words import lexicon
from misma_luna.core.words.word import Sighting

# Room the window manager takes beside a dialog's title (its icon and buttons), in pixels.
TITLE_BAR_BUTTONS = 120


def chosen_word(sighting: Sighting, parent: QWidget) -> Sighting | None:
    """`sighting` itself when it holds a word, else with the word the reader picks from its
    line (None: there is none, or the reader said no)."""
    if lexicon.tokens(sighting.text):
        return sighting
    text = _ask_word(sighting.line, parent)
    return replace(sighting, text=text) if text else None


def _ask_word(line: str, parent: QWidget) -> str:
    words = list(dict.fromkeys(lexicon.tokens(line)))
    if not words:
        return ""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(_("Collect a word"))
    dialog.setLabelText(_("Which word or phrase of this line?"))
    dialog.setComboBoxItems(words)
    dialog.setComboBoxEditable(True)
    # Wide enough for its title in the window manager's bar, in either language (the
    # dialog sizes itself to its list, so the list takes the room).
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    choices = dialog.findChild(QComboBox)
    if choices is not None:
        choices.setMinimumWidth(2 * title + TITLE_BAR_BUTTONS)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    return dialog.textValue().strip()
