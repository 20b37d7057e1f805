"""The app's own words: gettext catalogs per language, and the `_` family that reads them.

`_()`, `ngettext()`, `pgettext()` and `N_()` read the active catalog at call time, so text
built after a language switch is in the new language. Film content has its own catalogs
(`core.content`); this module is only for the app's interface.
"""

from __future__ import annotations

import gettext
import os
import struct
from pathlib import Path

from misma_luna.core.base.errors import CatalogError

DOMAIN = "misma_luna"
SOURCE_LANGUAGE = "en"


class _Active:
    """The catalog in force; replaced as a whole by `activate()`."""

    translations: gettext.NullTranslations = gettext.NullTranslations()
    language: str = SOURCE_LANGUAGE


def _(message: str) -> str:
    """Translate `message` with the active catalog."""
    return _Active.translations.gettext(message)


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark `message` for extraction; it is translated later, where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The plural form for `n` in the active language."""
    return _Active.translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate a short `message` whose meaning depends on `context`."""
    return _Active.translations.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """`ngettext` with a context."""
    return _Active.translations.npgettext(context, singular, plural, n)


def active_language() -> str:
    """The language code of the catalog in force."""
    return _Active.language


def activate(language: str, translations: gettext.NullTranslations) -> None:
    """Make `translations` the catalog every `_()` call reads from now on."""
    _Active.translations = translations
    _Active.language = language


def catalog_path(locale_dir: Path, language: str) -> Path:
    """Where the compiled catalog of `language` lives."""
    return locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def available_languages(locale_dir: Path) -> list[str]:
    """The source language plus every language with a compiled catalog, sorted."""
    found = {SOURCE_LANGUAGE}
    found.update(mo.parent.parent.name for mo in locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return sorted(found)


def load_translations(locale_dir: Path, language: str) -> gettext.NullTranslations:
    """Read the compiled catalog of `language`; raise `CatalogError` if it is unreadable."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    path = catalog_path(locale_dir, language)
    try:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except FileNotFoundError:
        raise CatalogError(path, _("there is no catalog for this language")) from None
    except (OSError, struct.error, ValueError, UnicodeDecodeError) as exc:
        raise CatalogError(path, _("the catalog is damaged ({reason})").format(reason=exc)) from exc


def environment_languages() -> list[str]:
    """The user's languages as the POSIX environment states them, most wanted first."""
    found = [os.environ.get(name, "") for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")]
    return [tag.split(".")[0] for value in found for tag in value.split(":") if tag]


def best_language(preferred: list[str], available: list[str]) -> str:
    """The first of the user's `preferred` languages (`es-MX`, `es_MX` or `es`) we offer."""
    for tag in preferred:
        code = tag.replace("-", "_").split("_")[0].lower()
        if code in available:
            return code
    return SOURCE_LANGUAGE
