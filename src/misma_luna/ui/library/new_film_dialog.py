"""File > New Film: subtitle files (language guessed, changeable), an optional review and the
facts, on one page; prefilled where the files tell (title from the name, runtime from the
last cue). The package is written into the library whole, then handed to the shell.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.file_kinds import REVIEW_SUFFIXES, dialog_patterns, subtitle_patterns
from misma_luna.core.base.i18n import _
from misma_luna.core.library.new_film import (
    NewFilm,
    create_film,
    guess_track,
    review_language,
    tracks_by_language,
)
from misma_luna.ui.services import settings
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.dialogs import report_problem
from misma_luna.ui.widgets.plain_text import plain_label, set_plain_tooltip

OFFERED_LANGUAGES = ("es", "en", "pt", "fr", "it", "de")


class NewFilmDialog(Retranslating, QDialog):
    """One calm page that turns a reader's files into a film of the library."""

    filmCreated = Signal(object)  # noqa: N815 (Qt naming); the new package's folder

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newFilmDialog")
        self._context = context
        self.tracks: list[tuple[Path, QComboBox]] = []
        self.review: Path | None = None
        self.form = QFormLayout(self)
        self.track_grid = QGridLayout()
        self.add_tracks_button = QPushButton(self)
        self.add_tracks_button.clicked.connect(self.ask_tracks)
        self.review_label = plain_label(self)
        self.review_button = QPushButton(self)
        self.review_button.clicked.connect(self.ask_review)
        self.language = self._language_box()
        self.title = QLineEdit(self)
        self.original_title = QLineEdit(self)
        self.year = _number_box(self, 1880, 2100)
        self.directors = QLineEdit(self)
        self.cast = QLineEdit(self)
        self.runtime = _number_box(self, 1, 9999)
        self.synopsis = QPlainTextEdit(self)
        self.synopsis.setTabChangesFocus(True)
        self.synopsis.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.make_film)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(self._check_ready)
        self._labels: list[QLabel] = []
        self._lay_out()
        self.retranslate()
        self._check_ready()

    def _lay_out(self) -> None:
        tracks = QWidget(self)
        column = QGridLayout(tracks)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.track_grid, 0, 0)
        column.addWidget(self.add_tracks_button, 1, 0)
        review = QWidget(self)
        row = QHBoxLayout(review)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.review_label, 1)
        row.addWidget(self.review_button)
        fields = (
            tracks, review, self.language, self.title, self.original_title, self.year,
            self.directors, self.cast, self.runtime, self.synopsis,
        )  # fmt: skip
        for widget in fields:
            label = QLabel(self)
            label.setBuddy(widget)
            self.form.addRow(label, widget)
            self._labels.append(label)
        self.form.addRow(self.buttons)

    def retranslate(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("New Film"))
        labels = (
            _("&Subtitles:"), _("&Review:"), _("Its &language:"), _("&Title:"),
            _("&Original title:"), _("&Year:"), _("&Director:"), _("&Cast:"),
            _("&Running time:"), _("S&ynopsis:"),
        )  # fmt: skip
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)
        self.add_tracks_button.setText(_("Add Subtitle &Files…"))
        self.review_button.setText(_("C&hoose…"))
        if self.review is None:
            self.review_label.setText(_("None: the review will hold the title and synopsis"))
        self.directors.setPlaceholderText(_("Names separated by commas"))
        self.cast.setPlaceholderText(_("Names separated by commas"))
        self.year.setSpecialValueText(_("Unknown"))
        self.runtime.setSpecialValueText(_("Unknown"))
        self.runtime.setSuffix(" " + _("min"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Make Film"))
        self._describe()

    def _describe(self) -> None:
        """What a screen reader says of each control besides its name."""
        self.add_tracks_button.setToolTip(_("Add subtitle files to the film, one per language"))
        self.review_button.setAccessibleName(_("Choose the review file"))
        self.review_button.setToolTip(
            _("A review in Markdown or plain text; its language becomes the film's")
        )
        self.language.setAccessibleName(_("Language of the film"))
        self.language.setToolTip(_("The film's own language, the one its review is written in"))
        self.title.setToolTip(_("The film's title, as your library lists it"))
        self.original_title.setToolTip(
            _("The title in the film's original language, when it is another")
        )
        self.year.setToolTip(_("The year the film came out, when it is known"))
        self.runtime.setToolTip(
            _("The film's length in minutes, when it is known; the last subtitle suggests it")
        )
        self.synopsis.setToolTip(_("A short summary of the story, in the film's language"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(
            _("Write the film into your library and opens it")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            _("Close this page without making a film")
        )
        for path, box in self.tracks:
            _describe_track(box, path)

    def _language_box(self) -> QComboBox:
        box = QComboBox(self)
        for code in OFFERED_LANGUAGES:
            box.addItem(fmt.language_name(code, self._context.language.language), code)
        return box

    def _check_ready(self) -> None:
        ready = bool(self.tracks and self.title.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def ask_tracks(self) -> None:
        """Ask for one or more subtitle files."""
        folder = self._context.preferences.get(settings.LAST_FOLDER)
        # TRANSLATORS: {patterns} lists the suffixes, e.g. "*.srt *.vtt".
        pattern = _("Subtitles ({patterns})").format(patterns=subtitle_patterns())
        paths, _chosen = QFileDialog.getOpenFileNames(self, _("Subtitle files"), folder, pattern)
        for path in paths:
            self.add_track(Path(path))

    def add_track(self, path: Path) -> bool:
        """Add one subtitle file, its language guessed; report a file that cannot be read."""
        try:
            guess = guess_track(path)
        except MismaLunaError as error:
            report_problem(self, _("This subtitle file could not be read"), error)
            return False
        row = len(self.tracks)
        name = plain_label(self, path.name)
        set_plain_tooltip(name, str(path))
        box = self._language_box()
        if guess.language:
            _select(box, guess.language, self._context.language.language)
        _describe_track(box, path)
        self.track_grid.addWidget(name, row, 0)
        self.track_grid.addWidget(box, row, 1)
        self.tracks.append((path, box))
        if not self.title.text():
            self.title.setText(guess.title)
        if guess.runtime_minutes and _known(self.runtime) is None:
            self.runtime.setValue(guess.runtime_minutes)
        if row == 0 and self.review is None and guess.language:
            _select(self.language, guess.language, self._context.language.language)
        self._check_ready()
        return True

    def ask_review(self) -> None:
        """Ask for the review file (Markdown or text)."""
        folder = self._context.preferences.get(settings.LAST_FOLDER)
        pattern = _("Reviews ({patterns})").format(patterns=dialog_patterns(REVIEW_SUFFIXES))
        path, _chosen = QFileDialog.getOpenFileName(self, _("Review file"), folder, pattern)
        if path:
            self.set_review(Path(path))

    def set_review(self, path: Path) -> bool:
        """Take `path` as the review; its language becomes the film's, when it can be told."""
        try:
            language = review_language(path)
        except MismaLunaError as error:
            report_problem(self, _("This review could not be read"), error)
            return False
        self.review = path
        self.review_label.setText(path.name)
        set_plain_tooltip(self.review_label, str(path))
        if language:
            _select(self.language, language, self._context.language.language)
        return True

    def new_film(self) -> NewFilm:
        """What the page holds, as a new film."""
        chosen = {path: str(box.currentData()) for path, box in self.tracks}
        subtitles = tracks_by_language(list(chosen), chosen)
        return NewFilm(
            title=self.title.text().strip(),
            source_language=str(self.language.currentData()),
            subtitles=subtitles,
            review=self.review,
            original_title=self.original_title.text().strip(),
            year=_known(self.year),
            directors=_names(self.directors.text()),
            cast=_names(self.cast.text()),
            runtime_minutes=_known(self.runtime),
            synopsis=self.synopsis.toPlainText().strip(),
        )

    def make_film(self) -> Path | None:
        """Write the film into the library and hand it over; report what went wrong."""
        try:
            folder = create_film(self._context.library, self.new_film())
        except MismaLunaError as error:
            report_problem(self, _("The film could not be made"), error)
            return None
        self.filmCreated.emit(folder)
        self.accept()
        return folder


def _number_box(parent: QWidget, low: int, high: int) -> QSpinBox:
    """A spin box whose lowest value stands for "unknown"."""
    box = QSpinBox(parent)
    box.setRange(low - 1, high)
    box.setValue(low - 1)
    return box


def _describe_track(box: QComboBox, path: Path) -> None:
    """Name a subtitle file's language box after the file, and say where its choice came from."""
    # TRANSLATORS: {file} is a subtitle file's name, e.g. "film.es.srt".
    box.setAccessibleName(_("Language of {file}").format(file=path.name))
    box.setToolTip(_("Guessed from the file; another language can be chosen if the guess is wrong"))


def _known(box: QSpinBox) -> int | None:
    """The box's number, or None when it says "unknown"."""
    return box.value() if box.value() > box.minimum() else None


def _select(box: QComboBox, code: str, language: str) -> None:
    """Select `code` in a language box, adding it when it is not offered."""
    index = box.findData(code)
    if index < 0:
        box.addItem(fmt.language_name(code, language), code)
        index = box.count() - 1
    box.setCurrentIndex(index)


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())
