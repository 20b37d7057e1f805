"""A review's Markdown becomes blocks (headings, paragraphs, quotes, list items) with stable ids.

A block's id comes from its kind and its text, so it survives blocks being added or moved
around it; notes pin to it and translations key on its text. Rendering is sanitized: raw
HTML is shown as text, images become plain links (never fetched), a javascript:/file:/data:
link becomes the plain text of its label (never raw Markdown, never a link), and in print a
link becomes its text followed by its real host.

Limits keep the time linear in the review's length, whatever its text (the parser spends
about 10 µs on each markup character: brackets, emphasis, backticks...). A review over
`MAX_REVIEW_CHARS` characters, `MAX_LINES` lines or `MAX_REVIEW_MARKUP` markup characters
is refused with `ReviewTooLongError`; blocks are found without parsing their inline text;
a block over `MAX_INLINE_CHARS` characters, or with more markup than one character in
`MARKUP_DENSITY` (at least `MIN_MARKUP`), is shown as plain text, escaped.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

BlockKind = Literal["heading", "paragraph", "quote", "item"]

# A review beyond these is refused (a million characters is longer than most novels).
MAX_REVIEW_CHARS = 1_000_000
MAX_LINES = 20_000
MAX_REVIEW_MARKUP = 50_000
# A block longer than this, or with more markup than this allows, is shown as plain text.
MAX_INLINE_CHARS = 50_000
MARKUP_DENSITY = 10
MIN_MARKUP = 16
_MARKUP = re.compile(r"[\[\]*_`<>!&\\~]")


class ReviewTooLongError(MismaLunaError):
    """A review longer, or fuller of markup, than a review can be."""


class Block(NamedTuple):
    """One unit of the review: translated, pinned to and printed as a whole."""

    id: str
    kind: BlockKind
    text: str
    level: int = 0
    group: int = 0
    ordered: bool = False


class Review(NamedTuple):
    """A parsed review: its blocks in reading order."""

    blocks: tuple[Block, ...]

    @property
    def title(self) -> str | None:
        """The text of the first heading, if any."""
        return next((plain_text(b.text) for b in self.blocks if b.kind == "heading"), None)

    def block(self, block_id: str) -> Block | None:
        """The block with `block_id`, if the review still has it."""
        return next((b for b in self.blocks if b.id == block_id), None)


@cache
def _markdown() -> MarkdownIt:
    # markdown-it and the link checker load when a review is parsed; a cached film needs neither.
    from markdown_it import MarkdownIt  # noqa: PLC0415

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image"])
    # Every link is parsed as a link, so that an unsafe one can be shown as its label alone
    # (`_safe_links`); refused here, it would stay raw Markdown, its address in full.
    md.validateLink = _any_link  # type: ignore[method-assign,assignment]
    return md


def _any_link(_url: str) -> bool:
    return True


@cache
def _blocks_only() -> MarkdownIt:
    """A parser that finds blocks and leaves their inline text unparsed (done per block)."""
    md = _markdown()
    blocks = type(md)("commonmark", {"html": False, "linkify": False, "typographer": False})
    blocks.disable(["image"])
    blocks.validateLink = md.validateLink  # type: ignore[method-assign]
    blocks.core.ruler.disable(["inline", "text_join"])
    return blocks


def parse_review(source: str, path: Path | None = None) -> Review:
    """Split Markdown `source` into blocks, in reading order; a review over `MAX_LINES`
    lines is a `ReviewTooLongError` naming `path`."""
    _check_size(source, path)
    blocks: list[Block] = []
    seen: dict[str, int] = {}
    context = _Context()
    for token in _blocks_only().parse(source):
        context.enter(token)
        if token.type != "inline" or not token.content.strip():
            continue
        text = " ".join(line.strip() for line in token.content.splitlines()).strip()
        kind = context.kind()
        blocks.append(
            Block(
                id=_block_id(kind, text, seen),
                kind=kind,
                text=text,
                level=context.heading_level if kind == "heading" else context.list_depth,
                group=context.group,
                ordered=context.ordered,
            )
        )
    return Review(tuple(blocks))


def _check_size(source: str, path: Path | None) -> None:
    """Refuse a review beyond the limits that keep reading it within a few seconds."""
    lines = source.count("\n") + 1
    if len(source) > MAX_REVIEW_CHARS or lines > MAX_LINES:
        raise ReviewTooLongError(
            path,
            _(
                "the review is too long ({chars} characters in {lines} lines; the limit is "
                "{max_chars} characters in {max_lines} lines)"
            ).format(
                chars=len(source), lines=lines, max_chars=MAX_REVIEW_CHARS, max_lines=MAX_LINES
            ),
        )
    markup = len(_MARKUP.findall(source))
    if markup > MAX_REVIEW_MARKUP:
        raise ReviewTooLongError(
            path,
            _(
                "the review has too much markup ({count} brackets, asterisks and the like; "
                "the limit is {limit})"
            ).format(count=markup, limit=MAX_REVIEW_MARKUP),
        )


class _Context:
    """Where the parser is: inside which heading, quote or list."""

    def __init__(self) -> None:
        self.heading_level = 0
        self.quote_depth = 0
        self.lists: list[bool] = []
        self.group = 0

    @property
    def list_depth(self) -> int:
        return len(self.lists)

    @property
    def ordered(self) -> bool:
        return bool(self.lists) and self.lists[-1]

    def enter(self, token: Token) -> None:
        kind = token.type
        if kind == "heading_open":
            self.heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            self.heading_level = 0
        elif kind == "blockquote_open":
            self._open_group(self.quote_depth == 0 and not self.lists)
            self.quote_depth += 1
        elif kind == "blockquote_close":
            self.quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            self._open_group(not self.lists and self.quote_depth == 0)
            self.lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()

    def _open_group(self, top_level: bool) -> None:
        if top_level:
            self.group += 1

    def kind(self) -> BlockKind:
        if self.heading_level:
            return "heading"
        if self.lists:
            return "item"
        if self.quote_depth:
            return "quote"
        return "paragraph"


def _block_id(kind: BlockKind, text: str, seen: dict[str, int]) -> str:
    import hashlib  # noqa: PLC0415 (parsing only: a film from the cache needs no OpenSSL)

    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]
    base = f"{kind[0]}-{digest}"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def inline_html(text: str, print_links: bool = False) -> str:
    """A block's inline Markdown as safe HTML: no raw HTML, no images, no unsafe links.

    With `print_links`, a link becomes its text followed by its real host in brackets.
    """
    if too_marked(text):
        return html.escape(text, quote=False)
    md = _markdown()
    tokens = md.parseInline(text)
    for token in tokens:
        token.children = _safe_links(token.children or [])
        if print_links:
            token.children = _links_for_print(token.children)
    rendered: str = md.renderer.render(tokens, md.options, {})
    return rendered


def too_marked(text: str) -> bool:
    """Whether a block is too long or too full of markup to parse: it shows as plain text."""
    if len(text) > MAX_INLINE_CHARS:
        return True
    allowed = max(MIN_MARKUP, len(text) // MARKUP_DENSITY)
    return len(_MARKUP.findall(text)) > allowed


def _safe_links(children: list[Token]) -> list[Token]:
    """The tokens with every link a review may not show (javascript:, file:, data:...)
    reduced to its label's tokens."""
    # markdown-it and the link checker load when a review is parsed; a cached film needs neither.
    from misma_luna.core.review import links  # noqa: PLC0415

    result: list[Token] = []
    kept: list[bool] = []  # for each open link, whether it stays a link
    for child in children:
        if child.type == "link_open":
            kept.append(links.may_render(str(child.attrGet("href") or "")))
            if not kept[-1]:
                continue
        elif child.type == "link_close" and kept and not kept.pop():
            continue
        result.append(child)
    return result


def _links_for_print(children: list[Token]) -> list[Token]:
    """Replace each link by its text and a text token naming its real host."""
    # markdown-it and the link checker load when a review is parsed; a cached film needs neither.
    from markdown_it.token import Token  # noqa: PLC0415

    from misma_luna.core.review import links  # noqa: PLC0415

    result: list[Token] = []
    hrefs: list[str] = []
    for child in children:
        if child.type == "link_open":
            hrefs.append(str(child.attrGet("href") or ""))
        elif child.type == "link_close":
            label = links.print_label(hrefs.pop()) if hrefs else ""
            result.append(Token("text", "", 0, content=f" {label}"))
        else:
            result.append(child)
    return result


def plain_text(text: str) -> str:
    """A block's inline Markdown with its markup removed, for search, titles and quotes."""
    if too_marked(text):
        return text
    tokens = _markdown().parseInline(text)
    parts: list[str] = []
    for token in tokens:
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    return "".join(parts)
