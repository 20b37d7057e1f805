"""A worksheet as HTML for Qt's rich text: each part a heading and a block, tables whose
headings repeat on every page (`thead`), the answer key on a page of its own. Headings keep
to the block after them and small blocks stay whole: `ui` pages them that way.
"""

from __future__ import annotations

from html import escape

from misma_luna.core.base.i18n import Translator
from misma_luna.core.sheets.sections import CssLengths
from misma_luna.core.worksheets.compose import Worksheet
from misma_luna.core.worksheets.gapfill import Gap, GapLine
from misma_luna.core.worksheets.labels import Labels, worksheet_labels_for
from misma_luna.core.worksheets.scene import clock

WRITE_LINE = "_" * 64  # a line to write an answer on


def worksheet_html(worksheet: Worksheet, labels: Translator) -> str:
    """The whole worksheet as one HTML document, labelled in the language of `labels`."""
    words = worksheet_labels_for(worksheet, labels)
    parts: list[str] = []
    if worksheet.has("title"):
        parts.append(_title(worksheet, words))
    if worksheet.has("glossary") and worksheet.glossary:
        parts.append(_glossary(worksheet, words))
    if worksheet.has("gapfill") and worksheet.gapfill.key:
        parts.append(_gapfill(worksheet, words))
    if worksheet.has("questions") and worksheet.questions:
        parts.append(_questions(worksheet, words))
    if worksheet.has("script"):
        parts.append(_script(worksheet, words))
    if worksheet.has("key") and worksheet.gapfill.key and worksheet.has("gapfill"):
        parts.append(_key(worksheet, words, first=not parts))
    style = _style(worksheet.options.font_size)
    return f"<html><head>{style}</head><body>{''.join(parts)}</body></html>"


def _title(worksheet: Worksheet, words: Labels) -> str:
    cells = "".join(f'<td class="fill">{escape(label)} {"_" * 18}</td>' for label in words.fill_in)
    return (
        f'<h1 class="title">{escape(worksheet.film_title)}</h1>'
        f'<p class="subtitle">{escape(words.scene)}</p>'
        f'<table class="fill" width="100%" cellspacing="0" cellpadding="0"><tr>{cells}</tr></table>'
    )


def _glossary(worksheet: Worksheet, words: Labels) -> str:
    heads = "".join(f'<th class="head">{escape(name)}</th>' for name in words.glossary_columns)
    rows = []
    for entry in worksheet.glossary:
        word = escape(entry.lemma) + (
            f" <i>({escape(entry.form)})</i>" if entry.form != entry.lemma else ""
        )
        line = f'{escape(entry.line)}<br/><span class="other">{escape(entry.counterpart)}</span>'
        rows.append(
            f'<tr><td class="word" width="22%">{word}</td><td class="cell" width="48%">{line}</td>'
            '<td class="meaning" width="30%"></td></tr>'
        )
    return (
        f'<h2>{escape(words.glossary)}</h2><p class="intro">{escape(words.glossary_intro)}</p>'
        '<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{heads}</tr></thead>{''.join(rows)}</table>"
    )


def _gap_line(line: GapLine, hints: bool) -> str:
    pieces = "".join(
        f"<b>{escape(piece.blank)}</b>" if isinstance(piece, Gap) else escape(piece)
        for piece in line.pieces
    )
    hint = f'<br/><span class="other">{escape(line.hint)}</span>' if hints and line.hint else ""
    return f'<p class="line">{pieces}{hint}</p>'


def _gapfill(worksheet: Worksheet, words: Labels) -> str:
    bank = " · ".join(escape(word) for word in worksheet.gapfill.bank)
    lines = "".join(_gap_line(line, worksheet.options.hints) for line in worksheet.gapfill.lines)
    return (
        f'<h2>{escape(words.gapfill)}</h2><p class="intro">{escape(words.gapfill_intro)}</p>'
        '<table class="bank" width="100%" border="1" cellspacing="0" cellpadding="6">'
        f"<tr><td><b>{escape(words.bank)}:</b> {bank}</td></tr></table>{lines}"
    )


def _questions(worksheet: Worksheet, words: Labels) -> str:
    items = "".join(
        f'<p class="question">{number}. {escape(text)}</p>'
        f'<p class="write">{WRITE_LINE}</p><p class="write">{WRITE_LINE}</p>'
        for number, text in enumerate(worksheet.questions, start=1)
    )
    return f"<h2>{escape(words.questions)}</h2>{items}"


def _script(worksheet: Worksheet, words: Labels) -> str:
    heads = (
        f'<th class="head" width="12%">{escape(words.time)}</th>'
        f'<th class="head" width="44%">{escape(words.languages[0])}</th>'
        f'<th class="head" width="44%">{escape(words.languages[1])}</th>'
    )
    rows = "".join(
        f'<tr><td class="time">{clock(line.start_ms)}</td>'
        f'<td class="cell">{escape(line.target)}</td>'
        f'<td class="cell">{escape(line.other)}</td></tr>'
        for line in worksheet.scene.lines
    )
    return (
        f"<h2>{escape(words.script)}</h2>"
        '<table class="script" width="100%" cellspacing="0" cellpadding="3">'
        f"<thead><tr>{heads}</tr></thead>{rows}</table>"
    )


def _key(worksheet: Worksheet, words: Labels, first: bool) -> str:
    answers = "".join(
        f'<p class="answer">({gap.number}) {escape(gap.answer)}</p>'
        for gap in worksheet.gapfill.key
    )
    kind = "key first" if first else "key"
    return (
        f'<h2 class="{kind}">{escape(words.key)} · {escape(words.scene)}</h2>'
        f"<h3>{escape(words.gapfill)}</h3>{answers}"
    )


def _style(size: float) -> str:
    lengths = CssLengths(size)
    pt, px = lengths.pt, lengths.px

    return f"""<style>
p {{ margin-top: 0; margin-bottom: {px(0.5)}; }}
h1.title {{ font-size: {pt(1.9)}; font-weight: 700; margin-bottom: {px(0.2)}; }}
p.subtitle {{ font-size: {pt(1.2)}; font-style: italic; margin-bottom: {px(0.8)}; }}
td.fill {{ padding-bottom: {px(0.6)}; }}
h2 {{ font-size: {pt(1.35)}; font-weight: 700; margin-top: {px(1.2)}; margin-bottom: {px(0.4)};
      page-break-after: avoid; }}
h2.key {{ page-break-before: always; }}
h2.first {{ page-break-before: auto; }}
h3 {{ font-size: {pt(1.1)}; font-weight: 700; margin-top: {px(0.6)}; margin-bottom: {px(0.3)}; }}
p.intro {{ font-style: italic; margin-bottom: {px(0.6)}; }}
th.head {{ font-weight: 700; text-align: left; padding: {px(0.2)} {px(0.4)}; }}
td.word {{ font-weight: 700; }}
span.other {{ font-style: italic; color: #555555; font-size: {pt(0.9)}; }}
table.bank {{ margin-bottom: {px(0.8)}; border-collapse: collapse; }}
table.grid {{ border-collapse: collapse; }}
p.line {{ margin-bottom: {px(0.6)}; line-height: 140%; page-break-inside: avoid; }}
p.question {{ margin-top: {px(0.6)}; margin-bottom: {px(0.4)}; page-break-inside: avoid; }}
p.write {{ color: #777777; margin-bottom: {px(0.5)}; }}
td.time {{ font-size: {pt(0.8)}; color: #444444; }}
table.script {{ font-size: {pt(0.95)}; }}
p.answer {{ margin-bottom: {px(0.2)}; }}
</style>"""
