"""Dates, durations, lists and names, as each language writes them."""

from __future__ import annotations

import pytest

from misma_luna.core.base import formatting as fmt


@pytest.mark.parametrize(
    ("language", "minutes", "hours"),
    [("en", "109 minutes", "1h 49m"), ("es", "109 minutos", "1h 49min")],
)
def test_running_time(language: str, minutes: str, hours: str) -> None:
    assert fmt.format_minutes(109, language) == minutes
    assert fmt.format_hours_minutes(109, language) == hours


def test_year_month_and_lists() -> None:
    assert fmt.format_year_month(2007, 1, "en") == "January 2007"
    assert fmt.format_year_month(2007, 1, "es") == "enero de 2007"
    assert fmt.format_list(["México", "Estados Unidos"], "es") == "México y Estados Unidos"
    assert fmt.format_list(["Mexico", "United States"], "en") == "Mexico and United States"


def test_names_of_places_and_languages() -> None:
    assert fmt.country_name("MX", "es") == "México"
    assert fmt.country_name("US", "en") == "United States"
    assert fmt.language_name("en", "es") == "inglés"
    assert fmt.native_language_name("es") == "Español"
    assert fmt.native_language_name("en") == "English"


def test_an_unknown_language_code_is_shown_as_it_is_never_as_english() -> None:
    assert fmt.native_language_name("xx") == "xx"
    assert fmt.native_language_name("tlh-QQ") == "tlh-QQ"


def test_numbers_follow_the_language() -> None:
    assert fmt.format_number(10000.5, "en") == "10,000.5"
    assert fmt.format_number(10000.5, "es") == "10.000,5"
