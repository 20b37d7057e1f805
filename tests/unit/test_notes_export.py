"""Exported notes: reading order, quoted passages, dates in the active language."""

from __future__ import annotations

import datetime as dt
import gettext
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from misma_luna.core.base import i18n
from misma_luna.core.notes.export import export_notes
from misma_luna.core.notes.note import Anchor
from misma_luna.core.notes.store import NotesStore, notes_path

NOW = dt.datetime(2026, 11, 21, 15, 0, tzinfo=dt.UTC)


@pytest.fixture
def notes(tmp_path: Path) -> Iterator[NotesStore]:
    with NotesStore.open(notes_path(tmp_path)) as store:
        store.add("moon", "unpinned thought")
        store.add(
            "moon", "about the call", Anchor("block", "p-2", 2, "A call every Sunday.\nShort.")
        )
        store.add("moon", "first", Anchor("block", "h-0", 0, "The title"))
        store.add("moon", "on a cue", Anchor("subtitle", "cue:1000", 1000, "¿Bueno?"))
        yield store


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.activate("es", gettext.NullTranslations())
    yield
    i18n.activate("en", gettext.NullTranslations())


def test_markdown_is_in_reading_order_with_quoted_passages(notes: NotesStore) -> None:
    text = export_notes(notes.notes_for_film("moon"), "md", {"moon": "Under the Same Moon"}, NOW)
    order = [text.index(s) for s in ("first", "about the call", "on a cue", "unpinned")]
    assert order == sorted(order)
    assert "## Under the Same Moon" in text
    assert "> A call every Sunday.\n> Short.\n\nabout the call" in text
    assert "4 notes" in text
    assert "2026" in text


def test_json_keeps_anchors_iso_dates_and_written_dates(notes: NotesStore, spanish: None) -> None:
    document = json.loads(export_notes(notes.all_notes(), "json", {}, NOW))
    assert document["language"] == "es"
    (film,) = document["films"]
    assert [n["body"] for n in film["notes"]] == [
        "first",
        "about the call",
        "on a cue",
        "unpinned thought",
    ]
    cue = film["notes"][2]
    assert cue["anchor"] == {
        "kind": "subtitle",
        "id": "cue:1000",
        "position": 1000,
        "quote": "¿Bueno?",
    }
    assert dt.datetime.fromisoformat(cue["created"]).tzinfo is not None
    assert film["notes"][3]["anchor"] is None


def test_dates_follow_the_active_language(notes: NotesStore, spanish: None) -> None:
    note = notes.all_notes()[0]
    when = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)
    from dataclasses import replace

    text = export_notes([replace(note, created=when, updated=when)], "md", {}, NOW)
    assert "ene 2026" in text or "enero" in text
    assert "Jan" not in text


def test_an_empty_export_says_so() -> None:
    assert "no notes yet" in export_notes([], "md", {}, NOW)
    assert json.loads(export_notes([], "json", {}, NOW))["films"] == []
