"""A worksheet as plain data: the parts the teacher ticked, composed from a film's scene,
and the words that label them in the worksheet's language. `html` and `docx` render it;
`worksheet_job` is the one recipe for the window's print, preview and PDF and the command.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from misma_luna import APP_NAME, __version__
from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import Translator, _, active_language
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.sheets.compose import (
    Footer,
    Paper,
    PdfInfo,
    SheetJob,
    page_template,
    sheet_labels,
)
from misma_luna.core.sheets.sections import pdf_xmp
from misma_luna.core.worksheets.gapfill import GapFill, make_gapfill
from misma_luna.core.worksheets.scene import Scene, clock, cut_scene, film_transcript
from misma_luna.core.worksheets.vocabulary import GlossaryEntry, glossary

# Every part, in the order it is printed; "cloze" is accepted for the gap-fill.
PARTS = ("title", "glossary", "gapfill", "questions", "script", "key")
PART_ALIASES = {"cloze": "gapfill"}
GLOSSARY_SIZE = 10
# Where the glossary's words come from: the scene's least common, or those the reader collected.
GLOSSARY_SOURCES = ("rare", "collected")


@dataclass(frozen=True)
class WorksheetOptions:
    """What the teacher asked for: the scene, the language, the parts and the version."""

    language: str = "es"
    span: tuple[int | None, int | None] = (None, None)
    parts: frozenset[str] = frozenset(PARTS)
    version: str = "A"
    hints: bool = False
    glossary_size: int = GLOSSARY_SIZE
    paper: Paper = "a4"
    font_size: float = 11.0
    # Words the reader collected; when given, the glossary lists these instead of the rarest.
    collected: Sequence[str] | None = None


@dataclass(frozen=True)
class Worksheet:
    """A composed worksheet: everything printed, in plain text."""

    film_title: str
    other_title: str
    scene: Scene
    options: WorksheetOptions
    glossary: tuple[GlossaryEntry, ...]
    gapfill: GapFill
    questions: tuple[str, ...] = field(default_factory=tuple)
    # True when the collected words were asked for but none is said in the scene, so the
    # glossary holds the scene's least common words instead.
    glossary_fallback: bool = False

    def has(self, part: str) -> bool:
        """Whether `part` is printed."""
        return part in self.options.parts

    @property
    def scene_times(self) -> str:
        """`0:10:00–0:14:00`."""
        return f"{clock(self.scene.start_ms)}–{clock(self.scene.end_ms)}"


def read_parts(names: Sequence[str]) -> frozenset[str]:
    """Part names as typed (`glossary`, `cloze`...) -> the parts; unknown names raise KeyError."""
    parts = set()
    for typed in names:
        name = typed.strip().lower()
        part = PART_ALIASES.get(name, name)
        if part not in PARTS:
            raise KeyError(typed)
        parts.add(part)
    return frozenset(parts)


def compose_worksheet(
    film: FilmPackage, options: WorksheetOptions, questions: Sequence[str] = ()
) -> Worksheet:
    """The worksheet for `options`; `WorksheetError` for a bad scene or missing subtitles."""
    runtime = film.facts.runtime_minutes
    scene = cut_scene(
        film_transcript(film), options.language, options.span, runtime and runtime * 60_000
    )
    seed = f"{film.id}|{scene.language}|{scene.start_ms}|{scene.end_ms}"
    entries = glossary(scene, options.glossary_size, options.collected)
    fallback = options.collected is not None and not entries
    return Worksheet(
        film_title=film.localized(scene.language).title,
        other_title=film.localized(scene.other_language).title,
        scene=scene,
        options=options,
        glossary=glossary(scene, options.glossary_size) if fallback else entries,
        gapfill=make_gapfill(scene, options.version, seed),
        questions=tuple(q for q in questions if q.strip()),
        glossary_fallback=fallback,
    )


def glossary_notice(worksheet: Worksheet) -> str:
    """What to tell the teacher when the collected words could not make the glossary; "" when
    the glossary is what was asked for."""
    if not (worksheet.glossary_fallback and worksheet.has("glossary")):
        return ""
    if not worksheet.options.collected:
        language = fmt.language_name(worksheet.scene.language, active_language())
        return _(
            "You have not collected any {language} words from this film yet, so the glossary "
            "lists the scene's least common words instead."
        ).format(language=language)
    return _(
        "None of the words you collected from this film is said in this scene, so the "
        "glossary lists the scene's least common words instead."
    )


def worksheet_labels(worksheet: Worksheet, locales: Path) -> Translator:
    """The app's words in the worksheet's language."""
    return sheet_labels(worksheet.scene.language, locales)


def worksheet_job(worksheet: Worksheet, labels: Translator, html: str) -> tuple[SheetJob, PdfInfo]:
    """The pages to print and the PDF's metadata for the worksheet rendered as `html`."""
    title = worksheet.film_title
    date = fmt.format_date(dt.date.today(), labels.language)
    footer = Footer(f"{title} · {worksheet.scene_times}", date, page_template(labels))
    creator = f"{APP_NAME} {__version__}"
    languages = (worksheet.scene.language, worksheet.scene.other_language)
    info = PdfInfo(title, creator, pdf_xmp(title, creator, languages))
    return SheetJob(html, worksheet.options.font_size, footer), info
