"""Hypothesis strategies for hostile outside data, and the checks every reader must pass.

Fragments are the tricks people actually try (scripts, event handlers, disguised
`javascript:` links, mojibake, broken timings); hypothesis mixes them with noise.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import quote_plus, unquote

from hypothesis import strategies as st

from misma_luna.core.review.links import NEVER_OPENED_SCHEMES, clean_url, scheme_of

SCRIPT_TRICKS = (
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=javascript:alert(1)>",
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](java\tscript:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](%6A%61%76%61script:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](file:///etc/passwd)",
    '[t](http://example.com "title\\" onmouseover=\\"alert(1)")',
    '[t](http://example.com/" onclick="alert(1))',
    "<javascript:alert(1)>",
    "<http://example.com/?q=<script>>",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "[ref][r]\n\n[r]: <javascript:alert(1)> 'x'",
    "![img](http://tracker.example/pixel.png)",
    "![x](javascript:alert(1))",
    "[x](https://www.google.com/url?q=javascript:alert(1))",
    "[x](https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2F%3Futm_source%3Dx)",
    "`<script>`",
    "```\n<script>alert(1)</script>\n```",
    "&lt;script&gt;",
    "&#60;script&#62;",
    "onload=alert(1)",
    '" onerror="alert(1)',
)
MARKDOWN_SYNTAX = (
    "# ", "## ", "###### ", "> ", ">> ", "- ", "* ", "1. ", "10) ", "    ", "\t", "---",
    "***", "**", "*", "_", "__", "`", "[", "]", "(", ")", "<", ">", "!", "\\", "&amp;",
    "&", "|", "~~~", "```", "\n", "\n\n", " ", "  \n", "ñ", "¿Qué?", "«»", "\u200b",
    "\u202e", "\ufeff", "\r\n", "\x00", "\x0b",
)  # fmt: skip
MOJIBAKE = ("Ã±", "Ã©", "Ã¡", "Â¡", "Â¿", "â€œ", "â€", "Ã\x81", "ÃƒÂ±", "Ã")


def markdown() -> st.SearchStrategy[str]:
    """Review text: Markdown syntax, script tricks and noise in any order."""
    piece = st.one_of(
        st.sampled_from(SCRIPT_TRICKS),
        st.sampled_from(MARKDOWN_SYNTAX),
        st.sampled_from(MOJIBAKE),
        st.text(max_size=30),
    )
    return st.lists(piece, max_size=40).map("".join)


def urls() -> st.SearchStrategy[str]:
    """Link targets: redirect chains, trackers, odd schemes, broken escapes, noise."""
    scheme = st.sampled_from(
        ("http://", "https://", "HTTPS://", "mailto:", "javascript:", " javascript:",
         "java\nscript:", "data:", "file://", "magnet:?xt=", "ftp://", "//", "", "%6a%61va"
         "script:", "about:", "blob:", "tel:")
    )  # fmt: skip
    host = st.sampled_from(
        ("www.google.com", "l.facebook.com", "t.co", "bit.ly", "xn--pple-43d.com", "аpple.com",
         "g00gle.com", "127.0.0.1", "[::1]", "user:pw@example.com", "example.com:99999",
         "mega.nz", "www.youtube.com", "out.reddit.com", "example.com", "", "[", "a..b")
    )  # fmt: skip
    path = st.sampled_from(
        ("/url", "/l.php", "/redirect", "/away.php", "/", "", "/film.torrent", "/out")
    )
    name = st.sampled_from(("q", "u", "url", "utm_source", "fbclid", "to", "z", "uddg", "gclid"))
    query = st.one_of(st.just(""), st.builds("?{}={}".format, name, st.text(max_size=20)))
    flat = st.builds(lambda *parts: "".join(parts), scheme, host, path, query)

    def wrapped(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        escaped = st.one_of(inner, inner.map(quote_plus))
        return st.builds("{}{}{}?{}={}".format, scheme, host, path, name, escaped)

    built = st.recursive(flat, wrapped, max_leaves=6)
    return st.one_of(built, st.text(max_size=60), st.sampled_from(SCRIPT_TRICKS))


class _Tags(HTMLParser):
    """Collects every start tag and its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


ACTIVE_TAGS = frozenset(
    {"script", "iframe", "frame", "object", "embed", "svg", "math", "form", "meta", "base",
     "link", "img", "video", "audio", "applet"}
)  # fmt: skip
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "background"})
_RAW_TAG = re.compile(r"<\s*/?\s*(script|iframe|img|svg|object|embed)\b", re.IGNORECASE)


def assert_sanitized(markup: str) -> None:
    """No script, no event-handler attribute, no javascript:/data:/file: URL in `markup`."""
    assert not _RAW_TAG.search(markup), markup
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag not in ACTIVE_TAGS, (tag, markup)
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, markup)
            if name in _URL_ATTRS and value is not None:
                _assert_safe_url(html.unescape(value), markup)
            if name == "style" and value is not None:
                assert "javascript" not in value.lower(), markup


def _assert_safe_url(value: str, markup: str) -> None:
    for candidate in (value, unquote(value), clean_url(value), clean_url(unquote(value))):
        assert scheme_of(candidate) not in NEVER_OPENED_SCHEMES, (value, markup)
        squeezed = re.sub(r"[\x00-\x20]", "", candidate.lower())
        assert not squeezed.startswith(("javascript:", "vbscript:", "data:")), (value, markup)


@st.composite
def mutated(draw: st.DrawFn, base: bytes, max_edits: int = 6) -> bytes:
    """`base` with a few edits: bytes flipped, lines cut or repeated, noise inserted, truncated."""
    data = bytearray(base)
    for _ in range(draw(st.integers(0, max_edits))):
        if not data:
            data.extend(draw(st.binary(max_size=64)))
            continue
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(("flip", "cut", "insert", "repeat", "truncate", "line")))
        if kind == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "insert":
            data[at:at] = draw(st.one_of(st.binary(max_size=32), TOML_AND_PO_NOISE))
        elif kind == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
        elif kind == "truncate":
            del data[at:]
        else:
            lines = bytes(data).split(b"\n")
            del lines[draw(st.integers(0, len(lines) - 1))]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


TOML_AND_PO_NOISE = st.sampled_from(
    (b'"', b"'''", b'"""', b"[", b"]]", b"[[cast]]\n", b"= ", b"\n", b"#", b"\\", b"\\u0000",
     b"1979-05-27T07:32:00Z", b"inf", b"nan", b"-0", b"0x", b"1_000", b"true", b"{}", b"[]",
     b"{a = 1}", b"msgid ", b"msgstr ", b"msgctxt ", b'msgstr[0] ""\n', b"#, fuzzy\n",
     b'#~ msgid "x"\n', b"msgid_plural ", b'"Plural-Forms: nplurals=x;\\n"', b"\xef\xbb\xbf",
     b"\xff\xfe", b"\x00", b"\xc3", b"\xe2\x80", "ñ".encode(), "Ã±".encode())
)  # fmt: skip
