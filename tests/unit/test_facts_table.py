"""The facts table: one set of labelled rows for the film pane and the sheet, in any language."""

from __future__ import annotations

from dataclasses import replace

from misma_luna.core.base import i18n
from misma_luna.core.base.resources import locale_dir
from misma_luna.core.film.content import ContentCatalog
from misma_luna.core.film.facts_table import FactLine, facts_table, pick
from misma_luna.core.sheets.compose import sheet_labels


def _rows(film, language: str = "en") -> dict[str, tuple[str, tuple[FactLine, ...]]]:  # type: ignore[no-untyped-def]
    labels = sheet_labels(language, locale_dir())
    return {
        row.key: (row.label, row.lines) for row in facts_table(film.localized(language), labels)
    }


def test_english_rows_have_labels_and_plain_text_values(bundled_film) -> None:
    rows = _rows(bundled_film)
    assert rows["year"] == ("Year", (FactLine("2007"),))
    assert rows["directors"] == ("Director", (FactLine("Patricia Riggen"),))
    assert rows["countries"][0] == "Countries"
    assert rows["runtime"][1][0].text.startswith("109 minutes (")
    assert FactLine("Kate del Castillo as Rosario") in rows["cast"][1]
    assert FactLine("Maya Zapata") in rows["cast"][1]
    assert rows["awards"][0] == "Award" and len(rows["awards"][1]) == 1
    assert list(rows)[:3] == ["year", "genre", "countries"]


def test_labels_follow_the_count_of_what_they_label(bundled_film) -> None:
    facts = bundled_film.facts._replace(
        directors=("Patricia Riggen", "Otra Persona"), countries=("MX",)
    )
    rows = _rows(replace(bundled_film, facts=facts))
    assert rows["directors"][0] == "Directors"
    assert rows["countries"] == ("Country", (FactLine("Mexico"),))


def test_rows_in_spanish_leave_the_active_language_alone(bundled_film) -> None:
    rows = _rows(bundled_film, "es")
    assert rows["cast"][0] == "Reparto" and rows["runtime"][0] == "Duración"
    assert rows["runtime"][1][0].text.startswith("109 minutos")
    assert rows["countries"][1][0].text == "México y Estados Unidos"
    assert i18n.active_language() == "en"


def test_a_field_shown_untranslated_carries_a_note(bundled_film) -> None:
    empty = {"es": ContentCatalog("es", {})}
    rows = _rows(replace(bundled_film, catalogs=empty), "es")
    genre = rows["genre"][1][0]
    assert genre.text == bundled_film.facts.texts["genre"]
    assert genre.note == "(sin traducir: se muestra en inglés)"
    assert rows["year"][1][0].note == ""


def test_empty_facts_have_no_row_and_pick_keeps_the_order_asked(bundled_film) -> None:
    facts = bundled_film.facts._replace(writers=(), rating=None, premiere=None)
    rows = facts_table(replace(bundled_film, facts=facts).localized("en"))
    keys = [row.key for row in rows]
    assert "writers" not in keys and "rating" not in keys and "premiere" not in keys
    assert [row.key for row in pick(rows, ("cast", "year", "writers"))] == ["cast", "year"]
