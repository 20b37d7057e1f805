"""What the reader collects: the selected word, or one asked for when a whole line was selected.

A plain helper for the Words pane, which then saves the word and shows it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QInputDialog, QWidget

from misma_luna.core.base.i18n import _
from misma_luna.core.words import lexicon
from misma_luna.core.words.word import Sighting


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
    text, ok = QInputDialog.getItem(
        parent, _("Collect a word"), _("Which word or phrase of this line?"), words, 0, True
    )
    return text.strip() if ok else ""
