"""The film's paired lines as the Words pane needs them: counterparts and coverage.

The shell hands over the subtitle rows (plain text, both languages); the translation tables
are learned once per film and direction, on first use.
"""

from __future__ import annotations

from misma_luna.core.words.counterparts import Suggestion, TranslationTable


class FilmLines:
    """One film's subtitle lines in two languages, paired row by row."""

    def __init__(self, film_id: str = "", languages: tuple[str, str] = ("", ""),
                 rows: list[tuple[str, str]] | None = None,
                 times: list[int] | None = None) -> None:  # fmt: skip
        self.film_id = film_id
        self.languages = languages
        self.rows = list(rows or [])
        # When each row starts (ms), for a jump back to it; empty when not handed over.
        self.times = list(times or [])
        self._tables: dict[str, TranslationTable] = {}

    def lines(self, language: str) -> list[str]:
        """Every line of the track in `language` (none when the film has no such track)."""
        if language not in self.languages or not language:
            return []
        side = self.languages.index(language)
        return [row[side] for row in self.rows if row[side]]

    def line_times(self, language: str) -> list[int | None]:
        """When each of `lines(language)` starts (None when the times are not known)."""
        if language not in self.languages or not language:
            return []
        side = self.languages.index(language)
        times: list[int | None] = list(self.times) if len(self.times) == len(self.rows) else []
        if not times:
            times = [None] * len(self.rows)
        return [time for row, time in zip(self.rows, times, strict=True) if row[side]]

    def suggest(self, text: str, language: str, paired_line: str) -> list[Suggestion]:
        """The words of `paired_line` that most likely translate `text` (in `language`)."""
        if language not in self.languages or not language:
            return TranslationTable([]).suggest(text, paired_line)
        if language not in self._tables:
            side = self.languages.index(language)
            pairs = [(row[side], row[1 - side]) for row in self.rows if row[0] and row[1]]
            self._tables[language] = TranslationTable(pairs)
        return self._tables[language].suggest(text, paired_line)

    def other(self, language: str) -> str:
        """The language of the paired track."""
        if language == self.languages[0]:
            return self.languages[1]
        return self.languages[0] if language == self.languages[1] else ""
