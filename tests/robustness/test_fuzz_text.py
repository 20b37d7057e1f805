"""Fuzzing the decode pipeline and the link policy: bytes and URLs from anywhere.

Decoding gives clean text (no CR, no NUL) or a `TextFileError`; valid UTF-8 text comes back
as it was; unwrapping a link terminates and never turns it into one the app would open
without saying so.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from misma_luna.core.base.errors import MismaLunaError, TextFileError
from misma_luna.core.base.regular_files import read_regular_text
from misma_luna.core.base.text_decoding import decode_bytes, repair_summary
from misma_luna.core.review import links

from .figures import fuzzed
from .hostile import MOJIBAKE, urls

_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252",
              "latin-1", "mac_roman", "cp850", "iso8859_15")  # fmt: skip
_SELF_DESCRIBING = ("utf-8", "utf-8-sig", "utf-16", "utf-32")
_SCRATCH = Path(tempfile.mkdtemp(prefix="misma-luna-fuzz-text-"))

spanish = st.text(
    alphabet=st.sampled_from(
        "abcdefghijklmnñopqrstuvwxyzáéíóúüÁÉÍÓÚÑ¿¡«»“”—… .,;:\n\r\t0123456789"
    ),
    max_size=400,
)


@given(data=st.binary(max_size=4096))
@fuzzed("decode pipeline: random bytes")
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, Path("noise.txt"))
    except TextFileError as error:
        assert error.path == Path("noise.txt") and error.problem
        return
    _assert_clean(decoded.text)
    assert repair_summary(decoded) is None or decoded.repaired > 0


@given(text=spanish, encoding=st.sampled_from(_ENCODINGS), bom=st.booleans(),
       junk=st.lists(st.sampled_from(MOJIBAKE), max_size=5))  # fmt: skip
@fuzzed("decode pipeline: Spanish text in legacy encodings")
def test_text_in_any_encoding_decodes(text: str, encoding: str, bom: bool, junk: list[str]) -> None:
    source = text + "".join(junk)
    try:
        data = source.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    if bom and encoding in ("utf-16-le", "utf-16-be"):
        data = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + data
    try:
        decoded = decode_bytes(data)
    except TextFileError:
        return
    _assert_clean(decoded.text)
    if encoding in _SELF_DESCRIBING:
        expected = source.replace("\r\n", "\n").replace("\r", "\n")
        assert decoded.original == expected  # the file as it was is always kept
        assert decoded.text == expected or decoded.repaired > 0  # a repair is never silent


@given(text=st.text(max_size=2000))
@fuzzed("decode pipeline: valid UTF-8 round trip")
def test_valid_utf8_comes_back_unchanged(text: str) -> None:
    assume("\x00" not in text and not text.startswith("\ufeff"))
    try:
        decoded = decode_bytes(text.encode("utf-8"))
    except TextFileError:
        return  # many control characters: refused as binary, which is allowed
    assert decoded.encoding == "utf-8"
    assert decoded.original == text.replace("\r\n", "\n").replace("\r", "\n")


@given(data=st.binary(max_size=2048), name=st.sampled_from(("r.md", "r.txt", "sub.srt", "x")))
@fuzzed("decode pipeline: files on disk")
def test_files_on_disk(data: bytes, name: str) -> None:
    path = _SCRATCH / name
    path.write_bytes(data)
    try:
        decoded = read_regular_text(path, 1024)
    except TextFileError as error:
        assert str(path) in error.message
        return
    assert len(data) <= 1024
    _assert_clean(decoded.text)


def _assert_clean(text: str) -> None:
    assert isinstance(text, str)
    assert "\r" not in text and "\x00" not in text


@given(url=urls())
@fuzzed("links: unwrap, strip trackers, inspect")
def test_links_never_hide_a_dangerous_destination(url: str) -> None:
    destination, depth = links.unwrap(url)
    assert 0 <= depth <= links.MAX_UNWRAP
    assert isinstance(links.strip_tracking(destination)[0], str)
    report = links.inspect_link(url)
    if report.openable:
        assert report.scheme in links.OPENABLE_SCHEMES
        assert links.scheme_of(report.destination) in links.OPENABLE_SCHEMES
        assert links.may_render(report.destination)
    if not links.may_render(url):
        assert not report.openable
    assert links.print_label(url).startswith("[")
    assert isinstance(links.display_host(url), str)
    for warning in report.warnings:
        assert warning.describe()


@given(url=urls())
@fuzzed("links: only MismaLunaError escapes")
def test_link_functions_raise_nothing_else(url: str) -> None:
    try:
        links.inspect_link(links.clean_url(url))
        links.display_host(links.unwrap(url)[0])
    except MismaLunaError:
        pass
