"""`film.toml` becomes FilmFacts, checked field by field with messages that name the line.

Only `id`, `source_language` and `titles.original` are required; every other fact is
optional, so a small package (or a bare review's front matter) still makes a film.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from misma_luna.core.base.errors import FilmError
from misma_luna.core.base.i18n import _
from misma_luna.core.film.facts import CastMember, FilmFacts, Rating, Release, Titles

T = TypeVar("T")
_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


class _Reader:
    """Typed access to the parsed TOML that reports errors with the key's line."""

    def __init__(self, data: dict[str, Any], source: str, path: Path) -> None:
        self.data = data
        self.source = source
        self.path = path

    def fail(self, key: str, problem: str) -> FilmError:
        return FilmError(self.path, problem, _line_of(self.source, key))

    def get(
        self, table: dict[str, Any], key: str, kind: type[T], required: bool = False
    ) -> T | None:
        value = table.get(key)
        if value is None:
            if required:
                raise self.fail(key, _("the required field “{key}” is missing").format(key=key))
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(key, _("the field “{key}” has the wrong type").format(key=key))
        return value

    def strings(self, table: dict[str, Any], key: str) -> tuple[str, ...]:
        values = self.get(table, key, list) or []
        if not all(isinstance(v, str) for v in values):
            raise self.fail(key, _("the field “{key}” must be a list of texts").format(key=key))
        return tuple(values)

    def table(self, key: str) -> dict[str, Any]:
        return self.get(self.data, key, dict) or {}

    def each(self, key: str, build: Callable[[dict[str, Any]], T]) -> tuple[T, ...]:
        items = self.get(self.data, key, list) or []
        if not all(isinstance(item, dict) for item in items):
            raise self.fail(key, _("the field “{key}” has the wrong type").format(key=key))
        return tuple(build(item) for item in items)


def parse_film_toml(source: str, path: Path) -> FilmFacts:
    """Parse and check the text of a `film.toml`."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        match = _AT_LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        detail = _AT_LINE.sub("", str(exc)).strip()
        raise FilmError(
            path, _("this is not valid TOML ({detail})").format(detail=detail), line
        ) from exc
    except RecursionError:
        raise FilmError(path, _("the file nests tables or lists too deeply")) from None
    return _facts(_Reader(data, source, path))


def _facts(r: _Reader) -> FilmFacts:
    film_id = r.get(r.data, "id", str, required=True) or ""
    if not _ID.match(film_id):
        raise r.fail("id", _("the id must be lowercase letters, digits and hyphens"))
    titles = r.table("titles")
    runtime = r.get(r.data, "runtime_minutes", int)
    if runtime is not None and not 0 < runtime < 10_000:
        raise r.fail("runtime_minutes", _("the running time must be a positive number of minutes"))
    return FilmFacts(
        id=film_id,
        source_language=r.get(r.data, "source_language", str, required=True) or "",
        titles=_titles(r, titles),
        year=r.get(r.data, "year", int),
        runtime_minutes=runtime,
        countries=r.strings(r.data, "countries"),
        languages=r.strings(r.data, "languages"),
        directors=r.strings(r.data, "directors"),
        writers=r.strings(r.data, "writers"),
        distributors=r.strings(r.data, "distributors"),
        cast=r.each("cast", lambda item: _cast(r, item)),
        rating=_rating(r),
        premiere=_release(r, "premiere"),
        release=_release(r, "release"),
        texts=_texts(r),
    )


def _titles(r: _Reader, table: dict[str, Any]) -> Titles:
    if not table:
        raise r.fail("titles", _("the required table “titles” is missing"))
    original = r.get(table, "original", str, required=True) or ""
    by_language = {k: v for k, v in table.items() if len(k) == 2 and isinstance(v, str)}
    return Titles(
        original=original,
        original_language=r.get(table, "original_language", str),
        also_known_as=r.strings(table, "also_known_as"),
        by_language=by_language,
    )


def _cast(r: _Reader, item: dict[str, Any]) -> CastMember:
    return CastMember(
        name=r.get(item, "name", str, required=True) or "", role=r.get(item, "role", str)
    )


def _rating(r: _Reader) -> Rating | None:
    table = r.table("rating")
    if not table:
        return None
    return Rating(
        value=r.get(table, "value", str, required=True) or "",
        system=r.get(table, "system", str),
        country=r.get(table, "country", str),
    )


def _release(r: _Reader, key: str) -> Release | None:
    table = r.table(key)
    if not table:
        return None
    date = r.get(table, "date", str, required=True) or ""
    match = _YEAR_MONTH.match(date)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise r.fail(key, _("the date must be written as year-month, such as 2007-01"))
    return Release(
        year=int(match.group(1)),
        month=int(match.group(2)),
        event=r.get(table, "event", str),
        country=r.get(table, "country", str),
    )


def _texts(r: _Reader) -> dict[str, str]:
    texts: dict[str, str] = {}
    genre = r.get(r.data, "genre", str)
    if genre:
        texts["genre"] = genre
    premiere = r.table("premiere")
    event = r.get(premiere, "event", str) if premiere else None
    if event:
        texts["premiere.event"] = event
    table = r.table("text")
    for key in ("synopsis", "reception"):
        value = r.get(table, key, str)
        if value:
            texts[key] = value
    for index, award in enumerate(r.strings(table, "awards")):
        texts[f"awards.{index}"] = award
    return texts


def _line_of(source: str, key: str) -> int | None:
    """The first line that defines `key` (as `key =` or `[key]`), for error messages."""
    pattern = re.compile(rf"^\s*(\[\[?\s*{re.escape(key)}\s*\]\]?|{re.escape(key)}\s*=)")
    for number, line in enumerate(source.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None
