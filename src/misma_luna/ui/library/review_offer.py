"""The offer made when a bare review file (Markdown or text) is opened: it reads as a film of
its own, in one language; adding it to the library writes it as a package there (the file
itself is left as it is), keeping its id so that the notes written on it stay with it.

The offer asks, adds and says so; the film added is handed to the shell with `added`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.library.new_film import add_review
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.widgets.dialogs import report_problem
from misma_luna.ui.widgets.plain_text import make_plain_box


class ReviewOffer(QObject):
    """Offers to add an opened review file to the library; `added` gives the new folder."""

    added = Signal(object)  # the package folder in the library, a Path

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self.box: QMessageBox | None = None

    def offer(self, film: FilmPackage) -> QMessageBox | None:
        """Ask, without blocking, whether to add the review `film` was read from; nothing
        is asked when the library holds that film already or cannot be read."""
        try:
            if film.id in self._context.library.ids():
                return None
        except MismaLunaError as error:
            self._context.status.show(error.message)
            return None
        if self.box is not None:
            self.box.close()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Add to your library?"),
            "",
            QMessageBox.StandardButton.NoButton,
            self._parent,
        )
        make_plain_box(box).setText(  # the file's name is shown as written, never as HTML
            _(
                "“{name}” is open as a film of its own, in one language. Add it to your "
                "library to find it again, translate it and share it; the file itself is "
                "not changed."
            ).format(name=film.path.name)
        )
        self.add_button = box.addButton(_("&Add to Library"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("&Not Now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.add_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.buttonClicked.connect(
            lambda button: self.add(film.path) if button is self.add_button else None
        )
        box.destroyed.connect(self._forget_box)
        box.show()
        self.box = box
        return box

    def _forget_box(self) -> None:
        self.box = None

    def add(self, path: Path) -> Path | None:
        """Write the review at `path` into the library and hand the film over."""
        try:
            folder = add_review(self._context.library, path)
        except MismaLunaError as error:
            report_problem(self._parent, _("This review could not be added"), error)
            return None
        self._context.status.show(_("Added to your library: {path}").format(path=folder))
        self.added.emit(folder)
        return folder
