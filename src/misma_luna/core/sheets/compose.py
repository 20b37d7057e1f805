"""Review sheets as HTML: a film's header, its review in one language or two side by side,
and the reader's notes; pure text in, HTML out, laid out on pages by `ui.printing`.

Labels come from the `Translator` handed in (the sheet's language, whatever the reader's
is: nothing is activated); film content comes from the film's own catalogs, one language
per column.
`compose_job` is the one recipe for the window's print, preview and PDF and for
`misma-luna sheet`, which runs it before it starts Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from misma_luna import APP_NAME, __version__
from misma_luna.core.base import catalogs, i18n
from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.errors import CatalogError
from misma_luna.core.base.i18n import Translator
from misma_luna.core.film.content import Shown
from misma_luna.core.film.facts_table import FactRow, facts_table, pick
from misma_luna.core.film.package import FilmPackage, LocalizedFilm
from misma_luna.core.film.review_html import (
    block_html,
    untranslated_marker,
    untranslated_summary_html,
)
from misma_luna.core.review.markdown import Block
from misma_luna.core.sheets.sections import (
    note_html,
    notes_section,
    pdf_xmp,
    sheet_style,
    sort_notes,
    transcript_section,
)
from misma_luna.core.sheets.transcript import Transcript

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
SHEET_FACTS = ("year", "directors", "cast", "runtime")  # the film's facts a sheet prints


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


def sheet_labels(language: str, locale_dir: Path) -> Translator:
    """The app's words in `language` for a sheet (English if its catalog cannot be read);
    the active language stays as it is."""
    try:
        return Translator(language, catalogs.load_translations(locale_dir, language))
    except CatalogError:
        return Translator(i18n.SOURCE_LANGUAGE)


def sheet_title(film: FilmPackage, options: SheetOptions) -> str:
    """The sheet's title: the film's title in the sheet's (first) language."""
    return film.localized(options.languages[0]).title


def page_template(labels: Translator) -> str:
    """`Page {page} of {pages}` in the sheet's language, filled in when pages are painted."""
    # TRANSLATORS: the footer of every page of a printed review sheet: "Page 1 of 3".
    return labels.gettext("Page {page} of {pages}")


def compose_job(
    film: FilmPackage,
    options: SheetOptions,
    extras: tuple[Sequence[Note], Transcript | None],
    ui_language: str,
    locales: Path,
) -> tuple[SheetJob, PdfInfo]:
    """The sheet's HTML, footer and PDF metadata, labels in the sheet's language."""
    labels = sheet_labels(label_language(options, ui_language), locales)
    html = compose_sheet(film, options, *extras, labels=labels)
    title = sheet_title(film, options)
    date = fmt.format_date(dt.date.today(), labels.language)
    footer = Footer(title, date, page_template(labels))
    creator = f"{APP_NAME} {__version__}"
    info = PdfInfo(title, creator, pdf_xmp(title, creator, options.languages))
    return SheetJob(html, options.font_size, footer), info


def compose_sheet(
    film: FilmPackage,
    options: SheetOptions,
    notes: Sequence[Note] = (),
    transcript: Transcript | None = None,
    labels: Translator | None = None,
) -> str:
    """The whole sheet as one HTML document, labels in the language of `labels` (by
    default the active one)."""
    labels = labels or i18n.active_translator()
    pinned, others = sort_notes(film, notes if options.include_notes else ())
    body = (
        _parallel_review(film, options, pinned, labels)
        if options.side_by_side
        else _single_review(film.localized(options.languages[0]), pinned, labels)
    )
    # Passages printed untranslated are said once, above the review, each column's.
    columns = [film.localized(language) for language in options.languages]
    summaries = [untranslated_summary_html(column, labels) for column in columns]
    parts = [_header(film, options, labels), *summaries, body]
    if others:
        parts.append(notes_section(others, labels))
    if options.include_transcript and transcript is not None and transcript.rows:
        parts.append(transcript_section(transcript, labels))
    return (
        f"<html><head>{sheet_style(options.font_size)}</head><body>{''.join(parts)}</body></html>"
    )


# -- header


def _header(film: FilmPackage, options: SheetOptions, labels: Translator) -> str:
    titles = _titles(film, options)
    parts = [f'<h1 class="title">{escape(titles[0])}</h1>']
    parts += [f'<p class="subtitle">{escape(title)}</p>' for title in titles[1:]]
    original = film.facts.titles.original
    rows = [] if original in titles else [(labels.gettext("Original title"), escape(original))]
    facts = facts_table(film.localized(options.languages[0]), labels)
    rows += [(row.label, _fact_html(row, labels.language)) for row in pick(facts, SHEET_FACTS)]
    parts.append(_facts_table(rows))
    return "".join(parts)


def _titles(film: FilmPackage, options: SheetOptions) -> list[str]:
    titles: list[str] = []
    for language in options.languages:
        title = film.localized(language).title
        if title not in titles:
            titles.append(title)
    return titles


def _fact_html(row: FactRow, language: str) -> str:
    """A fact's value on one line (a list of several), an untranslated line's note in italics."""
    items = [
        escape(line.text) + (f" <i>{escape(line.note)}</i>" if line.note else "")
        for line in row.lines
    ]
    return fmt.format_list(items, language)


def _facts_table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><td class="label">{escape(label)}</td><td class="fact">{value}</td></tr>'
        for label, value in rows
    )
    return f'<table class="facts" cellspacing="0" cellpadding="0">{cells}</table><hr/>'


# -- review


def _single_review(film: LocalizedFilm, pinned: dict[str, list[Note]], labels: Translator) -> str:
    parts: list[str] = []
    for index, (block, shown) in enumerate(film.blocks()):
        parts.append(_block_html(block, shown, film, index, labels))
        parts.extend(note_html(note, labels) for note in pinned.get(block.id, ()))
    return "".join(parts)


def _parallel_review(
    film: FilmPackage, options: SheetOptions, pinned: dict[str, list[Note]], labels: Translator
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
            f"{_block_html(block, blocks[n][index][1], column, index, labels)}</td>"
            for n, column in enumerate(columns)
        )
        rows.append(f"<tr>{cells}</tr>")
        rows.extend(
            f'<tr><td colspan="{len(columns)}" class="cell">{note_html(note, labels)}</td></tr>'
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


def _block_html(
    block: Block, shown: Shown, film: LocalizedFilm, index: int, labels: Translator
) -> str:
    marker = untranslated_marker(shown, film, labels, printed=True)
    body = marker + film.film.inline_html(shown.text, print_links=True)
    return block_html(block, body, printed=True, number=_item_number(film, index))
