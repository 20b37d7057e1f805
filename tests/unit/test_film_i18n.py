"""Translators' workflow: template from review + film.toml, fuzzy merge, completeness check."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from misma_luna.cli import main as cli
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.loading import load_film
from misma_luna.core.film.translation import broken_placeholders, check_package, template_entries

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the bundled film, free to edit."""
    return Path(shutil.copytree(bundled_film_dir(), tmp_path / "film"))


def test_template_uses_the_keys_the_app_looks_up(package: Path) -> None:
    assert cli.main(["film", "template", str(package)]) == 0
    pot = polib.pofile(str(package / "i18n" / "template.pot"))
    film = load_film(package)
    ids = {(entry.msgctxt, entry.msgid) for entry in pot}
    assert {(None, block.text) for block in film.review.blocks} <= ids
    assert ("film:genre", film.facts.texts["genre"]) in ids
    first = pot.find(film.review.blocks[0].text)
    assert first is not None
    assert first.comment == "review block: heading"
    assert len(pot) == len(template_entries(film))


def test_bundled_package_is_complete_and_template_keeps_it_so(package: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert cli.main(["film", "check", str(package)]) == 0
    assert cli.main(["film", "template", str(package)]) == 0
    assert cli.main(["film", "check", str(package)]) == 0
    assert "es: 29 of 29 translated" in capsys.readouterr().out


def test_changed_block_becomes_fuzzy_and_check_fails(package: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    review = package / "review.md"
    review.write_text(
        review.read_text().replace("Neither quite manages", "Neither of them quite manages")
    )
    assert cli.main(["film", "template", str(package)]) == 0
    entry = next(
        e for e in polib.pofile(str(package / "i18n" / "es.po")) if "Neither of" in e.msgid
    )
    assert entry.fuzzy
    assert entry.msgstr.startswith("Esas llamadas")
    assert cli.main(["film", "check", str(package)]) == 1
    out = capsys.readouterr().out
    assert "1 fuzzy" in out
    assert "fuzzy: Those calls" in out


def test_untranslated_and_broken_placeholders_fail_the_check(package: Path) -> None:
    catalog = polib.pofile(str(package / "i18n" / "es.po"))
    catalog[0].msgstr = ""
    entry = next(e for e in catalog if "Neither quite manages" in e.msgid)
    review = package / "review.md"
    review.write_text(review.read_text().replace(entry.msgid, entry.msgid + " {count}"))
    entry.msgid += " {count}"
    entry.msgstr += " {cuenta}"
    catalog.save()
    (report,) = check_package(package)
    assert report.untranslated == [catalog[0].msgid]
    assert report.broken == [entry.msgid]
    assert report.translated == report.total - 2
    assert cli.main(["film", "check", str(package)]) == 1


def test_placeholder_comparison() -> None:
    assert not broken_placeholders("{a} and {b}", "{b} y {a}")
    assert broken_placeholders("{a}", "{A}")
    assert broken_placeholders("{a}", "sin nada")


def test_bad_input_is_one_line_and_exit_2(capsys) -> None:  # type: ignore[no-untyped-def]
    assert cli.main(["film", "check", str(HOSTILE / "bad-po")]) == 2
    assert cli.main(["film", "check", str(HOSTILE / "missing")]) == 2
    assert cli.main(["film", "template", str(HOSTILE / "broken-toml")]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 3
    assert "es.po:7" in errors[0]
    assert "film.toml:6" in errors[2]
