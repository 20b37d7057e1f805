"""`misma-luna notes export`: the reader's notes on standard output (or a file), headless.

It finds the same database as the GUI (Qt's AppDataLocation, with the app's names set
first) and opens it read-only, so it is safe while the GUI is running.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from misma_luna.cli.environment import activate_language, app_data_dir
from misma_luna.core.base import i18n
from misma_luna.core.base.errors import MismaLunaError, cannot_write
from misma_luna.core.base.file_writing import whole_path
from misma_luna.core.base.i18n import _
from misma_luna.core.notes.export import FORMATS, write_export
from misma_luna.core.notes.store import NotesStore, notes_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`notes export [--film ID] [--format md|json] [--output FILE] [--lang CODE]`."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="write the notes as Markdown or JSON")
    export.add_argument("--film", metavar="ID", help="only the notes of this film id")
    export.add_argument("--format", choices=FORMATS, default="md", dest="form")
    export.add_argument("--output", type=Path, metavar="FILE", help="write here, not to stdout")
    export.add_argument("--lang", help="language of dates and headings, such as es or en")


def default_db_path() -> Path:
    """The notes database the GUI uses, found the way the GUI finds it."""
    return notes_path(app_data_dir())


def run(args: argparse.Namespace) -> int:
    """Export the notes; a missing or unreadable database is reported in one line."""
    activate_language(args.lang)
    store = NotesStore.open(default_db_path(), read_only=True)
    try:
        counts = store.counts(args.film)
        if args.film and not counts:
            known = ", ".join(store.film_ids()) or "—"
            raise MismaLunaError(
                store.path,
                _("there are no notes for the film {film} (films with notes: {known})").format(
                    film=args.film, known=known
                ),
            )
        _write(store, args, counts)
    finally:
        store.close()
    return 0


def _write(store: NotesStore, args: argparse.Namespace, counts: dict[str, int]) -> None:
    """Stream the export to stdout, or to `--output` whole or not at all."""
    notes = store.iter_notes(args.film)
    titles = _bundled_titles()
    if args.output is None:
        write_export(sys.stdout, notes, args.form, titles=titles, counts=counts)
        return
    try:
        with whole_path(args.output) as partial, partial.open("w", encoding="utf-8") as out:
            write_export(out, notes, args.form, titles=titles, counts=counts)
    except OSError as exc:
        raise MismaLunaError(args.output, cannot_write(exc)) from exc


def _bundled_titles() -> dict[str, str]:
    from misma_luna.core.base.resources import bundled_film_dir
    from misma_luna.core.film.loading import load_film

    try:
        film = load_film(bundled_film_dir())
    except MismaLunaError:
        return {}
    return {film.id: film.localized(i18n.active_language()).title}
