"""Real FreeDict data, as Debian installs it (CI installs dict-freedict-spa-eng and
dict-freedict-eng-spa): words looked up in both directions, and the same dictionary turned
into StarDict files here answering exactly as the dictd one does."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from tests.unit.test_words_stardict import write_stardict

from misma_luna.core.words.dictionaries import dictd, stardict
from misma_luna.core.words.dictionaries.shelf import Shelf

FOLDER = dictd.SYSTEM_FOLDER
SPA_ENG = FOLDER / "freedict-spa-eng.index"
ENG_SPA = FOLDER / "freedict-eng-spa.index"

pytestmark = pytest.mark.skipif(
    not (SPA_ENG.is_file() and ENG_SPA.is_file()),
    reason="FreeDict's dictd files are not installed here (apt-get install "
    "dict-freedict-spa-eng dict-freedict-eng-spa; CI installs them)",
)


@pytest.fixture(scope="module")
def shelf() -> Shelf:
    return Shelf(folders=[FOLDER])


def test_both_directions_are_found_with_their_languages(shelf: Shelf) -> None:
    found = {d.name: (d.source, d.target) for d in shelf.dictionaries()}
    assert found["freedict-spa-eng"] == ("es", "en")
    assert found["freedict-eng-spa"] == ("en", "es")


@pytest.mark.parametrize(
    ("words", "language", "meaning"),
    [
        (["casa"], "es", "house"),
        (["Árbol"], "es", "tree"),
        (["arbol"], "es", "tree"),  # accents ignored
        (["perros", "perro"], "es", "dog"),  # the base form when the word itself is missing
        (["moon"], "en", "luna"),
        (["TREE"], "en", "árbol"),
    ],
)
def test_real_words(shelf: Shelf, words: list[str], language: str, meaning: str) -> None:
    entries = shelf.look_up(words, language)
    assert entries, words
    name = "freedict-spa-eng" if language == "es" else "freedict-eng-spa"
    assert all(dictionary == name for dictionary, _entry in entries)
    assert any(meaning in entry.splitlines()[1:] for _name, entry in entries), entries


def test_every_real_headword_is_found(shelf: Shelf) -> None:
    for index in (SPA_ENG, ENG_SPA):
        dictionary = dictd.dictionary_at(index)
        assert dictionary is not None
        headwords = _headwords(index)
        assert len(headwords) > 1000
        for word in random.Random(19).sample(headwords, 200):
            entries = dictionary.lookup(word)
            assert entries and all(entry for entry in entries), word


def test_the_same_dictionary_as_stardict_answers_alike(tmp_path: Path) -> None:
    dictionary = dictd.dictionary_at(SPA_ENG)
    assert dictionary is not None
    words = random.Random(7).sample(_headwords(SPA_ENG), 300)
    entries = {word: "\n\n".join(dictionary.lookup(word)).encode() for word in set(words)}
    ifo = write_stardict(tmp_path, "spa-eng", compressed=True, entries=entries)
    converted = stardict.dictionary_at(ifo)
    assert converted is not None
    for word in words:
        assert converted.lookup(word) == ["\n\n".join(dictionary.lookup(word))], word


def _headwords(index: Path) -> list[str]:
    lines = index.read_text(encoding="utf-8").splitlines()
    words = {line.split("\t")[0] for line in lines if not line.startswith("00")}
    return sorted(word for word in words if word.strip())
