"""One word up close: its line with the word marked, the paired line, the counterpart the
film's pairs suggest (the reader accepts it or picks another), the meaning and dictionaries.

Outside text reaches the screen escaped (`export.mark`) or through plain-text widgets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base.formatting import format_percent
from misma_luna.core.base.i18n import _, active_language
from misma_luna.core.words import lexicon
from misma_luna.core.words.counterparts import Suggestion
from misma_luna.core.words.export import mark
from misma_luna.core.words.word import Word
from misma_luna.ui.widgets.plain_text import make_plain, plain_label

# Confidence at which a counterpart counts as the reader's own choice.
CHOSEN = 1.0


class WordDetail(QWidget):
    """The selected word: lines, counterpart, meaning and dictionary entries."""

    meaningEdited = Signal(object, str)  # noqa: N815 (Qt naming); the Word, the new meaning
    counterpartChosen = Signal(object, str, float)  # noqa: N815 (Qt naming); Word, word, sureness

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.word: Word | None = None
        self.title = plain_label(self)
        self.title.setObjectName("wordTitle")
        self.line = _marked_label(self)
        self.paired = _marked_label(self)
        self.counterpart = QComboBox(self)
        self.counterpart.setEditable(True)
        self.counterpart.setObjectName("counterpartChoice")
        self.accept_button = QPushButton(self)
        self.accept_button.setObjectName("acceptCounterpart")
        self.sureness = plain_label(self)
        self.meaning = QLineEdit(self)
        self.meaning.setObjectName("meaningField")
        self.dictionary = QPlainTextEdit(self)
        self.dictionary.setReadOnly(True)
        self.dictionary.setObjectName("dictionaryEntry")
        self.dictionary.setMinimumHeight(40)
        choice = QHBoxLayout()
        choice.addWidget(self.counterpart, 1)
        choice.addWidget(self.accept_button)
        self.form = QFormLayout()
        self.form.addRow(self.title)
        self._labels = [QLabel(self) for _row in range(4)]
        self.form.addRow(self._labels[0], self.line)
        self.form.addRow(self._labels[1], self.paired)
        self.form.addRow(self._labels[2], choice)
        self.form.addRow("", self.sureness)
        self.form.addRow(self._labels[3], self.meaning)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.dictionary, 1)
        self.meaning.editingFinished.connect(self._meaning_done)
        self.accept_button.clicked.connect(self._accept)
        self.counterpart.activated.connect(lambda _index: self._accept())
        self.retranslate()
        self.show_word(None)

    def retranslate(self) -> None:
        """Labels in the active language."""
        texts = (_("Line:"), _("Paired line:"), _("Counterpart:"), _("Meaning:"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.accept_button.setText(_("&Accept"))
        self.accept_button.setToolTip(_("Keep this word as the one that translates it"))
        self.meaning.setPlaceholderText(_("Type what it means, in your words"))
        self.meaning.setAccessibleName(_("Meaning"))
        self.meaning.setAccessibleDescription(
            _("What the selected word means, in your words; kept when you press Enter or leave.")
        )
        self.counterpart.setAccessibleName(_("The word of the paired line that translates it"))
        self.accept_button.setAccessibleName(_("Accept"))
        self.dictionary.setAccessibleName(_("Dictionary entries"))
        self.dictionary.setAccessibleDescription(
            _("What the dictionaries on this computer say about the selected word; read only.")
        )
        self.show_word(self.word, keep_choices=True)

    def show_word(self, word: Word | None, suggestions: list[Suggestion] | None = None,
                  keep_choices: bool = False) -> None:  # fmt: skip
        """Show `word` (None: nothing selected), offering `suggestions` first."""
        self.word = word
        self.setEnabled(word is not None)
        if word is None:
            self.title.setText(_("Select a word to see it in its line."))
            for label in (self.line, self.paired, self.sureness):
                label.clear()
            self.meaning.clear()
            self.counterpart.clear()
            return
        self.title.setText(f"{word.text} — {word.base} · {lexicon.band_label(word.band)}")
        self.line.setText(mark(word.line or word.text, word.text))
        self.paired.setText(mark(word.paired_line, word.counterpart) if word.paired_line else "")
        if not keep_choices:
            self._fill_choices(word, suggestions or [])
        self.sureness.setText(_sureness(word))
        if self.meaning.text() != word.meaning:
            self.meaning.setText(word.meaning)

    def _fill_choices(self, word: Word, suggestions: list[Suggestion]) -> None:
        self.counterpart.clear()
        options = [word.counterpart] if word.counterpart else []
        options += [s.word for s in suggestions]
        options += lexicon.tokens(word.paired_line)
        for option in dict.fromkeys(options):
            self.counterpart.addItem(option)
        self.counterpart.setCurrentIndex(0 if options else -1)

    def show_entries(self, entries: list[tuple[str, str]]) -> None:
        """Dictionary entries as plain text, each under its dictionary's name; with none,
        where dictionaries come from."""
        text = "\n\n".join(f"{name}\n{entry}" for name, entry in entries)
        self.dictionary.setPlainText(text or no_entry_text())

    def _meaning_done(self) -> None:
        if self.word is not None and self.meaning.text() != self.word.meaning:
            self.meaningEdited.emit(self.word, self.meaning.text())

    def _accept(self) -> None:
        chosen = self.counterpart.currentText().strip()
        if self.word is not None and chosen:
            self.counterpartChosen.emit(self.word, chosen, CHOSEN)


def no_entry_text() -> str:
    """What the reader is told when no dictionary has the word."""
    return _(
        "No dictionary entry. Misma Luna reads dictd and StarDict dictionaries: FreeDict's, "
        "for example (on Debian and Ubuntu, the packages dict-freedict-spa-eng and "
        "dict-freedict-eng-spa, installed in /usr/share/dictd), StarDict's in "
        "/usr/share/stardict/dic or ~/.stardict/dic, or a folder you choose with "
        "Dictionaries… or in Edit > Preferences."
    )


def _sureness(word: Word) -> str:
    if not word.counterpart:
        return _("No counterpart chosen yet.") if word.paired_line else ""
    if word.confidence >= CHOSEN:
        return _("Chosen by you.")
    share = format_percent(word.confidence, active_language())
    # TRANSLATORS: {share} is a percentage such as 62%.
    return _("Suggested from this film's paired lines, {share} sure.").format(share=share)


def _marked_label(parent: QWidget) -> QLabel:
    """A label for a line escaped by `export.mark`: HTML we made, never the file's own."""
    label = make_plain(QLabel(parent))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
