"""The status bar's permanent note of the language the text on screen is shown in, and how
much of the film is translated into it. It is placed for the first paint and filled right
after it: naming a language takes babel's locale data, which the first paint does without.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _, ngettext
from misma_luna.ui.services.context import AppContext


class TranslationStatus(QLabel):
    """Says how far the film on screen is translated into the language it is shown in."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context

    def complete(self) -> None:
        """After the first paint: show the film's names as plain text, follow its content."""
        # Loaded after the first paint, not with this module (Qt's enums).
        from misma_luna.ui.widgets.plain_text import make_plain  # noqa: PLC0415

        make_plain(self)  # it names the film's languages, from its files
        # A translation typed in Film > Translate changes the counts.
        self._context.session.contentChanged.connect(self.show_status)

    def show_status(self, *_args: object) -> None:
        """Show how far the film is translated, in the active language."""
        self.setText(translation_status(self._context))


def translation_status(context: AppContext) -> str:
    """What the status bar says about the language of the text on screen."""
    film = context.localized_film()
    ui = film.language
    source = film.film.source_language
    if ui == source:
        return _("Shown in its original language ({language})").format(
            language=fmt.language_name(source, ui)
        )
    missing = film.untranslated_count()
    target = fmt.language_name(ui, ui)
    if missing == 0:
        # TRANSLATORS: {language} is the name of the language, e.g. "Spanish".
        return _("{language} translation complete").format(language=target)
    total = len(film.film.review.blocks)
    # TRANSLATORS: {language} is the name of the language, e.g. "Spanish".
    return ngettext(
        "{done} of {total} paragraph translated into {language}",
        "{done} of {total} paragraphs translated into {language}",
        total,
    ).format(language=target, done=total - missing, total=total)
