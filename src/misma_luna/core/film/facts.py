"""A film's facts, as `film.toml` states them (film_toml.py reads the file into these).

Plain data with no parser behind it: a film read back from the film cache needs these
classes, not TOML. They are NamedTuples, quick to define at every start (docs/ARCHITECTURE.md,
Start-up); `facts._replace(...)` gives a changed copy.
"""

from __future__ import annotations

from typing import NamedTuple


class Titles(NamedTuple):
    """The film's original title and its release titles by language."""

    original: str
    by_language: dict[str, str]
    original_language: str | None = None
    also_known_as: tuple[str, ...] = ()


class CastMember(NamedTuple):
    """An actor and, when the package names it, the role."""

    name: str
    role: str | None = None


class Rating(NamedTuple):
    """A content rating: `PG-13` by the US MPA."""

    value: str
    system: str | None = None
    country: str | None = None


class Release(NamedTuple):
    """A dated event in the film's life: a premiere or a theatrical release."""

    year: int
    month: int
    event: str | None = None
    country: str | None = None


class FilmFacts(NamedTuple):
    """The facts of `film.toml`; `texts` holds the translatable fields by name."""

    id: str
    source_language: str
    titles: Titles
    texts: dict[str, str]
    year: int | None = None
    runtime_minutes: int | None = None
    countries: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    directors: tuple[str, ...] = ()
    writers: tuple[str, ...] = ()
    distributors: tuple[str, ...] = ()
    cast: tuple[CastMember, ...] = ()
    rating: Rating | None = None
    premiere: Release | None = None
    release: Release | None = None

    @property
    def awards(self) -> list[str]:
        """The translatable field names of the awards, in order."""
        return sorted((k for k in self.texts if k.startswith("awards.")), key=_award_index)


def _award_index(name: str) -> int:
    return int(name.split(".")[1])
