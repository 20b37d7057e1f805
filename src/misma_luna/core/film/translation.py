"""Translators' workflow for film packages: the template, the merge, the completeness check.

The template holds one entry per review block (msgid = the block's Markdown text) and one per
translatable film field (msgctxt `film:<field>`), the keys `LocalizedFilm` looks up. Merging
uses babel, so a block whose text changed keeps its old translation marked fuzzy.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from misma_luna.core.base.errors import FilmError, cannot_write
from misma_luna.core.base.file_writing import write_whole
from misma_luna.core.base.regular_files import read_regular_text
from misma_luna.core.film.content import FIELD_CONTEXT, Key, read_pofile
from misma_luna.core.film.package import FilmPackage, load_package_dir

TEMPLATE_NAME = "template.pot"
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_.]*\}")


class TemplateEntry(NamedTuple):
    """One translatable piece of a film: its (msgctxt, msgid), and what kind of block or
    which field it is."""

    key: Key
    kind: str
    is_field: bool

    @property
    def comment(self) -> str:
        """The extracted comment a translator reads beside it."""
        return template_comment(self.kind, self.is_field)


def template_comment(kind: str, is_field: bool) -> str:
    """ "review block: paragraph", "film field: synopsis"."""
    return f"film field: {kind}" if is_field else f"review block: {kind}"


def template_entries(film: FilmPackage) -> list[TemplateEntry]:
    """Every translatable piece of `film`, in reading order, each once."""
    entries: dict[Key, TemplateEntry] = {}
    for block in film.review.blocks:
        entries.setdefault((None, block.text), TemplateEntry((None, block.text), block.kind, False))
    for name, text in film.facts.texts.items():
        key = (f"{FIELD_CONTEXT}{name}", text)
        entries.setdefault(key, TemplateEntry(key, name, True))
    return list(entries.values())


def template_catalog(film: FilmPackage) -> Any:
    """The package's template as a babel Catalog."""
    # polib loads for `film template` and `film check` only.
    from babel.messages.catalog import Catalog  # noqa: PLC0415

    catalog = Catalog(project=film.id, fuzzy=False)
    for entry in template_entries(film):
        context, msgid = entry.key
        catalog.add(msgid, "", auto_comments=[entry.comment], context=context)
    return catalog


@dataclass(frozen=True)
class TemplateResult:
    """What `update_template` wrote."""

    template: Path
    entries: int
    merged: tuple[Path, ...]


def update_template(folder: Path) -> TemplateResult:
    """Write `i18n/template.pot` from the package and merge it into each `i18n/*.po`."""
    # polib loads for `film template` and `film check` only.
    from babel.messages.pofile import read_po  # noqa: PLC0415

    film = load_package_dir(folder)
    if film.warnings:
        raise film.warnings[0]
    template = template_catalog(film)
    i18n = folder / "i18n"
    try:
        i18n.mkdir(exist_ok=True)
    except OSError as error:
        raise FilmError(i18n, cannot_write(error)) from None
    pot_path = i18n / TEMPLATE_NAME
    _write(pot_path, template)
    merged = []
    for po_path in sorted(i18n.glob("*.po")):
        source = read_regular_text(po_path, within=folder).text
        catalog = read_po(io.StringIO(source), locale=po_path.stem)
        catalog.update(template, update_header_comment=False)
        _write(po_path, catalog)
        merged.append(po_path)
    return TemplateResult(pot_path, len(template), tuple(merged))


def _write(path: Path, catalog: Any) -> None:
    """Write `catalog` to `path` whole, or leave the file as it was."""
    # polib loads for `film template` and `film check` only.
    from babel.messages.pofile import write_po  # noqa: PLC0415

    for message in catalog:
        message.flags.discard("python-format")  # review text is not a Python format string
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, ignore_obsolete=False)
    try:
        write_whole(path, buffer.getvalue())
    except OSError as error:
        raise FilmError(path, cannot_write(error)) from None


@dataclass
class LanguageReport:
    """How complete one language's translation of a package is."""

    language: str
    total: int = 0
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)

    @property
    def translated(self) -> int:
        """Entries translated, current and with their placeholders intact."""
        return self.total - len(self.untranslated) - len(self.fuzzy) - len(self.broken)

    @property
    def complete(self) -> bool:
        """Nothing untranslated, fuzzy or broken."""
        return self.translated == self.total


def check_package(folder: Path) -> list[LanguageReport]:
    """Completeness of each `i18n/*.po` against the package's current text."""
    film = load_package_dir(folder)
    if film.warnings:
        raise film.warnings[0]
    wanted = [entry.key for entry in template_entries(film)]
    reports = []
    for po_path in sorted((folder / "i18n").glob("*.po")):
        catalog = read_pofile(po_path, within=folder)
        found = {(e.msgctxt, e.msgid): e for e in catalog if not e.obsolete}
        reports.append(_report(po_path.stem, wanted, found))
    return reports


def _report(language: str, wanted: list[Key], found: dict[Key, Any]) -> LanguageReport:
    report = LanguageReport(language, total=len(wanted))
    for key in wanted:
        entry = found.get(key)
        if entry is None or not entry.msgstr:
            report.untranslated.append(key[1])
        elif entry.fuzzy:
            report.fuzzy.append(key[1])
        elif broken_placeholders(key[1], entry.msgstr):
            report.broken.append(key[1])
    return report


def broken_placeholders(source: str, translation: str) -> bool:
    """Whether the `{named}` placeholders of `translation` differ from those of `source`."""
    return sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(translation))
