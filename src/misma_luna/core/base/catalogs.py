"""The app's compiled gettext catalogs: which languages exist, reading one, choosing one.

A damaged or missing catalog is a `CatalogError` naming the file; `i18n.activate()` puts a
catalog read here in force.
"""

from __future__ import annotations

import gettext
import os
import struct
from pathlib import Path

from misma_luna.core.base.errors import CatalogError
from misma_luna.core.base.i18n import SOURCE_LANGUAGE, _

DOMAIN = "misma_luna"


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
