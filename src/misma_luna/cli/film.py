"""`misma-luna film template|check FILM_DIR`: the translators' side of film packages, and
`film new`: a film made from subtitle files and a review, written into the library.

`template` writes `i18n/template.pot` and merges it into the package's `.po` files; `check`
prints each language's completeness and exits 1 when anything is untranslated, fuzzy or has
broken placeholders (2, as usual, for a package that cannot be read).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from misma_luna.core.base.errors import FilmError
from misma_luna.core.base.i18n import _, ngettext
from misma_luna.core.film.translation import LanguageReport, check_package, update_template

EXIT_INCOMPLETE = 1
SHOWN_PER_LIST = 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`template FILM_DIR`, `check FILM_DIR` and `new --title ... --subtitles ...`."""
    parser.description = "Film packages: make one, and the translators' tools."
    actions = parser.add_subparsers(dest="action", required=True, metavar="{new,template,check}")
    _add_new_arguments(actions.add_parser("new", help="make a film in the library from files"))
    template = actions.add_parser(
        "template", help="write i18n/template.pot and merge it into the package's .po files"
    )
    template.add_argument("folder", type=Path, metavar="FILM_DIR")
    check = actions.add_parser("check", help="report each language's translation completeness")
    check.add_argument("folder", type=Path, metavar="FILM_DIR")


def run(args: argparse.Namespace) -> int:
    """Run the chosen action on the package folder."""
    if args.action == "new":
        return _new(args)
    folder: Path = args.folder
    if not folder.is_dir():
        raise FilmError(folder, _("this is not a film package folder"))
    if args.action == "template":
        return _template(folder)
    return _check(folder)


def _template(folder: Path) -> int:
    result = update_template(folder)
    print(
        ngettext(
            "Wrote {path} ({count} entry).", "Wrote {path} ({count} entries).", result.entries
        ).format(path=result.template, count=result.entries)
    )
    for path in result.merged:
        print(_("Merged into {path}.").format(path=path))
    return 0


def _check(folder: Path) -> int:
    reports = check_package(folder)
    if not reports:
        print(_("{folder}: no translations yet.").format(folder=folder))
        return 0
    for report in reports:
        _print_report(report)
    return 0 if all(report.complete for report in reports) else EXIT_INCOMPLETE


def _print_report(report: LanguageReport) -> None:
    print(
        _(
            "{language}: {translated} of {total} translated, {fuzzy} fuzzy, "
            "{untranslated} untranslated, {broken} with broken placeholders"
        ).format(
            language=report.language,
            translated=report.translated,
            total=report.total,
            fuzzy=len(report.fuzzy),
            untranslated=len(report.untranslated),
            broken=len(report.broken),
        )
    )
    for label, items in (
        (_("fuzzy"), report.fuzzy),
        (_("untranslated"), report.untranslated),
        (_("broken placeholders"), report.broken),
    ):
        for text in items[:SHOWN_PER_LIST]:
            print(f"  {label}: {_shorten(text)}")


def _shorten(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _add_new_arguments(new: argparse.ArgumentParser) -> None:
    new.add_argument("--title", required=True)
    new.add_argument(
        "--subtitles", nargs="+", required=True, metavar="[LANG=]FILE",
        help="subtitle files; the language is guessed unless given, as in es=film.srt",
    )  # fmt: skip
    new.add_argument("--review", type=Path, help="the review, Markdown or text")
    new.add_argument("--language", help="the language of the film's own text (guessed)")
    new.add_argument("--original-title", default="")
    new.add_argument("--year", type=int)
    new.add_argument("--director", action="append", default=[])
    new.add_argument("--cast", action="append", default=[])
    new.add_argument("--runtime", type=int, help="minutes (else from the last subtitle)")
    new.add_argument("--synopsis", default="")


def _new(args: argparse.Namespace) -> int:
    """Write the new film into the library and print its folder."""
    # The library and its index load for `film new` only.
    from misma_luna.cli.environment import activate_language
    from misma_luna.cli.library import open_library
    from misma_luna.core.library import new_film

    activate_language()
    given = {}
    for item in args.subtitles:
        language, sep, name = item.partition("=")
        given[Path(name) if sep else Path(item)] = language if sep else ""
    tracks = new_film.tracks_by_language(
        list(given), {p: lang for p, lang in given.items() if lang}
    )
    first = next(iter(tracks.values()))
    language = (
        args.language
        or (args.review and new_film.review_language(args.review))
        or next(iter(tracks))
    )
    film = new_film.NewFilm(
        title=args.title,
        source_language=language,
        subtitles=tracks,
        review=args.review,
        original_title=args.original_title,
        year=args.year,
        directors=tuple(args.director),
        cast=tuple(args.cast),
        runtime_minutes=args.runtime or new_film.guess_track(first).runtime_minutes,
        synopsis=args.synopsis,
    )
    library = open_library()
    try:
        print(new_film.create_film(library, film))
    finally:
        library.close()
    return 0
