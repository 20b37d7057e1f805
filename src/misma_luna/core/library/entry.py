"""What the library knows of one film without opening it: its titles, year, languages and
how much of each translation is done. Read from a package once, then kept in the index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from misma_luna.core.film.package import FilmPackage
from misma_luna.core.library.posters import find_poster


@dataclass(frozen=True)
class Completeness:
    """How many of a language's pieces (review blocks and film fields) are translated."""

    translated: int
    total: int

    @property
    def ratio(self) -> float:
        """The share translated, from 0 to 1 (1 when there is nothing to translate)."""
        return self.translated / self.total if self.total else 1.0


@dataclass(frozen=True)
class LibraryEntry:
    """One film of the library, as listed."""

    id: str
    folder: Path
    original_title: str
    source_language: str
    titles: dict[str, str] = field(default_factory=dict)
    year: int | None = None
    completeness: dict[str, Completeness] = field(default_factory=dict)
    last_opened: str | None = None
    bundled: bool = False
    # The package's poster image (core/library/posters.py), if it has one.
    poster: Path | None = None

    def title(self, language: str) -> str:
        """The title as released in `language`, else the original title."""
        return self.titles.get(language, self.original_title)

    @property
    def languages(self) -> list[str]:
        """The languages the film can be read in, its own first."""
        others = sorted(lang for lang in self.completeness if lang != self.source_language)
        return [self.source_language, *others]


def entry_of(film: FilmPackage, folder: Path, bundled: bool = False) -> LibraryEntry:
    """The library's summary of a loaded package."""
    return LibraryEntry(
        id=film.id,
        folder=folder,
        original_title=film.facts.titles.original,
        source_language=film.source_language,
        titles=dict(film.facts.titles.by_language),
        year=film.facts.year,
        completeness={lang: completeness(film, lang) for lang in film.catalogs},
        bundled=bundled,
        poster=find_poster(folder),
    )


def completeness(film: FilmPackage, language: str) -> Completeness:
    """How much of `film` reads in `language` without falling back to the source."""
    localized = film.localized(language)
    shown = [shown for _block, shown in localized.blocks()]
    shown += [s for name in film.facts.texts if (s := localized.field(name)) is not None]
    done = sum(1 for piece in shown if not piece.state.shows_source)
    return Completeness(done, len(shown))
