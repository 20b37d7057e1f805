"""Review sheets as HTML: a film's header, its review in one language or two side by side,
and the reader's notes; pure text in, HTML out, laid out on pages by `ui.printing`.

Labels come from the active catalog (`labels_in` makes the sheet's language active for a
while); film content comes from the film's own catalogs, one language per column.
`compose_job` is the one recipe for the window's print, preview and PDF and for
`misma-luna sheet`, which runs it before it starts Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from misma_luna import APP_NAME, __version__
from misma_luna.core.base import formatting as fmt
from misma_luna.core.base import i18n as catalogs
from misma_luna.core.base.errors import CatalogError
from misma_luna.core.base.i18n import _, ngettext
from misma_luna.core.film.content import Shown
from misma_luna.core.film.package import FilmPackage, LocalizedFilm
from misma_luna.core.film.review_html import untranslated_notice
from misma_luna.core.review.markdown import Block
from misma_luna.core.sheets.sections import (
    Transcript,
    note_html,
    notes_section,
    pdf_xmp,
    sheet_style,
    sort_notes,
    transcript_section,
)

if TYPE_CHECKING:
    from misma_luna.core.notes.note import Note

__all__ = [
    "PdfInfo", "SheetJob", "SheetOptions", "Transcript", "compose_job", "compose_sheet", "pdf_xmp"
]  # fmt: skip

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")
LANGUAGE_CHOICES = ("es", "en", "both")
BOTH = ("es", "en")
# Territories whose usual paper is US Letter (CLDR's paperSize data); A4 everywhere else.
LETTER_TERRITORIES = frozenset(
    {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
)


@dataclass(frozen=True)
class SheetOptions:
    """What goes on a sheet and how big: one or two languages, notes, paper, font size."""

    languages: tuple[str, ...] = ("en",)
    include_notes: bool = False
    include_transcript: bool = False
    paper: Paper = "a4"
    font_size: float = 11.0

    @property
    def side_by_side(self) -> bool:
        """Whether the review is printed as a parallel text in two columns."""
        return len(self.languages) > 1


@dataclass(frozen=True)
class Footer:
    """What every page's footer says besides its number."""

    title: str
    date: str
    page_template: str  # "Page {page} of {pages}", already in the sheet's language


@dataclass(frozen=True)
class SheetJob:
    """A composed sheet ready to lay out: its HTML, type size and footer."""

    html: str
    font_size: float
    footer: Footer


@dataclass(frozen=True)
class PdfInfo:
    """The PDF's metadata."""

    title: str
    creator: str
    xmp: bytes


def languages_for(choice: str) -> tuple[str, ...]:
    """`es` -> ("es",); `both` -> Spanish and English, in that column order."""
    return BOTH if choice == "both" else (choice,)


def choice_for(languages: Sequence[str]) -> str:
    """The inverse of `languages_for`: ("es", "en") -> `both`."""
    return "both" if len(languages) > 1 else languages[0]


def default_paper(territory: str | None) -> Paper:
    """Letter for the US, Canada, Mexico and the other Letter countries; A4 elsewhere."""
    return "letter" if (territory or "").upper() in LETTER_TERRITORIES else "a4"


def label_language(options: SheetOptions, ui_language: str) -> str:
    """The language of a sheet's labels: its own, or the reader's for a two-language sheet."""
    return ui_language if options.side_by_side else options.languages[0]


@contextmanager
def labels_in(language: str, locale_dir: Path) -> Iterator[str]:
    """Make `language` the active catalog while a sheet is composed and printed."""
    previous = catalogs.active_language()
    _activate(language, locale_dir)
    try:
        yield catalogs.active_language()
    finally:
        _activate(previous, locale_dir)


def _activate(language: str, locale_dir: Path) -> None:
    try:
        catalogs.activate(language, catalogs.load_translations(locale_dir, language))
    except CatalogError:
        source = catalogs.SOURCE_LANGUAGE
        catalogs.activate(source, catalogs.load_translations(locale_dir, source))


def sheet_title(film: FilmPackage, options: SheetOptions) -> str:
    """The sheet's title: the film's title in the sheet's (first) language."""
    return film.localized(options.languages[0]).title


def page_template() -> str:
    """`Page {page} of {pages}` in the active language, filled in when pages are painted."""
    # TRANSLATORS: the footer of every page of a printed review sheet: "Page 1 of 3".
    return _("Page {page} of {pages}")


def compose_job(
    film: FilmPackage,
    options: SheetOptions,
    extras: tuple[Sequence[Note], Transcript | None],
    ui_language: str,
    locales: Path,
) -> tuple[SheetJob, PdfInfo]:
    """The sheet's HTML, footer and PDF metadata, labels in the sheet's language."""
    language = label_language(options, ui_language)
    with labels_in(language, locales) as active:
        html = compose_sheet(film, options, *extras)
        title = sheet_title(film, options)
        footer = Footer(title, fmt.format_date(dt.date.today(), active), page_template())
    creator = f"{APP_NAME} {__version__}"
    info = PdfInfo(title, creator, pdf_xmp(title, creator, options.languages))
    return SheetJob(html, options.font_size, footer), info


def compose_sheet(
    film: FilmPackage,
    options: SheetOptions,
    notes: Sequence[Note] = (),
    transcript: Transcript | None = None,
) -> str:
    """The whole sheet as one HTML document, labels in the active language."""
    pinned, others = sort_notes(film, notes if options.include_notes else ())
    body = (
        _parallel_review(film, options, pinned)
        if options.side_by_side
        else _single_review(film.localized(options.languages[0]), pinned)
    )
    parts = [_header(film, options), body]
    if others:
        parts.append(notes_section(others))
    if options.include_transcript and transcript is not None and transcript.rows:
        parts.append(transcript_section(transcript))
    return (
        f"<html><head>{sheet_style(options.font_size)}</head><body>{''.join(parts)}</body></html>"
    )


# -- header


def _header(film: FilmPackage, options: SheetOptions) -> str:
    facts = film.facts
    language = catalogs.active_language()
    titles = _titles(film, options)
    parts = [f'<h1 class="title">{escape(titles[0])}</h1>']
    parts += [f'<p class="subtitle">{escape(title)}</p>' for title in titles[1:]]
    rows: list[tuple[str, str]] = []
    if facts.titles.original not in titles:
        rows.append((_("Original title"), facts.titles.original))
    if facts.year is not None:
        rows.append((_("Year"), str(facts.year)))
    if facts.directors:
        label = ngettext("Director", "Directors", len(facts.directors))
        rows.append((label, fmt.format_list(list(facts.directors), language)))
    if facts.cast:
        cast = [_cast_member(m.name, m.role) for m in facts.cast]
        rows.append((_("Cast"), fmt.format_list(cast, language)))
    if facts.runtime_minutes is not None:
        rows.append((_("Running time"), fmt.format_minutes(facts.runtime_minutes, language)))
    parts.append(_facts_table(rows))
    return "".join(parts)


def _titles(film: FilmPackage, options: SheetOptions) -> list[str]:
    titles: list[str] = []
    for language in options.languages:
        title = film.localized(language).title
        if title not in titles:
            titles.append(title)
    return titles


def _cast_member(name: str, role: str | None) -> str:
    if not role:
        return name
    # TRANSLATORS: an actor and the character they play, in a printed sheet's cast list.
    return _("{actor} ({role})").format(actor=name, role=role)


def _facts_table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><td class="label">{escape(label)}</td><td class="fact">{escape(value)}</td></tr>'
        for label, value in rows
    )
    return f'<table class="facts" cellspacing="0" cellpadding="0">{cells}</table><hr/>'


# -- review


def _single_review(film: LocalizedFilm, pinned: dict[str, list[Note]]) -> str:
    parts: list[str] = []
    for index, (block, shown) in enumerate(film.blocks()):
        parts.append(_block_html(block, shown, film, _item_number(film, index)))
        parts.extend(note_html(note) for note in pinned.get(block.id, ()))
    return "".join(parts)


def _parallel_review(
    film: FilmPackage, options: SheetOptions, pinned: dict[str, list[Note]]
) -> str:
    columns = [film.localized(language) for language in options.languages]
    width = 100 // len(columns)
    heads = "".join(
        f'<td width="{width}%" class="column">{escape(fmt.native_language_name(c.language))}</td>'
        for c in columns
    )
    rows = [f"<tr>{heads}</tr>"]
    blocks = [column.blocks() for column in columns]
    for index, block in enumerate(film.review.blocks):
        cells = "".join(
            f'<td width="{width}%" class="cell">'
            f"{_block_html(block, blocks[n][index][1], column, _item_number(column, index))}</td>"
            for n, column in enumerate(columns)
        )
        rows.append(f"<tr>{cells}</tr>")
        rows.extend(
            f'<tr><td colspan="{len(columns)}" class="cell">{note_html(note)}</td></tr>'
            for note in pinned.get(block.id, ())
        )
    table = '<table class="parallel" width="100%" cellspacing="0" cellpadding="0">'
    return table + "".join(rows) + "</table>"


def _item_number(film: LocalizedFilm, index: int) -> int:
    blocks = film.film.review.blocks
    block = blocks[index]
    if block.kind != "item":
        return 0
    start = index
    while start > 0 and blocks[start - 1].kind == "item" and blocks[start - 1].group == block.group:
        start -= 1
    return sum(1 for b in blocks[start : index + 1] if b.level == block.level)


def _block_html(block: Block, shown: Shown, film: LocalizedFilm, number: int) -> str:
    body = film.film.inline_html(shown.text, print_links=True)
    marker = _untranslated_marker(shown, film)
    if block.kind == "heading":
        level = min(max(block.level, 1), 3) + 1
        return f"{marker}<h{level}>{body}</h{level}>"
    if block.kind == "quote":
        return f'{marker}<p class="quote">“{body}”</p>'
    if block.kind == "item":
        bullet = f"{number}." if block.ordered else "•"
        return f'{marker}<p class="item">{bullet}&#160;{body}</p>'
    return f"{marker}<p>{body}</p>"


def _untranslated_marker(shown: Shown, film: LocalizedFilm) -> str:
    notice = untranslated_notice(shown, film)
    return f'<p class="untranslated">{escape(notice)}</p>' if notice else ""
