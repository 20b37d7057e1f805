"""Notes as Markdown or JSON, film by film in reading order, for the reader to keep.

Each pinned note comes with the passage it is pinned to, quoted; dates are written in
the active language. The notes themselves are the reader's words and are left as typed.
`write_export` streams: each note is written as it comes, so no export is held in memory.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from typing import TextIO

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
    out = io.StringIO()
    counts = Counter(note.film_id for note in notes)
    write_export(out, notes, form, titles=titles, now=now, counts=counts)
    return out.getvalue()


def write_export(
    out: TextIO,
    notes: Iterable[Note],
    form: str,
    *,
    titles: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
    counts: Mapping[str, int] | None = None,
) -> None:
    """Write `notes` (in reading order, film by film) to `out` as they come; `counts` holds
    each film's number of notes (the Markdown heading says it before the notes)."""
    moment = now or dt.datetime.now(dt.UTC)
    chunks = _json_chunks if form == "json" else _markdown_chunks
    for chunk in chunks(notes, titles or {}, moment, counts or {}):
        out.write(chunk)


def _by_film(notes: Iterable[Note]) -> Iterator[tuple[str, Iterator[Note]]]:
    return groupby(notes, key=lambda n: n.film_id)


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone()


def _markdown_chunks(
    notes: Iterable[Note], titles: Mapping[str, str], now: dt.datetime, counts: Mapping[str, int]
) -> Iterator[str]:
    """The Markdown document in pieces: the heading, then each film and each note."""
    language = active_language()
    date = fmt.format_datetime(_local(now), language)
    head = ["# " + _("Notes from Misma Luna"), "", _("Exported on {date}.").format(date=date)]
    pending = "\n".join(head)  # held back so that the document ends with one newline
    empty = True
    for film_id, film_notes in _by_film(notes):
        empty = False
        count = counts.get(film_id, 0)
        heading = ngettext("{count} note", "{count} notes", count).format(count=count)
        yield pending + "\n\n"
        pending = "\n".join(["## " + titles.get(film_id, film_id), "", heading])
        for note in film_notes:
            yield pending + "\n\n"
            pending = "\n".join(_note_markdown(note, language)).rstrip()
    if empty:
        yield pending + "\n\n"
        pending = _("There are no notes yet.")
    yield pending.rstrip() + "\n"


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


def _json_chunks(
    notes: Iterable[Note], titles: Mapping[str, str], now: dt.datetime, _counts: Mapping[str, int]
) -> Iterator[str]:
    """The JSON document in pieces, laid out as `json.dumps(..., indent=2)` lays it out."""
    language = active_language()
    yield "{\n" + f'  "exported": {_json(now.isoformat())},\n'
    yield f'  "language": {_json(language)},\n  "films": ['
    films = 0
    for film_id, film_notes in _by_film(notes):
        yield ("," if films else "") + "\n    {\n"
        yield f'      "id": {_json(film_id)},\n'
        yield f'      "title": {_json(titles.get(film_id, film_id))},\n      "notes": ['
        for index, note in enumerate(film_notes):
            body = _json(_note_json(note, language)).replace("\n", "\n        ")
            yield ("," if index else "") + "\n        " + body
        yield "\n      ]\n    }"
        films += 1
    yield ("\n  ]" if films else "]") + "\n}\n"


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


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
