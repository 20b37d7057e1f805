"""Review blocks as HTML: the one rendering of a block, for the review pane's document (one
anchor per block, pinned blocks marked) and for the printed sheet (`printed`).

Passages shown in the film's source language for want of a translation are said once, in a
calm notice above the review (`untranslated_summary`), and each is marked quietly with a small
muted flag. Pure: the pane hands over the film and its palette's muted colour. It is imported
before Qt at the app's start (cli.main).
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
    parts = [_STYLE.format(muted=muted), untranslated_summary_html(film)]
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
p.untranslated {{ color: {muted}; font-size: 85%; margin-bottom: 1em; }}
span.untranslated {{ color: {muted}; font-size: 70%; font-weight: normal; font-style: normal; }}
</style>"""
# The quiet mark before a passage shown untranslated; the notice above the review explains it.
UNTRANSLATED_MARK = "⚑"


def _block_html(block: Block, shown: Shown, film: LocalizedFilm, note_id: int | None) -> str:
    anchor = f'<a name="{escape(block.id)}"></a>'
    mark = untranslated_marker(shown, film)
    body = anchor + _note_marker(note_id) + mark + film.film.inline_html(shown.text)
    return block_html(block, body)


def block_html(block: Block, body: str, *, printed: bool = False, number: int = 0) -> str:
    """One review block around its inline HTML `body`.

    On screen a list item is an `<li>` (the caller opens the list); `printed`, headings sit
    one level lower and an item is a paragraph with its bullet, or its `number` if ordered.
    """
    if block.kind == "heading":
        level = min(max(block.level, 1), 3) + (1 if printed else 0)
        return f"<h{level}>{body}</h{level}>"
    if block.kind == "quote":
        return f'<p class="quote">“{body}”</p>'
    if block.kind == "item" and printed:
        bullet = f"{number}." if block.ordered else "•"
        return f'<p class="item">{bullet}&#160;{body}</p>'
    if block.kind == "item":
        return f"<li>{body}</li>"
    return f"<p>{body}</p>"


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
    """The quiet mark before a passage shown untranslated, as inline HTML (on screen its
    tooltip says why); empty when the passage is translated."""
    notice = untranslated_notice(shown, film, labels)
    if not notice:
        return ""
    tip = "" if printed else f' title="{escape(notice)}"'
    return f'<span class="untranslated"{tip}>{UNTRANSLATED_MARK}</span>&#160;'


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


def untranslated_summary(film: LocalizedFilm, labels: Translator | None = None) -> str:
    """The one notice for a review shown partly or wholly in its source language, in the
    language of `labels` (the active one by default); empty when nothing is untranslated."""
    states = [shown.state for _block, shown in film.blocks()]
    missing = states.count(TranslationState.MISSING)
    outdated = states.count(TranslationState.OUTDATED)
    if not missing and not outdated:
        return ""
    labels = labels or active_translator()
    values = {
        "target": fmt.language_name(film.language, labels.language),
        "source": fmt.language_name(film.film.source_language, labels.language),
        "mark": UNTRANSLATED_MARK,
    }
    if missing == len(states):
        # TRANSLATORS: said once above a review with no translation at all; {target} and
        # {source} are language names ("Spanish", "English"); {mark} is the flag "⚑".
        whole = labels.gettext(
            "This review is not translated into {target} yet: it is shown in {source}, "
            "each passage marked {mark}."
        )
        return whole.format(**values)
    sentences = []
    if missing:
        # TRANSLATORS: said once above a review; {mark} is the flag "⚑" before each passage.
        sentences.append(
            labels.ngettext(
                "{count} passage is not translated into {target} yet: it is shown in {source}, "
                "marked {mark}.",
                "{count} passages are not translated into {target} yet: they are shown in "
                "{source}, marked {mark}.",
                missing,
            ).format(count=missing, **values)
        )
    if outdated:
        # TRANSLATORS: said once above a review; {mark} is the flag "⚑" before each passage.
        sentences.append(
            labels.ngettext(
                "The {target} translation of {count} passage is out of date: it is shown in "
                "{source}, marked {mark}.",
                "The {target} translation of {count} passages is out of date: they are shown "
                "in {source}, marked {mark}.",
                outdated,
            ).format(count=outdated, **values)
        )
    return " ".join(sentences)


def untranslated_summary_html(film: LocalizedFilm, labels: Translator | None = None) -> str:
    """`untranslated_summary` as a paragraph of class `untranslated`; empty when none."""
    summary = untranslated_summary(film, labels)
    return f'<p class="untranslated">{escape(summary)}</p>' if summary else ""
