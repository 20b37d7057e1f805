"""Words in core: base forms and bands, counterparts from a film's pairs, the store, coverage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from misma_luna.core.words import lexicon, schema
from misma_luna.core.words.counterparts import TranslationTable
from misma_luna.core.words.coverage import coverage
from misma_luna.core.words.store import WordsError, WordsStore, words_path
from misma_luna.core.words.word import Sighting, highlight_spans

PAIRS = [
    ("La casa es grande.", "The house is big."),
    ("Mi casa es tu casa.", "My house is your house."),
    ("El perro es grande.", "The dog is big."),
    ("Tengo un perro.", "I have a dog."),
    ("Tengo dos gatos y una familia.", "I have two cats and a family."),
    ("La familia come.", "The family eats."),
]


def test_base_forms_and_bands() -> None:
    assert lexicon.base_form("casas", "es") == "casa"
    assert lexicon.base_form("Houses", "en") == "house"
    assert lexicon.band("casa", "es", lexicon.zipf("casa", "es")) == lexicon.TOP
    rare = lexicon.zipf("quetzalcóatl", "es")
    assert lexicon.band("quetzalcóatl", "es", rare) == lexicon.RARE
    assert "1,000" in lexicon.band_label(lexicon.TOP)


@pytest.mark.parametrize(
    ("line", "opening"),
    [("- ¿Qué? - Nada, Pedro.", ["Qué", "Nada"]), ('Le dije: "Vete" ya.', ["Le", "Vete"]),
     ("Hola, —Pedro viene.", ["Hola"]), ("Son 3.5 Kilos. Bueno", ["Son", "Bueno"])],
)  # fmt: skip
def test_placed_tokens_know_where_a_sentence_starts(line: str, opening: list[str]) -> None:
    placed = lexicon.placed_tokens(line)
    texts = [t.text for t in placed]
    assert [line[t.start : t.end] for t in placed] == texts == lexicon.tokens(line)
    assert [t.text for t in placed if t.sentence_start] == opening
    names = [t.text for t in placed if t.looks_like_name and not t.is_number]
    assert names == [w for w in ("Pedro", "Kilos") if w in line]


def test_counterpart_learned_from_the_pairs() -> None:
    table = TranslationTable(PAIRS)
    assert table.size == len(PAIRS)
    best = table.suggest("perro", "The dog is big.")
    assert best[0].word == "dog"
    assert 0 < best[0].confidence <= 1
    assert table.suggest("casa", "My house is your house.")[0].word == "house"


def test_cognates_and_numbers_help() -> None:
    table = TranslationTable(PAIRS)
    assert table.suggest("familia", "I have two cats and a family.")[0].word == "family"
    assert table.suggest("dos", "I have two cats and a family.")[0].word == "two"
    assert TranslationTable([]).suggest("3", "3 cats")[0].word == "3"


def test_highlight_spans_ignore_case_and_accents() -> None:
    line = "¿Cómo estás? Como siempre."
    assert [line[a:b] for a, b in highlight_spans(line, "como")] == ["Cómo", "Como"]


def sighting(text: str = "perro", film: str = "film-a") -> Sighting:
    return Sighting(text, "es", "El perro es grande.", film, "The dog is big.", "en", 61_500)


def test_store_collects_once_per_film_and_searches(tmp_path: Path) -> None:
    with WordsStore.open(words_path(tmp_path)) as store:
        word, new = store.collect(sighting("Perros"))
        assert new and word.base == "perro" and word.time_ms == 61_500
        again, new = store.collect(sighting("perros"))
        assert not new and again.id == word.id
        store.collect(sighting("grande", film="film-b"))
        word = store.update(word, meaning="a dog", counterpart="dog", confidence=1.0)
        assert store.words("film-a")[0].meaning == "a dog"
        assert [w.text for w in store.words(search="DOG")] == ["Perros"]
        assert len(store.words()) == 2
        assert store.film_ids() == ["film-a", "film-b"]
        store.delete(word.id)
        assert [w.text for w in store.words()] == ["grande"]
        with pytest.raises(WordsError):
            store.collect(sighting("  ¿? "))
    with sqlite3.connect(words_path(tmp_path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_read_only_store_refuses_to_write(tmp_path: Path) -> None:
    WordsStore.open(words_path(tmp_path)).close()
    store = WordsStore.open(words_path(tmp_path), read_only=True)
    with store, pytest.raises(WordsError, match="read-only"):
        store.collect(sighting())


def test_damaged_file_is_set_aside(tmp_path: Path) -> None:
    path = words_path(tmp_path)
    path.write_bytes(b"SQLite format 3\0" + b"\xff" * 4096)
    with WordsStore.open(path) as store:
        assert "damaged" in store.notice
        store.collect(sighting())
    assert list((tmp_path / "damaged").glob("words-damaged-*"))


def test_coverage_counts_common_and_collected_words() -> None:
    lines = ["El perro come.", "Quetzalcóatl vuela 3 veces."]
    plain = coverage(lines, "es", set())
    assert plain.words == 6
    known = coverage(lines, "es", {"quetzalcoatl"})
    assert known.known == plain.known + 1
    assert 0 < known.share < 1 and known.verdict()
