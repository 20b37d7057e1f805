"""Link policy: where a link really leads, what to warn about, and whether it may be opened.

Tracking redirects (google.com/url?q=…, l.facebook.com/l.php?u=…) are unwrapped by reading
the URL itself, several levels deep; tracking parameters are dropped. Nothing is ever fetched:
a shortened link stays shortened, and the reader is told so. Characters that turn text
around (a right-to-left override) are flagged, and an e-mail link's request to attach a
file is removed. Every step is linear in the URL's length.
"""

from __future__ import annotations

import enum
import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import SplitResult, parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from misma_luna.core.base.i18n import _

MAX_UNWRAP = 10
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
NEVER_OPENED_SCHEMES = frozenset({"javascript", "vbscript", "file", "data", "blob", "about"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_STRIPPED = "".join(chr(c) for c in range(33))
# Invisible characters that change the direction of the text around them.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# mailto: parameters that ask the mail program to attach a local file.
_ATTACH_PARAMETERS = frozenset({"attach", "attachment"})
_REDIRECTORS: tuple[tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]], ...] = (
    # (host, path, parameters that hold the destination)
    (re.compile(r"(^|\.)google\.[a-z.]+$"), re.compile(r"^/url$"), ("q", "url")),
    (re.compile(r"(^|\.)facebook\.com$"), re.compile(r"^/l\.php$"), ("u",)),
    (re.compile(r"(^|\.)messenger\.com$"), re.compile(r"^/l\.php$"), ("u",)),
    (re.compile(r"^l\.instagram\.com$"), re.compile(r"^/?$"), ("u",)),
    (re.compile(r"(^|\.)youtube\.com$"), re.compile(r"^/redirect$"), ("q",)),
    (re.compile(r"^t\.umblr\.com$"), re.compile(r"^/redirect$"), ("z",)),
    (re.compile(r"(^|\.)vk\.com$"), re.compile(r"^/away\.php$"), ("to",)),
    (re.compile(r"(^|\.)linkedin\.com$"), re.compile(r"^/redir/redirect/?$"), ("url",)),
    (re.compile(r"(^|\.)duckduckgo\.com$"), re.compile(r"^/l/?$"), ("uddg",)),
    (re.compile(r"(^|\.)safelinks\.protection\.outlook\.com$"), re.compile(r"^/?$"), ("url",)),
    (re.compile(r"(^|\.)steamcommunity\.com$"), re.compile(r"^/linkfilter/?$"), ("url", "u")),
    (re.compile(r"(^|\.)slack-redir\.net$"), re.compile(r"^/link$"), ("url",)),
    (re.compile(r"(^|\.)reddit\.com$"), re.compile(r"^/.*$"), ("url",)),
)
_GENERIC_PATHS = re.compile(r"/(url|redirect|redir|away|out|outgoing|exit|link|go|l)(\.php)?/?$")
_GENERIC_PARAMS = ("url", "u", "q", "to", "target", "dest", "destination", "redirect", "link")
_TRACKING = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
        "twclid", "ttclid", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok",
        "ref_src", "ref_url", "s_cid", "_ga", "_gl", "li_fat_id", "oly_anon_id",
        "oly_enc_id", "vero_id", "wickedid", "rb_clickid", "spm",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
_SHORTENERS = frozenset(
    {
        "bit.ly", "bitly.com", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "v.gd",
        "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "bl.ink",
        "lnkd.in", "s.id", "t.ly", "adf.ly", "shorte.st", "ouo.io", "bc.vc", "tr.im",
        "po.st", "x.co", "qr.ae", "soo.gd", "shorturl.com", "t.me", "trib.al", "dlvr.it",
    }
)  # fmt: skip
_FILE_HOSTS = frozenset(
    {
        "mega.nz", "mega.co.nz", "mega.io", "mediafire.com", "rapidgator.net", "uploaded.net",
        "ul.to", "1fichier.com", "zippyshare.com", "uptobox.com", "turbobit.net",
        "nitroflare.com", "katfile.com", "ddownload.com", "krakenfiles.com", "pixeldrain.com",
        "gofile.io", "sendspace.com", "4shared.com", "uploadgig.com", "hexupload.net",
        "filefactory.com", "clicknupload.org", "userscloud.com", "mixdrop.co", "streamtape.com",
        "thepiratebay.org", "1337x.to", "rarbg.to", "yts.mx", "yts.am", "eztv.re",
        "limetorrents.info", "torrentgalaxy.to", "nyaa.si", "kickasstorrents.to", "zooqle.com",
    }
)  # fmt: skip
_DOWNLOAD_WORDS = ("torrent", "descargar", "download", "cuevana", "pelisplus", "repelis")
_VIDEO_FILES = re.compile(r"\.(torrent|mkv|avi|mp4|m4v|mov|wmv|iso|rar|7z)$", re.IGNORECASE)
_WELL_KNOWN = (
    "google", "facebook", "youtube", "instagram", "twitter", "wikipedia", "imdb", "netflix",
    "amazon", "paypal", "apple", "microsoft", "filmaffinity", "rottentomatoes", "letterboxd",
    "metacritic", "disneyplus", "primevideo", "hbomax", "spotify",
)  # fmt: skip
_DIGIT_LOOKALIKES = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t"})
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gob", "gov", "edu", "ac"})


class LinkWarning(enum.Enum):
    """Something the reader should know before following a link."""

    NEVER_OPENED = "never-opened"
    NOT_WEB = "not-web"
    REDIRECT = "redirect"
    TRACKING = "tracking"
    SHORTENER = "shortener"
    PUNYCODE = "punycode"
    LOOKALIKE = "lookalike"
    CREDENTIALS = "credentials"
    NUMERIC_HOST = "numeric-host"
    FILM_DOWNLOAD = "film-download"
    HIDDEN_DIRECTION = "hidden-direction"
    MAIL_ATTACHMENT = "mail-attachment"

    def describe(self) -> str:
        """One sentence for the reader, in the active language."""
        return _DESCRIPTIONS[self]()


_DESCRIPTIONS = {
    LinkWarning.NEVER_OPENED: lambda: _(
        "Links of this kind can run code or read your files, so Misma Luna never opens them."
    ),
    LinkWarning.NOT_WEB: lambda: _("This is not a web or e-mail link, so it is not opened."),
    LinkWarning.REDIRECT: lambda: _(
        "The link went through a tracking redirect; it is shown here with its real destination."
    ),
    LinkWarning.TRACKING: lambda: _("Tracking parameters were removed from the link."),
    LinkWarning.SHORTENER: lambda: _(
        "This is a shortened link: its real destination cannot be known without opening it."
    ),
    LinkWarning.PUNYCODE: lambda: _(
        "The site's name uses non-Latin or encoded characters (punycode); it may imitate "
        "another site."
    ),
    LinkWarning.LOOKALIKE: lambda: _("The site's name looks like a well-known site but is not it."),
    LinkWarning.CREDENTIALS: lambda: _(
        "The link hides its real site behind a user name (the part before “@”)."
    ),
    LinkWarning.NUMERIC_HOST: lambda: _(
        "The link points to a bare network address, not a named site."
    ),
    LinkWarning.FILM_DOWNLOAD: lambda: _(
        "This link seems to lead to a film download (a file host or a torrent), which is "
        "often an unlicensed copy or malware."
    ),
    LinkWarning.HIDDEN_DIRECTION: lambda: _(
        "The link holds invisible characters that reverse the direction of its text, so "
        "what it shows is not where it leads."
    ),
    LinkWarning.MAIL_ATTACHMENT: lambda: _(
        "The e-mail link asked to attach a file from your computer; that part was removed."
    ),
}


@dataclass(frozen=True)
class LinkReport:
    """What a link really is: its cleaned destination, host and warnings."""

    original: str
    destination: str
    scheme: str
    host: str
    warnings: tuple[LinkWarning, ...]

    @property
    def openable(self) -> bool:
        """Whether the app may offer to open it (after the reader confirms)."""
        return self.scheme in OPENABLE_SCHEMES and not (
            {LinkWarning.NEVER_OPENED, LinkWarning.NOT_WEB} & set(self.warnings)
        )


def clean_url(url: str) -> str:
    """`url` as a browser would read it: no surrounding controls, no tabs or newlines inside."""
    return re.sub(r"[\t\n\r]", "", url.strip(_STRIPPED))


def scheme_of(url: str) -> str:
    """The lowercase scheme of `url`, or "" for a relative link."""
    match = _SCHEME.match(clean_url(url))
    return match.group(1).lower() if match else ""


def may_render(url: str) -> bool:
    """Whether a review may show `url` as a link at all (never javascript:, file:, data:)."""
    scheme = scheme_of(unquote(url))
    return scheme not in NEVER_OPENED_SCHEMES and scheme_of(url) not in NEVER_OPENED_SCHEMES


def unwrap(url: str) -> tuple[str, int]:
    """Follow tracking redirects written into `url`, several levels; return it and the depth."""
    current = clean_url(url)
    for depth in range(MAX_UNWRAP):
        inner = _redirect_target(current)
        if inner is None:
            return current, depth
        current = inner
    return current, MAX_UNWRAP


def _redirect_target(url: str) -> str | None:
    parts = _split(url)
    if parts is None or parts.scheme.lower() not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    for host_pattern, path_pattern, names in _REDIRECTORS:
        if host_pattern.search(host) and path_pattern.match(parts.path or "/"):
            found = _first_url(params, names)
            if found:
                return found
    if _GENERIC_PATHS.search(parts.path or ""):
        return _first_url(params, _GENERIC_PARAMS)
    return None


def _first_url(params: dict[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = clean_url(params.get(name, ""))
        if scheme_of(value) and value.lower() != "about:blank":
            return value
        if value.startswith("//"):
            return "https:" + value
    return None


def strip_tracking(url: str) -> tuple[str, tuple[str, ...]]:
    """`url` without tracking parameters (utm_*, fbclid, gclid, …), and the names removed."""
    parts = _split(url)
    if parts is None or not parts.query:
        return url, ()
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _is_tracking(k)]
    removed = tuple(k for k, _v in pairs if _is_tracking(k))
    if not removed:
        return url, ()
    return urlunsplit(parts._replace(query=urlencode(kept))), removed


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING or lowered.startswith(_TRACKING_PREFIXES)


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (validates the port)
    except ValueError:
        return None
    return parts


def display_host(url: str) -> str:
    """The real host of `url`, in ASCII (punycode stays visible), for dialogs and print."""
    scheme = scheme_of(url)
    if scheme == "mailto":
        return clean_url(url)[7:].split("?")[0].rpartition("@")[2] or "mailto"
    parts = _split(clean_url(url))
    host = (parts.hostname or "") if parts is not None else ""
    return _ascii_host(host) or scheme or "?"


def _ascii_host(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def inspect_link(url: str) -> LinkReport:
    """Everything the app knows about `url` without contacting anything."""
    original = clean_url(url)
    scheme = scheme_of(original)
    if scheme in NEVER_OPENED_SCHEMES or scheme_of(unquote(original)) in NEVER_OPENED_SCHEMES:
        return LinkReport(original, original, scheme, "", (LinkWarning.NEVER_OPENED,))
    destination, depth = unwrap(original)
    destination, removed = strip_tracking(destination)
    destination, attached = strip_attachments(destination)
    scheme = scheme_of(destination)
    warnings = [LinkWarning.HIDDEN_DIRECTION] if has_direction_controls(original) else []
    warnings += [LinkWarning.REDIRECT] if depth else []
    warnings += [LinkWarning.TRACKING] if removed else []
    warnings += [LinkWarning.MAIL_ATTACHMENT] if attached else []
    warnings += _scheme_warnings(scheme, destination)
    warnings += _host_warnings(destination) if scheme in ("http", "https") else []
    return LinkReport(
        original, destination, scheme, display_host(destination), tuple(dict.fromkeys(warnings))
    )


def has_direction_controls(url: str) -> bool:
    """Whether `url` (or its percent-decoded form) holds a character that turns text around."""
    return bool(_BIDI_CONTROLS.search(url) or _BIDI_CONTROLS.search(unquote(url)))


def strip_attachments(url: str) -> tuple[str, bool]:
    """A `mailto:` link without `attach=`/`attachment=` parameters, and whether it had any."""
    if scheme_of(url) != "mailto" or "?" not in url:
        return url, False
    address, _sep, query = url.partition("?")
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if k.strip().lower() not in _ATTACH_PARAMETERS]
    if len(kept) == len(pairs):
        return url, False
    rest = urlencode(kept, quote_via=quote)
    return (f"{address}?{rest}" if rest else address), True


def _scheme_warnings(scheme: str, url: str) -> list[LinkWarning]:
    if scheme in NEVER_OPENED_SCHEMES:
        return [LinkWarning.NEVER_OPENED]
    if scheme == "magnet":
        return [LinkWarning.FILM_DOWNLOAD, LinkWarning.NOT_WEB]
    if scheme not in OPENABLE_SCHEMES:
        return [LinkWarning.NOT_WEB]
    return []


def _host_warnings(url: str) -> list[LinkWarning]:
    parts = _split(url)
    if parts is None:
        return [LinkWarning.NOT_WEB]
    host = (parts.hostname or "").lower().rstrip(".")
    warnings: list[LinkWarning] = []
    if "@" in parts.netloc:
        warnings.append(LinkWarning.CREDENTIALS)
    if _is_numeric(host):
        warnings.append(LinkWarning.NUMERIC_HOST)
    if _registrable(host) in _SHORTENERS or host in _SHORTENERS:
        warnings.append(LinkWarning.SHORTENER)
    ascii_host = _ascii_host(host)
    if not host.isascii() or any(label.startswith("xn--") for label in ascii_host.split(".")):
        warnings.append(LinkWarning.PUNYCODE)
    if _looks_alike(host):
        warnings.append(LinkWarning.LOOKALIKE)
    if _is_download(host, parts.path):
        warnings.append(LinkWarning.FILM_DOWNLOAD)
    return warnings


def _is_numeric(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _registrable(host: str) -> str:
    """The host's registered name: `www.example.com` → `example.com`, `a.b.com.mx` → `b.com.mx`."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def _looks_alike(host: str) -> bool:
    registrable = _registrable(host)
    name = registrable.split(".")[0]
    if name in _WELL_KNOWN:
        return False
    skeleton = name.translate(_DIGIT_LOOKALIKES).replace("rn", "m").replace("vv", "w")
    if not name.isascii() or skeleton in _WELL_KNOWN:
        return True
    if any(_one_edit_apart(name, known) for known in _WELL_KNOWN if len(known) >= 6):
        return True
    subdomains = host[: -len(registrable)].split(".")
    return any(label in _WELL_KNOWN for label in subdomains[:-1])


def _one_edit_apart(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _is_download(host: str, path: str) -> bool:
    registrable = _registrable(host)
    if registrable in _FILE_HOSTS or host in _FILE_HOSTS:
        return True
    if any(word in host for word in _DOWNLOAD_WORDS):
        return True
    return bool(_VIDEO_FILES.search(path))


def print_label(url: str) -> str:
    """The bracketed host printed after a link's text: `[example.com]`."""
    report = inspect_link(url)
    return f"[{report.host or report.scheme or '?'}]"
