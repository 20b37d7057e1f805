"""Compiling a `.po` catalog into the `.mo` the app reads, checked on the way.

`make catalogs` (through tools/i18n.py) and the wheel build (setup.py) both compile here: a
plural header that is not sound stops the build before Babel reads the file (it would make
one list per plural form and entry), and a translation whose placeholders differ from its
source is left out of the `.mo`, with a warning, so the app shows the source text.
"""

from __future__ import annotations

from pathlib import Path

from misma_luna.core.base import catalog_rules


class CatalogBuildError(Exception):
    """A catalog that must not be compiled; the message names the file."""


def compile_catalog(po_path: Path, mo_path: Path, language: str) -> list[str]:
    """Compile `po_path` to `mo_path`; return warnings about translations left out."""
    # Babel's catalog tools load only for a build.
    from babel.messages.mofile import write_mo  # noqa: PLC0415
    from babel.messages.pofile import read_po  # noqa: PLC0415

    check_plural_header(po_path)
    with po_path.open("rb") as source:
        catalog = read_po(source, locale=language)
    warnings = []
    for message in list(catalog)[1:]:
        if not _fits(message.id, message.string):
            warnings.append(f"{po_path}: left out, its placeholders differ: {message.id!r}")
            catalog.delete(message.id, context=message.context)
    mo_path.parent.mkdir(parents=True, exist_ok=True)
    with mo_path.open("wb") as target:
        write_mo(target, catalog)
    return warnings


def check_plural_header(po_path: Path) -> None:
    """Raise `CatalogBuildError` when the `Plural-Forms` header of `po_path` is not sound."""
    header = catalog_rules.po_plural_header(po_path.read_text(encoding="utf-8", errors="replace"))
    if header is None:
        return
    try:
        catalog_rules.plural_rule(header)
    except catalog_rules.RuleError as exc:
        raise CatalogBuildError(f"{po_path}: {exc}") from None


def _fits(ids: object, strings: object) -> bool:
    sources = [str(i) for i in ids] if isinstance(ids, list | tuple) else [str(ids)]
    forms = [str(s) for s in strings] if isinstance(strings, list | tuple) else [str(strings)]
    return all(catalog_rules.fits(sources, form) for form in forms if form)
