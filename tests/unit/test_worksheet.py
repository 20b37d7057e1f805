"""Worksheets composed from the bundled film: gaps, word bank, versions, key, scene errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from misma_luna.core.base.i18n import Translator
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.package import FilmPackage, load_package_dir
from misma_luna.core.words.store import WordsStore
from misma_luna.core.words.word import Sighting
from misma_luna.core.worksheets.compose import (
    Worksheet,
    WorksheetOptions,
    compose_worksheet,
    glossary_notice,
    read_parts,
)
from misma_luna.core.worksheets.gapfill import BLANK, Gap
from misma_luna.core.worksheets.html import worksheet_html
from misma_luna.core.worksheets.questions import load_questions, save_questions
from misma_luna.core.worksheets.scene import SceneLine, WorksheetError, read_time
from misma_luna.core.worksheets.vocabulary import collected_in, gap_candidates

SCENE = (0, 130_000)  # the bundled film's first phone call


@pytest.fixture(scope="module")
def film() -> FilmPackage:
    return load_package_dir(bundled_film_dir())


def make(film: FilmPackage, **options: object) -> Worksheet:
    return compose_worksheet(film, WorksheetOptions(**options), ["¿Dónde está Rosario?"])  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["es", "en"])
def test_gaps_are_numbered_in_order_and_all_the_same_length(
    film: FilmPackage, language: str
) -> None:
    sheet = make(film, language=language)
    gaps = [p for line in sheet.gapfill.lines for p in line.pieces if isinstance(p, Gap)]
    assert [gap.number for gap in gaps] == list(range(1, len(gaps) + 1))
    assert len(gaps) >= 5
    assert len(BLANK) % 2 == 0 and {len(gap.blank) - len(str(gap.number)) for gap in gaps} == {11}
    assert all(f"({gap.number}) {BLANK}" in line.text for gap, line in _gap_lines(sheet))


def _gap_lines(sheet: Worksheet) -> list[tuple[Gap, object]]:
    return [(p, line) for line in sheet.gapfill.lines for p in line.pieces if isinstance(p, Gap)]


def test_the_key_fills_the_gaps_and_the_bank_is_the_answers_shuffled(film: FilmPackage) -> None:
    sheet = make(film)
    key = sheet.gapfill.key
    for gap, line in _gap_lines(sheet):
        filled = "".join(p.answer if isinstance(p, Gap) else p for p in line.pieces)  # type: ignore[attr-defined]
        assert gap in key and gap.answer in filled
    assert sorted(w.lower() for w in sheet.gapfill.bank) == sorted(g.answer.lower() for g in key)
    assert list(sheet.gapfill.bank) != [gap.bank_word for gap in key]


def test_versions_differ_and_each_is_reproducible(film: FilmPackage) -> None:
    a1, a2, b = make(film, version="A"), make(film, version="A"), make(film, version="B")
    assert a1.gapfill == a2.gapfill
    assert [g.answer for g in a1.gapfill.key] != [g.answer for g in b.gapfill.key]


def test_glossary_is_rare_words_in_base_form_or_the_collected_ones(film: FilmPackage) -> None:
    sheet = make(film, language="es", glossary_size=5)
    assert len(sheet.glossary) == 5
    assert all(entry.lemma == entry.lemma.lower() and entry.counterpart for entry in sheet.glossary)
    collected = make(film, language="es", collected=["luna", "teléfonos", "zzz"])
    assert [entry.lemma for entry in collected.glossary] == ["luna", "teléfono"]


def test_collected_words_from_the_store_make_the_glossary(
    film: FilmPackage, tmp_path: Path
) -> None:
    with WordsStore.open(tmp_path / "words.sqlite3") as store:
        for text, language in (("mijo", "es"), ("plantado", "es"), ("kiddo", "en")):
            store.collect(Sighting(text, language, "…", film.id))
        store.collect(Sighting("chamaco", "es", "…", "another-film"))
        words = store.words(film.id)
    assert collected_in(words, "es") == ["mijo", "plantado"]
    sheet = make(film, span=SCENE, collected=collected_in(words, "es"))
    assert [entry.lemma for entry in sheet.glossary] == ["mijo", "plantar"]
    assert not sheet.glossary_fallback and glossary_notice(sheet) == ""
    english = make(film, span=SCENE, language="en", collected=collected_in(words, "en"))
    assert [entry.lemma for entry in english.glossary] == ["kiddo"]


@pytest.mark.parametrize(
    ("collected", "notice"),
    [(["bicicleta"], "None of the words you collected"), ([], "not collected any Spanish words")],
)
def test_no_collected_word_in_the_scene_falls_back_to_the_rare_ones_and_says_so(
    film: FilmPackage, collected: list[str], notice: str
) -> None:
    sheet = make(film, span=SCENE, collected=collected)
    assert sheet.glossary_fallback and notice in glossary_notice(sheet)
    assert sheet.glossary == make(film, span=SCENE).glossary and len(sheet.glossary) > 0
    without = make(film, span=SCENE, collected=collected, parts=frozenset({"title", "script"}))
    assert glossary_notice(without) == ""  # no glossary printed: nothing to say


def test_gap_candidates_leave_out_names_shouts_and_numbers() -> None:
    line = SceneLine(0, "Ventana. El arco-iris de Pedro brilla 1000 veces: PELIGRO.", "")
    found = gap_candidates(line, "es")
    assert [t.text for t in found] == ["Ventana", "arco-iris", "brilla", "veces"]
    assert found[0].plain == "ventana" and found[1].plain == "arco-iris"


def test_html_has_every_part_and_the_key_on_its_own_page(film: FilmPackage) -> None:
    html = worksheet_html(make(film, hints=True), Translator())
    assert re.search(r"\(1\) _{8}", html)
    assert "<thead>" in html and "page-break-before: always" in html
    assert "¿Dónde está Rosario?" in html and "Answer key" in html


@pytest.mark.parametrize(
    ("span", "problem"),
    [((600_000, 300_000), "before it starts"), ((9_000_000, None), "after the film ends"),
     ((600_000, 840_000), "no one speaks")],
)  # fmt: skip
def test_a_bad_scene_is_one_clear_error(film: FilmPackage, span: tuple, problem: str) -> None:
    with pytest.raises(WorksheetError, match=problem):
        make(film, span=span)


def test_times_and_parts_as_typed() -> None:
    assert read_time("1:02:03") == read_time("62:03") == 3_723_000
    with pytest.raises(WorksheetError):
        read_time("soon")
    assert read_parts(["cloze", "Key"]) == {"gapfill", "key"}
    with pytest.raises(KeyError):
        read_parts(["poem"])


def test_questions_are_kept_per_film(tmp_path: Path) -> None:
    path = tmp_path / "q.json"
    save_questions(path, "one", ["Why?", "  ", "Who  is it?"])
    save_questions(path, "two", ["When?"])
    assert load_questions(path, "one") == ["Why?", "Who is it?"]
    assert load_questions(path, "three") == []
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(WorksheetError):
        load_questions(path, "one")


def test_the_glossary_and_the_gaps_leave_out_sounds_and_misspellings() -> None:
    from misma_luna.core.worksheets.scene import Scene
    from misma_luna.core.worksheets.vocabulary import glossary

    said = [
        "Ohhh, heyyy! Ahh, the brocolli is wierd.",
        "Shh. The puddle by the stairway is withering.",
        "Yeahhh, the umbrella and the seatbelt.",
    ]
    lines = tuple(SceneLine(n * 1000, text, "…") for n, text in enumerate(said))
    scene = Scene(0, 4000, "en", "es", lines)
    words = [entry.lemma for entry in glossary(scene, size=20)]
    assert {"puddle", "stairway", "umbrella", "seatbelt"} <= set(words)
    assert not {"ohhh", "heyyy", "ahh", "brocolli", "wierd", "shh", "yeahhh"} & set(words)
    chosen = glossary(scene, size=20, collected=["wierd", "puddle"])
    assert [entry.lemma for entry in chosen] == ["wierd", "puddle"]  # the reader's choice
    blanks = {token.text.lower() for line in lines for token in gap_candidates(line, "en")}
    assert "puddle" in blanks and not {"ohhh", "heyyy", "brocolli", "wierd", "yeahhh"} & blanks


@pytest.mark.parametrize(
    ("word", "language", "sound"),
    [
        ("ohhh", "en", True),
        ("ohh", "en", True),
        ("shh", "en", True),
        ("uy", "es", True),
        ("ayyy", "es", True),
        ("too", "en", False),  # its last letter doubled, but "to" is no sound
        ("llamar", "es", False),
        ("cooperate", "en", False),
    ],
)
def test_a_sound_spelt_as_a_word_is_told_from_a_word(word: str, language: str, sound: bool) -> None:
    from misma_luna.core.words.lexicon import is_sound

    assert is_sound(word, language) is sound
