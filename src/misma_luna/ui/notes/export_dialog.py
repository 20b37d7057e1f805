"""File → Export notes…: asks where, then writes the notes as Markdown or JSON.

The notes on show decide what is exported: the current film's, or all films' when the
pane shows all. The document itself is built by `core.notes_export`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from misma_luna.core.base.errors import cannot_write
from misma_luna.core.base.file_writing import whole_path
from misma_luna.core.base.i18n import _
from misma_luna.core.notes.export import write_export as stream_export
from misma_luna.ui.services import settings
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.widgets.dialogs import report_problem


def ask_and_export(parent: QWidget, context: AppContext, all_films: bool) -> Path | None:
    """Ask for a file name and export; return the file written, or None."""
    markdown = _("Markdown (*.md)")
    json_filter = _("JSON (*.json)")
    folder = Path(context.preferences.get(settings.LAST_FOLDER) or Path.home())
    # TRANSLATORS: default file name of exported notes (no extension).
    suggested = folder / (_("notes") + ".md")
    path, chosen = QFileDialog.getSaveFileName(
        parent, _("Export notes"), str(suggested), f"{markdown};;{json_filter}"
    )
    if not path:
        return None
    form = "json" if chosen == json_filter or path.lower().endswith(".json") else "md"
    target = Path(path)
    if not target.suffix:
        target = target.with_suffix("." + form)
    return write_export(parent, context, target, form, all_films)


def write_export(
    parent: QWidget, context: AppContext, target: Path, form: str, all_films: bool
) -> Path | None:
    """Write the notes to `target` in `form`; report a failure without blocking."""
    store = context.notes
    film = None if all_films else context.film.id
    titles = {context.film.id: context.localized_film().title}
    try:
        with whole_path(target) as partial, partial.open("w", encoding="utf-8") as out:
            notes = store.iter_notes(film)
            stream_export(out, notes, form, titles=titles, counts=store.counts(film))
    except OSError as exc:
        report_problem(
            parent,
            _("The notes could not be exported"),
            f"{target}: {cannot_write(exc)}",
        )
        return None
    return target
