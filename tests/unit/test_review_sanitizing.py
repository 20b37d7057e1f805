"""Markdown → HTML never yields a script, an event handler or a dangerous URL."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from misma_luna.core.review.links import clean_url, scheme_of
from misma_luna.core.review.markdown import inline_html, parse_review

DANGEROUS = (
    "<script>alert(1)</script>",
    "<SCRIPT src=//x.example/a.js></SCRIPT>",
    '<img src="http://tracker.example/p.gif" onerror="alert(1)">',
    "<a href='javascript:alert(1)'>x</a>",
    '<svg onload="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[x](javascript%3Aalert(1))",
    "[f](file:///etc/passwd)",
    "[d](data:text/html;base64,PHNjcmlwdD4=)",
    "![i](http://tracker.example/i.png)",
    "![i](javascript:alert(1))",
    "<javascript:alert(1)>",
    '<http://example.com/?a="onmouseover=alert(1)">',
    '[t](https://example.com "title\\" onclick=\\"alert(1)")',
    "`<script>`",
    "*emph* **strong** [ok](https://example.com)",
    "\n\n",
    "> ",
    "- ",
    "# ",
)
BAD_SCHEMES = ("javascript", "vbscript", "data", "file")


class _Audit(HTMLParser):
    """Collects every problem a rendered fragment could hold."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "img", "iframe", "object", "embed", "style", "link", "svg"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}=")
            if name in ("href", "src") and scheme_of(clean_url(value or "")) in BAD_SCHEMES:
                self.problems.append(f"{name}={value}")


def audit(html: str) -> list[str]:
    parser = _Audit()
    parser.feed(html)
    problems = parser.problems
    if "<script" in html.lower():
        problems.append("<script")
    return problems


markdown = st.lists(st.one_of(st.sampled_from(DANGEROUS), st.text(max_size=20)), max_size=8).map(
    " ".join
)


@settings(max_examples=300)
@given(markdown)
def test_rendered_blocks_are_safe(source: str) -> None:
    for block in parse_review(source).blocks:
        assert audit(inline_html(block.text)) == []
        assert audit(inline_html(block.text, print_links=True)) == []


def test_raw_html_is_shown_as_text() -> None:
    html = inline_html('<img src="http://tracker.example/p.gif"> <script>x</script>')
    assert "&lt;img" in html
    assert "&lt;script&gt;" in html


def test_print_mode_prints_the_real_host_after_the_text() -> None:
    text = "Get [the film](https://www.google.com/url?q=https%3A%2F%2Fmega.nz%2Ffile%2Fx) now"
    assert inline_html(text, print_links=True) == "Get the film [mega.nz] now"
    assert "<a " not in inline_html("[*a*](https://example.com/)", print_links=True)


def test_the_audit_itself_catches_what_it_looks_for() -> None:
    assert audit('<a href=" javascript:alert(1)">x</a>') == ["href= javascript:alert(1)"]
    assert audit('<b onclick="x">y</b>') == ["onclick="]
    assert "<script" in audit("<SCRIPT>")
