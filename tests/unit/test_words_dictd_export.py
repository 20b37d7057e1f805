"""Dictionaries in the dictd format written here, and the Anki and CSV exports read back."""

from __future__ import annotations

import csv
import sqlite3
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from misma_luna.core.words.dictionaries import dictd
from misma_luna.core.words.dictionaries.dictzip import DictionaryError
from misma_luna.core.words.dictionaries.shelf import Shelf
from misma_luna.core.words.export import MODEL_NAME, stable_id, write_apkg, write_words
from misma_luna.core.words.store import WordsStore, words_path
from misma_luna.core.words.word import Sighting, Word

ENTRIES = {
    "casa": "casa /ˈkasa/\n house, home",
    "perro": "perro\n dog",
    "árbol": "árbol\n tree",
}
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64(number: int) -> str:
    digits = ""
    while True:
        number, rest = divmod(number, 64)
        digits = _B64[rest] + digits
        if not number:
            return digits


def dictd_text(entries: dict[str, str]) -> tuple[bytes, str]:
    """The `.dict` bytes and the `.index` text for `entries`."""
    body, index = b"", []
    for word, text in sorted(entries.items()):
        data = (text + "\n").encode("utf-8")
        index.append(f"{word}\t{b64(len(body))}\t{b64(len(data))}")
        body += data
    return body, "\n".join(index) + "\n"


def dictzip(data: bytes, chunk: int = 16) -> bytes:
    """`data` as a dictzip file: gzip with a chunk table, each chunk deflated on its own."""
    pieces = []
    for start in range(0, len(data), chunk):
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        pieces.append(comp.compress(data[start : start + chunk]) + comp.flush(zlib.Z_FULL_FLUSH))
    pieces[-1] += zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    sizes = [len(piece) for piece in pieces]
    table = struct.pack(f"<HHH{len(sizes)}H", 1, chunk, len(sizes), *sizes)
    extra = b"RA" + struct.pack("<H", len(table)) + table
    header = b"\x1f\x8b\x08\x04" + b"\0" * 4 + b"\x00\x03" + struct.pack("<H", len(extra))
    trailer = struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)
    return header + extra + b"".join(pieces) + trailer


def write_dictionary(folder: Path, name: str, compressed: bool) -> None:
    body, index = dictd_text(ENTRIES)
    (folder / f"{name}.index").write_text(index, encoding="utf-8")
    if compressed:
        (folder / f"{name}.dict.dz").write_bytes(dictzip(body))
    else:
        (folder / f"{name}.dict").write_bytes(body)


@pytest.mark.parametrize("compressed", [True, False])
def test_dictd_lookup(tmp_path: Path, compressed: bool) -> None:
    write_dictionary(tmp_path, "freedict-spa-eng", compressed)
    (tmp_path / "freedict-spa-eng.index").open("a").write("00databaseurl\tA\tB\n")
    shelf = Shelf(folders=[tmp_path, tmp_path / "missing"])
    found = shelf.dictionaries()
    assert [(d.name, d.source, d.target) for d in found] == [("freedict-spa-eng", "es", "en")]
    assert shelf.look_up(["Arbol"], "es") == [("freedict-spa-eng", "árbol\n tree")]
    assert "house, home" in shelf.look_up(["casa"], "es")[0][1]
    assert shelf.look_up(["casa"], "en") == []
    assert shelf.look_up(["00databaseurl"], "es") == []
    assert dictd.decode_number("BAC") == 4098


def test_damaged_dictionary_names_the_file(tmp_path: Path) -> None:
    write_dictionary(tmp_path, "freedict-spa-eng", True)
    dz = tmp_path / "freedict-spa-eng.dict.dz"
    dz.write_bytes(dz.read_bytes()[:30])
    dictionary = dictd.dictionary_at(tmp_path / "freedict-spa-eng.index")
    assert dictionary is not None
    with pytest.raises(DictionaryError, match=r"freedict-spa-eng\.dict\.dz"):
        dictionary.lookup("perro")


def collected(tmp_path: Path) -> list[Word]:
    with WordsStore.open(words_path(tmp_path)) as store:
        line = "<b>El</b> perro & el gato."
        store.collect(Sighting("perro", "es", line, "film-a", "The dog & the cat.", "en", 3000))
        word, _new = store.collect(Sighting("gato", "es", line, "film-a"))
        store.update(word, meaning="cat")
        return store.words()


def read_notes(apkg: Path) -> list[tuple[str, str, int]]:
    with zipfile.ZipFile(apkg) as package:
        assert "collection.anki2" in package.namelist()
        database = apkg.with_suffix(".anki2")
        database.write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(database) as conn:
        return conn.execute("SELECT guid, flds, mid FROM notes ORDER BY guid").fetchall()


def test_apkg_has_stable_guids_and_fields(tmp_path: Path) -> None:
    words = collected(tmp_path)
    first, second = tmp_path / "one.apkg", tmp_path / "two.apkg"
    write_apkg(words, first, title=lambda film: f"Film {film}")
    write_apkg(words, second, title=lambda film: f"Film {film}")
    notes = read_notes(first)
    assert [guid for guid, _f, _m in notes] == [guid for guid, _f, _m in read_notes(second)]
    assert all(mid == stable_id(MODEL_NAME) for _g, _f, mid in notes)
    fields = {f.split("\x1f")[0]: f.split("\x1f") for _g, f, _m in notes}
    perro = fields["perro"]
    assert perro[1] == "&lt;b&gt;El&lt;/b&gt; <b>perro</b> &amp; el gato."
    assert perro[2] == "perro"
    assert perro[4] == "The dog &amp; the cat."
    assert perro[6] == "Film film-a" and perro[7] == "0:03"
    assert fields["gato"][3] == "cat"


def test_csv_export_and_unknown_format(tmp_path: Path) -> None:
    words = collected(tmp_path)
    target = tmp_path / "words.csv"
    write_words(words, target)
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[0][:2] == ["word", "base"] and len(rows) == 3
    with pytest.raises(Exception, match=r"words\.txt"):
        write_words(words, tmp_path / "words.txt")
