"""A film's facts, as `film.toml` states them (filmtoml.py reads the file into these).

Plain data with no parser behind it: a film read back from the film cache needs these
classes, not TOML.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Titles:
    """The film's original title and its release titles by language."""

    original: str
    original_language: str | None = None
    also_known_as: tuple[str, ...] = ()
    by_language: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CastMember:
    """An actor and, when the package names it, the role."""

    name: str
    role: str | None = None


@dataclass(frozen=True)
class Rating:
    """A content rating: `PG-13` by the US MPA."""

    value: str
    system: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Release:
    """A dated event in the film's life: a premiere or a theatrical release."""

    year: int
    month: int
    event: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class FilmFacts:
    """The facts of `film.toml`; `texts` holds the translatable fields by name."""

    id: str
    source_language: str
    titles: Titles
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
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def awards(self) -> list[str]:
        """The translatable field names of the awards, in order."""
        return sorted((k for k in self.texts if k.startswith("awards.")), key=_award_index)


def _award_index(name: str) -> int:
    return int(name.split(".")[1])
