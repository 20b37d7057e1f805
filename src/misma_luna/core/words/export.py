"""Collected words taken away: an Anki package (genanki) and a CSV table, written whole.

Model and deck ids are fixed numbers derived from their names, and each note's GUID from
its film and word, so importing a newer export into Anki updates the same notes. A word's
note gives two cards (recognise it in its line, produce it from its meaning); a separate
cloze note type, on request, blanks the word in its line.
"""

from __future__ import annotations

import csv
import hashlib
import html
from collections.abc import Callable, Sequence
from pathlib import Path

import genanki

from misma_luna.core.base.errors import MismaLunaError, cannot_write
from misma_luna.core.base.file_writing import whole_path
from misma_luna.core.base.i18n import _
from misma_luna.core.subtitles.cue_text import format_time
from misma_luna.core.words import lexicon
from misma_luna.core.words.word import Word, highlight_spans

FORMATS = ("apkg", "csv")
MODEL_NAME = "Misma Luna word"
DECK_NAME = "Misma Luna"
FIELDS = ("Word", "Line", "Base", "Meaning", "Translation", "Counterpart", "Film", "Time")
CSV_COLUMNS = (
    "word", "base", "language", "frequency", "meaning", "counterpart",
    "line", "translation", "film", "time",
)  # fmt: skip
_FRONT = '<div class="line">{{Line}}</div>'
_BACK = (
    "{{FrontSide}}<hr id=answer>"
    '<div class="word">{{Word}} · {{Base}}</div>'
    '<div class="meaning">{{Meaning}}</div>'
    '<div class="translation">{{Translation}}</div>'
    '<div class="source">{{Film}} {{Time}}</div>'
)
# Production: from what it means (else its counterpart) and the translated line, the word.
_PRODUCE_FRONT = (
    '<div class="meaning">{{#Meaning}}{{Meaning}}{{/Meaning}}'
    "{{^Meaning}}{{Counterpart}}{{/Meaning}}</div>"
    '<div class="translation">{{Translation}}</div>'
)
_PRODUCE_BACK = (
    "{{FrontSide}}<hr id=answer>"
    '<div class="word">{{Word}} · {{Base}}</div>'
    '<div class="line">{{Line}}</div>'
    '<div class="source">{{Film}} {{Time}}</div>'
)
CLOZE_MODEL_NAME = "Misma Luna line (cloze)"
CLOZE_FIELDS = ("Text", "Translation", "Word", "Meaning", "Film", "Time")
_CLOZE_FRONT = '<div class="line">{{cloze:Text}}</div>'
_CLOZE_BACK = (
    '<div class="line">{{cloze:Text}}</div><hr id=answer>'
    '<div class="word">{{Word}}</div>'
    '<div class="meaning">{{Meaning}}</div>'
    '<div class="translation">{{Translation}}</div>'
    '<div class="source">{{Film}} {{Time}}</div>'
)
_CSS = (
    ".card { font-family: serif; font-size: 22px; text-align: center; }"
    " .line b { color: #a0522d; } .source { color: #777; font-size: 15px; }"
)


def stable_id(name: str) -> int:
    """A fixed id for `name`, in the range Anki's ids use (from 2^30 up to 2^31)."""
    digest = int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16)
    return (1 << 30) + digest % (1 << 30)


def note_guid(word: Word) -> str:
    """The same GUID for the same word of the same film, export after export."""
    return str(genanki.guid_for("misma-luna", word.film_id, word.key))


def cloze_guid(word: Word) -> str:
    """The same GUID for the cloze note of the same word of the same film."""
    return str(genanki.guid_for("misma-luna-cloze", word.film_id, word.key))


def model() -> genanki.Model:
    """The note type: its fields and two cards, recognising the word in its line and
    producing it from its meaning and the translated line."""
    return genanki.Model(
        stable_id(MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[
            {"name": "Recognise", "qfmt": _FRONT, "afmt": _BACK},
            {"name": "Produce", "qfmt": _PRODUCE_FRONT, "afmt": _PRODUCE_BACK},
        ],
        css=_CSS,
    )


def cloze_model() -> genanki.Model:
    """The cloze note type: the word's line with the word to fill in."""
    return genanki.Model(
        stable_id(CLOZE_MODEL_NAME),
        CLOZE_MODEL_NAME,
        fields=[{"name": name} for name in CLOZE_FIELDS],
        templates=[{"name": "Cloze", "qfmt": _CLOZE_FRONT, "afmt": _CLOZE_BACK}],
        css=_CSS,
        model_type=genanki.Model.CLOZE,
    )


def cloze_line(word: Word) -> str:
    """The word's line as HTML with each place the word stands as `{{c1::word::hint}}`
    (the hint: its meaning, else its counterpart); "" when the word is not in its line.
    Braces of the line itself are written as entities, so they never read as a cloze."""
    line, spans = word.line, highlight_spans(word.line, word.text)
    if not spans:
        return ""
    hint = _brace_safe(html.escape(" ".join((word.meaning or word.counterpart).split())))
    hint = hint.replace("::", ": :")
    out, last = [], 0
    for start, end in spans:
        found = _brace_safe(html.escape(line[start:end])).replace("::", ": :")
        deletion = f"{{{{c1::{found}::{hint}}}}}" if hint else f"{{{{c1::{found}}}}}"
        out += [_brace_safe(html.escape(line[last:start])), deletion]
        last = end
    out.append(_brace_safe(html.escape(line[last:])))
    return "".join(out).replace("\n", "<br>")


def _brace_safe(text: str) -> str:
    return text.replace("{", "&#123;").replace("}", "&#125;")


def marked_line(word: Word) -> str:
    """The word's line as HTML, every other character escaped and the word in bold."""
    return mark(word.line or word.text, word.text)


def mark(line: str, text: str) -> str:
    """`line` as HTML, escaped, with each place `text` stands in it in bold."""
    out, last = [], 0
    for start, end in highlight_spans(line, text):
        out += [html.escape(line[last:start]), f"<b>{html.escape(line[start:end])}</b>"]
        last = end
    out.append(html.escape(line[last:]))
    return "".join(out).replace("\n", "<br>")


def _fields(word: Word, title: Callable[[str], str]) -> list[str]:
    time = "" if word.time_ms is None else format_time(word.time_ms).split(".")[0]
    plain = (word.text, word.base, word.meaning, word.paired_line, word.counterpart)
    esc = [html.escape(value).replace("\n", "<br>") for value in plain]
    return [esc[0], marked_line(word), esc[1], esc[2], esc[3], esc[4],
            html.escape(title(word.film_id)), time]  # fmt: skip


def write_apkg(words: Sequence[Word], path: Path, deck: str = DECK_NAME,
               title: Callable[[str], str] = str, cloze: bool = False) -> None:  # fmt: skip
    """Write `words` as an Anki package at `path`, whole or not at all; with `cloze`, a
    cloze note of each word's line too (a word not found in its line has none)."""
    note_type = model()
    cloze_type = cloze_model() if cloze else None
    anki_deck = genanki.Deck(stable_id(deck), deck)
    for word in words:
        fields = _fields(word, title)
        anki_deck.add_note(genanki.Note(model=note_type, fields=fields, guid=note_guid(word)))
        text = cloze_line(word) if cloze_type is not None else ""
        if cloze_type is not None and text:
            extra = [fields[4], fields[0], fields[3], fields[6], fields[7]]
            anki_deck.add_note(
                genanki.Note(model=cloze_type, fields=[text, *extra], guid=cloze_guid(word))
            )
    try:
        with whole_path(path) as partial:
            genanki.Package(anki_deck).write_to_file(str(partial))
    except OSError as exc:
        raise MismaLunaError(path, cannot_write(exc)) from exc


def write_csv(words: Sequence[Word], path: Path, title: Callable[[str], str] = str) -> None:
    """Write `words` as a CSV table (UTF-8 with a BOM, for spreadsheets), whole or not at all."""
    try:
        with (
            whole_path(path) as partial,
            partial.open("w", encoding="utf-8-sig", newline="") as out,
        ):
            writer = csv.writer(out)
            writer.writerow(CSV_COLUMNS)
            for w in words:
                time = "" if w.time_ms is None else format_time(w.time_ms)
                writer.writerow([
                    w.text, w.base, w.language, lexicon.band_label(w.band), w.meaning,
                    w.counterpart, w.line, w.paired_line, title(w.film_id), time,
                ])  # fmt: skip
    except OSError as exc:
        raise MismaLunaError(path, cannot_write(exc)) from exc


def write_words(words: Sequence[Word], path: Path, form: str = "",
                title: Callable[[str], str] = str, cloze: bool = False) -> None:  # fmt: skip
    """Write `words` in `form` (else the one `path`'s suffix names); `cloze`: Anki only."""
    form = form or path.suffix.lower().lstrip(".")
    if form == "apkg":
        write_apkg(words, path, title=title, cloze=cloze)
    elif form == "csv":
        write_csv(words, path, title=title)
    else:
        raise MismaLunaError(path, _("unknown export format: use .apkg or .csv"))
