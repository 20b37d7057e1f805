"""Known words, how hard a film is (per film and per line, i+1 lines, words to learn first),
and Anki decks with two card directions and a cloze card, read back from the .apkg."""

from __future__ import annotations

import sqlite3
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.words import lexicon
from misma_luna.core.words.coverage import (
    COMFORTABLE_LEVEL,
    EFFORT_LEVEL,
    HARD_LEVEL,
    coverage_of_counts,
    film_level,
    level_of,
    track_names,
    vocabulary,
)
from misma_luna.core.words.export import cloze_line, write_apkg
from misma_luna.core.words.known import guess_language, read_word_list
from misma_luna.core.words.store import WordsStore
from misma_luna.core.words.word import Sighting

LINES = [
    "El perro come pan en la cocina.",
    "Mi abuela come tamales con Xóchitl.",
    "La lavandería está en la casa.",
    "¡Hola!",
]


def test_levels_follow_the_coverage_research() -> None:
    assert level_of(0.96) == COMFORTABLE_LEVEL
    assert level_of(0.85) == EFFORT_LEVEL
    assert level_of(0.7) == HARD_LEVEL


def test_level_counts_lines_one_new_word_and_words_to_learn() -> None:
    plain = film_level(LINES, "es", frozenset())
    names = [word for line in plain.lines for word in line.unknown]
    assert "xóchitl" not in names  # a name inside a sentence is not counted
    unknown = {line.index: line.unknown for line in plain.lines}
    assert unknown[2] == ("lavandería",)
    assert 2 in [line.index for line in plain.one_new]
    assert 3 not in [line.index for line in plain.one_new]  # too short to learn from
    assert "lavandería" in [base for base, _count in plain.to_learn]
    knowing = film_level(LINES, "es", frozenset({lexicon.key("lavandería")}))
    assert knowing.coverage.known == plain.coverage.known + 1
    assert knowing.coverage.reader == 1
    assert 2 not in [line.index for line in knowing.one_new]


def test_counts_give_the_same_coverage_as_lines() -> None:
    known = frozenset({"tamal"})
    counted = coverage_of_counts(vocabulary(LINES, "es"), "es", known)
    assert counted == film_level(LINES, "es", known).coverage
    # Counts kept before sounds were left out of the running words give the same coverage.
    older = vocabulary(LINES, "es") + Counter({"ohhh": 3, "uy": 2})
    assert coverage_of_counts(older, "es", known) == counted


def test_known_words_marked_imported_and_unmarked(tmp_path: Path) -> None:
    listing = tmp_path / "known.txt"
    listing.write_bytes(
        "casas\nlavandería\n# a comment\nuna frase entera\nperro\n".encode("cp1252")
    )
    with WordsStore.open(tmp_path / "words.sqlite3") as store:
        done = store.import_known(listing)
        assert (done.added, done.already, done.skipped, done.language) == (3, 0, 1, "es")
        assert {"casa", "lavanderia", "perro"} <= store.known("es")
        again = store.import_known(listing)
        assert (again.added, again.already) == (0, 3)
        word, _new = store.collect(Sighting("gatos", "es", "Los gatos duermen.", "film"))
        known = store.known("es")
        assert store.known("es") is known  # read once
        store.set_known(word.text, "es")
        assert store.is_known("gato", "es") and "gato" in store.known("es")
        store.set_known("gatos", "es", known=False)
        assert not store.is_known("gatos", "es") and "gato" not in store.known("es")
        store.save_vocabulary("film", "es", {"perro": 3, "xolo": 1})
        coverage = store.film_coverages()["film"]["es"]
        assert coverage.words == 4 and coverage.reader == 3
        assert store.film_coverage("film") == [coverage]
        assert store.film_coverage("never-opened") == []


def test_a_file_that_is_not_a_word_list_is_named(tmp_path: Path) -> None:
    prose = tmp_path / "story.txt"
    prose.write_text("Había una vez un gato.\nEl gato dormía mucho.\nFin\n", encoding="utf-8")
    with pytest.raises(MismaLunaError) as caught:
        read_word_list(prose)
    assert "story.txt" in caught.value.message
    binary = tmp_path / "image.png"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(MismaLunaError, match=r"image\.png"):
        read_word_list(binary)
    assert guess_language(["the", "house", "because"]) == "en"


def _word(store: WordsStore, text: str, line: str, meaning: str = ""):  # type: ignore[no-untyped-def]
    word, _new = store.collect(Sighting(text, "es", line, "film-a", "The {x} line.", "en", 1000))
    return store.update(word, meaning=meaning) if meaning else word


def test_apkg_has_both_directions_a_cloze_and_stable_guids(tmp_path: Path) -> None:
    with WordsStore.open(tmp_path / "words.sqlite3") as store:
        words = [_word(store, "perro", "El perro {come}.", "dog"), _word(store, "gato", "Sin él.")]
    guids = []
    for name in ("one.apkg", "two.apkg"):
        target = tmp_path / name
        write_apkg(words, target, cloze=True)
        database = tmp_path / f"{name}.anki2"
        database.write_bytes(zipfile.ZipFile(target).read("collection.anki2"))
        with sqlite3.connect(database) as conn:
            guids.append(conn.execute("SELECT guid, flds FROM notes ORDER BY guid").fetchall())
            models = conn.execute("SELECT models FROM col").fetchone()[0]
            cards = conn.execute("SELECT count(*) FROM cards").fetchone()[0]
        conn.close()
    assert guids[0] == guids[1]
    fields = [row[1] for row in guids[0]]
    assert len(fields) == 3  # two word notes, one cloze ("gato" is not in its line)
    assert any("{{c1::perro::dog}}" in f and "&#123;come&#125;" in f for f in fields)
    assert '"Recognise"' in models and '"Produce"' in models and "cloze:Text" in models
    assert cards == 5
    assert cloze_line(words[1]) == ""


def test_a_name_that_opens_a_sentence_is_a_name_all_through_the_track() -> None:
    lines = ["¿Rylie? ¡Rylie!", "Ya llegó Rylie a la casa.", "La casa es grande."]
    assert "rylie" in track_names(lines, "es")
    assert "rylie" not in vocabulary(lines, "es")
    level = film_level(lines, "es", frozenset(), common=50)
    assert all("rylie" not in line.unknown for line in level.lines)
    assert "rylie" not in [word for word, _count in level.to_learn]
    # A word the track also writes in lower case is a word, wherever it is capitalised.
    assert "casa" not in track_names(["La Casa del Sol.", "Mi casa."], "es")


def test_the_words_to_learn_first_are_words_of_the_language() -> None:
    lines = ["Ohhhhhhh, el cohete.", "Ohhhhhhh, otro cohete.", "Ohhhhhhh, ya."]
    learn = [word for word, _count in film_level(lines, "es", frozenset(), common=20).to_learn]
    assert "cohete" in learn
    assert "ohhhhhhh" not in learn


def test_a_sound_spelt_as_a_word_is_not_a_word_to_learn_first() -> None:
    # wordfreq knows these from the web; a learner has nothing to learn in them.
    lines = ["¡Ahhh! Mmm, el cohete.", "Ahhh, nooo, otro cohete.", "Shhh. Ay. Ay, uy. Llamar."]
    learn = [word for word, _count in film_level(lines, "es", frozenset(), common=20).to_learn]
    assert "cohete" in learn and "llamar" in learn
    assert not {"ahhh", "mmm", "nooo", "shhh", "ay", "uy"} & set(learn)
    english = ["Ohhh, the rocket.", "Ha! Ohhh, cooperate! Zzz.", "Brrr. Ah, ha. Cooperate."]
    learn = [word for word, _count in film_level(english, "en", frozenset(), common=20).to_learn]
    assert "cooperate" in learn and not {"ohhh", "zzz", "brrr", "ha", "ah"} & set(learn)


def test_a_misspelling_is_not_a_word_to_learn_first() -> None:
    # wordfreq knows "wierd" and "brocolli" from the web; the dictionary does not.
    lines = ["It smells wierd.", "Wierd brocolli.", "Brocolli and a rocket.", "A rocket!"]
    learn = [word for word, _count in film_level(lines, "en", frozenset(), common=20).to_learn]
    assert "rocket" in learn and not {"wierd", "brocolli"} & set(learn)


def test_a_sound_is_no_running_word_so_a_line_with_one_new_word_is_found() -> None:
    # "Ohhh" is neither familiar nor new: the line's one new word is "cohete".
    level = film_level(["¡Ohhh, mira el cohete!"], "es", frozenset())
    [line] = level.lines
    assert line.unknown == ("cohete",)
    assert level.one_new == (line,)
    assert level.coverage.words == 3  # mira, el, cohete


def test_words_known_through_another_connection_show_at_once(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite3"
    with WordsStore.open(path) as window, WordsStore.open(path, back_up=False) as command:
        assert window.known("es") == frozenset()  # read once, and kept
        command.add_known(["lavandería"], "es")  # as `misma-luna words import` does
        assert lexicon.key("lavandería") in window.known("es")
        window.set_known("lavandería", "es", known=False)
        assert window.known("es") == frozenset() == command.known("es")
