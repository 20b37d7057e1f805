"""Link policy: redirects unwrapped, trackers dropped, dangerous links never openable."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from misma_luna.core.review.links import (
    LinkWarning,
    inspect_link,
    may_render,
    strip_tracking,
    unwrap,
)

WRAPPERS = (
    "https://www.google.com/url?sa=t&q={}",
    "https://www.google.com.mx/url?url={}&usg=AOv",
    "https://l.facebook.com/l.php?u={}&h=AT0",
    "https://www.youtube.com/redirect?event=video&q={}",
    "https://vk.com/away.php?to={}",
    "https://duckduckgo.com/l/?uddg={}",
    "https://t.umblr.com/redirect?z={}",
    "https://nam02.safelinks.protection.outlook.com/?url={}&data=x",
)

hosts = st.from_regex(r"[a-z][a-z0-9]{2,12}\.(com|org|es|mx|net)", fullmatch=True)
paths = st.lists(st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True), max_size=3)


@st.composite
def destinations(draw: st.DrawFn) -> str:
    """A plain https URL with an optional non-tracking query."""
    url = f"https://{draw(hosts)}/" + "/".join(draw(paths))
    if draw(st.booleans()):
        url += "?id=" + draw(st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True))
    return url


@given(destinations(), st.lists(st.sampled_from(WRAPPERS), min_size=1, max_size=4))
def test_unwrap_recovers_the_destination_through_several_redirects(
    destination: str, wrappers: list[str]
) -> None:
    url = destination
    for wrapper in wrappers:
        url = wrapper.format(quote(url, safe=""))
    assert unwrap(url) == (destination, len(wrappers))


@given(destinations())
def test_a_plain_link_is_not_unwrapped(destination: str) -> None:
    assert unwrap(destination) == (destination, 0)


@given(
    destinations(),
    st.lists(
        st.sampled_from(["utm_source", "utm_medium", "fbclid", "gclid", "msclkid"]), min_size=1
    ),
)
def test_tracking_parameters_are_dropped_and_the_rest_kept(
    destination: str, names: list[str]
) -> None:
    separator = "&" if "?" in destination else "?"
    tracked = destination + separator + "&".join(f"{name}=x1" for name in names)
    cleaned, removed = strip_tracking(tracked)
    assert cleaned == destination
    assert set(removed) == set(names)


@given(st.text(max_size=200))
def test_any_text_is_inspected_without_error_and_never_opens_javascript(text: str) -> None:
    report = inspect_link(text)
    if report.openable:
        assert report.scheme in ("http", "https", "mailto")
        assert not report.destination.lower().startswith(("javascript:", "file:", "data:"))


def test_download_hidden_behind_nested_tracking_redirects() -> None:
    hidden = (
        "https://www.google.com/url?q=https%3A%2F%2Fl.facebook.com%2Fl.php%3Fu%3Dhttps%253A%252F"
        "%252Fmega.nz%252Ffile%252FAbCdEf%253Futm_source%253Dspam%26h%3DAT0&sa=D"
    )
    report = inspect_link(hidden)
    assert report.destination == "https://mega.nz/file/AbCdEf"
    assert report.host == "mega.nz"
    assert {LinkWarning.REDIRECT, LinkWarning.TRACKING, LinkWarning.FILM_DOWNLOAD} <= set(
        report.warnings
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "https://www.google.com/url?q=javascript%3Aalert(1)",
    ],
)
def test_dangerous_schemes_are_never_openable(url: str) -> None:
    report = inspect_link(url)
    assert not report.openable
    assert LinkWarning.NEVER_OPENED in report.warnings


@pytest.mark.parametrize(
    ("url", "warning"),
    [
        ("https://bit.ly/3abcdEf", LinkWarning.SHORTENER),
        ("https://t.co/xyz", LinkWarning.SHORTENER),
        ("https://xn--mdb-pdd.com/title", LinkWarning.PUNYCODE),
        ("https://іmdb.com/title", LinkWarning.PUNYCODE),
        ("https://www.paypa1.com/login", LinkWarning.LOOKALIKE),
        ("https://imdb.com.example.net/", LinkWarning.LOOKALIKE),
        ("https://netfiix.com/", LinkWarning.LOOKALIKE),
        ("https://www.imdb.com@evil.example/", LinkWarning.CREDENTIALS),
        ("https://thepiratebay.org/description.php?id=1", LinkWarning.FILM_DOWNLOAD),
        ("https://example.com/Bajo.la.misma.luna.2007.mkv", LinkWarning.FILM_DOWNLOAD),
        ("https://www.mediafire.com/file/abc", LinkWarning.FILM_DOWNLOAD),
        ("magnet:?xt=urn:btih:0123&dn=film", LinkWarning.FILM_DOWNLOAD),
    ],
)
def test_warnings(url: str, warning: LinkWarning) -> None:
    assert warning in inspect_link(url).warnings
    assert warning.describe()


def test_an_honest_link_has_no_warnings_and_magnet_never_opens() -> None:
    assert inspect_link("https://www.imdb.com/title/tt0796307/").warnings == ()
    assert inspect_link("https://www.imdb.com/title/tt0796307/").openable
    assert not inspect_link("magnet:?xt=urn:btih:0123").openable


def test_reviews_may_not_render_dangerous_links() -> None:
    assert may_render("https://example.com/")
    assert not may_render("javascript:alert(1)")
    assert not may_render("javascript%3Aalert(1)")
    assert not may_render("data:image/png;base64,AAAA")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/\u202egpj.exe",
        "https://example.com/%E2%80%AEgpj.exe",
        "https://exa\u2067mple.com/",
        "mailto:a\u202e@example.com",
    ],
)
def test_characters_that_turn_text_around_are_flagged(url: str) -> None:
    report = inspect_link(url)
    assert LinkWarning.HIDDEN_DIRECTION in report.warnings
    assert LinkWarning.HIDDEN_DIRECTION.describe()


@pytest.mark.parametrize(
    "url",
    [
        "mailto:a@example.com?attach=/etc/passwd",
        "mailto:a@example.com?subject=Hola%20luna&ATTACHMENT=file:///home/x/.ssh/id_rsa",
        "mailto:a@example.com?subject=x&%61ttach=/etc/shadow&body=y",
    ],
)
def test_mail_links_that_attach_files_are_flagged_and_cleaned(url: str) -> None:
    report = inspect_link(url)
    assert LinkWarning.MAIL_ATTACHMENT in report.warnings
    assert "attach" not in report.destination.lower()
    assert report.destination.startswith("mailto:a@example.com")
    assert LinkWarning.MAIL_ATTACHMENT.describe()


def test_an_ordinary_mail_link_is_left_alone() -> None:
    report = inspect_link("mailto:a@example.com?subject=Hola%20luna")
    assert report.warnings == ()
    assert report.destination == "mailto:a@example.com?subject=Hola%20luna"
