"""A bare review file (Markdown or plain text) becomes a one-language film.

Its title comes from the front matter or the first heading, its language from the front
matter or from its most frequent short words (Spanish or English), and its facts from a
simple `key: value` front matter between `---` lines, when there is one.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from misma_luna.core.base.errors import FilmError
from misma_luna.core.base.i18n import _
from misma_luna.core.base.regular_files import read_regular_text
from misma_luna.core.film.facts import CastMember, FilmFacts, Titles
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.review.markdown import parse_review

_FENCE = re.compile(r"^---\s*$")
_FIELD = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$")
_WORD = re.compile(r"[a-záéíóúüñ']+")
_ES_WORDS = (
    "el la los las de del que y en un una es por con para se su al lo como más pero sus le ya "
    "o este esta porque muy sin sobre también me hasta donde desde todo nos película"
)
_EN_WORDS = (
    "the of and to in is that it for with as was on his her by at an be this from are but "
    "not or have its who which their film"
)
_STOPWORDS = {"es": frozenset(_ES_WORDS.split()), "en": frozenset(_EN_WORDS.split())}
_LIST_FIELDS = {"director": "directors", "directors": "directors", "writer": "writers",
                "writers": "writers", "country": "countries", "countries": "countries",
                "cast": "cast"}  # fmt: skip


def load_bare_review(path: Path) -> FilmPackage:
    """Read the review file `path` as a film in its own language, with no translations."""
    decoded = read_regular_text(path)
    meta, body, first_line = split_front_matter(decoded.text)
    review = parse_review(body, path)
    if not review.blocks:
        raise FilmError(path, _("this review file is empty"))
    facts = facts_for(path, meta, review.title, body, first_line)
    return FilmPackage(path=path, facts=facts, review=review, review_source=decoded)


def split_front_matter(text: str) -> tuple[dict[str, tuple[str, int]], str, int]:
    """`---`-fenced `key: value` lines → ({key: (value, line)}, body, first body line)."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return {}, text, 1
    meta: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(lines[1:], start=2):
        if _FENCE.match(line):
            return meta, "\n".join(lines[number:]), number + 1
        match = _FIELD.match(line)
        if match:
            meta[match.group(1).lower()] = (match.group(2).strip(), number)
    return {}, text, 1


def facts_for(
    path: Path, meta: dict[str, tuple[str, int]], heading: str | None, body: str, line: int
) -> FilmFacts:
    """The facts of a bare review: front matter first, the text itself second."""
    title = _value(meta, "title") or heading or path.stem.replace("-", " ").replace("_", " ")
    language = (_value(meta, "language") or _value(meta, "lang") or detect_language(body)).lower()
    if language not in ("es", "en"):
        raise FilmError(
            path,
            _("the review's language must be es or en, not “{language}”").format(language=language),
            meta.get("language", meta.get("lang", ("", line)))[1],
        )
    lists = {field: _list(value) for key, (value, _n) in meta.items()
             if (field := _LIST_FIELDS.get(key))}  # fmt: skip
    genre = _value(meta, "genre")
    return FilmFacts(
        # A bare review is not the film itself: its notes never mix with a package's.
        id=_value(meta, "id") or f"review-{slug(title) or 'untitled'}",
        source_language=language,
        titles=Titles(original=title, by_language={language: title}),
        year=_number(path, meta, "year"),
        runtime_minutes=_number(path, meta, "runtime") or _number(path, meta, "runtime_minutes"),
        countries=tuple(lists.get("countries", ())),
        directors=tuple(lists.get("directors", ())),
        writers=tuple(lists.get("writers", ())),
        cast=tuple(CastMember(name) for name in lists.get("cast", ())),
        texts={"genre": genre} if genre else {},
    )


def _value(meta: dict[str, tuple[str, int]], key: str) -> str:
    return meta.get(key, ("", 0))[0].strip().strip("\"'")


def _list(value: str) -> list[str]:
    inner = value.strip().removeprefix("[").removesuffix("]")
    return [item.strip().strip("\"'") for item in inner.split(",") if item.strip().strip("\"'")]


def _number(path: Path, meta: dict[str, tuple[str, int]], key: str) -> int | None:
    raw = _value(meta, key)
    if not raw:
        return None
    digits = raw.split()[0]
    if not digits.isdigit() or not 0 < int(digits) < 10_000:
        raise FilmError(path, _("“{key}” must be a whole number").format(key=key), meta[key][1])
    return int(digits)


def detect_language(text: str) -> str:
    """ "es" or "en", by counting each language's most frequent short words."""
    words = _WORD.findall(text.lower())
    scores = {code: sum(1 for word in words if word in stop) for code, stop in _STOPWORDS.items()}
    if scores["es"] == scores["en"]:
        return "es" if re.search(r"[ñ¿¡áéíóú]", text.lower()) else "en"
    return max(scores, key=lambda code: scores[code])


def slug(title: str) -> str:
    """A film id from a title: lowercase ASCII letters, digits and hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:72].strip("-")
