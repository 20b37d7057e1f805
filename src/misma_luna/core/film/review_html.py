"""Review blocks as HTML: the one rendering of a block, for the review pane's document (one
anchor per block, pinned blocks marked) and for the printed sheet (`printed`).

Passages shown in the film's source language say so. Pure: the pane hands over the film and
its palette's muted colour. It is imported before Qt at the app's start (cli.main).
"""

from __future__ import annotations

from html import escape

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import Translator, _, active_translator
from misma_luna.core.film.content import Shown, TranslationState
from misma_luna.core.film.package import LocalizedFilm
from misma_luna.core.review.markdown import Block


def review_html(film: LocalizedFilm, muted: str, markers: dict[str, int] | None = None) -> str:
    """The whole review as one HTML document, one anchor per block, pinned blocks marked."""
    parts = [_STYLE.format(muted=muted)]
    open_list: int | None = None
    for block, shown in film.blocks():
        if open_list is not None and (block.kind != "item" or block.group != open_list):
            parts.append("</ul>")
            open_list = None
        if block.kind == "item" and open_list is None:
            parts.append("<ul>")
            open_list = block.group
        parts.append(_block_html(block, shown, film, (markers or {}).get(block.id)))
    if open_list is not None:
        parts.append("</ul>")
    return "".join(parts)


_STYLE = """<style>
p, li {{ line-height: 135%; margin-bottom: 0.7em; }}
h1 {{ font-size: 175%; font-weight: 600; margin-bottom: 0.6em; }}
h2 {{ font-size: 125%; font-weight: 600; margin-top: 1.2em; margin-bottom: 0.4em; }}
h3 {{ font-size: 110%; font-weight: 600; }}
p.quote {{ font-size: 130%; font-style: italic; margin: 1em 2em; }}
a.note {{ text-decoration: none; font-weight: 600; }}
p.untranslated {{ color: {muted}; font-size: 80%; margin-bottom: 0; }}
</style>"""


def _block_html(block: Block, shown: Shown, film: LocalizedFilm, note_id: int | None) -> str:
    anchor = f'<a name="{escape(block.id)}"></a>'
    body = anchor + _note_marker(note_id) + film.film.inline_html(shown.text)
    return block_html(block, body, untranslated_marker(shown, film))


def block_html(
    block: Block, body: str, marker: str = "", *, printed: bool = False, number: int = 0
) -> str:
    """One review block around its inline HTML `body`, with `marker` before its text.

    On screen a list item is an `<li>` (the caller opens the list); `printed`, headings sit
    one level lower and an item is a paragraph with its bullet, or its `number` if ordered.
    """
    if block.kind == "heading":
        level = min(max(block.level, 1), 3) + (1 if printed else 0)
        return f"{marker}<h{level}>{body}</h{level}>"
    if block.kind == "quote":
        return f'{marker}<p class="quote">“{body}”</p>'
    if block.kind == "item" and printed:
        bullet = f"{number}." if block.ordered else "•"
        return f'{marker}<p class="item">{bullet}&#160;{body}</p>'
    if block.kind == "item":
        return f"<li>{marker}{body}</li>"
    return f"{marker}<p>{body}</p>"


def _note_marker(note_id: int | None) -> str:
    """A clickable pencil before a block that has a note; it selects the note."""
    if note_id is None:
        return ""
    # TRANSLATORS: tooltip of the marker shown beside a review passage that has a note.
    tip = escape(_("Show the note on this passage"))
    return f'<a class="note" href="note:{note_id}" title="{tip}">✎</a>&nbsp;'


def untranslated_marker(
    shown: Shown, film: LocalizedFilm, labels: Translator | None = None, printed: bool = False
) -> str:
    """The notice above a passage shown untranslated, as HTML (flagged on screen); empty when
    the passage is translated."""
    notice = untranslated_notice(shown, film, labels)
    if not notice:
        return ""
    flag = "" if printed else "⚑ "
    return f'<p class="untranslated">{flag}{escape(notice)}</p>'


def untranslated_notice(shown: Shown, film: LocalizedFilm, labels: Translator | None = None) -> str:
    """Why a passage is shown in the film's source language, in the language of `labels`
    (the active one by default); empty when it is shown translated."""
    if not shown.state.shows_source:
        return ""
    labels = labels or active_translator()
    source = fmt.language_name(film.film.source_language, labels.language)
    if shown.state is TranslationState.OUTDATED:
        # TRANSLATORS: shown above a review passage whose translation is out of date.
        notice = labels.gettext("Translation out of date: shown in {language}")
    else:
        # TRANSLATORS: shown above a review passage that has no translation yet.
        notice = labels.gettext("Not translated yet: shown in {language}")
    return notice.format(language=source)
