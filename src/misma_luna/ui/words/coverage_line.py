"""The sentence over the words table: how much of the film's tracks the reader will follow."""

from __future__ import annotations

from functools import lru_cache

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _, active_language
from misma_luna.core.words.coverage import DEFAULT_COMMON, Coverage, coverage
from misma_luna.core.words.store import WordsStore
from misma_luna.ui.words.film_lines import FilmLines


def coverage_text(lines: FilmLines, store: WordsStore, film_id: str) -> str:
    """One sentence per track of the film on screen, or what to open to get one."""
    if lines.film_id != film_id or not any(lines.languages):
        return _("Open this film's subtitles to see how much of it you will understand.")
    ui = active_language()
    parts = []
    for language in lines.languages:
        found = lines.lines(language)
        if not language or not found:
            continue
        result = _coverage(tuple(found), language, frozenset(store.known_keys(language)))
        # TRANSLATORS: {language} is a language's name, {share} a percentage such as 84%, {count} a
        # number of words, {verdict} "comfortable", "some effort" or "hard going".
        parts.append(
            _(
                "{language}: {share} of the words you will hear are among the {count} most "
                "common or in your words ({verdict})"
            ).format(
                language=_capitalized(fmt.language_name(language, ui)),
                share=fmt.format_number(round(result.share * 100), ui) + "%",
                count=fmt.format_number(DEFAULT_COMMON, ui),
                verdict=result.verdict(),
            )
        )
    return "\n".join(parts) or _("This film's subtitles have no words to count.")


@lru_cache(maxsize=8)
def _coverage(lines: tuple[str, ...], language: str, known: frozenset[str]) -> Coverage:
    """`coverage`, counted once per film, language and words known: a language switch only
    says it again in other words."""
    return coverage(lines, language, known)


def _capitalized(name: str) -> str:
    """A language's name at the start of a line ("español" -> "Español")."""
    return name[:1].upper() + name[1:]
