"""What the library's search finds: the passages of a film (its titles, its review in every
language it is translated into, its subtitle lines) and the reader's notes, as plain text,
each with the place it opens at; the reader's words made into a query that cannot fail.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.notes.note import Note
from misma_luna.core.review.markdown import plain_text
from misma_luna.core.subtitles.cue_text import format_time
from misma_luna.core.subtitles.tracks import load_track

PassageKind = Literal["title", "review", "subtitle", "note"]


@dataclass(frozen=True)
class Passage:
    """One searchable piece of text and where it is: a title (place empty), a review block
    (its block id), a subtitle line (its start in ms) or a note (its id)."""

    film_id: str
    kind: PassageKind
    place: str
    language: str
    text: str


def film_passages(film: FilmPackage) -> list[Passage]:
    """Every title, review block (source and translations) and subtitle line of `film`."""
    film_id, source = film.id, film.source_language
    titles = film.facts.titles
    found = [Passage(film_id, "title", "", "", titles.original)]  # in no language of its own
    found += [
        Passage(film_id, "title", "", language, title)
        for language, title in sorted(titles.by_language.items())
        if title != titles.original
    ]
    found += [
        Passage(film_id, "review", block.id, source, plain_text(block.text))
        for block in film.review.blocks
    ]
    for language in sorted(film.catalogs):
        if language == source:
            continue
        found += [
            Passage(film_id, "review", block.id, language, plain_text(shown.text))
            for block, shown in film.localized(language).blocks()
            if not shown.state.shows_source
        ]
    for language, path in sorted(film.subtitle_tracks.items()):
        found += _subtitle_passages(film_id, language, path)
    return found


def _subtitle_passages(film_id: str, language: str, path: Path) -> list[Passage]:
    """A track's lines; a track that cannot be read is left out of the search (opening the
    film says what is wrong with it)."""
    try:
        track = load_track(path)
    except MismaLunaError:
        return []
    return [
        Passage(film_id, "subtitle", str(cue.start_ms), language, " ".join(cue.text.split()))
        for cue in track.cues
        if cue.text.strip()
    ]


def note_passages(notes: Iterable[Note]) -> list[Passage]:
    """The reader's notes, each under its film (notes are in the reader's own words: no
    language)."""
    return [
        Passage(note.film_id, "note", str(note.id), "", note.body)
        for note in notes
        if note.body.strip()
    ]


def notes_mark(notes: Iterable[Note]) -> str:
    """A fingerprint of the notes that changes when one is added, changed or deleted."""
    digest = hashlib.sha256()
    for note in notes:
        digest.update(f"{note.id}:{note.updated.isoformat()};".encode())
    return digest.hexdigest()


def place_text(kind: str, place: str, language: str) -> str:
    """Where a passage is, for the reader: "Review (es)", "Subtitles (en) 1:02:03", "Note"."""
    if kind == "subtitle" and place.isdigit():
        # TRANSLATORS: a subtitle line found by the library's search: its language and time.
        return _("Subtitles ({language}) {time}").format(
            language=language, time=format_time(int(place)).split(".")[0]
        )
    if kind == "review":
        # TRANSLATORS: a review paragraph found by the library's search, in that language.
        return _("Review ({language})").format(language=language)
    if kind == "note":
        return _("Your note")
    if not language:
        return _("Original title")
    # TRANSLATORS: a film's title found by the library's search, in that language.
    return _("Title ({language})").format(language=language)
