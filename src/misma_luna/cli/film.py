"""`misma-luna film template|check FILM_DIR`: the translators' side of film packages.

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
    """`template FILM_DIR` and `check FILM_DIR`."""
    parser.description = "Translators' tools for a film package."
    actions = parser.add_subparsers(dest="action", required=True, metavar="{template,check}")
    template = actions.add_parser(
        "template", help="write i18n/template.pot and merge it into the package's .po files"
    )
    template.add_argument("folder", type=Path, metavar="FILM_DIR")
    check = actions.add_parser("check", help="report each language's translation completeness")
    check.add_argument("folder", type=Path, metavar="FILM_DIR")


def run(args: argparse.Namespace) -> int:
    """Run the chosen action on the package folder."""
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
