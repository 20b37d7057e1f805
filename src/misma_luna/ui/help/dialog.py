"""Help > Getting Started: a bundled page in the reader's language, shown offline.

The pages are `resources/help/getting-started.<lang>.md`; English stands in for a language
without its own page. The page follows a language switch like every other text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from misma_luna.core.base.i18n import SOURCE_LANGUAGE, _
from misma_luna.core.base.resources import resources_dir
from misma_luna.ui.services.appearance.screen import resize_to_fit
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating

PAGE = "getting-started"


def help_page(language: str, folder: Path | None = None) -> Path:
    """The Getting Started page in `language`, else in English."""
    folder = folder or resources_dir() / "help"
    page = folder / f"{PAGE}.{language}.md"
    return page if page.is_file() else folder / f"{PAGE}.{SOURCE_LANGUAGE}.md"


class HelpDialog(Retranslating, QDialog):
    """The Getting Started page, with the reader's own notes folder named in it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self._context = context
        self.page = QTextBrowser(self)
        self.page.setObjectName("helpPage")
        self.page.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 720, 640)
        self.retranslate()

    def retranslate(self) -> None:
        """The page in the active language."""
        self.setWindowTitle(_("Getting Started"))
        self.page.setAccessibleName(_("Getting Started"))
        self.page.setAccessibleDescription(
            _(
                "How to open a film, read the subtitles, write notes and print a review sheet, "
                "with the keys worth knowing; read only. The arrow keys and Page Down scroll it."
            )
        )
        self.close_button.setToolTip(_("Close the help; Help > Getting Started opens it again"))
        text = help_page(self._context.language.language).read_text(encoding="utf-8")
        text = text.replace("{notes_folder}", str(self._context.data_dir))
        features = (
            QTextDocument.MarkdownFeature.MarkdownDialectGitHub
            | QTextDocument.MarkdownFeature.MarkdownNoHTML
        )
        self.page.document().setMarkdown(text, features)
        self.page.moveCursor(QTextCursor.MoveOperation.Start)  # the page opens at its top
