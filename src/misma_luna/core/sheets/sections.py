"""Parts of a review sheet besides the review: the reader's notes, the subtitle transcript,
the sheet's looks and its PDF metadata. Pure text in, HTML (or XMP) out, labels in the
language of the `Translator` handed in; `core.sheets.compose` uses them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import Translator
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.sheets.transcript import Transcript

if TYPE_CHECKING:
    from misma_luna.core.notes.note import Note

Pinned = dict[str, list["Note"]]  # block id -> the notes pinned to it, in reading order


def pdf_xmp(title: str, creator: str, languages: Sequence[str]) -> bytes:
    """XMP metadata for a sheet's PDF: title, creating app and the languages it is written in."""
    items = "".join(f"<rdf:li>{escape(code)}</rdf:li>" for code in languages)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">'
        f"{escape(title)}</rdf:li></rdf:Alt></dc:title>"
        f"<dc:language><rdf:Bag>{items}</rdf:Bag></dc:language>"
        f"<xmp:CreatorTool>{escape(creator)}</xmp:CreatorTool>"
        f"<pdf:Producer>{escape(creator)}</pdf:Producer>"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


# -- notes


def sort_notes(film: FilmPackage, notes: Sequence[Note]) -> tuple[Pinned, list[Note]]:
    """Notes pinned to a block the review still has, by block id; the others in order."""
    pinned: Pinned = {}
    others: list[Note] = []
    for note in sorted(notes, key=lambda n: n.reading_order):
        anchor = note.anchor
        if anchor is not None and anchor.kind == "block" and film.review.block(anchor.id):
            pinned.setdefault(anchor.id, []).append(note)
        else:
            others.append(note)
    return pinned, others


def note_html(note: Note, labels: Translator) -> str:
    """One of the reader's notes as a shaded box."""
    # TRANSLATORS: the label before one of the reader's own notes on a printed sheet.
    label = escape(labels.gettext("My note:"))
    body = "<br/>".join(escape(line) for line in note.body.strip().splitlines())
    cell = f'<td class="note"><b>{label}</b> {body}</td>'
    return (
        f'<table class="note" width="100%" cellspacing="0" cellpadding="0"><tr>{cell}</tr></table>'
    )


def notes_section(notes: list[Note], labels: Translator) -> str:
    """The notes pinned to no block, after the review, each with the words it quotes."""
    heading = escape(labels.gettext("My notes"))  # outside the f-string, for extraction
    parts = [f"<h2>{heading}</h2>"]
    for note in notes:
        if note.anchor is not None and note.anchor.quote:
            parts.append(f'<p class="pinned">“{escape(note.anchor.quote)}”</p>')
        parts.append(note_html(note, labels))
    return "".join(parts)


# -- transcript


def transcript_section(transcript: Transcript, labels: Translator) -> str:
    """The transcript as a table: time, then each track's lines in its own column, under
    headings repeated on every page."""
    language = labels.language
    names = [
        escape(fmt.language_name(code, language).capitalize()) if code else ""
        for code in (transcript.left_language, transcript.right_language)
    ]
    # In <thead>: Qt repeats the column headings at the top of every page the table crosses.
    rows = [
        f'<thead><tr><td class="time"></td><td class="column">{names[0]}</td>'
        f'<td class="column">{names[1]}</td></tr></thead>'
    ]
    for row in transcript.rows:
        left = "<br/>".join(escape(line) for line in row.left)
        right = "<br/>".join(escape(line) for line in row.right)
        rows.append(
            f'<tr><td class="time" width="10%">{_clock(row.start_ms)}</td>'
            f'<td class="cell" width="45%">{left}</td>'
            f'<td class="cell" width="45%">{right}</td></tr>'
        )
    table = '<table class="transcript" width="100%" cellspacing="0" cellpadding="0">'
    heading = escape(labels.gettext("Subtitle transcript"))  # outside the f-string, for extraction
    return f"<h2>{heading}</h2>{table}{''.join(rows)}</table>"


def _clock(milliseconds: int) -> str:
    seconds = max(milliseconds, 0) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


# -- looks


@dataclass(frozen=True)
class CssLengths:
    """Lengths as multiples of the font size `size` (in points): sheets and worksheets."""

    size: float

    def pt(self, factor: float) -> str:
        """A font size, in points."""
        return f"{self.size * factor:.1f}pt"

    def px(self, factor: float) -> str:
        """A length in CSS pixels (1/96 in), which Qt scales to the device."""
        return f"{round(self.size * factor * 96 / 72)}px"


def sheet_style(size: float) -> str:
    """The sheet's looks; lengths in CSS pixels (1/96 in), which Qt scales to the device."""
    lengths = CssLengths(size)
    pt, px = lengths.pt, lengths.px

    return f"""<style>
p {{ margin-top: 0; margin-bottom: {px(0.6)}; }}
h1.title {{ font-size: {pt(1.9)}; font-weight: 700; margin-bottom: {px(0.2)}; }}
p.subtitle {{ font-size: {pt(1.3)}; font-style: italic; margin-bottom: {px(0.6)}; }}
table.facts {{ margin-bottom: {px(0.3)}; }}
td.label {{ font-weight: 700; padding: {px(0.15)} {px(1.2)} {px(0.15)} 0; }}
td.fact {{ padding: {px(0.15)} 0; }}
td.cell {{ padding: {px(0.2)} {px(0.8)} 0 0; }}
td.note {{ padding: {px(0.5)}; }}
td.time {{ font-size: {pt(0.8)}; padding: {px(0.25)} {px(0.8)} 0 0; }}
table.transcript {{ font-size: {pt(0.9)}; }}
h2 {{ font-size: {pt(1.35)}; font-weight: 700; margin-top: {px(1.0)}; margin-bottom: {px(0.4)}; }}
h3 {{ font-size: {pt(1.15)}; font-weight: 700; margin-top: {px(0.9)}; margin-bottom: {px(0.35)}; }}
h4 {{ font-size: {pt(1.0)}; font-weight: 700; margin-top: {px(0.6)}; }}
p.quote {{ font-style: italic; font-size: {pt(1.15)}; margin-left: {px(2)}; }}
p.quote {{ margin-right: {px(2)}; }}
p.item {{ margin-left: {px(1.2)}; }}
p.untranslated, p.pinned {{ font-style: italic; font-size: {pt(0.8)}; margin-bottom: {px(0.2)}; }}
p.untranslated {{ color: #555555; margin-bottom: {px(0.8)}; }}
span.untranslated {{ color: #777777; font-size: {pt(0.7)}; font-style: normal; font-weight: 400; }}
td.column {{ font-weight: 700; font-size: {pt(1.1)}; padding-bottom: {px(0.5)}; }}
table.note {{ background-color: #f1f1ec; font-size: {pt(0.9)}; margin-bottom: {px(0.6)}; }}
</style>"""
