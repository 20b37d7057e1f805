"""Fuzzing the review path: Markdown -> blocks -> HTML (screen, print and sheet) stays safe.

Whatever the review holds, parsing never raises, and no HTML the app makes from it holds
a script, an event handler or a javascript:/data:/file: link.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest
from hypothesis import given

from misma_luna.core.base.errors import TextFileError
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.base.text_decoding import decode_bytes
from misma_luna.core.film.loading import load_film
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.review.markdown import inline_html, parse_review, plain_text
from misma_luna.core.sheets.compose import SheetOptions, compose_sheet

from .figures import fuzzed
from .hostile import SCRIPT_TRICKS, assert_sanitized, markdown


@given(source=markdown())
@fuzzed("review: Markdown -> blocks -> inline HTML")
def test_review_blocks_render_safely(source: str) -> None:
    review = parse_review(source)
    ids = [block.id for block in review.blocks]
    assert len(ids) == len(set(ids)), "block ids must be unique"
    for block in review.blocks:
        assert block.text.strip()
        assert_sanitized(inline_html(block.text))
        assert_sanitized(inline_html(block.text, print_links=True))
        assert isinstance(plain_text(block.text), str)


@pytest.mark.parametrize("trick", SCRIPT_TRICKS)
def test_each_known_trick_is_defused(trick: str) -> None:
    for block in parse_review(
        f"# Título\n\nAntes {trick} después\n\n> {trick}\n\n- {trick}"
    ).blocks:
        assert_sanitized(inline_html(block.text))
        assert_sanitized(inline_html(block.text, print_links=True))


@cache
def _bundled() -> FilmPackage:
    return load_film(bundled_film_dir())


@given(source=markdown())
@fuzzed("review: sheet HTML (print) and review pane HTML")
def test_whole_documents_stay_safe(source: str) -> None:
    from misma_luna.core.film.review_html import review_html

    try:
        decoded = decode_bytes(source.encode("utf-8"))
    except TextFileError:  # a binary-looking review is refused, as it should be
        return
    film = replace(_bundled(), review=parse_review(decoded.text), review_source=decoded)
    for options in (SheetOptions(("es",)), SheetOptions(("es", "en"), include_notes=True)):
        assert_sanitized(_body(compose_sheet(film, options)))
    for language in ("es", "en"):
        assert_sanitized(review_html(film.localized(language), "#777777"))


def _body(document: str) -> str:
    """The sheet without its own <head> (whose <style> the app wrote itself)."""
    return document.split("</head>", 1)[-1]
