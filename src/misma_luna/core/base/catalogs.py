"""The app's compiled gettext catalogs: which languages exist, reading one, choosing one.

A damaged or missing catalog is a `CatalogError` naming the file; `i18n.activate()` puts a
catalog read here in force. A catalog is checked as it is read (`catalog_rules`): a
translation whose placeholders differ from its source is left out (the source text shows)
and a plural rule that is not sound is replaced by English's; both are kept as `problems`.
"""

from __future__ import annotations

import gettext
import io
import os
import struct
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from misma_luna.core.base import catalog_rules
from misma_luna.core.base.errors import CatalogError
from misma_luna.core.base.i18n import SOURCE_LANGUAGE, _

if TYPE_CHECKING:
    from gettext import _TranslationsReader

DOMAIN = "misma_luna"
# How many left-out translations a problem report quotes.
QUOTED = 3
_MO_MAGIC = {0x950412DE: "<", 0xDE120495: ">"}


class CheckedTranslations(gettext.GNUTranslations):
    """A compiled catalog read and checked: `problems` says what was left out, and why."""

    problems: list[str]
    plural: Callable[[int], int]

    def _parse(self, fp: _TranslationsReader) -> None:
        data = fp.read()
        super()._parse(io.BytesIO(data))
        self.problems = []
        self._check_plural_rule()
        self._drop_unfit(lambda: _plural_ids(data, self.charset() or "ascii"))

    def _check_plural_rule(self) -> None:
        header = self.info().get("plural-forms")
        rule = catalog_rules.GERMANIC
        if header is not None:
            try:
                rule = catalog_rules.plural_rule(header)
            except catalog_rules.RuleError as exc:
                self.problems.append(
                    _("its plural rule is wrong ({reason}); the English rule is used").format(
                        reason=exc
                    )
                )
        self.plural = rule.form

    def _drop_unfit(self, read_plural_ids: Callable[[], dict[str, str]]) -> None:
        catalog: dict[object, str] = self._catalog  # type: ignore[attr-defined]
        unfit: set[str] = set()
        plural_ids: dict[str, str] | None = None  # read only if a plural form needs them
        for key, translation in catalog.items():
            if "{" not in translation and "}" not in translation:
                continue  # no replacement field: nothing it could reach (most messages)
            source = key[0] if isinstance(key, tuple) else str(key)
            if not source or catalog_rules.fits((source,), translation):
                continue
            if isinstance(key, tuple):
                plural_ids = read_plural_ids() if plural_ids is None else plural_ids
                if catalog_rules.fits((source, plural_ids.get(source, source)), translation):
                    continue
            unfit.add(source)
        for key in [k for k in catalog if (k[0] if isinstance(k, tuple) else k) in unfit]:
            del catalog[key]
        if unfit:
            self.problems.append(_left_out(sorted(unfit)))


def _left_out(sources: list[str]) -> str:
    quoted = ", ".join(repr(source[:60]) for source in sources[:QUOTED])
    return _(
        "{count} translations use placeholders their English text does not have, so the "
        "English text is shown instead: {examples}"
    ).format(count=len(sources), examples=quoted)


def _plural_ids(data: bytes, charset: str) -> dict[str, str]:
    """Each plural message's singular id with its plural id, read from `.mo` bytes."""
    found: dict[str, str] = {}
    try:
        order = _MO_MAGIC[struct.unpack("<I", data[:4])[0]]
        count, originals = struct.unpack(order + "II", data[8:16])
        for index in range(count):
            length, offset = struct.unpack(order + "II", data[originals + 8 * index :][:8])
            message = data[offset : offset + length]
            if b"\0" in message:
                singular, _nul, plural = message.partition(b"\0")
                found[singular.decode(charset)] = plural.decode(charset)
    except (KeyError, struct.error, UnicodeDecodeError, LookupError):
        return found
    return found


def catalog_problems(translations: gettext.NullTranslations, path: Path) -> list[CatalogError]:
    """What checking a catalog read by `load_translations` left out, as errors naming it."""
    problems: list[str] = getattr(translations, "problems", [])
    return [CatalogError(path, problem) for problem in problems]


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
            return CheckedTranslations(handle)
    except FileNotFoundError:
        raise CatalogError(path, _("there is no catalog for this language")) from None
    except (
        OSError, struct.error, ValueError, UnicodeDecodeError, LookupError, IndexError,
        SyntaxError, RecursionError, MemoryError,
    ) as exc:  # fmt: skip
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
