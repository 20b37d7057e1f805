"""`misma-luna sheet`: the review sheet written to a PDF without opening a window.

It composes the same HTML and paints it with the same code as File → Export as PDF…;
Qt is imported only in `run()`, and runs offscreen when there is no display.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from misma_luna.core.base.i18n import _
from misma_luna.core.sheets.compose import LANGUAGE_CHOICES, PAPERS

FONT_SIZES = (6.0, 24.0)  # the smallest and largest type size a sheet is printed in

# What composing a sheet imports, loaded before PySide6 (see `run`).
PLAIN_PYTHON_FIRST = (
    "misma_luna.core.film.cache", "misma_luna.core.sheets.compose",
    "misma_luna.core.base.formatting",
    "babel.dates", "babel.lists", "babel.numbers", "babel.units",
)  # fmt: skip

if TYPE_CHECKING:
    from misma_luna.core.film.package import FilmPackage
    from misma_luna.core.notes.note import Note
    from misma_luna.core.sheets.compose import SheetOptions
    from misma_luna.core.sheets.transcript import Transcript


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The sheet command's arguments."""
    parser.description = "Write a film's review sheet to a PDF."
    parser.add_argument("path", nargs="?", type=Path, metavar="FILM_PACKAGE | REVIEW_FILE")
    parser.add_argument("--output", "-o", type=Path, required=True, metavar="OUT.pdf")
    parser.add_argument(
        "--lang",
        choices=LANGUAGE_CHOICES,
        default=None,
        help="the sheet's language, or both side by side (default: as chosen in the app)",
    )
    parser.add_argument("--notes", action="store_true", help="include your notes on the film")
    parser.add_argument(
        "--subtitles",
        nargs=2,
        type=Path,
        metavar=("A", "B"),
        help="add the transcript of these two subtitle tracks, aligned",
    )
    parser.add_argument(
        "--transcript",
        action="store_true",
        help="add the transcript of the film's own Spanish and English tracks",
    )
    parser.add_argument(
        "--paper",
        choices=PAPERS,
        default=None,
        help="paper size (default: as chosen in the app, else Letter in the US, Canada,"
        " Mexico..., else A4)",
    )
    parser.add_argument(
        "--font-size",
        type=font_size,
        default=11.0,
        metavar="POINTS",
        help=f"the type size, from {FONT_SIZES[0]:g} to {FONT_SIZES[1]:g} points (default: 11)",
    )


def font_size(text: str) -> float:
    """A type size in points, within `FONT_SIZES`; anything else is the user's mistake."""
    try:
        size = float(text)
    except ValueError:
        size = math.nan
    if not math.isfinite(size) or not FONT_SIZES[0] <= size <= FONT_SIZES[1]:
        raise argparse.ArgumentTypeError(
            _("the type size must be a number from {low} to {high}, not “{text}”").format(
                low=f"{FONT_SIZES[0]:g}", high=f"{FONT_SIZES[1]:g}", text=text
            )
        )
    return size


def run(args: argparse.Namespace) -> int:
    """Write the sheet; a user's mistake ends as one stderr line and exit 2.

    Plain-Python modules come before PySide6, which reads the source of every module
    imported after it (PYSIDE-2029); the film comes from the same cache as the window's.
    """
    from misma_luna.cli.environment import ensure_platform, reader_language, saved_preferences
    from misma_luna.cli.main import load_plain_python_first

    load_plain_python_first(PLAIN_PYTHON_FIRST)
    from misma_luna.core.base.resources import bundled_film_dir, locale_dir
    from misma_luna.core.sheets.compose import compose_job
    from misma_luna.ui.services import settings
    from misma_luna.ui.services.paths import film_cache, set_application_names

    set_application_names()
    film = film_cache().load(args.path or bundled_film_dir())
    preferences = saved_preferences()
    language = reader_language(preferences)
    options = _options(args, preferences.get(settings.SHEET_LANGUAGE) or language)
    notes = _notes(film) if options.include_notes else []
    transcript = _transcript(film, args.subtitles) if options.include_transcript else None
    job, info = compose_job(film, options, (notes, transcript), language, locale_dir())
    ensure_platform()
    from PySide6.QtGui import QGuiApplication

    from misma_luna.ui.widgets.sheet_pages import preferred_paper, write_pdf

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    paper = args.paper or preferred_paper(preferences.get(settings.SHEET_PAPER))
    write_pdf(args.output, job, paper, info)
    del app
    return 0


def _options(args: argparse.Namespace, user_language: str) -> SheetOptions:
    """What goes on the sheet, in `--lang` else `user_language` (the reader's choice in the
    app). Its paper is decided when the PDF is written: the locale's default paper needs Qt,
    which starts after the sheet is composed (see `run`)."""
    from misma_luna.core.sheets.compose import SheetOptions, languages_for

    choice = args.lang or user_language
    return SheetOptions(
        languages=languages_for(choice if choice in LANGUAGE_CHOICES else "en"),
        include_notes=args.notes,
        include_transcript=bool(args.transcript or args.subtitles),
        font_size=args.font_size,
    )


def _notes(film: FilmPackage) -> Sequence[Note]:
    """The reader's notes on `film`, from the notes store."""
    from misma_luna.core.notes.store import NotesStore, notes_path
    from misma_luna.ui.services.paths import data_dir

    with NotesStore.open(notes_path(data_dir()), read_only=True) as store:
        return store.notes_for_film(film.id)


def _transcript(film: FilmPackage, paths: Sequence[Path] | None) -> Transcript | None:
    """The two tracks given (or the film's own es and en tracks), aligned by time."""
    from misma_luna.core.sheets.transcript import load_transcript

    return load_transcript(film, paths or ())
