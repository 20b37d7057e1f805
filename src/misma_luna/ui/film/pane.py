"""The film pane: titles and facts of the film on screen, in the active language.

Labels come from our catalog; facts are formatted by babel (countries, languages, dates,
running time); translatable fields come from the film's own catalog, marked when shown
in the source language for want of a translation.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _, ngettext
from misma_luna.core.film.content import Shown
from misma_luna.core.film.package import FilmPackage, LocalizedFilm
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating


class FilmPane(Retranslating, QScrollArea):
    """Read-only facts of the current film, rebuilt on film or language change."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("filmPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 16, 16, 16)
        self._title = QLabel(body)
        self._title.setObjectName("filmTitle")
        self._title.setWordWrap(True)
        self._subtitle = QLabel(body)
        self._subtitle.setWordWrap(True)
        self._form = QFormLayout()
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._form.setVerticalSpacing(4)
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        layout.addSpacing(8)
        layout.addLayout(self._form)
        layout.addStretch(1)
        self.setWidget(body)
        context.session.filmChanged.connect(self.retranslate)
        self._show_title()
        # The facts need babel's locale data, and selectable labels the Qt namespace's enums
        # (see ui/startup.py): the first paint can do without both.
        context.startup.later(self._complete)

    def _complete(self) -> None:
        from PySide6.QtCore import Qt

        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._show_facts()

    def retranslate(self, *_args: object) -> None:
        """Rebuild every label and value in the active language."""
        self._show_title()
        self._show_facts()

    def _show_title(self) -> None:
        self.setAccessibleName(_("Film facts"))
        film = self._context.localized_film()
        self._title.setText(f"<h2 style='margin:0'>{escape(film.title)}</h2>")
        self._title.setAccessibleName(film.title)

    def _show_facts(self) -> None:
        film = self._context.localized_film()
        self._subtitle.setText(escape(_original_title_line(film)).replace("\n", "<br>"))
        self._subtitle.setVisible(bool(self._subtitle.text()))
        while self._form.rowCount():
            self._form.removeRow(0)
        for label, value in _fact_rows(film):
            self._add_row(label, value)

    def _add_row(self, label: str, value: str) -> None:
        from PySide6.QtCore import Qt

        caption = QLabel(f"<b>{escape(label)}</b>")
        text = QLabel(value)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAccessibleName(label)
        caption.setBuddy(text)
        self._form.addRow(caption, text)


def _original_title_line(film: LocalizedFilm) -> str:
    titles = film.film.facts.titles
    lines = []
    if film.title != titles.original:
        lines.append(_("Original title: {title}").format(title=titles.original))
    others = [*titles.by_language.values(), *titles.also_known_as]
    others = [t for t in dict.fromkeys(others) if t not in (film.title, titles.original)]
    if others:
        lines.append(
            _("Also released as {titles}").format(titles=fmt.format_list(others, film.language))
        )
    return "\n".join(lines)


def _shown(shown: Shown | None, film: LocalizedFilm) -> str:
    if shown is None:
        return ""
    text = escape(shown.text)
    if shown.state.shows_source:
        source = fmt.language_name(film.film.source_language, film.language)
        # TRANSLATORS: marks a film fact shown untranslated; {language} is e.g. "English".
        note = _("(not translated: shown in {language})").format(language=source)
        text += f" <i>{escape(note)}</i>"
    return text


def _fact_rows(film: LocalizedFilm) -> list[tuple[str, str]]:
    """(label, HTML value) pairs for the facts this film has."""
    facts = film.film.facts
    lang = film.language
    rows: list[tuple[str, str]] = []

    def add(label: str, value: str) -> None:
        if value:
            rows.append((label, value))

    add(_("Year"), str(facts.year) if facts.year else "")
    add(_("Genre"), _shown(film.field("genre"), film))
    add(
        ngettext("Country", "Countries", len(facts.countries)),
        escape(fmt.format_list([fmt.country_name(c, lang) for c in facts.countries], lang)),
    )
    add(
        _("Director") if len(facts.directors) < 2 else _("Directors"),
        escape(fmt.format_list(list(facts.directors), lang)),
    )
    add(_("Screenplay"), escape(fmt.format_list(list(facts.writers), lang)))
    add(_("Cast"), "<br>".join(escape(_cast_line(m.name, m.role)) for m in facts.cast))
    if facts.runtime_minutes:
        add(_("Running time"), escape(_runtime(facts.runtime_minutes, lang)))
    if facts.rating:
        add(_("Rating"), escape(_rating(film.film, lang)))
    add(
        _("Languages"),
        escape(fmt.format_list([fmt.language_name(c, lang) for c in facts.languages], lang)),
    )
    add(_("Premiere"), _release_line(film, "premiere"))
    add(_("Release"), _release_line(film, "release"))
    add(_("Distribution"), escape(fmt.format_list(list(facts.distributors), lang)))
    add(_("Synopsis"), _shown(film.field("synopsis"), film))
    add(_("Reception"), _shown(film.field("reception"), film))
    awards = [_shown(film.field(name), film) for name in facts.awards]
    add(ngettext("Award", "Awards", len(awards)), "<br>".join(awards))
    return rows


def _cast_line(name: str, role: str | None) -> str:
    # TRANSLATORS: an actor and the character they play: "Adrián Alonso as Carlitos".
    return _("{actor} as {role}").format(actor=name, role=role) if role else name


def _runtime(minutes: int, lang: str) -> str:
    # TRANSLATORS: running time: "109 minutes (1h 49m)".
    return _("{minutes} ({hours_and_minutes})").format(
        minutes=fmt.format_minutes(minutes, lang),
        hours_and_minutes=fmt.format_hours_minutes(minutes, lang),
    )


def _rating(film: FilmPackage, lang: str) -> str:
    rating = film.facts.rating
    assert rating is not None
    if rating.country:
        # TRANSLATORS: a content rating and where it applies: "PG-13 (MPA, United States)".
        return _("{rating} ({system}, {country})").format(
            rating=rating.value,
            system=rating.system or "",
            country=fmt.country_name(rating.country, lang),
        )
    return rating.value


def _release_line(film: LocalizedFilm, which: str) -> str:
    facts = film.film.facts
    release = facts.premiere if which == "premiere" else facts.release
    if release is None:
        return ""
    when = fmt.format_year_month(release.year, release.month, film.language)
    parts = [escape(when)]
    if which == "premiere":
        parts.append(_shown(film.field("premiere.event"), film))
    elif release.country:
        parts.append(escape(fmt.country_name(release.country, film.language)))
    return ", ".join(p for p in parts if p)
