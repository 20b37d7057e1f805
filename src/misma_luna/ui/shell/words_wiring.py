"""The Words pane in the window: docked under the reading panes and wired to the others.

Only the shell knows both the reading panes and the words pane: here the reader's selection
in the subtitles or the review becomes a `Sighting` for the words pane, and the subtitle
pair's lines reach it whenever they change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.review.markdown import plain_text
from misma_luna.core.words.sentences import sentence_pair
from misma_luna.core.words.store import backup_failed_message
from misma_luna.core.words.word import Sighting
from misma_luna.ui.services import settings
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.shell.store_checks import back_up_in_background
from misma_luna.ui.subtitles.table_model import RIGHT_COLUMN
from misma_luna.ui.widgets.dialogs import report_problem
from misma_luna.ui.words.pane import WordsPane

if TYPE_CHECKING:
    from misma_luna.ui.review.pane import ReviewPane
    from misma_luna.ui.subtitles.pane import SubtitlesPane

LANGUAGES = ("es", "en")


class WordsDock(Retranslating, QDockWidget):
    """The dock that holds the words pane, titled in the active language."""

    def __init__(self, pane: WordsPane, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("wordsDock")
        self.setWidget(pane)
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.retranslate()

    def retranslate(self) -> None:
        """The dock's title."""
        self.setWindowTitle(_("Words"))


def place_words_pane(
    window: QMainWindow, context: AppContext, review: ReviewPane, subtitles: SubtitlesPane
) -> WordsPane:
    """Build the words pane, dock it at the bottom, and connect it to actions and panes."""
    # No parent until it is docked: a new child makes the window lay itself out again.
    pane = WordsPane(context, None)
    window.destroyed.connect(pane.deleteLater)
    docked: list[WordsDock] = []
    toggle = context.actions["view.words"]

    def show(on: bool) -> None:
        if on and not docked:
            docked.append(_dock(window, pane))
            docked[0].visibilityChanged.connect(
                lambda _on: toggle.setChecked(not docked[0].isHidden())
            )
        if docked:
            docked[0].setVisible(on)
        context.preferences.set(settings.WORDS_SHOWN, on)

    toggle.setChecked(context.preferences.get(settings.WORDS_SHOWN))
    show(toggle.isChecked())
    toggle.toggled.connect(show)
    pane.wantsShowing.connect(lambda: toggle.setChecked(True))
    actions = context.actions

    def export() -> None:
        toggle.setChecked(True)  # docked before it asks where to save
        pane.choose_and_export()

    actions["file.export_words"].triggered.connect(export)
    actions["words.collect"].triggered.connect(lambda: _collect(context, review, subtitles, pane))
    review.add_context_action(actions["words.collect"])

    def send_lines() -> None:
        left, right = subtitles.pair.languages
        aligned = subtitles.alignment.rows
        rows = [(" ".join(r.left), " ".join(r.right)) for r in aligned]
        times = [r.start_ms for r in aligned]
        pane.set_lines(context.film.id, (left or "", right or ""), rows, times)

    subtitles.pair.changed.connect(send_lines)
    subtitles.pair.languagesChanged.connect(send_lines)
    context.startup.later(send_lines)
    context.startup.later(pane.refresh)
    context.startup.later(lambda: tell_about_words(window, context))
    return pane


def tell_about_words(window: QWidget, context: AppContext) -> None:
    """Say once what opening the words found (a damaged file restored from its backup...),
    then make today's backup on a worker thread and say if it could not be made."""
    try:
        store = context.words
    except MismaLunaError:
        return  # the pane says why the words cannot be opened
    title = _("About your words")
    if store.notice:
        report_problem(window, title, store.notice)
    back_up_in_background(window, context, store, title, backup_failed_message)


def _dock(window: QMainWindow, pane: WordsPane) -> WordsDock:
    """Dock `pane` under the reading panes, a quarter of the window high."""
    dock = WordsDock(pane, window)
    pane.show()
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resizeDocks([dock], [window.height() // 4], Qt.Orientation.Vertical)
    return dock


def _collect(
    context: AppContext, review: ReviewPane, subtitles: SubtitlesPane, pane: WordsPane
) -> None:
    """Collect from the subtitles when they have the focus, else from the review."""
    sighting = subtitle_sighting(context, subtitles) if subtitles.has_reader_focus() else None
    if sighting is None:
        sighting = review_sighting(context, review)
    if sighting is None:
        context.status.show(_("Select a word in the review or a line of the subtitles first."))
        return
    context.actions["view.words"].setChecked(True)  # docked before it asks which word
    pane.collect(sighting)


def subtitle_sighting(context: AppContext, subtitles: SubtitlesPane) -> Sighting | None:
    """The selected subtitle line (the side in focus) and its paired line."""
    index = subtitles.table.currentIndex()
    if not index.isValid():
        return None
    row = subtitles.model.row(index.row())
    side = 1 if index.column() == RIGHT_COLUMN else 0
    texts = (" ".join(row.left), " ".join(row.right))
    if not texts[side]:
        side = 1 - side
    languages = [code or "" for code in subtitles.pair.languages]
    return Sighting(
        "", languages[side], texts[side], context.film.id,
        texts[1 - side], languages[1 - side], row.start_ms,
    )  # fmt: skip


def review_sighting(context: AppContext, review: ReviewPane) -> Sighting | None:
    """The selection in the review (else the word at the cursor), in its sentence, with the
    same sentence of the review in the other language when the film has it."""
    cursor = review.text_cursor()
    if not cursor.hasSelection():
        cursor.select(cursor.SelectionType.WordUnderCursor)
    text = " ".join(cursor.selectedText().replace("\u2029", " ").split())
    block_id = review.block_at_cursor()
    if not text or block_id is None:
        return None
    film = context.film
    shown_language = context.language.language
    shown = _block_text(context, block_id, shown_language)
    if shown is None:
        return None
    block, state_source = shown
    language = film.source_language if state_source else shown_language
    other = next((code for code in LANGUAGES if code != language), "")
    paired = _block_text(context, block_id, other)
    paired_text = (
        paired[0] if paired is not None and (paired[1] == (other == film.source_language)) else ""
    )
    line, paired_line = sentence_pair(block, text, paired_text)
    return Sighting(text, language, line, film.id, paired_line, other if paired_line else "")


def _block_text(context: AppContext, block_id: str, language: str) -> tuple[str, bool] | None:
    """A review block's plain text in `language`, and whether it is the source's text."""
    if not language:
        return None
    localized = context.film.localized(language)
    for block, shown in localized.blocks():
        if block.id == block_id:
            return plain_text(shown.text), shown.state.shows_source
    return None
