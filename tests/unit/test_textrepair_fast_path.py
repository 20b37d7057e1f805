"""The mojibake fast path: clean text skips ftfy (and its import), broken text is still repaired."""

from __future__ import annotations

import re
import subprocess
import sys

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from misma_luna.core.base.text_decoding import _CANDIDATE, decode_bytes, may_hold_mojibake


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Ã‘andÃº y cafÃ©", "Ñandú y café"),
        ("â€œÂ¿QuÃ© pasÃ³?â€\x9d", "“¿Qué pasó?”"),
        ("Se llama MarÃ\xada", "Se llama María"),
    ],
)
def test_mojibake_is_still_repaired(broken: str, fixed: str) -> None:
    decoded = decode_bytes(broken.encode("utf-8"))
    assert decoded.text == fixed
    assert decoded.repaired > 0


def test_clean_spanish_text_does_not_import_ftfy() -> None:
    code = (
        "import sys\n"
        "from misma_luna.core.base.text_decoding import decode_bytes\n"
        "text = '¿Ya son las diez, doña Chela? — Faltan dos minutos, mijo.\\n« Ándale », gruñón.'\n"
        "assert decode_bytes(text.encode('utf-8')).text == text\n"
        "print('ftfy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


_LETTERS = st.sampled_from(
    [*"aeiouny ,.¿?¡!\"'-\x1a", *"áéíóúñÁÉÍÓÚÑ“”‘’—–…€™•√ƒ≈†°±\ufffd"]
    + [chr(c) for c in range(0x80, 0x600)]
)


@settings(max_examples=400, deadline=None)
@given(st.text(_LETTERS, max_size=40))
def test_lines_the_fast_path_skips_are_lines_ftfy_leaves_alone(line: str) -> None:
    if not may_hold_mojibake(line):
        assert ftfy.fix_encoding(line) == line


# The candidate pattern as a plain alternation: slower (no leading character class for the
# regex engine to skip plain text with), and the reference its faster form must agree with.
_PLAIN_CANDIDATE = re.compile("[^\x00-\x7f](?=[^\x00-\x7f])|[\x80-\x9f\x1a\ufffd]|[ÂÃÅÎÐÙâãð] ")


@settings(max_examples=1000, deadline=None)
@given(st.text(_LETTERS | st.sampled_from([" ", "\n", "a", "Â", "ð", "Ã", "©"]), max_size=60))
def test_candidates_are_those_of_the_plain_alternation(text: str) -> None:
    found = [match.span() for match in _CANDIDATE.finditer(text)]
    assert found == [match.span() for match in _PLAIN_CANDIDATE.finditer(text)]


@given(st.text(max_size=60))
def test_candidates_are_those_of_the_plain_alternation_on_any_text(text: str) -> None:
    found = [match.span() for match in _CANDIDATE.finditer(text)]
    assert found == [match.span() for match in _PLAIN_CANDIDATE.finditer(text)]


@pytest.mark.parametrize("text", ["a\r\nb\rc\n", "sin retorno\n", "\r", "Ã©\r\n"])
def test_line_endings_become_line_feeds(text: str) -> None:
    decoded = decode_bytes(text.encode("utf-8"))
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assert decoded.original == expected
    assert "\r" not in decoded.text
