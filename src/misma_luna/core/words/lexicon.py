"""Words of a line: tokens (where each stands, which opens a sentence, which looks like a
name), base forms (simplemma) and how common a word is (wordfreq), both remembered per word,
and which words are worth learning (in the dictionary, not a sound spelt as a word).

Both libraries ship their data, so everything here works offline. A frequency is kept as a
Zipf value (log10 of uses per billion words) and told to the reader as a band.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma
import wordfreq

from misma_luna.core.base.formatting import format_number
from misma_luna.core.base.i18n import _, active_language
from misma_luna.core.subtitles.cue_text import fold

# A word: letters joined by inner apostrophes or hyphens ("don't", "arco-iris"), or a number.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# The most common words a band names by rank.
TOP_RANK = 1000
# Zipf values at and above which a word is common, uncommon; below: rare.
COMMON_ZIPF = 4.0
UNCOMMON_ZIPF = 3.0
# Bands, from the most common.
TOP, COMMON, UNCOMMON, RARE = "top", "common", "uncommon", "rare"
LANGUAGES = ("es", "en")
# What may stand between a sentence's end and its first word: spaces, quotes, speakers' dashes.
_BEFORE_A_WORD = " \t\n\u00a0\"'“”«»‘’-–—"
# What ends a sentence, or opens one ("¿", "¡", a colon before a quotation).
_SENTENCE_MARKS = ".!?¡¿…:"


@dataclass(frozen=True)
class Token:
    """A word as it stands in a line: where it starts and ends, its text, and whether it is
    the first of a sentence."""

    start: int
    end: int
    text: str
    sentence_start: bool = False

    @property
    def is_number(self) -> bool:
        """A number ("3", "1,000"), not a word."""
        return self.text[:1].isdigit()

    @property
    def looks_like_name(self) -> bool:
        """Capitalised away from a sentence's start: a name, most likely."""
        return self.text[:1].isupper() and not self.sentence_start


def tokens(text: str) -> list[str]:
    """The words of `text`, in order, as written."""
    return _TOKEN.findall(text)


def spans(text: str) -> list[tuple[int, int]]:
    """Where each word of `text` starts and ends."""
    return [match.span() for match in _TOKEN.finditer(text)]


def placed_tokens(text: str) -> list[Token]:
    """The words of `text` where they stand, the first of each sentence marked as such."""
    found, last = [], 0
    for start, end in spans(text):
        # What stands after the word before (a word ends in a letter or a digit, never a mark).
        before = text[last:start].rstrip(_BEFORE_A_WORD)
        opening = before[-1] in _SENTENCE_MARKS if before else last == 0
        found.append(Token(start, end, text[start:end], opening))
        last = end
    return found


def key(text: str) -> str:
    """A word or phrase folded for matching: lower case, no accents, single spaces."""
    return " ".join(fold(word) for word in tokens(text))


def base_form(text: str, language: str) -> str:
    """The dictionary form of a word ("casas" -> "casa"); a phrase word by word."""
    words = [word.lower() for word in tokens(text)]
    if language not in LANGUAGES:
        return " ".join(words)
    return " ".join(_lemma(word, language) for word in words)


@lru_cache(maxsize=20_000)
def _lemma(word: str, language: str) -> str:
    return str(simplemma.lemmatize(word, lang=language)).lower()


def zipf(text: str, language: str) -> float:
    """How common a word is (a phrase: its rarest word), 0 when unknown."""
    words = tokens(text)
    if not words or language not in LANGUAGES:
        return 0.0
    return min(_word_zipf(word.lower(), language) for word in words)


@lru_cache(maxsize=20_000)
def _word_zipf(word: str, language: str) -> float:
    return float(wordfreq.zipf_frequency(word, language))


def learning_zipf(word: str, language: str) -> float:
    """How common `word` (lower case) is if it is worth learning (`zipf`), else 0."""
    return zipf(word, language) if worth_learning(word, language) else 0.0


def worth_learning(word: str, language: str) -> bool:
    """Whether `word` (lower case) is a word a learner can look up and learn: in the
    language's dictionary, and not a sound spelt as a word."""
    return in_dictionary(word, language) and not is_sound(word, language)


@lru_cache(maxsize=20_000)
def in_dictionary(word: str, language: str) -> bool:
    """Whether `word` (lower case) is in `language`'s dictionary (simplemma's, built from
    Wiktionary), a compound ("arco-iris") when each of its parts is: a misspelling ("wierd",
    "brocolli") or a name is not, though wordfreq may know it from the web."""
    if language not in LANGUAGES:
        return False
    parts = [part for part in word.split("-") if part]
    return bool(parts) and all(simplemma.is_known(part, lang=language) for part in parts)


@lru_cache(maxsize=20_000)
def is_sound(word: str, language: str) -> bool:
    """Whether `word` (lower case) is a sound spelt as a word rather than a word to learn: an
    interjection ("ah", "uy"), or one drawn out in writing ("ohhh", "ahh", "heyyy").
    wordfreq knows them all from the web."""
    sounds = _SOUNDS.get(language, frozenset())
    if word in sounds or _TRIPLED.search(word):
        return True
    shortened = _LAST_DOUBLED.sub(r"\1", word)
    return shortened != word and shortened in sounds


# A letter written three times running is in neither language's spelling of a word.
_TRIPLED = re.compile(r"(\w)\1\1")
# A word's last letter doubled or more ("ohh" for "oh").
_LAST_DOUBLED = re.compile(r"(\w)\1+$")
# Sounds that subtitles spell as words, common in any film.
_SOUNDS = {
    "es": frozenset(
        [
            "ah",
            "aj",
            "ajá",
            "ay",
            "bah",
            "eh",
            "ej",
            "ey",
            "hm",
            "ja",
            "je",
            "ji",
            "jo",
            "oh",
            "uf",
            "uh",
            "uy",
            "mm",
            "sh",
            "psst",
        ]
    ),
    "en": frozenset(
        [
            "ah",
            "aha",
            "aw",
            "eh",
            "er",
            "ha",
            "hah",
            "hey",
            "hm",
            "hmm",
            "huh",
            "oh",
            "ooh",
            "oops",
            "ow",
            "uh",
            "uh-huh",
            "um",
            "wow",
            "yeah",
            "mm",
            "sh",
            "shh",
            "psst",
        ]
    ),
}


@lru_cache(maxsize=8)
def most_common(language: str, count: int) -> frozenset[str]:
    """The `count` most common words of `language`, lower case."""
    if language not in LANGUAGES:
        return frozenset()
    return frozenset(word.lower() for word in wordfreq.top_n_list(language, count))


def band(text: str, language: str, value: float) -> str:
    """The band of a word whose Zipf value is `value`."""
    if len(tokens(text)) == 1 and text.lower().strip() in most_common(language, TOP_RANK):
        return TOP
    if value >= COMMON_ZIPF:
        return COMMON
    return UNCOMMON if value >= UNCOMMON_ZIPF else RARE


def band_label(code: str) -> str:
    """A band as the reader reads it, in the active language."""
    if code == TOP:
        count = format_number(TOP_RANK, active_language())
        return _("one of the {count} most common words").format(count=count)
    labels = {COMMON: _("common"), UNCOMMON: _("uncommon"), RARE: _("rare")}
    return labels.get(code, _("rare"))
