"""Cue cleaning's fast paths give exactly what the general path gives, on tricky cue text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from misma_luna.core.subtitles.cue_text import _clean_marked_up, _is_tidy, clean_cue

# Pieces that make cue text hard: tags whole and broken, overrides, escapes, every kind of
# space and line break, entities, non-printable characters, accents.
_PIECES = st.sampled_from(
    [
        "<i>", "</i>", "< i >", "</ I>", "<b>", "</b>", "<font color=red>", "</font>", "<3",
        "{\\i1}", "{\\i0}", "{\\i}", "{\\an8}", "{", "}", "\\N", "\\n", "\\h", "\\", "&", ">",
        "<", "&amp;", " ", "  ", "\n", "\n\n", "\t", "\r", "\xa0", "\u2009", "\u2028",
        "\u200b", "\x0b", "\x1f", "\x85", "a", "Hola", "¿Qué?", "é", "—", "♪", "i", "N",
    ]
)  # fmt: skip
_CUE_TEXT = st.lists(_PIECES, max_size=12).map("".join)
_UNTIDY = re.compile(r"\s\s|[^\S\n ]")


def _general(raw: str) -> tuple[str, str]:
    """What `clean_cue` gives through its general path, no shortcut taken."""
    text = raw.replace("\\N", "\n").replace("\\n", "\n").replace("\\h", " ")
    return _clean_marked_up(text)


@settings(max_examples=1500, deadline=None)
@given(_CUE_TEXT)
def test_clean_cue_matches_the_general_path(raw: str) -> None:
    assert clean_cue(raw) == _general(raw)


@settings(max_examples=300, deadline=None)
@given(_CUE_TEXT)
def test_whole_cue_in_italics_matches_the_general_path(inner: str) -> None:
    raw = f"<i>{inner}</i>"
    assert clean_cue(raw) == _general(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "Faltan dos minutos.",
        "Señor, ¿cuánto cuesta?\\N¿Ya son las diez?",
        "<i>Mamá siempre llama.</i>",
        "<i>Línea uno\\Nlínea dos</i>",
        "<i>A & B > C</i>",
        "<i> con espacio</i>",
        "<i>dos  espacios</i>",
        "<i></i>",
        "<i>a</i><i>b</i>",
        "<i>mitad</i> y mitad",
        "Tom & Jerry > todo",
        " borde ",
        "uno\xa0dos",
        "tab\there",
        "línea\n\nblanca",
    ],
)
def test_common_cues_match_the_general_path(raw: str) -> None:
    assert clean_cue(raw) == _general(raw)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join))
def test_tidy_check_matches_the_regular_expression(text: str) -> None:
    assert _is_tidy(text) == (not _UNTIDY.search(text) and text == text.strip())


@given(st.text(max_size=30))
def test_tidy_check_on_any_text(text: str) -> None:
    assert _is_tidy(text) == (not _UNTIDY.search(text) and text == text.strip())
