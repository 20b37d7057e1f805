"""Review Markdown: blocks with stable ids, sanitized rendering."""

from __future__ import annotations

import pytest

from misma_luna.core.review.markdown import inline_html, parse_review, plain_text

SOURCE = """# A Title

First paragraph with *emphasis*
spread over two lines.

## A Section

> A pull quote.

- one item
- another item

Last paragraph.
"""


def test_blocks_come_in_reading_order_with_their_kinds() -> None:
    review = parse_review(SOURCE)
    kinds = [(b.kind, b.level) for b in review.blocks]
    assert kinds == [
        ("heading", 1),
        ("paragraph", 0),
        ("heading", 2),
        ("quote", 0),
        ("item", 1),
        ("item", 1),
        ("paragraph", 0),
    ]
    assert review.blocks[1].text == "First paragraph with *emphasis* spread over two lines."
    assert review.title == "A Title"
    items = [b for b in review.blocks if b.kind == "item"]
    assert items[0].group == items[1].group


def test_block_ids_survive_insertions_around_them() -> None:
    before = {b.text: b.id for b in parse_review(SOURCE).blocks}
    after = {b.text: b.id for b in parse_review("New opening.\n\n" + SOURCE).blocks}
    assert all(after[text] == block_id for text, block_id in before.items())


def test_identical_blocks_get_distinct_ids() -> None:
    review = parse_review("Same.\n\nSame.\n")
    assert len({b.id for b in review.blocks}) == 2


def test_raw_html_is_shown_as_text_and_unsafe_links_dropped() -> None:
    html = inline_html('<script>alert(1)</script> [x](javascript:alert(1)) <b onclick="y">')
    assert "<script" not in html
    assert "<b " not in html
    assert 'href="javascript' not in html
    assert "&lt;script&gt;" in html


def test_plain_text_drops_markup() -> None:
    assert plain_text("*Under the Same Moon* is **warm**") == "Under the Same Moon is warm"


def test_a_block_renders_one_way_on_screen_and_one_way_on_paper() -> None:
    from misma_luna.core.film.review_html import block_html

    review = parse_review("# Title\n\n> Said.\n\n1. first\n2. second\n\n- loose\n")
    heading, quote, first, second, loose = review.blocks
    assert block_html(heading, "T") == "<h1>T</h1>"
    assert block_html(heading, "T", printed=True) == "<h2>T</h2>"
    assert block_html(quote, "S") == '<p class="quote">“S”</p>'
    assert block_html(second, "b") == "<li>b</li>"
    assert block_html(second, "b", printed=True, number=2) == '<p class="item">2.&#160;b</p>'
    assert block_html(loose, "c", printed=True) == '<p class="item">•&#160;c</p>'
    assert first.ordered and not loose.ordered


@pytest.mark.parametrize("print_links", [False, True])
@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "%6A%61%76%61script:x", "file:///etc"]
)
def test_an_unsafe_link_is_its_label_as_plain_text(href: str, print_links: bool) -> None:
    text = f"Read [the *official* page]({href}) today."
    shown = inline_html(text, print_links=print_links)
    assert shown == "Read the <em>official</em> page today."
    assert plain_text(text) == "Read the official page today."


def test_a_safe_link_stays_a_link_beside_an_unsafe_one() -> None:
    text = "[a](https://example.com/) and [b](javascript:alert(1))"
    assert inline_html(text) == '<a href="https://example.com/">a</a> and b'
    assert inline_html(text, print_links=True) == "a [example.com] and b"
