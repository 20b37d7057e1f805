"""FilmPackage: one film's facts, review, content translations and subtitle tracks.

A package is a folder holding `film.toml`, `review.md`, `i18n/<lang>.po` and optional
`subtitles/<lang>.<ext>` (layout in DESIGN.md). `localized()` gives the package's text in
one language, each piece with the state that says whether it is translated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from misma_luna.core.base.errors import CatalogError, FilmError, MismaLunaError, TextFileError
from misma_luna.core.base.file_kinds import MANIFEST_NAME, is_subtitle
from misma_luna.core.base.i18n import _
from misma_luna.core.base.regular_files import check_inside, read_regular_text
from misma_luna.core.base.text_decoding import DecodedText
from misma_luna.core.film.content import FIELD_CONTEXT, ContentCatalog, Shown, TranslationState
from misma_luna.core.film.facts import FilmFacts
from misma_luna.core.review.markdown import Block, Review, inline_html, parse_review


@dataclass(frozen=True)
class FilmPackage:
    """Everything the app shows about one film, as read from disk."""

    path: Path
    facts: FilmFacts
    review: Review
    review_source: DecodedText
    catalogs: dict[str, ContentCatalog] = field(default_factory=dict)
    subtitle_tracks: dict[str, Path] = field(default_factory=dict)
    warnings: tuple[MismaLunaError, ...] = ()
    # Inline Markdown already rendered as HTML, by (text, for print) (see `inline_html`).
    rendered: dict[tuple[str, bool], str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def id(self) -> str:
        """The package's stable id (notes are filed under it)."""
        return self.facts.id

    @property
    def source_language(self) -> str:
        """The language the package's own text is written in."""
        return self.facts.source_language

    def content_languages(self) -> list[str]:
        """The languages this film's text can be read in."""
        return sorted({self.source_language, *self.catalogs})

    def localized(self, language: str) -> LocalizedFilm:
        """The package's text in `language`, translated where a translation exists."""
        return LocalizedFilm(self, language)

    def inline_html(self, text: str, print_links: bool = False) -> str:
        """A block's text (in any of the film's languages) as safe HTML, kept once made;
        `print_links` as in `review.inline_html`."""
        key = (text, print_links)
        html = self.rendered.get(key)
        if html is None:
            html = self.rendered[key] = inline_html(text, print_links)
        return html

    def render_all(self) -> None:
        """Render every block in every language, for screen and print, so that a cached
        copy needs no parser."""
        for language in self.content_languages():
            for _block, shown in self.localized(language).blocks():
                self.inline_html(shown.text)
                self.inline_html(shown.text, print_links=True)


class LocalizedFilm:
    """A film's text in one language; untranslated pieces come back as source, marked."""

    def __init__(self, film: FilmPackage, language: str) -> None:
        self.film = film
        self.language = language
        self._catalog = film.catalogs.get(language)

    def text(self, source: str, context: str | None = None) -> Shown:
        """One piece of content in this language."""
        if self.language == self.film.source_language:
            return Shown(source, TranslationState.SOURCE)
        if self._catalog is None:
            return Shown(source, TranslationState.MISSING)
        return self._catalog.translate(source, context)

    def field(self, name: str) -> Shown | None:
        """A translatable film field (`genre`, `synopsis`, ...), or None when it is empty."""
        source = self.film.facts.texts.get(name)
        return self.text(source, f"{FIELD_CONTEXT}{name}") if source else None

    @property
    def title(self) -> str:
        """The film's title as released in this language, else its original title."""
        titles = self.film.facts.titles
        return titles.by_language.get(self.language, titles.original)

    def blocks(self) -> list[tuple[Block, Shown]]:
        """The review's blocks, each with its text in this language."""
        return [(block, self.text(block.text)) for block in self.film.review.blocks]

    def untranslated_count(self) -> int:
        """How many review blocks are shown in the source language for want of a translation."""
        return sum(1 for _block, shown in self.blocks() if shown.state.shows_source)


def load_package_dir(folder: Path) -> FilmPackage:
    """Read a film package folder: facts, review, catalogs and subtitle tracks."""
    toml_path = folder / MANIFEST_NAME
    if not toml_path.exists():
        raise FilmError(folder, _("this folder has no film.toml, so it is not a film package"))
    from misma_luna.core.film.film_toml import parse_film_toml  # noqa: PLC0415 (and tomllib: not for cached films)

    facts = parse_film_toml(read_regular_text(toml_path, within=folder).text, toml_path)
    review_path = folder / "review.md"
    if not review_path.exists():
        raise FilmError(folder, _("this film package has no review.md"))
    review_source = read_regular_text(review_path, within=folder)
    catalogs, warnings = _load_catalogs(folder)
    subtitle_tracks = _find_subtitles(folder, warnings)
    return FilmPackage(
        path=folder,
        facts=facts,
        review=parse_review(review_source.text, review_path),
        review_source=review_source,
        catalogs=catalogs,
        subtitle_tracks=subtitle_tracks,
        warnings=tuple(warnings),
    )


def _load_catalogs(package: Path) -> tuple[dict[str, ContentCatalog], list[MismaLunaError]]:
    """The package's readable catalogs, and what was wrong with the others."""
    folder = package / "i18n"
    catalogs: dict[str, ContentCatalog] = {}
    warnings: list[MismaLunaError] = []
    for po_path in sorted(folder.glob("*.po")) if folder.is_dir() else ():
        language = po_path.stem
        try:
            catalogs[language] = ContentCatalog.from_file(po_path, language, within=package)
        except CatalogError as exc:
            warnings.append(exc)
    return catalogs, warnings


def _find_subtitles(package: Path, warnings: list[MismaLunaError]) -> dict[str, Path]:
    """The package's subtitle tracks by language; a link out of the package is a warning."""
    folder = package / "subtitles"
    if not folder.is_dir():
        return {}
    tracks = {}
    for path in sorted(folder.iterdir()):
        if not is_subtitle(path):
            continue
        try:
            check_inside(path, package)
        except TextFileError as error:
            warnings.append(error)
            continue
        tracks[path.stem.split(".")[-1]] = path
    return tracks
