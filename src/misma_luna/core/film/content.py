"""Translations of a film's own content (review blocks, film fields), read from `.po` files.

A block's translation that is missing or fuzzy is never shown silently: `translate()` gives
the source text back with the state that says why, and the panes mark it.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import Path

from misma_luna.core.base.errors import CatalogError, TextFileError
from misma_luna.core.base.i18n import _
from misma_luna.core.base.text_decoding import read_text


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


@dataclass(frozen=True)
class Shown:
    """A piece of content as shown in one language."""

    text: str
    state: TranslationState


_LINE = re.compile(r"\(line (\d+)\)")


class ContentCatalog:
    """One language's translations of a film package's content."""

    def __init__(self, language: str, entries: dict[tuple[str | None, str], tuple[str, bool]]):
        self.language = language
        self._entries = entries

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ContentCatalog):
            return NotImplemented
        return (self.language, self._entries) == (other.language, other._entries)

    __hash__ = None  # type: ignore[assignment]  # equal by value, and mutable: not hashable

    @classmethod
    def from_file(cls, path: Path, language: str) -> ContentCatalog:
        """Read `path`; raise `CatalogError` naming the line of a syntax error."""
        # polib loads only when a catalog is parsed; a cached film needs none.
        import polib  # noqa: PLC0415

        try:
            text = read_text(path).text
            catalog = polib.pofile(text)
        except TextFileError as exc:
            raise CatalogError(path, exc.problem) from exc
        except (OSError, ValueError) as exc:
            match = _LINE.search(str(exc))
            line = int(match.group(1)) if match else None
            raise CatalogError(path, _("the translation file has a syntax error"), line) from exc
        entries = {
            (entry.msgctxt, entry.msgid): (entry.msgstr, entry.fuzzy)
            for entry in catalog
            if not entry.obsolete and entry.msgid
        }
        return cls(language, entries)

    def translate(self, source: str, context: str | None = None) -> Shown:
        """The translation of `source`, or `source` itself marked missing or outdated."""
        found = self._entries.get((context, source))
        if found is None or not found[0]:
            return Shown(source, TranslationState.MISSING)
        translation, fuzzy = found
        if fuzzy:
            return Shown(source, TranslationState.OUTDATED)
        return Shown(translation, TranslationState.TRANSLATED)
