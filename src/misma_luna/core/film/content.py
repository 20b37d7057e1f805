"""Translations of a film's own content (review blocks, film fields), read from `.po` files.

A block's translation that is missing or fuzzy is never shown silently: `translate()` gives
the source text back with the state that says why, and the panes mark it. A translation that
adds placeholders its source lacks, or a plural header that is not sound, is left out and
kept in `problems` (`catalog_rules`).
"""

from __future__ import annotations

import enum
import re
from pathlib import Path
from typing import Any, NamedTuple

from misma_luna.core.base import catalog_rules
from misma_luna.core.base.errors import CatalogError, TextFileError
from misma_luna.core.base.i18n import _
from misma_luna.core.base.regular_files import read_regular_text


class TranslationState(enum.Enum):
    """How a piece of content came to be shown in the language asked for."""

    SOURCE = "source"
    TRANSLATED = "translated"
    MISSING = "missing"
    OUTDATED = "outdated"

    @property
    def shows_source(self) -> bool:
        """Whether the text shown is the source text standing in for a translation."""
        return self in (TranslationState.MISSING, TranslationState.OUTDATED)


class Shown(NamedTuple):
    """A piece of content as shown in one language."""

    text: str
    state: TranslationState


_LINE = re.compile(r"\(line (\d+)\)")

Key = tuple[str | None, str]  # a translation's (msgctxt, msgid)
FIELD_CONTEXT = "film:"  # a field of film.toml is translated in the context "film:<name>"


def read_pofile(path: Path, within: Path | None = None, wrapwidth: int = 78) -> Any:
    """The `polib.POFile` at `path` (a link may not lead out of the folder `within`); raise
    `CatalogError` naming the file, and the line of a syntax error."""
    # polib loads only when a catalog is parsed; a cached film needs none.
    import polib  # noqa: PLC0415

    try:
        text = read_regular_text(path, within=within).text
        return polib.pofile(text, wrapwidth=wrapwidth)
    except TextFileError as exc:
        raise CatalogError(path, exc.problem) from exc
    except (OSError, ValueError) as exc:
        match = _LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        raise CatalogError(path, _("the translation file has a syntax error"), line) from exc


class ContentCatalog:
    """One language's translations of a film package's content."""

    # What checking the file left out, each naming it (none for a catalog made in code).
    problems: tuple[CatalogError, ...] = ()

    def __init__(self, language: str, entries: dict[tuple[str | None, str], tuple[str, bool]]):
        self.language = language
        self._entries = entries

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ContentCatalog):
            return NotImplemented
        return (self.language, self._entries) == (other.language, other._entries)

    __hash__ = None  # type: ignore[assignment]  # equal by value, and mutable: not hashable

    @classmethod
    def from_file(cls, path: Path, language: str, within: Path | None = None) -> ContentCatalog:
        """Read `path` (a link may not lead out of the folder `within`); raise `CatalogError`
        naming the line of a syntax error."""
        return cls.from_pofile(read_pofile(path, within), language, path)

    @classmethod
    def from_pofile(cls, catalog: Any, language: str, path: Path) -> ContentCatalog:
        """The translations of a parsed catalog (a `polib.POFile` read from `path`): those
        that fit their source, the others named in `problems`."""
        entries = {
            (entry.msgctxt, entry.msgid): (entry.msgstr, entry.fuzzy)
            for entry in catalog
            if not entry.obsolete and entry.msgid
        }
        unfit = [key for key, (text, _f) in entries.items() if not _fits(key[1], text)]
        for key in unfit:
            del entries[key]
        found = cls(language, entries)
        found.problems = _problems(path, catalog.metadata.get("Plural-Forms"), len(unfit))
        return found

    def translate(self, source: str, context: str | None = None) -> Shown:
        """The translation of `source`, or `source` itself marked missing or outdated."""
        found = self._entries.get((context, source))
        if found is None or not found[0]:
            return Shown(source, TranslationState.MISSING)
        translation, fuzzy = found
        if fuzzy:
            return Shown(source, TranslationState.OUTDATED)
        return Shown(translation, TranslationState.TRANSLATED)


def _fits(source: str, translation: str) -> bool:
    return not translation or catalog_rules.fits_text(source, translation)


def _problems(path: Path, plural_header: str | None, unfit: int) -> tuple[CatalogError, ...]:
    """What checking a content catalog found, as errors naming the file."""
    found: list[CatalogError] = []
    if plural_header:
        try:
            catalog_rules.plural_rule(plural_header)
        except catalog_rules.RuleError as exc:
            found.append(
                CatalogError(path, _("its plural rule is wrong ({reason})").format(reason=exc))
            )
    if unfit:
        found.append(
            CatalogError(
                path,
                _(
                    "{count} translations add placeholders their source text does not have; "
                    "the source text is shown instead"
                ).format(count=unfit),
            )
        )
    return tuple(found)
