"""One track's line above the subtitles table: its file, language, encoding and repairs.

The reader can change the track's language and reopen the file in another encoding; the
bar only shows a `core.subtitles.Track` and emits what the reader asked for.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _, active_language, ngettext
from misma_luna.core.subtitles.cue_text import encoding_name
from misma_luna.core.subtitles.tracks import Track
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.elided_label import ElidedLabel
from misma_luna.ui.widgets.plain_text import set_plain_tooltip

LANGUAGES = ("es", "en", "fr", "de", "it", "pt")
FILE_NAME_LENGTH = 12  # characters of a file's name always shown whole (longer ones elide)
# Codec names offered when a file was guessed wrong (what Spanish and English files use).
ENCODINGS = ("utf-8", "cp1252", "iso8859-15", "latin-1", "utf-16", "mac-roman", "cp850")


class TrackBar(Retranslating, QWidget):
    """File name, language chooser, 'Read as …' with a reopen menu, and a repair note."""

    languageChosen = Signal(str)  # noqa: N815 (Qt naming); a code, or "" for unknown
    encodingChosen = Signal(str)  # noqa: N815 (Qt naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._track: Track | None = None
        self.file_label = ElidedLabel(Qt.TextElideMode.ElideMiddle, self)
        self.language_box = QComboBox(self)
        # As wide as its longest name ("Unknown language" too): a name is never cut.
        self.language_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language_box.activated.connect(self._language_activated)
        self.encoding_label = ElidedLabel(Qt.TextElideMode.ElideRight, self)
        # A push button keeps room for its menu arrow (a tool button draws it over the text).
        self.reopen_button = QPushButton(self)
        self.reopen_menu = QMenu(self)
        self.reopen_button.setMenu(self.reopen_menu)
        for codec in ENCODINGS:
            action = QAction(encoding_name(codec), self.reopen_menu)
            action.triggered.connect(lambda _checked=False, c=codec: self.encodingChosen.emit(c))
            self.reopen_menu.addAction(action)
        self.repair_label = ElidedLabel(Qt.TextElideMode.ElideRight, self)
        self.repair_label.setObjectName("repairNote")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.language_box, self.file_label, self.encoding_label):
            layout.addWidget(widget)
        layout.addWidget(self.reopen_button)
        layout.addWidget(self.repair_label)
        layout.addStretch(1)
        self.retranslate()

    def show_track(self, track: Track | None) -> None:
        """Show what is known of `track` (or that no track is loaded)."""
        self._track = track
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the active language."""
        track = self._track
        self._fill_languages(track.language if track else None)
        self.language_box.setEnabled(track is not None)
        self.language_box.setAccessibleName(_("Language of this subtitle track"))
        self.language_box.setAccessibleDescription(
            _("Guessed from the file; choose another language when the guess is wrong.")
        )
        self.reopen_button.setText(_("Reopen as…"))
        self.reopen_button.setAccessibleName(_("Reopen in another encoding"))
        self.reopen_button.setToolTip(_("Read this file again with another encoding"))
        self.reopen_button.setAccessibleDescription(self.reopen_button.toolTip())
        self.reopen_button.setVisible(track is not None)
        if track is None:
            self.file_label.setText(_("No subtitles"))
            self.encoding_label.clear()
            self.repair_label.clear()
            return
        self.file_label.setText(track.path.name)
        set_plain_tooltip(self.file_label, str(track.path))
        _keep_whole(self.file_label, track.path.name[:FILE_NAME_LENGTH])
        # TRANSLATORS: {encoding} is a character encoding, such as "Windows-1252".
        self.encoding_label.setText(
            _("Read as {encoding}").format(encoding=encoding_name(track.encoding))
        )
        _keep_whole(self.encoding_label, self.encoding_label.text())
        self.repair_label.setText(self._repair_note(track))

    @staticmethod
    def _repair_note(track: Track) -> str:
        if not track.repaired:
            return ""
        return "⚠ " + ngettext(
            "Repaired {count} mis-encoded character",
            "Repaired {count} mis-encoded characters",
            track.repaired,
        ).format(count=track.repaired)

    def _fill_languages(self, current: str | None) -> None:
        box = self.language_box
        box.clear()
        # Names come from babel's locale data: none before a track is shown (and the box is
        # disabled then), so the first paint does not wait for them.
        codes = list(LANGUAGES) if self._track is not None else []
        if current and current not in codes:
            codes.append(current)
        for code in codes:
            name = fmt.language_name(code, active_language())
            box.addItem(fmt.first_capital(name), code)
        # "" rather than None as item data: PySide6 mishandles None's reference count here.
        box.addItem(_("Unknown language"), "")
        box.setCurrentIndex(box.findData(current or ""))

    def _language_activated(self, row: int) -> None:
        self.languageChosen.emit(str(self.language_box.itemData(row) or ""))


def _keep_whole(label: QLabel, text: str) -> None:
    """Make `label` at least as wide as `text`, so that a narrow row never cuts it."""
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance(text) + 4)
