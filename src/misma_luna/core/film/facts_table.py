"""A film's facts as a table of labelled rows in one language: the film pane shows them all,
the review sheet prints a few. Labels come from the app's catalog (plurals by `ngettext`),
values are formatted by babel, and translatable fields come from the film's own catalog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import Translator, active_translator
from misma_luna.core.film.content import Shown
from misma_luna.core.film.facts import Release
from misma_luna.core.film.package import LocalizedFilm


class FactLine(NamedTuple):
    """One line of a fact's value, and a note when it is shown untranslated."""

    text: str
    note: str = ""


@dataclass(frozen=True)
class FactRow:
    """One row of the facts table: which fact (`key`), its label and its value, in plain text."""

    key: str
    label: str
    lines: tuple[FactLine, ...]


def facts_table(film: LocalizedFilm, labels: Translator | None = None) -> list[FactRow]:
    """The facts this film has, as rows in the language of `labels` (the active one by
    default); the film's own text is taken in `film`'s language."""
    table = _Table(film, labels or active_translator())
    return [row for row in table.rows() if row.lines]


def pick(rows: Sequence[FactRow], keys: Sequence[str]) -> list[FactRow]:
    """The rows named by `keys`, in the order of `keys`."""
    by_key = {row.key: row for row in rows}
    return [by_key[key] for key in keys if key in by_key]


class _Table:
    """Builds the rows of one film's facts table in one language."""

    def __init__(self, film: LocalizedFilm, labels: Translator) -> None:
        self.film = film
        self.facts = film.film.facts
        self.labels = labels
        self.language = labels.language

    def rows(self) -> list[FactRow]:
        """Every row, empty ones included."""
        t, facts = self.labels, self.facts
        return [
            self._row("year", t.gettext("Year"), str(facts.year) if facts.year else ""),
            self._shown_row("genre", t.gettext("Genre"), "genre"),
            self._row(
                "countries",
                t.ngettext("Country", "Countries", len(facts.countries)),
                self._list([fmt.country_name(code, self.language) for code in facts.countries]),
            ),
            self._row(
                "directors",
                t.ngettext("Director", "Directors", len(facts.directors)),
                self._list(list(facts.directors)),
            ),
            self._row("writers", t.gettext("Screenplay"), self._list(list(facts.writers))),
            self._cast(),
            self._row("runtime", t.gettext("Running time"), self._runtime()),
            self._row("rating", t.gettext("Rating"), self._rating()),
            self._row(
                "languages",
                t.gettext("Languages"),
                self._list([fmt.language_name(code, self.language) for code in facts.languages]),
            ),
            self._release("premiere", t.gettext("Premiere"), facts.premiere),
            self._release("release", t.gettext("Release"), facts.release),
            self._row(
                "distributors", t.gettext("Distribution"), self._list(list(facts.distributors))
            ),
            self._shown_row("synopsis", t.gettext("Synopsis"), "synopsis"),
            self._shown_row("reception", t.gettext("Reception"), "reception"),
            self._awards(),
        ]

    def _row(self, key: str, label: str, text: str) -> FactRow:
        return FactRow(key, label, (FactLine(text),) if text else ())

    def _shown_row(self, key: str, label: str, field: str) -> FactRow:
        line = self._shown(self.film.field(field))
        return FactRow(key, label, (line,) if line else ())

    def _list(self, items: list[str]) -> str:
        return fmt.format_list(items, self.language) if items else ""

    def _shown(self, shown: Shown | None) -> FactLine | None:
        """A translatable field's line, with a note when it stands in for a translation."""
        if shown is None:
            return None
        if not shown.state.shows_source:
            return FactLine(shown.text)
        source = fmt.language_name(self.film.film.source_language, self.language)
        # TRANSLATORS: marks a film fact shown untranslated; {language} is e.g. "English".
        note = self.labels.gettext("(not translated: shown in {language})")
        return FactLine(shown.text, note.format(language=source))

    def _cast(self) -> FactRow:
        lines = tuple(FactLine(self._cast_line(m.name, m.role)) for m in self.facts.cast)
        return FactRow("cast", self.labels.gettext("Cast"), lines)

    def _cast_line(self, name: str, role: str | None) -> str:
        if not role:
            return name
        # TRANSLATORS: an actor and the character they play: "Adrián Alonso as Carlitos".
        return self.labels.gettext("{actor} as {role}").format(actor=name, role=role)

    def _runtime(self) -> str:
        minutes = self.facts.runtime_minutes
        if not minutes:
            return ""
        # TRANSLATORS: running time: "109 minutes (1h 49m)".
        return self.labels.gettext("{minutes} ({hours_and_minutes})").format(
            minutes=fmt.format_minutes(minutes, self.language),
            hours_and_minutes=fmt.format_hours_minutes(minutes, self.language),
        )

    def _rating(self) -> str:
        rating = self.facts.rating
        if rating is None:
            return ""
        if not rating.country:
            return rating.value
        # TRANSLATORS: a content rating and where it applies: "PG-13 (MPA, United States)".
        return self.labels.gettext("{rating} ({system}, {country})").format(
            rating=rating.value,
            system=rating.system or "",
            country=fmt.country_name(rating.country, self.language),
        )

    def _release(self, key: str, label: str, release: Release | None) -> FactRow:
        if release is None:
            return FactRow(key, label, ())
        when = fmt.format_year_month(release.year, release.month, self.language)
        if key == "premiere":
            event = self._shown(self.film.field("premiere.event"))
            if event is not None:
                return FactRow(key, label, (FactLine(f"{when}, {event.text}", event.note),))
        elif release.country:
            when = f"{when}, {fmt.country_name(release.country, self.language)}"
        return FactRow(key, label, (FactLine(when),))

    def _awards(self) -> FactRow:
        shown = [self._shown(self.film.field(name)) for name in self.facts.awards]
        lines = tuple(line for line in shown if line is not None)
        label = self.labels.ngettext("Award", "Awards", len(lines))
        return FactRow("awards", label, lines)
