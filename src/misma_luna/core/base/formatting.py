"""Dates, numbers, lists, durations and names of places and languages, in a given language.

Everything goes through babel's CLDR data, which is imported on first use only: the first
paint should not pay for locale data it does not show.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import datetime as dt

    from babel import Locale


@cache
def _locale(language: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def native_language_name(code: str) -> str:
    """A language's name in itself, capitalised as a menu entry: `Español`, `English`; a
    code the locale data does not know is shown as it is (`xx`), never as English."""
    locale = _locale(code)
    if locale.language != code.replace("-", "_").split("_")[0].lower():
        return code
    return first_capital(locale.get_display_name(locale) or code)


def language_name(code: str, language: str) -> str:
    """The name of language `code`, written in `language`."""
    name: str = _locale(language).languages.get(code, code)
    return name


def country_name(code: str, language: str) -> str:
    """The name of country `code` (ISO 3166), written in `language`."""
    name: str = _locale(language).territories.get(code.upper(), code)
    return name


def format_list(items: list[str], language: str) -> str:
    """`a, b and c` / `a, b y c`."""
    from babel.lists import format_list as babel_format_list

    return babel_format_list(items, locale=_locale(language)) if items else ""


def format_number(number: float, language: str) -> str:
    """A number with the language's separators."""
    from babel.numbers import format_decimal

    text: str = format_decimal(number, locale=_locale(language))
    return text


def format_percent(share: float, language: str) -> str:
    """A share (0.84) as a whole percentage with the language's digits ("84%")."""
    return format_number(round(share * 100), language) + "%"


def first_capital(text: str) -> str:
    """`text` with a capital first letter, as at the start of a line ("español" ->
    "Español"); the rest as it was."""
    return text[:1].upper() + text[1:]


def format_minutes(
    minutes: int, language: str, length: Literal["short", "long", "narrow"] = "long"
) -> str:
    """`109 minutes` / `109 minutos`."""
    from babel.units import format_unit

    text: str = format_unit(minutes, "duration-minute", length=length, locale=_locale(language))
    return text


def format_hours_minutes(minutes: int, language: str) -> str:
    """A duration in hours and minutes, written compactly: `1h 49m` / `1h 49min`."""
    from babel.lists import format_list as babel_format_list
    from babel.units import format_unit

    locale = _locale(language)
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(format_unit(hours, "duration-hour", length="narrow", locale=locale))
    if rest or not hours:
        parts.append(format_unit(rest, "duration-minute", length="narrow", locale=locale))
    text: str = babel_format_list(parts, style="unit-narrow", locale=locale)
    return text


def format_year_month(year: int, month: int, language: str) -> str:
    """`January 2007` / `enero de 2007`."""
    import datetime as dt

    from babel.dates import format_skeleton

    text: str = format_skeleton("yMMMM", dt.date(year, month, 1), locale=_locale(language))
    return text


def format_date(
    day: dt.date, language: str, length: Literal["full", "long", "medium", "short"] = "long"
) -> str:
    """`November 21, 2026` / `21 de noviembre de 2026`."""
    from babel.dates import format_date as babel_format_date

    text: str = babel_format_date(day, format=length, locale=_locale(language))
    return text


def format_time(moment: dt.datetime | dt.time, language: str) -> str:
    """A time of day as the language writes it: `10:42 AM` / `10:42`."""
    from babel.dates import format_time as babel_format_time

    text: str = babel_format_time(moment, format="short", locale=_locale(language))
    return text


def format_datetime(moment: dt.datetime, language: str) -> str:
    """A date with its time, medium length."""
    from babel.dates import format_datetime as babel_format_datetime

    text: str = babel_format_datetime(moment, format="medium", locale=_locale(language))
    return text
