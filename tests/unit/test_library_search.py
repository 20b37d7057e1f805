"""The library's search (FTS5 in its index), its migration, last openings, posters and a bare
review added to the library."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import struct
import zlib
from pathlib import Path

import pytest

from misma_luna.core.base.errors import FilmError
from misma_luna.core.base.resources import BUNDLED_FILM_ID
from misma_luna.core.base.sqlite_files import fts_query
from misma_luna.core.film.package import load_package_dir
from misma_luna.core.library.index import INDEX_NAME, MIGRATIONS, SCHEMA_VERSION
from misma_luna.core.library.library import Library
from misma_luna.core.library.new_film import add_review
from misma_luna.core.library.passages import place_text
from misma_luna.core.library.posters import MAX_POSTER_BYTES, find_poster
from misma_luna.core.notes.note import Note

DATA = Path(__file__).resolve().parents[1] / "data"
SUBTITLES = DATA / "subtitles"
HOSTILE = DATA / "hostile"
PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: es\\n"

msgid "The mother waits by the telephone."
msgstr "La madre espera junto al teléfono."
"""


def film_package(folder: Path, film_id: str = "la-espera") -> Path:
    """An English film with a Spanish translation of one paragraph and a Spanish track."""
    folder.mkdir(parents=True)
    (folder / "film.toml").write_text(
        f'id = "{film_id}"\nsource_language = "en"\nyear = 1999\n\n'
        '[titles]\noriginal = "The Wait"\nes = "La espera"\n',
        encoding="utf-8",
    )
    (folder / "review.md").write_text(
        "# The Wait\n\nThe mother waits by the telephone.\n\nA quiet ending.\n", encoding="utf-8"
    )
    (folder / "i18n").mkdir()
    (folder / "i18n" / "es.po").write_text(PO, encoding="utf-8")
    (folder / "subtitles").mkdir()
    shutil.copy(SUBTITLES / "pair.es.srt", folder / "subtitles" / "es.srt")
    return folder


def note(note_id: int, film_id: str, body: str, minute: int = 0) -> Note:
    moment = dt.datetime(2026, 1, 1, 12, minute, tzinfo=dt.UTC)
    return Note(note_id, film_id, body, moment, moment)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    root = tmp_path / "films"
    film_package(root / "la-espera")
    return Library(root, bundled=tmp_path / "no-bundled-film")


def places(hits: list) -> set[tuple[str, str, str, str]]:  # type: ignore[type-arg]
    return {(h.entry.id, h.kind, h.place, h.language) for h in hits}


def test_titles_reviews_in_both_languages_and_subtitles_are_found(library: Library) -> None:
    library.refresh()
    film = load_package_dir(library.root / "la-espera")
    block = film.review.blocks[1].id
    assert places(library.search("TELEFONO")) == {("la-espera", "review", block, "es")}
    assert places(library.search("telephone")) == {("la-espera", "review", block, "en")}
    assert ("la-espera", "title", "", "es") in places(library.search("espera"))
    [line] = library.search("estación")
    assert (line.kind, line.start_ms, line.language) == ("subtitle", 1000, "es")
    assert "estación" in line.snippet and "<" not in line.snippet
    assert place_text(line.kind, line.place, line.language) == "Subtitles (es) 0:01"
    # Every word must be there, each as the start of a word; accents and case do not count.
    assert len(library.search("madre esp")) == 1
    assert library.search("madre ballena") == []
    assert library.search("carlitos") == []
    with_bundled = Library(library.root.parent / "other")
    with_bundled.refresh()
    assert {h.entry.id for h in with_bundled.search("carlitos")} == {BUNDLED_FILM_ID}


@pytest.mark.parametrize(
    "text",
    ['"', '""', "*", "NEAR", "NEAR(madre telefono, 2)", "(madre", "madre)", "a OR", "AND",
     "NOT madre", "^madre", "madre:", "col:text", "'", "\\", "-", "{madre}", "   ", "", "\x00",
     "🌙", "madre*", 'ma"dre'],
)  # fmt: skip
def test_hostile_queries_never_fail(library: Library, text: str) -> None:
    library.refresh()
    hits = library.search(text)
    assert all(hit.entry.id for hit in hits)
    assert re.fullmatch(r'("\w+"\*)?( "\w+"\*)*', fts_query(text))


def test_a_changed_film_is_indexed_again_and_a_removed_one_forgotten(library: Library) -> None:
    library.refresh()
    review = library.root / "la-espera" / "review.md"
    review.write_text("# The Wait\n\nA lighthouse keeper.\n", encoding="utf-8")
    os.utime(review, ns=(1, 1))
    library.refresh()
    assert library.search("lighthouse") and not library.search("quiet")
    shutil.rmtree(library.root / "la-espera")
    library.refresh()
    assert library.search("lighthouse") == []


def test_notes_are_indexed_as_they_change_and_only_for_listed_films(library: Library) -> None:
    library.refresh()
    library.index_notes([note(1, "la-espera", "Una escena inolvidable"), note(2, "gone", "inol")])
    [hit] = library.search("inolvidable")
    assert (hit.kind, hit.note_id, hit.entry.id) == ("note", 1, "la-espera")
    library.index_notes([note(1, "la-espera", "Otra cosa", minute=5)])
    assert library.search("inolvidable") == [] and len(library.search("otra")) == 1
    library.refresh()  # a film read again keeps its notes' words
    (library.root / "la-espera" / "film.toml").touch()
    os.utime(library.root / "la-espera" / "film.toml", ns=(2, 2))
    library.refresh()
    assert len(library.search("otra")) == 1


def test_a_damaged_index_found_while_searching_is_rebuilt(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.refresh()
    original = type(library.index).search
    calls: list[str] = []

    def damaged_once(self, query, limit=200):  # type: ignore[no-untyped-def]
        calls.append(query)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return original(self, query, limit)

    monkeypatch.setattr(type(library.index), "search", damaged_once)
    assert places(library.search("telephone"))
    assert len(calls) == 2


def test_an_index_of_the_first_version_is_migrated_keeping_openings(tmp_path: Path) -> None:
    root = tmp_path / "films"
    film_package(root / "la-espera")
    root.joinpath(INDEX_NAME).parent.mkdir(exist_ok=True)
    old = sqlite3.connect(root / INDEX_NAME)
    for statement in MIGRATIONS[0]:
        old.execute(statement)
    data = {"id": "la-espera", "folder": str(root / "la-espera"), "original_title": "Old",
            "source_language": "en", "titles": {}, "year": None, "completeness": {}}  # fmt: skip
    old.execute(
        "INSERT INTO films VALUES ('la-espera', ?, 'stamp', ?, '2026-01-02T03:04:05+00:00')",
        (str(root / "la-espera"), json.dumps(data)),
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    library = Library(root)
    [entry] = [e for e in library.entries() if e.id == "la-espera"]
    assert entry.last_opened == "2026-01-02T03:04:05+00:00"
    assert entry.original_title == "The Wait"  # read again from the package
    assert library.search("telephone")
    version = library.index._conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION


def test_the_bundled_film_keeps_its_opening_whenever_it_was_recorded(tmp_path: Path) -> None:
    library = Library(tmp_path / "films")
    library.mark_opened(BUNDLED_FILM_ID)  # before the library ever listed it
    [entry] = library.entries()
    assert entry.bundled and entry.last_opened
    library.close()
    again = Library(tmp_path / "films")
    assert again.entries()[0].last_opened == entry.last_opened


def png(width: int, height: int) -> bytes:
    """A small PNG image, written here byte by byte (a poster for the tests)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_a_poster_is_found_beside_the_package_within_limits(library: Library) -> None:
    folder = library.root / "la-espera"
    assert find_poster(folder) is None
    (folder / "poster.jpg").write_bytes(b"\0" * (MAX_POSTER_BYTES + 1))
    assert find_poster(folder) is None  # too large: the initial is shown
    (folder / "poster.png").write_bytes(png(4, 6))
    assert find_poster(folder) == folder / "poster.png"
    [entry] = [e for e in library.entries() if e.id == "la-espera"]
    assert entry.poster == folder / "poster.png"
    (folder / "poster.png").unlink()
    outside = library.root.parent / "elsewhere.png"
    outside.write_bytes(png(4, 6))
    (folder / "poster.png").symlink_to(outside)
    assert find_poster(folder) is None


def test_a_bare_review_is_added_whole_keeping_its_id(tmp_path: Path) -> None:
    review = tmp_path / "reseña.md"
    shutil.copy(HOSTILE / "bare-review-es.md", review)
    before = review.read_bytes()
    library = Library(tmp_path / "films")
    from misma_luna.core.film.bare_review import load_bare_review

    bare = load_bare_review(review)
    folder = add_review(library, review)
    film = load_package_dir(folder)
    assert film.id == bare.id and film.facts.year == 2007
    assert film.facts.directors == ("Patricia Riggen",)
    assert not film.review_source.text.startswith("---")
    assert [b.text for b in film.review.blocks] == [b.text for b in bare.review.blocks]
    assert review.read_bytes() == before
    with pytest.raises(FilmError, match="already in your library"):
        add_review(library, review)
    assert library.search("abuela")
