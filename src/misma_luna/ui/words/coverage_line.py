"""The sentence over the words table: how much of the film's tracks the reader will follow.

The levels are counted once per film, language and words known (a language switch only says
them again in other words); the i+1 lines and the words to learn come from the same count.
"""

from __future__ import annotations

from functools import lru_cache

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _, active_language
from misma_luna.core.words.coverage import DEFAULT_COMMON, Level, film_level
from misma_luna.core.words.store import WordsStore
from misma_luna.ui.words.film_lines import FilmLines


def film_levels(lines: FilmLines, store: WordsStore) -> list[Level]:
    """The level of each track of the film on screen that has words."""
    found = []
    for language in lines.languages:
        text = lines.lines(language)
        if language and text:
            found.append(_level(tuple(text), language, store.known(language)))
    return found


def coverage_text(lines: FilmLines, levels: list[Level], film_id: str) -> str:
    """One sentence per track (`levels`, from `film_levels`) of the film on screen, or what
    to open to get one."""
    if lines.film_id != film_id or not any(lines.languages):
        return _("Open this film's subtitles to see how much of it you will understand.")
    parts = [level_sentence(level) for level in levels]
    return "\n".join(parts) or _("This film's subtitles have no words to count.")


def level_sentence(level: Level) -> str:
    """How much of one track the reader will follow, as one sentence."""
    ui = active_language()
    result = level.coverage
    # TRANSLATORS: {language} is a language's name, {share} a percentage such as 84%, {count} a
    # number of words, {verdict} "comfortable", "some effort" or "hard going".
    return _(
        "{language}: {share} of the words you will hear are among the {count} most "
        "common or known to you ({verdict})"
    ).format(
        language=fmt.first_capital(fmt.language_name(result.language, ui)),
        share=fmt.format_percent(result.share, ui),
        count=fmt.format_number(DEFAULT_COMMON, ui),
        verdict=result.verdict(),
    )


@lru_cache(maxsize=8)
def _level(lines: tuple[str, ...], language: str, known: frozenset[str]) -> Level:
    """`film_level`, counted once per film, language and words known."""
    return film_level(lines, language, known)
