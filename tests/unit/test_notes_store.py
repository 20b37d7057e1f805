"""NotesStore: writing, reading order, search, read-only opening and save failures."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from misma_luna.core.base.sqlite_files import fts_query
from misma_luna.core.notes import schema as notes_schema
from misma_luna.core.notes.note import Anchor
from misma_luna.core.notes.store import NotesError, NotesStore, notes_path


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with NotesStore.open(notes_path(tmp_path)) as opened:
        yield opened


def block(position: int, quote: str = "passage") -> Anchor:
    return Anchor("block", f"p-{position}", position, quote)


def test_a_saved_note_is_there_after_reopening(tmp_path: Path) -> None:
    path = notes_path(tmp_path)
    with NotesStore.open(path) as store:
        note = store.add("film", "first words", block(3, "Rosario calls"))
        store.save(note, "first words, then more")
    with NotesStore.open(path) as store:
        (again,) = store.notes_for_film("film")
    assert again.body == "first words, then more"
    assert again.anchor == block(3, "Rosario calls")
    assert again.updated >= again.created


def test_the_database_is_wal_with_full_sync(store: NotesStore) -> None:
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA user_version").fetchone() == (notes_schema.SCHEMA_VERSION,)
    conn.close()
    assert store._conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL


def test_notes_come_back_in_reading_order(store: NotesStore) -> None:
    loose = store.add("film", "loose")
    cue = store.add("film", "on a subtitle", Anchor("subtitle", "cue:5000", 5000, "Hola"))
    late = store.add("film", "late block", block(9))
    early = store.add("film", "early block", block(1))
    store.add("other", "another film", block(0))
    got = store.notes_for_film("film")
    assert [n.id for n in got] == [early.id, late.id, cue.id, loose.id]
    assert got == sorted(got, key=lambda n: n.reading_order)
    assert [n.film_id for n in store.all_notes()] == ["film"] * 4 + ["other"]


def test_search_finds_words_prefixes_and_passages_without_accents(store: NotesStore) -> None:
    song = store.add("film", "La canción del final", block(2, "Rosario llora"))
    store.add("film", "Nothing to see")
    store.add("other", "otra canción")
    assert [n.id for n in store.search("cancion", "film")] == [song.id]
    assert [n.id for n in store.search("canc fin", "film")] == [song.id]
    assert [n.id for n in store.search("rosario")] == [song.id]
    assert len(store.search("canción")) == 2
    assert store.search("zzz") == []


def test_search_takes_any_text_safely(store: NotesStore) -> None:
    store.add("film", 'a "quoted" NEAR(word) AND OR *')
    assert fts_query('"quoted" AND') == '"quoted"* "AND"*'
    assert len(store.search('"quoted" NEAR( * AND')) == 1
    assert len(store.search("   ")) == 1  # no words: everything


def test_search_follows_edits_and_deletions(store: NotesStore) -> None:
    note = store.add("film", "apple")
    note = store.save(note, "orange")
    assert store.search("apple") == []
    assert [n.id for n in store.search("orange")] == [note.id]
    store.delete(note.id)
    assert store.search("orange") == []
    assert store.integrity_check()


def test_a_newer_database_opens_read_only(tmp_path: Path) -> None:
    path = notes_path(tmp_path)
    with NotesStore.open(path) as store:
        store.add("film", "kept")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {notes_schema.SCHEMA_VERSION + 1}")
    conn.close()
    with NotesStore.open(path) as store:
        assert store.read_only
        assert store.report.newer_version == notes_schema.SCHEMA_VERSION + 1
        assert "newer version" in store.report.messages()[0]
        assert [n.body for n in store.all_notes()] == ["kept"]
        with pytest.raises(NotesError, match="read-only"):
            store.add("film", "lost?")


def test_read_only_opening_of_a_missing_file_is_empty(tmp_path: Path) -> None:
    with NotesStore.open(notes_path(tmp_path), read_only=True) as store:
        assert store.all_notes() == []
    assert not notes_path(tmp_path).exists()


def test_a_full_disk_raises_a_clear_error_and_loses_nothing_saved(store: NotesStore) -> None:
    note = store.add("film", "short")
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(NotesError, match="the disk is full") as caught:
        store.save(note, "long " * 20000)
    assert str(store.path) in caught.value.message
    assert store.get(note.id).body == "short"
    store._conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.save(note, "long " * 20000).body.startswith("long")
    assert not store._conn.in_transaction


def test_a_subtitle_rows_anchor_names_when_the_row_starts() -> None:
    from misma_luna.core.notes.note import Anchor, subtitle_anchor, subtitle_start

    for start in (0, 61_250, -400):  # a track moved before the film's start: a negative time
        anchor = subtitle_anchor(start, "Hola — Hi")
        assert (anchor.kind, anchor.id, anchor.position) == ("subtitle", f"cue:{start}", start)
        assert subtitle_start(anchor) == start
    assert subtitle_start(Anchor("block", "cue:5", 0, "")) is None
    assert subtitle_start(Anchor("subtitle", "cue:five", 0, "")) is None
    assert subtitle_start(Anchor("subtitle", "5", 5, "")) is None
