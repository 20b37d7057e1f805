"""The app's own words: the active catalog, and the `_` family that reads it.

`_()`, `ngettext()`, `pgettext()` and `N_()` read the active catalog at call time, so text
built after a language switch is in the new language. Catalogs are found and read by
`catalogs`; film content has its own (`core.film.content`). This is the one source of
truth for the active language of the app's own words.
"""

from __future__ import annotations

import gettext
from typing import NamedTuple

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


def active_translator() -> Translator:
    """The catalog in force as a value, for code that takes its words explicitly."""
    return Translator(_Active.language, _Active.translations)


class Translator(NamedTuple):
    """The app's words in one language, handed to code that writes in a language that need
    not be the active one (a Spanish sheet for an English reader); activates nothing."""

    language: str = SOURCE_LANGUAGE
    translations: gettext.NullTranslations = gettext.NullTranslations()

    def gettext(self, message: str) -> str:
        """Translate `message` into this language."""
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The plural form for `n` in this language."""
        return self.translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """Translate a short `message` whose meaning depends on `context`."""
        return self.translations.pgettext(context, message)
