"""The app's own catalogs: template up to date, Spanish complete, placeholders intact."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import polib
import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from misma_luna.core.base import catalog_rules, catalogs, i18n
from misma_luna.core.base.errors import CatalogError
from misma_luna.core.base.resources import locale_dir

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
LANGUAGES = sorted(p.parent.parent.name for p in (ROOT / "i18n").glob("*/LC_MESSAGES/*.po"))


def load_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def template_entries(catalog: Catalog) -> dict[tuple[str | None, object], tuple[object, ...]]:
    """What a translator sees of each message: id, plural, context, comments, files.

    Headers (generator, dates) are left out: they change with the Babel release, not the app.
    """
    return {
        (message.context, message.id): (
            tuple(message.auto_comments),
            tuple(sorted({path for path, _ in message.locations})),
        )
        for message in catalog
        if message.id
    }


def test_template_is_not_stale() -> None:
    tool = load_tool()
    with (ROOT / "i18n" / "misma_luna.pot").open("rb") as file:
        committed = read_po(file)
    fresh = tool.extract()
    assert template_entries(committed) == template_entries(fresh), (
        "run `make pot` and translate the new entries"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete(language: str) -> None:
    po = polib.pofile(str(ROOT / "i18n" / language / "LC_MESSAGES" / "misma_luna.po"))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated and not fuzzy, (untranslated, fuzzy)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language: str) -> None:
    po = polib.pofile(str(ROOT / "i18n" / language / "LC_MESSAGES" / "misma_luna.po"))
    for entry in po.translated_entries():
        wanted = set(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            wanted |= set(PLACEHOLDER.findall(entry.msgid_plural))
            for form in entry.msgstr_plural.values():
                assert set(PLACEHOLDER.findall(form)) <= wanted, entry.msgid
                assert "{" not in form or set(PLACEHOLDER.findall(form)), entry.msgid
        else:
            assert set(PLACEHOLDER.findall(entry.msgstr)) == wanted, entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_pass_the_formatter_check(language: str) -> None:
    """The rule the app applies when it loads a catalog: `str.format`'s own parser, plain
    names only, no field the source lacks; and a sound plural header."""
    po = polib.pofile(str(ROOT / "i18n" / language / "LC_MESSAGES" / "misma_luna.po"))
    catalog_rules.plural_rule(po.metadata["Plural-Forms"])
    for entry in po.translated_entries():
        sources = [entry.msgid, *([entry.msgid_plural] if entry.msgid_plural else [])]
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            assert catalog_rules.fits(sources, form), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_catalogs_load_without_problems(language: str) -> None:
    loaded = catalogs.load_translations(locale_dir(), language)
    path = catalogs.catalog_path(locale_dir(), language)
    assert catalogs.catalog_problems(loaded, path) == []


def test_compiled_catalogs_are_found_and_offered() -> None:
    assert catalogs.available_languages(locale_dir()) == sorted({"en", *LANGUAGES})
    spanish = catalogs.load_translations(locale_dir(), "es")
    assert spanish.gettext("&File") == "&Archivo"
    assert spanish.ngettext("Country", "Countries", 2) == "Países"


def test_active_catalog_is_read_at_call_time() -> None:
    try:
        i18n.activate("es", catalogs.load_translations(locale_dir(), "es"))
        assert i18n._("&View") == "&Ver"
        i18n.activate("en", catalogs.load_translations(locale_dir(), "en"))
        assert i18n._("&View") == "&View"
    finally:
        i18n.activate("en", catalogs.load_translations(locale_dir(), "en"))


def test_damaged_catalog_is_reported(tmp_path: Path) -> None:
    broken = tmp_path / "es" / "LC_MESSAGES" / "misma_luna.mo"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"\xde\x12\x04\x95garbage")
    with pytest.raises(CatalogError) as caught:
        catalogs.load_translations(tmp_path, "es")
    assert caught.value.path == broken


@pytest.mark.parametrize(
    ("preferred", "expected"),
    [(["es-MX", "en-US"], "es"), (["fr_FR", "es"], "es"), (["de"], "en"), ([], "en")],
)
def test_best_language_follows_the_system(preferred: list[str], expected: str) -> None:
    assert catalogs.best_language(preferred, ["en", "es"]) == expected


def test_environment_languages_in_posix_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "es_MX:en")
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "pt_BR.UTF-8")
    assert catalogs.environment_languages() == ["es_MX", "en", "pt_BR"]
    assert catalogs.best_language(catalogs.environment_languages(), ["en", "es"]) == "es"
