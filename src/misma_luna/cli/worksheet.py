"""`misma-luna worksheet`: a class worksheet for a scene of a film, written as a PDF or an
editable .docx without opening a window. Same composition as File → Worksheet…; Qt starts
only for a PDF, offscreen when there is no display.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from misma_luna.core.base.i18n import _
from misma_luna.core.sheets.compose import PAPERS
from misma_luna.core.worksheets.compose import (
    GLOSSARY_SIZE,
    GLOSSARY_SOURCES,
    PARTS,
    WorksheetOptions,
    read_parts,
)
from misma_luna.core.worksheets.gapfill import VERSIONS
from misma_luna.core.worksheets.scene import LANGUAGES, WorksheetError, read_time

if TYPE_CHECKING:
    from misma_luna.core.base.i18n import Translator
    from misma_luna.core.worksheets.compose import Worksheet

SUFFIXES = (".pdf", ".docx")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The worksheet command's arguments."""
    parser.description = "Write a worksheet for a scene of a film as a PDF or a Word file."
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "film_name", nargs="?", metavar="FILM", help="a library id, or a film package's path"
    )
    source.add_argument("--film", type=Path, metavar="FILM_PACKAGE", help="a film package")
    source.add_argument("--bundled", action="store_true", help="the film that comes with the app")
    parser.add_argument("--from", dest="start", metavar="TIME", help="scene start, as 0:10:00")
    parser.add_argument("--to", dest="end", metavar="TIME", help="scene end, as 0:14:00")
    parser.add_argument("--lang", choices=LANGUAGES, default="es", help="the language studied")
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"comma-separated parts among {', '.join(PARTS)} (default: all)",
    )
    parser.add_argument("--version", choices=VERSIONS, default="A", help="A or B: other gaps")
    parser.add_argument("--hints", action="store_true", help="show the other language's line")
    parser.add_argument("--words", type=int, default=GLOSSARY_SIZE, metavar="N",
                        help=f"glossary size (default: {GLOSSARY_SIZE})")  # fmt: skip
    parser.add_argument(
        "--glossary", choices=GLOSSARY_SOURCES, default="rare",
        help="the glossary's words: the scene's N least common (rare, the default) or the "
        "words you collected from the film (collected)",
    )  # fmt: skip
    parser.add_argument("--paper", choices=PAPERS, default=None, help="paper size of a PDF")
    parser.add_argument("--output", "-o", type=Path, required=True, metavar="OUT.pdf|OUT.docx")


def options_from(args: argparse.Namespace) -> WorksheetOptions:
    """The worksheet's options; a user's mistake raises `WorksheetError`."""
    if args.output.suffix.lower() not in SUFFIXES:
        raise WorksheetError(args.output, _("the worksheet is written as .pdf or .docx"))
    try:
        parts = read_parts([name for name in args.parts.split(",") if name.strip()])
    except KeyError as error:
        raise WorksheetError(
            None,
            _("“{part}” is not a part of a worksheet; choose among {parts}").format(
                part=error.args[0], parts=", ".join(PARTS)
            ),
        ) from None
    if args.words < 1:
        raise WorksheetError(None, _("the glossary needs at least one word"))
    start = read_time(args.start) if args.start else None
    end = read_time(args.end) if args.end else None
    return WorksheetOptions(
        language=args.lang,
        span=(start, end),
        parts=parts | {"title"},
        version=args.version,
        hints=args.hints,
        glossary_size=args.words,
    )


def run(args: argparse.Namespace) -> int:
    """Write the worksheet; a user's mistake ends as one stderr line and exit 2."""
    from misma_luna.core.base.resources import bundled_film_dir, locale_dir
    from misma_luna.core.worksheets.compose import (
        compose_worksheet,
        glossary_notice,
        worksheet_labels,
    )
    from misma_luna.core.worksheets.questions import load_questions, questions_path
    from misma_luna.ui.services.paths import data_dir, film_cache, set_application_names

    options = options_from(args)
    set_application_names()
    from misma_luna.cli.library import film_folder

    named = film_folder(args.film_name) if args.film_name else None
    film = film_cache().load(named or args.film or bundled_film_dir())
    questions: list[str] = []
    if "questions" in options.parts:
        questions = load_questions(questions_path(data_dir()), film.id)
    if args.glossary == "collected" and "glossary" in options.parts:
        options = replace(options, collected=_collected(film.id, options.language))
    worksheet = compose_worksheet(film, options, questions)
    notice = glossary_notice(worksheet)
    if notice:
        print(_("misma-luna: warning: {problem}").format(problem=notice), file=sys.stderr)
    labels = worksheet_labels(worksheet, locale_dir())
    if args.output.suffix.lower() == ".docx":
        from misma_luna.core.worksheets.docx_file import write_docx

        write_docx(args.output, worksheet, labels)
        return 0
    return _write_pdf(args, worksheet, labels)


def _collected(film_id: str, language: str) -> list[str]:
    """The words the reader collected from the film in `language`, read-only."""
    # Loaded only for --glossary collected: SQLite and the words store are not needed otherwise.
    from misma_luna.core.words.store import WordsStore, words_path
    from misma_luna.core.worksheets.vocabulary import collected_in
    from misma_luna.ui.services.paths import data_dir

    with WordsStore.open(words_path(data_dir()), read_only=True) as store:
        return collected_in(store.words(film_id), language)


def _write_pdf(args: argparse.Namespace, worksheet: Worksheet, labels: Translator) -> int:
    """Lay the worksheet out with Qt and write it as a PDF."""
    from misma_luna.cli.environment import ensure_platform, saved_preferences
    from misma_luna.core.worksheets.compose import worksheet_job
    from misma_luna.core.worksheets.html import worksheet_html
    from misma_luna.ui.services import settings

    job, info = worksheet_job(worksheet, labels, worksheet_html(worksheet, labels))
    ensure_platform()
    from PySide6.QtGui import QGuiApplication

    from misma_luna.ui.widgets.sheet_pages import preferred_paper, write_pdf

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    paper = args.paper or preferred_paper(saved_preferences().get(settings.SHEET_PAPER))
    write_pdf(args.output, job, paper, info)
    del app
    return 0
