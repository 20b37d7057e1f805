"""Translators' tooling for the app's own words: extract the template, merge it into catalogs.

`make pot` runs `python tools/i18n.py update`; the test suite calls `extract()` to prove the
committed `i18n/misma_luna.pot` is not stale. One list of keywords serves both. `make
catalogs` runs `python tools/i18n.py compile PO MO`, which checks the catalog as it compiles.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from misma_luna.core.base.catalog_rules import CatalogBuildError, compile_catalog

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = "misma_luna"
POT_PATH = ROOT / "i18n" / f"{DOMAIN}.pot"
KEYWORDS = {
    "_": None,
    "gettext": None,  # a `Translator`'s words: `labels.gettext("Year")`
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
METHOD_MAP = [("**.py", "python")]


def extract() -> Catalog:
    """Extract every translatable string of the package, with translator comments."""
    catalog = Catalog(project="Misma Luna", copyright_holder="The Misma Luna team")
    source_dir = ROOT / "src"
    for filename, lineno, message, comments, context in extract_from_dir(
        str(source_dir), METHOD_MAP, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        location = (Path("src", filename).as_posix(), lineno)
        catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def pot_text(catalog: Catalog) -> str:
    """The template as text, without the volatile creation date."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_by_file=True, include_lineno=False)
    lines = buffer.getvalue().decode("utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith('"POT-Creation-Date:'))


def update() -> None:
    """Write the template and merge it into each language's catalog (new entries untranslated)."""
    template = extract()
    POT_PATH.write_text(pot_text(template) + "\n", encoding="utf-8")
    for po_path in sorted((ROOT / "i18n").glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po_path.open("rb") as source:
            catalog = read_po(source, locale=po_path.parent.parent.name)
        catalog.update(template, update_header_comment=False)
        with po_path.open("wb") as target:
            write_po(
                target,
                catalog,
                width=100,
                sort_by_file=True,
                ignore_obsolete=True,
                include_lineno=False,
            )


def compile_po(po_path: Path, mo_path: Path) -> None:
    """Compile one catalog (its language is its folder's name); warn about what is left out."""
    for warning in compile_catalog(po_path, mo_path, po_path.parent.parent.name):
        print(f"warning: {warning}", file=sys.stderr)


USAGE = "usage: python tools/i18n.py update | compile PO MO"

if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        update()
    elif len(sys.argv) == 4 and sys.argv[1] == "compile":
        try:
            compile_po(Path(sys.argv[2]), Path(sys.argv[3]))
        except CatalogBuildError as error:
            sys.exit(f"error: {error}")
    else:
        sys.exit(USAGE)
