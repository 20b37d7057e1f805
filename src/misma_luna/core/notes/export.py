"""Notes as Markdown or JSON, film by film in reading order, for the reader to keep.

Each pinned note comes with the passage it is pinned to, quoted; dates are written in
the active language. The notes themselves are the reader's words and are left as typed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from itertools import groupby

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _, active_language, ngettext
from misma_luna.core.notes.note import Note

FORMATS = ("md", "json")


def export_notes(
    notes: Sequence[Note],
    form: str,
    titles: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
) -> str:
    """`notes` (already in reading order) as a Markdown or JSON document."""
    moment = now or dt.datetime.now(dt.UTC)
    if form == "json":
        return to_json(notes, titles or {}, moment)
    return to_markdown(notes, titles or {}, moment)


def _by_film(notes: Sequence[Note]) -> list[tuple[str, list[Note]]]:
    return [(film, list(group)) for film, group in groupby(notes, key=lambda n: n.film_id)]


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone()


def to_markdown(notes: Sequence[Note], titles: Mapping[str, str], now: dt.datetime) -> str:
    """A Markdown document: one section per film, one entry per note."""
    language = active_language()
    lines = [
        "# " + _("Notes from Misma Luna"),
        "",
        _("Exported on {date}.").format(date=fmt.format_datetime(_local(now), language)),
        "",
    ]
    if not notes:
        lines += [_("There are no notes yet."), ""]
    for film_id, film_notes in _by_film(notes):
        lines += ["## " + titles.get(film_id, film_id), ""]
        count = len(film_notes)
        lines += [ngettext("{count} note", "{count} notes", count).format(count=count), ""]
        for note in film_notes:
            lines += _note_markdown(note, language)
    return "\n".join(lines).rstrip() + "\n"


def _note_markdown(note: Note, language: str) -> list[str]:
    lines: list[str] = []
    if note.anchor is not None:
        lines += [*_quoted(note.anchor.quote), ""]
    lines += [note.body.rstrip() or "…", ""]
    written = fmt.format_datetime(_local(note.created), language)
    edited = fmt.format_datetime(_local(note.updated), language)
    if written == edited:
        stamp = _("Written {date}").format(date=written)
    else:
        stamp = _("Written {date}, last edited {edited}").format(date=written, edited=edited)
    return [*lines, f"*{stamp}*", "", "---", ""]


def _quoted(text: str) -> list[str]:
    return ["> " + line if line else ">" for line in text.splitlines() or [""]]


def to_json(notes: Sequence[Note], titles: Mapping[str, str], now: dt.datetime) -> str:
    """A JSON document: films, each with its notes, dates both as ISO and as written."""
    language = active_language()
    films = [
        {
            "id": film_id,
            "title": titles.get(film_id, film_id),
            "notes": [_note_json(note, language) for note in film_notes],
        }
        for film_id, film_notes in _by_film(notes)
    ]
    document = {"exported": now.isoformat(), "language": language, "films": films}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _note_json(note: Note, language: str) -> dict[str, object]:
    anchor = None
    if note.anchor is not None:
        a = note.anchor
        anchor = {"kind": a.kind, "id": a.id, "position": a.position, "quote": a.quote}
    return {
        "id": note.id,
        "body": note.body,
        "anchor": anchor,
        "created": note.created.isoformat(),
        "updated": note.updated.isoformat(),
        "created_text": fmt.format_datetime(_local(note.created), language),
        "updated_text": fmt.format_datetime(_local(note.updated), language),
    }
