"""What a translation may hold: placeholders the source has, and a plural rule that is sound.

Translated strings go through `str.format`, so a translation is code: it may only use the
replacement fields of its source, as plain names (no attribute or index access, no format
spec or conversion of its own), parsed by `string.Formatter().parse`, the parser
`str.format` itself uses. The `Plural-Forms` header must say 1 to `MAX_PLURALS` forms, and
its formula must give a form for every count without failing. `compile_catalog` applies
them when a `.po` is compiled (`make catalogs` through tools/i18n.py, and setup.py): the
standard library only, with Babel loaded for the build itself, before the app is installed.
"""

from __future__ import annotations

import gettext
import re
import string
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

MAX_PLURALS = 6
# The counts a plural formula is tried on when it is checked.
_SAMPLE_COUNTS = (*range(0, 220), 1000, 1001, 10**6, 10**9 + 1, 2**31 - 1, 2**63 - 1)
_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d{1,9})\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")
_HEADER_LINE = re.compile(r'^"Plural-Forms:\s*(.*?)(?:\\n)?"\s*$', re.IGNORECASE | re.MULTILINE)

Field = tuple[str, str, str]  # name, conversion, format spec


class RuleError(ValueError):
    """A catalog breaks one of these rules; the message says how (in English)."""


def fields(text: str) -> frozenset[Field] | None:
    """The replacement fields of `text` as `str.format` reads them, or None when it cannot
    read them (a lone brace) or one reaches past a plain name (`{x.y}`, `{x[0]}`, `{0}`)."""
    if "{" not in text and "}" not in text:  # most messages: nothing to parse
        return frozenset()
    found = _raw_fields(text)
    if found is None or any(not _plain(field) for field in found):
        return None
    return found


def _raw_fields(text: str) -> frozenset[Field] | None:
    """Every replacement field of `text`, whatever it reaches; None when it cannot be read."""
    found: set[Field] = set()
    try:
        for _literal, name, spec, conversion in string.Formatter().parse(text):
            if name is not None:
                found.add((name, conversion or "", spec or ""))
    except ValueError:
        return None
    return frozenset(found)


def _plain(field: Field) -> bool:
    name, _conversion, spec = field
    return name.isidentifier() and "{" not in spec


def fits(sources: Iterable[str], translation: str) -> bool:
    """Whether `translation` uses only replacement fields its `sources` have, as they have
    them (a plural's forms may leave some out)."""
    allowed: set[Field] = set()
    for source in sources:
        allowed |= fields(source) or frozenset()
    used = fields(translation)
    return used is not None and used <= allowed


def fits_text(source: str, translation: str) -> bool:
    """Whether a translation of plain text (never formatted, so a lone brace is just a
    brace) adds no replacement field its source lacks."""
    return (_raw_fields(translation) or frozenset()) <= (_raw_fields(source) or frozenset())


class PluralRule(NamedTuple):
    """How many plural forms a language has and which one a count takes."""

    forms: int
    formula: str
    choose: Callable[[int], int]

    def form(self, n: int) -> int:
        """The form for `n`, always in range, whatever the formula does."""
        try:
            index = int(self.choose(n))
        except (ArithmeticError, ValueError, TypeError, RecursionError):
            index = 0 if n == 1 else 1
        return min(max(index, 0), self.forms - 1)


GERMANIC = PluralRule(2, "(n != 1)", lambda n: int(n != 1))


def plural_rule(header: str) -> PluralRule:
    """Read a `Plural-Forms` value (`nplurals=2; plural=(n != 1);`); raise `RuleError`."""
    match = _PLURAL_FORMS.match(header)
    if match is None:
        raise RuleError(f"the Plural-Forms header cannot be read: {header[:80]!r}")
    count = int(match.group(1))
    if not 1 <= count <= MAX_PLURALS:
        raise RuleError(f"nplurals must be between 1 and {MAX_PLURALS}, not {count}")
    formula = match.group(2)
    try:
        choose = gettext.c2py(formula)
    except (ValueError, RecursionError, SyntaxError) as exc:
        raise RuleError(f"the plural formula cannot be read: {exc}") from None
    for n in _SAMPLE_COUNTS:
        try:
            index = int(choose(n))
        except (ArithmeticError, ValueError, TypeError, RecursionError) as exc:
            raise RuleError(f"the plural formula fails for n = {n}: {exc}") from None
        if not 0 <= index < count:
            raise RuleError(f"the plural formula gives form {index} for n = {n} of {count}")
    return PluralRule(count, formula, choose)


def po_plural_header(po_text: str) -> str | None:
    """The `Plural-Forms` value written in a `.po` file's text, read without parsing it."""
    match = _HEADER_LINE.search(po_text)
    return match.group(1) if match else None


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
    header = po_plural_header(po_path.read_text(encoding="utf-8", errors="replace"))
    if header is None:
        return
    try:
        plural_rule(header)
    except RuleError as exc:
        raise CatalogBuildError(f"{po_path}: {exc}") from None


def _fits(ids: object, strings: object) -> bool:
    sources = [str(i) for i in ids] if isinstance(ids, list | tuple) else [str(ids)]
    forms = [str(s) for s in strings] if isinstance(strings, list | tuple) else [str(strings)]
    return all(fits(sources, form) for form in forms if form)
