"""Cue text and the small facts around it: clean markup, search folding, times, languages.

Cue text arrives in pysubs2's SubStation form (`{\\i1}`, `\\N`); it leaves as plain text and
as a tiny safe markup (escaped text, `<i>` and `<br>` only) for display. Pure functions.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache
from html import escape
from pathlib import Path

_MARKUP = re.compile(r"\{([^}]*)\}|<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_ITALIC_TAG = re.compile(r"\\i(\d?)")
_UNTIDY = re.compile(r"\s\s|[^\S\n ]")
_TIME = re.compile(r"^\s*(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:[.,](\d{1,3}))?\s*$")

# ISO 639-2 codes for the languages people are likely to name subtitle files with.
_THREE_LETTER = {
    "spa": "es", "esp": "es", "eng": "en", "fre": "fr", "fra": "fr", "ger": "de", "deu": "de",
    "ita": "it", "por": "pt", "cat": "ca", "glg": "gl", "eus": "eu", "baq": "eu", "nld": "nl",
    "dut": "nl", "jpn": "ja", "chi": "zh", "zho": "zh", "kor": "ko", "rus": "ru",
}  # fmt: skip
# Frequent short words: enough to tell Spanish from English in a few lines of dialogue. None
# is a word of both languages (`no`, `me`, `he`, `son`, `come`).
_STOPWORDS = {
    "es": (
        "que de el la y es los las por un una en se lo si pero con esta para mi te yo tu "
        "estoy muy bien ya eso hola del al como mas aqui ahora nada bueno todo tengo tiene "
        "vamos porque donde cuando quien hay soy eres somos estas usted senor senora "
        "gracias nunca siempre tambien algo mucho hijo mijo sabes quiero puedo"
    ),
    "en": (
        "the and you is to it that of what this be are do i'm don't have we was can my "
        "your know just hello there here now with for they she his her will would "
        "could should there's it's you're we're that's i'll can't won't didn't where when "
        "who why how right well yes thanks sorry please mom dad"
    ),
}
# Signs one language writes and the other does not: Spanish's accents, ñ and opening marks;
# English's contractions (`it's`, `don't`, `we'll`).
_SPANISH_SIGNS = re.compile(r"[¿¡ñáéíóú]")
_ENGLISH_SIGNS = re.compile(r"[a-z]'(?:s|t|m|re|ll|ve|d)\b")
# Words of a file name after its language: `movie.es.forced.srt`, `movie.en.hi.srt`.
_NAME_TAGS = frozenset({"forced", "sdh", "cc", "hi", "default", "full", "sub", "subs", "subtitles"})
_ENCODING_NAMES = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16", "utf-32": "UTF-32", "cp1252": "Windows-1252",
    "cp1250": "Windows-1250", "latin-1": "ISO-8859-1", "iso8859-15": "ISO-8859-15",
    "mac-roman": "Mac Roman", "cp850": "IBM 850", "ascii": "ASCII",
}  # fmt: skip


def clean_cue(raw: str) -> tuple[str, str]:
    """Cue text -> (plain text, display markup with `<i>` and `<br>` only).

    Accepts SubStation overrides (`{\\i1}`, `{\\an8}`, `\\N`) and SRT/WebVTT HTML tags alike.
    """
    text = raw
    if "\\" in text:
        text = text.replace("\\N", "\n").replace("\\n", "\n")
        if "\\h" in text:
            text = text.replace("\\h", " ")
    if "{" not in text and "<" not in text:  # no markup: the common case, kept cheap
        plain = _tidy(text)
        markup = escape(plain, quote=False) if "&" in plain or ">" in plain else plain
        return plain, markup.replace("\n", "<br>") if "\n" in markup else markup
    if text.startswith("<i>") and text.endswith("</i>"):  # a whole cue in italics, kept cheap
        inner = text[3:-4]
        if inner and "{" not in inner and "<" not in inner and _is_tidy(inner):
            return inner, f"<i>{escape(inner, quote=False)}</i>".replace("\n", "<br>")
    return _clean_marked_up(text)


def _clean_marked_up(text: str) -> tuple[str, str]:
    """`clean_cue`'s general path, for any text whose `\\N` and `\\h` are already replaced."""
    plain_parts: list[str] = []
    markup_parts: list[str] = []
    italic = False
    position = 0
    for match in _MARKUP.finditer(text):
        _append(text[position : match.start()], italic, plain_parts, markup_parts)
        italic = _italic_after(match, italic)
        position = match.end()
    _append(text[position:], italic, plain_parts, markup_parts)
    markup = "".join(markup_parts).replace("</i><i>", "")
    return _tidy("".join(plain_parts)), _tidy(markup).replace("\n", "<br>")


def _italic_after(match: re.Match[str], italic: bool) -> bool:
    """Whether text after an override block or tag is in italics."""
    override, closing, tag = match.groups()
    if override is not None:
        for flag in _ITALIC_TAG.findall(override):
            italic = flag == "1"
        return italic
    if tag.lower() == "i":
        return not closing
    return italic


def _append(piece: str, italic: bool, plain: list[str], markup: list[str]) -> None:
    if not piece:
        return
    plain.append(piece)
    markup.append(
        f"<i>{escape(piece, quote=False)}</i>"
        if italic and piece.strip()
        else escape(piece, quote=False)
    )


def _tidy(text: str) -> str:
    """Single spaces, no blank lines, nothing around the lines (cheap when already so)."""
    if _is_tidy(text):
        return text
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _is_tidy(text: str) -> bool:
    """No two blanks in a row, no blanks but spaces and line breaks, none at either end."""
    spaced = text.replace("\n", " ") if "\n" in text else text
    if spaced.isprintable():  # so its only space is " ": plain string tests say it all
        return "  " not in spaced and spaced == spaced.strip()
    return not _UNTIDY.search(text) and text == text.strip()


def fold(text: str) -> str:
    """Lower-case without accents, so a search for `como` finds `Cómo`."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def format_time(ms: int) -> str:
    """`1:02:03.450`, or `2:03.450` under an hour; a minus sign for negative times."""
    sign = "-" if ms < 0 else ""
    seconds, millis = divmod(abs(ms), 1000)
    minutes, secs = divmod(seconds, 60)
    hours, mins = divmod(minutes, 60)
    if hours:
        return f"{sign}{hours}:{mins:02d}:{secs:02d}.{millis:03d}"
    return f"{sign}{mins}:{secs:02d}.{millis:03d}"


def format_csv_time(ms: int) -> str:
    """`01:02:03.450`: fixed width, sorts as text."""
    seconds, millis = divmod(max(ms, 0), 1000)
    minutes, secs = divmod(seconds, 60)
    hours, mins = divmod(minutes, 60)
    return f"{hours:02d}:{mins:02d}:{secs:02d}.{millis:03d}"


def parse_time(text: str) -> int | None:
    """`1:02:03`, `2:03.5`, `95` (seconds) -> milliseconds; None when it is not a time."""
    match = _TIME.match(text)
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    ms = int(fraction.ljust(3, "0")) if fraction else 0
    return ((int(hours or 0) * 60 + int(minutes or 0)) * 60 + int(seconds)) * 1000 + ms


def encoding_name(encoding: str) -> str:
    """A codec name as people know it: `cp1252` -> `Windows-1252`."""
    try:
        canonical = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    return _ENCODING_NAMES.get(canonical, canonical.upper())


def language_from_name(path: Path) -> str | None:
    """The language a file name declares: `movie.es.srt`, `movie.spa.forced.srt`,
    `movie.Spanish.srt`, `movie_es.srt`. Only the word before the suffix (and its tags) counts:
    `Bajo.la.misma.luna.srt` says nothing (its `la` is a word of the title, not Latin)."""
    parts = path.name.split(".")[1:-1] or path.stem.replace("-", "_").split("_")[-1:]
    while len(parts) > 1 and parts[-1].strip().lower() in _NAME_TAGS:  # `movie.hi.srt`: Hindi
        parts = parts[:-1]
    return _language_code(parts[-1].strip().lower()) if parts else None


def _language_code(word: str) -> str | None:
    if len(word) == 2 and word in _known_codes():
        return word
    if len(word) == 3 and word in _THREE_LETTER:
        return _THREE_LETTER[word]
    if "-" in word and len(word) == 5:
        return _language_code(word[:2])
    return _language_names().get(fold(word)) if len(word) > 3 else None


@cache
def _known_codes() -> frozenset[str]:
    # babel's locale data loads when a track's language is guessed, after the first paint.
    from babel import Locale  # noqa: PLC0415

    codes: list[str] = list(Locale("en").languages)
    return frozenset(code for code in codes if len(code) == 2)


@cache
def _language_names() -> dict[str, str]:
    """Language names in English and Spanish (folded) -> two-letter code."""
    # babel's locale data loads when a track's language is guessed, after the first paint.
    from babel import Locale  # noqa: PLC0415

    names: dict[str, str] = {}
    for ui in ("en", "es"):
        for code, name in Locale(ui).languages.items():
            if len(code) == 2:
                names.setdefault(fold(name), code)
    names["castellano"] = "es"
    return names


def language_from_text(text: str) -> str | None:
    """`es` or `en` when the text's frequent words and signs (accents, `¿`, contractions) say
    so clearly; otherwise None. A few lines are enough: a short `.ass` or `.vtt` track names
    no language in its file."""
    sample = text[:20000].casefold()
    words = fold(sample).replace("¿", " ").replace("¡", " ").split()
    scores = dict.fromkeys(_STOPWORDS, 0)
    for word in words:
        bare = word.strip(".,;:!?\"'…-—()[]")
        for lang, stop in _stopword_sets().items():
            if bare in stop:
                scores[lang] += 1
    scores["es"] += len(_SPANISH_SIGNS.findall(sample))
    scores["en"] += len(_ENGLISH_SIGNS.findall(sample.replace("’", "'")))
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_other, second) = ranked[0], ranked[1]
    return best if top >= 2 and top > 2 * second else None


@cache
def _stopword_sets() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
