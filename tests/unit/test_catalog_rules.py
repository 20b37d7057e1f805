"""Translations as code: placeholders and plural rules checked when built and when loaded."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from misma_luna.core.base import catalog_rules, catalogs
from misma_luna.core.base.catalog_rules import CatalogBuildError, compile_catalog
from misma_luna.core.film.content import ContentCatalog, TranslationState

HOSTILE_TRANSLATIONS = (
    "{x.__class__.__init__.__globals__}",
    "{count.__class__}",
    "{count[0]}",
    "{0}",
    "{}",
    "{count:>99999999}",
    "{count!r}",
    "{count:{width}}",
    "{cuenta}",
    "{count",
    "count}",
)


@pytest.mark.parametrize("translation", HOSTILE_TRANSLATIONS)
def test_hostile_placeholders_do_not_fit(translation: str) -> None:
    assert not catalog_rules.fits(["{count} note", "{count} notes"], translation)


def test_fitting_translations() -> None:
    assert catalog_rules.fits(["{count} note", "{count} notes"], "una nota")
    assert catalog_rules.fits(["{a} and {b}"], "{b} y {a}")
    assert catalog_rules.fits(["50 {{percent}}"], "50 {{por ciento}}")


@pytest.mark.parametrize(
    "header",
    [
        "nplurals=2; plural=n%0;",
        "nplurals=99999999; plural=(n != 1);",
        "nplurals=0; plural=0;",
        "nplurals=2; plural=(n > 1 ? 5 : 0);",
        "nplurals=2; plural=n/0;",
        "nplurals=2; plural=__import__('os');",
        "nplurals=2; plural=" + "(" * 200 + "n" + ")" * 200 + ";",
        "nplurals=x; plural=n;",
        "",
    ],
)
def test_unsound_plural_headers_are_refused(header: str) -> None:
    with pytest.raises(catalog_rules.RuleError):
        catalog_rules.plural_rule(header)


def test_sound_plural_rules_and_safe_forms() -> None:
    russian = catalog_rules.plural_rule(
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    )
    assert [russian.form(n) for n in (1, 2, 5, 21)] == [0, 1, 2, 0]
    broken = catalog_rules.PluralRule(2, "n%0", lambda n: n % 0)
    assert broken.form(3) == 1  # a formula that fails still gives a form, in range


def _mo(tmp_path: Path, header: str, messages: list[tuple[object, object]]) -> Path:
    catalog = Catalog(locale="es")
    catalog._num_plurals = 2  # babel reads it from the header it writes below
    for msgid, msgstr in messages:
        catalog.add(msgid, msgstr)
    catalog.add("", f"Content-Type: text/plain; charset=utf-8\nPlural-Forms: {header}\n")
    path = catalogs.catalog_path(tmp_path, "es")
    path.parent.mkdir(parents=True)
    with path.open("wb") as out:
        write_mo(out, catalog)
    return path


def test_a_catalog_with_code_in_it_loads_checked(tmp_path: Path) -> None:
    path = _mo(
        tmp_path,
        "nplurals=2; plural=n%0;",
        [
            ("Hello {name}", "{name.__class__.__init__.__globals__}"),
            ("&File", "&Archivo"),
            (("{count} note", "{count} notes"), ("{count} nota", "{count[0]} notas")),
            ("Width {width}", "Ancho {width:>99999999}"),
        ],
    )
    loaded = catalogs.load_translations(tmp_path, "es")
    assert loaded.gettext("&File") == "&Archivo"
    assert loaded.gettext("Hello {name}") == "Hello {name}"  # left out: the source shows
    assert loaded.gettext("Width {width}").format(width=3) == "Width 3"
    for n in (0, 1, 2, 10**9):
        text = loaded.ngettext("{count} note", "{count} notes", n).format(count=n)
        assert text.startswith(str(n))
    problems = catalogs.catalog_problems(loaded, path)
    assert len(problems) == 2
    assert all(p.path == path for p in problems)
    assert "plural" in problems[0].message


def test_build_refuses_a_huge_plural_count_at_once(tmp_path: Path) -> None:
    po = tmp_path / "es.po"
    entries = "".join(
        f'msgid "{i} thing"\nmsgid_plural "{i} things"\nmsgstr[0] "x"\n\n' for i in range(200)
    )
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=99999999; plural=(n != 1);\\n"\n\n' + entries,
        encoding="utf-8",
    )
    start = time.process_time()
    with pytest.raises(CatalogBuildError, match="nplurals"):
        compile_catalog(po, tmp_path / "es.mo", "es")
    assert time.process_time() - start < 60  # generous: Babel alone would need gigabytes
    assert not (tmp_path / "es.mo").exists()


def test_build_leaves_out_translations_with_foreign_placeholders(tmp_path: Path) -> None:
    po = tmp_path / "es.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Hello {name}"\nmsgstr "Hola {x.__class__}"\n\n'
        'msgid "&File"\nmsgstr "&Archivo"\n',
        encoding="utf-8",
    )
    warnings = compile_catalog(po, catalogs.catalog_path(tmp_path, "es"), "es")
    assert len(warnings) == 1 and "Hello {name}" in warnings[0]
    loaded = catalogs.load_translations(tmp_path, "es")
    assert loaded.gettext("Hello {name}") == "Hello {name}"
    assert loaded.gettext("&File") == "&Archivo"


def test_film_content_translations_are_checked_on_load(tmp_path: Path) -> None:
    po = tmp_path / "es.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=99999999; plural=n%0;\\n"\n\n'
        'msgid "A moon {title}"\nmsgstr "Una luna {title.__class__}"\n\n'
        'msgid "Braces } stay"\nmsgstr "Las llaves } quedan"\n\n'
        'msgid "Same moon"\nmsgstr "Misma luna"\n',
        encoding="utf-8",
    )
    catalog = ContentCatalog.from_file(po, "es")
    assert catalog.translate("A moon {title}").state is TranslationState.MISSING
    assert catalog.translate("Braces } stay").text == "Las llaves } quedan"
    assert catalog.translate("Same moon").text == "Misma luna"
    assert len(catalog.problems) == 2
